"""A JSON Lines file as input: each line one article (native JSON), streamed line by line."""

from __future__ import annotations

import os
from collections.abc import Iterator

from broadsheet.errors import LimitError, SourceError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.inputs.item import Item

__all__ = ["MAX_LINE_BYTES", "is_jsonl", "lines"]

MAX_LINE_BYTES = 64 * 1024 * 1024
"""The longest line read as one article; a longer one is an :class:`Item` with a :class:`LimitError`."""


def is_jsonl(path: str) -> bool:
    """Whether a file's name says it is JSON Lines."""
    return path.lower().endswith((".jsonl", ".ndjson"))


def lines(path: str, *, max_bytes: int = MAX_LINE_BYTES) -> Iterator[Item]:
    """An :class:`Item` (format ``json``, origin ``day.jsonl:<line>``) for every non-blank line, lazily."""
    name = os.path.basename(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, also when the caller stops early
    except OSError as error:
        yield Item(origin=path, error=SourceError(f"{path}: {error.strerror or error}"))
        return
    with stream:
        number = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            origin = f"{name}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the line, in pieces
                    line = stream.readline(65536)
                yield Item(
                    origin=origin, error=LimitError(f"{origin}: the line is longer than {max_bytes:,} bytes")
                )
                continue
            if line.strip():
                yield Item(origin=origin, source=Loaded(data=line, name=origin), format="json")
