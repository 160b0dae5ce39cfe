"""Turning what a caller passes (bytes, text, a path, a URL) into bytes to read."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from broadsheet.errors import LimitError, SourceError

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Inputs larger than this are refused before they are read."""

_URL = re.compile(r"^https?://", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"


@attrs.frozen(kw_only=True)
class Loaded:
    """A document's bytes and what is known about where they came from."""

    data: bytes
    """The raw bytes."""
    name: str
    """How messages should name the input: a path, a URL or ``<bytes>``."""
    path: Path | None = None
    """The file it was read from, if any (relative resources resolve against it)."""
    url: str | None = None
    """The URL it was fetched from, if any."""
    headers: Mapping[str, str] | None = None
    """HTTP response headers, if it was fetched."""


Source = bytes | bytearray | memoryview | str | os.PathLike[str] | Loaded
"""What :func:`broadsheet.read` accepts (a :class:`Loaded` passes through as it is)."""


def looks_like_content(text: str) -> bool:
    """Whether a string is a document itself rather than a path or URL."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return start in ("<", "{", "[") or "\n" in text


def load(source: Source, *, max_bytes: int = MAX_INPUT_BYTES, timeout: float = 30.0) -> Loaded:
    """Get the bytes of ``source``.

    ``bytes`` are the document itself. A ``str`` is the document's text when it
    starts like markup or JSON (it is then encoded as UTF-8 with a byte-order
    mark, so no ``<meta charset>`` inside it can mislead a reader), an
    ``http(s)://`` URL to fetch, or else a file path, like a
    :class:`os.PathLike`. ``-`` is standard input.
    """
    if isinstance(source, Loaded):
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes, "<bytes>")
        return Loaded(data=data, name="<bytes>")
    if isinstance(source, str):
        if looks_like_content(source):
            data = _BOM + source.encode("utf-8", "surrogatepass")
            _check_size(len(data), max_bytes, "<text>")
            return Loaded(data=data, name="<text>")
        if _URL.match(source.strip()):
            from broadsheet.formats._shared.fetch import fetch

            return fetch(source.strip(), max_bytes=max_bytes, timeout=timeout)
        if source == "-":
            import sys

            data = sys.stdin.buffer.read(max_bytes + 1)
            _check_size(len(data), max_bytes, "<stdin>")
            return Loaded(data=data, name="<stdin>")
    if not isinstance(source, (str, os.PathLike)):
        raise SourceError(f"cannot read from a {type(source).__name__}; pass bytes, text, a path or a URL")
    path = Path(source)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except OSError as error:
        raise SourceError(f"{path}: {error.strerror or error}") from error
    if path.is_dir():
        raise SourceError(f"{path}: is a folder, not a file")
    _check_size(size, max_bytes, str(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: {error.strerror or error}") from error
    return Loaded(data=data, name=str(path), path=path)


def _check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise LimitError(f"{name} is {size:,} bytes; the limit is {limit:,}")
