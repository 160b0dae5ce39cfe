"""JSON Lines: one native JSON article per line, the form a batch of many articles is kept in.

Each line is a complete native JSON document (``{"format": "broadsheet",
"version": 1, "article": {...}}``) written compactly, so any line is also a
valid ``.json`` file and tools such as ``jq`` or a data frame library read the
file a line at a time. As a format, the reader returns an
:class:`~broadsheet.model.Edition` of the lines' articles and the writer
writes an edition's articles (sections are not kept) or one article as one
line. For files too large to hold, :mod:`broadsheet.formats.jsonl.stream`
writes and reads one article at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from broadsheet.errors import LimitError, ReadError, SchemaError, WriteError
from broadsheet.formats import json as native
from broadsheet.formats._shared import json_text
from broadsheet.model import Article, Document, Edition

__all__ = ["MAX_LINE_BYTES", "ReadOptions", "WriteOptions", "article_line", "parse_line", "read", "write"]

MAX_LINE_BYTES = 64 * 1024 * 1024
"""The longest line read: one article, however long, is far shorter; a line beyond it is refused."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """Options of the JSON Lines reader."""

    title: str | None = None
    """The title of the edition read; default: the file's name without extension, else ``"Articles"``."""
    path: Path | None = None
    """The file read, when it is one (set by :func:`broadsheet.read_document`); names the edition."""


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the JSON Lines writer."""

    ascii: bool = False
    """Escape every non-ASCII character (``\\u0456``) instead of writing UTF-8."""


def article_line(article: Article, *, ascii: bool = False) -> bytes:
    """One article as one line of native JSON, ending in a newline."""
    if not isinstance(article, Article):
        raise WriteError(f"a JSON Lines line holds an Article, not a {type(article).__name__}")
    # The native writer with no indent writes one compact line: the same bytes a .json file would hold.
    return native.write(article, native.WriteOptions(indent=None, ascii=ascii))


def parse_line(line: bytes, number: int) -> Article:
    """The article on line ``number`` (counted from 1); :class:`ReadError` naming the line otherwise."""
    where = f"line {number}"
    if len(line) > MAX_LINE_BYTES:
        raise LimitError(f"a line of {len(line):,} bytes; the limit is {MAX_LINE_BYTES:,}", where=where)
    try:
        document = native.from_data(json_text.loads(line))
    except ReadError as error:
        # Keep the class (SchemaError, VersionError, LimitError) and say which line it is.
        inner = f"{error.where}: {error.problem}" if error.where else error.problem
        raise type(error)(inner, where=where) from None
    if not isinstance(document, Article):
        raise SchemaError("holds an edition; each JSON Lines line is one article", where=where)
    return document


def lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of ``data`` with their numbers (a byte-order mark at the start is skipped)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield number, line


def read(data: bytes, options: ReadOptions | None = None) -> Document:
    """An edition of every line's article, in file order."""
    options = options or ReadOptions()
    articles = [parse_line(line, number) for number, line in lines(data)]
    if not articles:
        raise ReadError("no articles: a JSON Lines file holds one article per line")
    title = options.title or (options.path.name.split(".")[0] if options.path else None) or "Articles"
    return Edition.of(title, articles)


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """Each article of ``document`` (an article, or an edition's articles in order) as one line."""
    options = options or WriteOptions()
    articles: Iterable[Article]
    if isinstance(document, Edition):
        articles = document.articles
    elif isinstance(document, Article):
        articles = (document,)
    else:
        raise WriteError(f"can only write an Article or an Edition, not a {type(document).__name__}")
    return b"".join(article_line(article, ascii=options.ascii) for article in articles)
