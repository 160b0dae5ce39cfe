"""broadsheet: one typed model of a news article, and the formats around it.

Read a page, feed or file into an :class:`~broadsheet.model.Article`, change
it as plain immutable data, and write it as JSON, ninjs, NewsML-G2, EPUB,
PDF, Markdown or text::

    import broadsheet
    article = broadsheet.read("story.html")
    broadsheet.write_file(article, "story.epub")

The top level holds the reading and writing functions, the type of what they
read (:data:`Input`, :class:`Loaded`), and the error and warning classes
(:mod:`broadsheet.errors`). The model is :mod:`broadsheet.model`; the format
table is :mod:`broadsheet.formats.registry`.
"""

from broadsheet.errors import (
    BroadsheetError,
    BroadsheetWarning,
    ImageWarning,
    LimitError,
    MissingGlyphsWarning,
    ModelError,
    OptionError,
    OutputError,
    PdfWarning,
    ReadError,
    SchemaError,
    SourceError,
    UnknownFormatError,
    VersionError,
    WriteError,
)
from broadsheet.formats import Input, Loaded, convert, read, read_document, read_edition, write, write_file
from broadsheet.version import __version__

__all__ = [
    "BroadsheetError",
    "BroadsheetWarning",
    "ImageWarning",
    "Input",
    "LimitError",
    "Loaded",
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
    "__version__",
    "convert",
    "read",
    "read_document",
    "read_edition",
    "write",
    "write_file",
]
