"""The exception hierarchy: every error broadsheet raises on purpose.

::

    BroadsheetError
     ├── ModelError            a value the model cannot hold (also a ValueError)
     ├── OptionError           an unknown or ill-typed reader/writer option
     ├── UnknownFormatError    a format name, extension or content nobody reads
     ├── SourceError           the input could not be obtained (missing file, HTTP)
     ├── ReadError             the input was obtained but cannot be read
     │    ├── SchemaError      it parses but does not fit the format (with a path)
     │    ├── VersionError     it declares a format version this release cannot read
     │    └── LimitError       it is too large or too deeply nested to read safely
     └── WriteError            the document cannot be written in the asked format
          └── OutputError      the output file cannot be written

Warnings say that something was left out of an output that is still valid;
the command line prints each as one line::

    UserWarning
     └── BroadsheetWarning        something left out; the output is still valid
          ├── ImageWarning        an image left out of an EPUB (its caption stays)
          └── PdfWarning          something the PDF writer left out or replaced
               └── MissingGlyphsWarning   characters no font can draw, left out

Turn them into errors with ``warnings.simplefilter("error", BroadsheetWarning)``.

Messages say what was wrong and where: a JSON path such as
``$.body[3].children[0]``, an element and line, or a file name.
"""

from __future__ import annotations

import re

__all__ = [
    "BroadsheetError",
    "BroadsheetWarning",
    "ImageWarning",
    "LimitError",
    "MissingGlyphsWarning",
    "ModelError",
    "OptionError",
    "OutputError",
    "PdfWarning",
    "ReadError",
    "SchemaError",
    "SourceError",
    "UnknownFormatError",
    "VersionError",
    "WriteError",
]


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class BroadsheetError(Exception):
    """Root of every error broadsheet raises deliberately."""


class ModelError(BroadsheetError, ValueError):
    """A value that an article, edition or body node cannot hold."""


class OptionError(BroadsheetError, TypeError):
    """An option a reader or writer does not know, or of the wrong type."""


class UnknownFormatError(BroadsheetError, LookupError):
    """No installed format matches the name, extension or content given."""


class SourceError(BroadsheetError, OSError):
    """The input could not be obtained: a missing file, a failed download."""


class ReadError(BroadsheetError):
    """The input was obtained but is not a readable document of its format.

    ``where`` locates the problem inside the input (a JSON path, ``line 12``,
    an element name) when that is known.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        # One line, whatever the parser underneath said (libxml2 ends its messages with a newline).
        message = _LINE_BREAKS.sub(" ", message).strip()
        self.where = where
        self.problem = message
        super().__init__(f"{where}: {message}" if where else message)


class SchemaError(ReadError):
    """The input parses but does not fit the format's schema."""


class VersionError(ReadError):
    """The input declares a format version this release cannot read."""


class LimitError(ReadError):
    """The input is too large or too deeply nested to read safely."""


class WriteError(BroadsheetError):
    """The document cannot be written in the requested format."""


class OutputError(WriteError, OSError):
    """The output file could not be written; nothing was left behind."""


class BroadsheetWarning(UserWarning):
    """Something was left out of an output that is still valid (an image, a glyph).

    ``problem`` says what went wrong in words that do not depend on the
    writer (the same missing image in an EPUB and a PDF is one problem), so
    a batch reports it once; it defaults to the message.
    """

    def __init__(self, message: str = "", *, problem: str | None = None) -> None:
        super().__init__(message)
        self.problem = problem or message


class ImageWarning(BroadsheetWarning):
    """An image was left out of an EPUB; its caption stands in for it (the message says which and why)."""


class PdfWarning(BroadsheetWarning):
    """Something the PDF writer left out or replaced (an image it could not use, characters no font has)."""


class MissingGlyphsWarning(PdfWarning):
    """Characters no font could draw were left out of the PDF (the message names them and where they were)."""
