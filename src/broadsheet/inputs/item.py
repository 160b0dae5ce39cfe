"""One input of a batch: a page, a file or a record, named for messages and reports."""

from __future__ import annotations

import attrs

from broadsheet.errors import BroadsheetError
from broadsheet.formats._shared.sources import Input

__all__ = ["Item"]


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
