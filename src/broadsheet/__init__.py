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

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

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
from broadsheet.version import __version__

if _TYPE_CHECKING:
    from broadsheet.formats import (
        Input,
        Loaded,
        convert,
        read,
        read_document,
        read_edition,
        write,
        write_file,
    )
    from broadsheet.formats.html.explain import Explanation

_FROM_FORMATS = frozenset(
    {"Input", "Loaded", "convert", "read", "read_document", "read_edition", "write", "write_file"}
)
"""Names the top level lends from :mod:`broadsheet.formats`, imported on first use (PEP 562): a
program that only asks for ``__version__`` or an error class, and ``broadsheet --version``, load
neither the model nor the format table."""


def __getattr__(name: str) -> _Any:
    if name in _FROM_FORMATS:
        import broadsheet.formats

        value = getattr(broadsheet.formats, name)
        globals()[name] = value  # looked up once; later reads are a plain attribute's
        return value
    raise AttributeError(f"module 'broadsheet' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM_FORMATS})


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
    "explain",
    "read",
    "read_document",
    "read_edition",
    "write",
    "write_file",
]


def explain(
    source: "Input", *, url: str | None = None, timeout: float = 30.0, **options: _Any
) -> "Explanation":
    """Read an HTML page and say why each piece of its text did not reach the body
    (:func:`broadsheet.formats.html.explain.explain`; imported when called, as the reader is)."""
    from broadsheet.formats.html.explain import explain as run

    return run(source, url=url, timeout=timeout, **options)
