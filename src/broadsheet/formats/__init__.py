"""Reading, writing and converting documents through the format registry.

>>> import broadsheet
>>> article = broadsheet.read("story.html")            # doctest: +SKIP
>>> data = broadsheet.write(article, "epub")           # doctest: +SKIP
>>> broadsheet.convert("story.html", "story.pdf")      # doctest: +SKIP
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from broadsheet.errors import ReadError, WriteError
from broadsheet.formats import registry
from broadsheet.formats._shared.sources import Input, Loaded, load

# The model and the writing helpers are imported by the functions that use them: every format's
# package imports this one first, and `broadsheet formats` needs only the table.
if TYPE_CHECKING:
    from broadsheet.formats.registry import Format
    from broadsheet.model import Article, Document, Edition

__all__ = ["Input", "Loaded", "convert", "read", "read_document", "read_edition", "write", "write_file"]


def _reader_options(fmt: Format, cls: type[Any] | None, loaded: Loaded, options: dict[str, Any]) -> Any:
    import attrs

    from broadsheet.formats._shared.options import make_options

    if cls is not None:
        # What we learnt while loading (a URL, HTTP headers, the file's path)
        # goes to readers whose options can hold it, unless the caller set it.
        names = {f.name for f in attrs.fields(cls)}
        for key, value in (("url", loaded.url), ("headers", loaded.headers), ("path", loaded.path)):
            if key in names and key not in options and value is not None:
                options[key] = value
    return make_options(cls, options, what=f"the {fmt.name} reader")


def read_document(
    source: Input, format: str | None = None, *, timeout: float = 30.0, **options: Any
) -> Document:
    """Read an article or an edition from bytes, text, a path or a URL.

    ``format`` is a format name; without it the format is told from the file
    name and, where that is unclear, from the content. ``options`` are the
    reader's options (see ``broadsheet formats``). ``timeout`` bounds the
    download, in seconds, when ``source`` is a URL.
    """
    loaded = load(source, timeout=timeout)
    fmt = registry.get(format, can="read") if format else registry.for_input(loaded.data, loaded.name)
    reader = fmt.load_reader()
    return reader.read(loaded.data, _reader_options(fmt, reader.options, loaded, dict(options)))


def read(source: Input, format: str | None = None, *, timeout: float = 30.0, **options: Any) -> Article:
    """Read one article; see :func:`read_document` for the arguments."""
    from broadsheet.model import Edition

    document = read_document(source, format, timeout=timeout, **options)
    if isinstance(document, Edition):
        raise ReadError("the input holds an edition, not one article; use broadsheet.read_edition")
    return document


def read_edition(
    source: Input, format: str | None = None, *, timeout: float = 30.0, **options: Any
) -> Edition:
    """Read an edition; see :func:`read_document` for the arguments."""
    from broadsheet.model import Edition

    document = read_document(source, format, timeout=timeout, **options)
    if not isinstance(document, Edition):
        raise ReadError("the input holds one article, not an edition; use broadsheet.read")
    return document


def write(document: Document, format: str, **options: Any) -> bytes:
    """Write an article or edition in ``format`` and return the bytes."""
    from broadsheet.formats._shared.options import make_options
    from broadsheet.model import Article, Edition

    if not isinstance(document, (Article, Edition)):
        raise WriteError(f"can only write an Article or an Edition, not a {type(document).__name__}")
    fmt = registry.get(format, can="write")
    writer = fmt.load_writer()
    return writer.write(document, make_options(writer.options, options, what=f"the {fmt.name} writer"))


def write_file(
    document: Document, path: str | os.PathLike[str], format: str | None = None, **options: Any
) -> None:
    """Write ``document`` to ``path`` atomically; the format defaults to the extension's."""
    from broadsheet.formats._shared.files import write_atomic

    fmt = registry.get(format, can="write") if format else registry.for_output(os.fspath(path))
    write_atomic(path, write(document, fmt.name, **options))


def convert(
    source: Input,
    output: str | os.PathLike[str] | None = None,
    *,
    from_format: str | None = None,
    to: str | None = None,
    read_options: dict[str, Any] | None = None,
    write_options: dict[str, Any] | None = None,
) -> bytes:
    """Read ``source`` and write it as ``to`` (or the format ``output``'s extension names).

    Returns the bytes; also writes them atomically to ``output`` when given.
    """
    from broadsheet.formats._shared.files import write_atomic

    if to is None and output is None:
        raise WriteError("convert needs an output format: pass to= or an output path")
    fmt = registry.get(to, can="write") if to else registry.for_output(os.fspath(output))  # type: ignore[arg-type]
    document = read_document(source, from_format, **(read_options or {}))
    data = write(document, fmt.name, **(write_options or {}))
    if output is not None:
        write_atomic(output, data)
    return data
