"""broadsheet: one typed model of a news article, and the formats around it.

Read a page, feed or file into an :class:`~broadsheet.model.Article`, change
it as plain immutable data, and write it as JSON, ninjs, NewsML-G2, EPUB or
PDF::

    import broadsheet
    article = broadsheet.read("story.html")
    broadsheet.write_file(article, "story.epub")
"""

from __future__ import annotations

from broadsheet.errors import (
    BroadsheetError,
    BroadsheetWarning,
    LimitError,
    ModelError,
    OptionError,
    OutputError,
    ReadError,
    SchemaError,
    SourceError,
    UnknownFormatError,
    VersionError,
    WriteError,
)
from broadsheet.formats import convert, read, read_document, read_edition, write, write_file
from broadsheet.version import __version__

__all__ = [
    "BroadsheetError",
    "BroadsheetWarning",
    "LimitError",
    "ModelError",
    "OptionError",
    "OutputError",
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
