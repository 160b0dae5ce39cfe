"""The bytes of a document and what is known about where they came from."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

__all__ = ["Loaded"]


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
