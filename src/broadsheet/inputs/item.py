"""One input of a batch: a page, a file or a record, named for messages and reports."""

from __future__ import annotations

from typing import BinaryIO

import attrs

from broadsheet.errors import BroadsheetError, SourceError
from broadsheet.formats._shared.sources import Input

__all__ = ["Item", "open_or_item"]


@attrs.frozen(kw_only=True)
class Item:
    """One document a batch converts, or the reason it could not be obtained.

    Expanding the command line's inputs (files, folders, URLs, lists, WARC
    records, feed entries) yields these lazily, so a crawl of any size is never
    held in memory. ``source`` is what :func:`broadsheet.read_document` takes:
    a path (read by the worker that converts it) or a :class:`~broadsheet.Loaded`
    with the bytes already in hand (a WARC record, a fetched page). An item whose
    bytes could not be obtained carries ``error`` instead, so the batch reports
    it and goes on.
    """

    origin: str
    """How messages and the errors report name it: a path, a URL, ``crawl.warc.gz#offset``."""
    source: Input | None = None
    """What to read; ``None`` when ``error`` is set."""
    format: str | None = None
    """The reader to use when the origin says so (a JSON Lines line is ``json``); else told from content."""
    error: BroadsheetError | None = None
    """Why the item could not be obtained (an unreachable URL, a truncated record)."""


def open_or_item(path: str) -> BinaryIO | Item:
    """The file ``path`` open for reading (the caller closes it), or an error :class:`Item` saying
    why it cannot be opened, for an input that streams items out of one file."""
    try:
        return open(path, "rb")
    except OSError as error:
        return Item(origin=path, error=SourceError(f"{path}: {error.strerror or error}"))
