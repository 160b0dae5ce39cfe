"""A JSON Lines file as input: each line one article (native JSON), streamed line by line."""

from __future__ import annotations

import os
from collections.abc import Iterator

from broadsheet.errors import LimitError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.formats.jsonl import MAX_LINE_BYTES
from broadsheet.formats.jsonl.stream import numbered_lines
from broadsheet.inputs.item import Item, open_or_item

__all__ = ["MAX_LINE_BYTES", "is_jsonl", "lines"]

# MAX_LINE_BYTES is the JSON Lines format's own limit: a longer line is an Item with a LimitError.


def is_jsonl(path: str) -> bool:
    """Whether a file's name says it is JSON Lines."""
    return path.lower().endswith((".jsonl", ".ndjson"))


def lines(path: str, *, max_bytes: int = MAX_LINE_BYTES) -> Iterator[Item]:
    """An :class:`Item` (format ``json``, origin ``day.jsonl:<line>``) for every non-blank line, lazily."""
    name = os.path.basename(path)
    stream = open_or_item(path)
    if isinstance(stream, Item):
        yield stream
        return
    with stream:
        for number, line in numbered_lines(stream, max_bytes):
            origin = f"{name}:{number}"
            if line is None:
                yield Item(
                    origin=origin, error=LimitError(f"{origin}: the line is longer than {max_bytes:,} bytes")
                )
            elif line.strip():
                yield Item(origin=origin, source=Loaded(data=line, name=origin), format="json")
