"""Turning what a caller passes (bytes, text, a path, a URL) into bytes to read."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TypeAlias

from broadsheet.errors import LimitError, SourceError
from broadsheet.formats._shared.loaded import Loaded

__all__ = ["MAX_INPUT_BYTES", "Input", "Loaded", "load", "looks_like_content"]

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""Inputs larger than this are refused before they are read."""

_URL = re.compile(r"^https?://", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"


Input: TypeAlias = bytes | bytearray | memoryview | str | os.PathLike[str] | Loaded
"""What :func:`broadsheet.read` and the other reading functions accept as ``source``.

- ``bytes`` (or ``bytearray``, ``memoryview``): the document itself;
- ``str``: the document's text when it starts like markup or JSON (``<``, ``{``,
  ``[``) or spans several lines; an ``http://`` or ``https://`` URL to fetch;
  ``-`` for standard input; otherwise a file path;
- :class:`os.PathLike`: a file path;
- :class:`Loaded`: bytes already obtained, with where they came from (passed through).

It is called ``Input`` rather than ``Source`` because
:class:`broadsheet.model.Source` is the agency an article is credited to.
"""


def looks_like_content(text: str) -> bool:
    """Whether a string is a document itself rather than a path or URL."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    return start in ("<", "{", "[") or "\n" in text


def load(source: Input, *, max_bytes: int = MAX_INPUT_BYTES, timeout: float = 30.0) -> Loaded:
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
