"""The bytes of a document and what is known about where they came from."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

__all__ = ["Loaded"]


@attrs.frozen(kw_only=True)
class Loaded:
    """A document's bytes and what is known about where they came from.

    :func:`broadsheet.read` and the other reading functions make one from
    whatever :data:`~broadsheet.Input` they are given; pass one yourself to
    read bytes you obtained elsewhere while telling the reader their URL or
    HTTP headers (the HTML reader uses them for the canonical URL and the
    encoding)::

        broadsheet.read(broadsheet.Loaded(data=body, name=url, url=url, headers=headers))
    """

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
