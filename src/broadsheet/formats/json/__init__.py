"""broadsheet's native JSON: lossless, versioned, with a published JSON Schema.

A document is ``{"format": "broadsheet", "version": 1, "article": {...}}`` (or
``"edition"``). Keys follow the model's field order; fields at their default
are omitted; body nodes carry a ``"type"`` tag. ``read(write(a)) == a`` for
every valid article and edition.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from broadsheet.errors import SchemaError, VersionError, WriteError
from broadsheet.formats._shared import json_text
from broadsheet.formats.json.codec import dump, load_article, load_edition
from broadsheet.model import Article, Document, Edition

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ReadOptions", "WriteOptions", "read", "write"]

FORMAT_NAME = "broadsheet"
"""The value of the ``"format"`` key every document carries."""
FORMAT_VERSION = 1
"""The version this release writes and reads. A change that old readers would
misread gets a new version; readers refuse versions they do not know."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """Options of the native JSON reader (it has none yet; kept for symmetry)."""


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the native JSON writer."""

    indent: int | None = 2
    """Spaces per nesting level; ``None`` or ``0`` writes one compact line."""
    ascii: bool = False
    """Escape every non-ASCII character (``\\u0456``) instead of writing UTF-8."""


def to_data(document: Document) -> dict[str, Any]:
    """The document as plain JSON data (dicts, lists, strings, numbers)."""
    key = "edition" if isinstance(document, Edition) else "article"
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, key: dump(document)}


def from_data(data: Any) -> Document:
    """A document from plain JSON data, checking the format name and version."""
    if not isinstance(data, dict):
        raise SchemaError("a broadsheet document is a JSON object", where="$")
    if data.get("format") != FORMAT_NAME:
        raise SchemaError(f'"format" must be {FORMAT_NAME!r}, got {data.get("format")!r}', where="$.format")
    version = data.get("version")
    # `True == 1` and `1.0 == 1` in Python; a version is the integer itself.
    if type(version) is not int or version != FORMAT_VERSION:
        raise VersionError(
            f"format version {version!r} is not supported; this release reads version {FORMAT_VERSION}",
            where="$.version",
        )
    unknown = sorted(set(data) - {"format", "version", "article", "edition"})
    if unknown:
        raise SchemaError(f"unknown field {unknown[0]!r}", where="$")
    if ("article" in data) == ("edition" in data):
        raise SchemaError('a document holds exactly one of "article" or "edition"', where="$")
    if "article" in data:
        return load_article(data["article"], "$.article")
    return load_edition(data["edition"], "$.edition")


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """The document as native JSON bytes (UTF-8, ending in a newline)."""
    options = options or WriteOptions()
    if not isinstance(document, (Article, Edition)):
        raise WriteError(f"can only write an Article or an Edition, not a {type(document).__name__}")
    text = json.dumps(
        to_data(document),
        ensure_ascii=options.ascii,
        indent=options.indent or None,
        separators=None if options.indent else (",", ":"),
    )
    return (text + "\n").encode("utf-8")


def read(data: bytes, options: ReadOptions | None = None) -> Document:
    """A document from native JSON bytes; errors name the JSON path."""
    return from_data(json_text.loads(data))
