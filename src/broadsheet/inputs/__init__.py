"""What a batch reads: the command line's inputs expanded into :class:`Item` records, lazily.

This first version expands files and folders only; URLs, lists, WARC files,
feeds, sitemaps and JSON Lines files come next (issue 13).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from broadsheet.errors import SourceError
from broadsheet.inputs.item import Item

__all__ = ["Item", "expand"]

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".json", ".xml", ".ninjs")


def expand(specs: Iterable[str]) -> Iterator[Item]:
    """Yield an :class:`Item` for every document the inputs name, in order; never raises for one input."""
    for spec in specs:
        path = Path(spec)
        if "://" in spec or spec == "-":
            yield Item(origin=spec, source=spec)
        elif path.is_dir():
            for root, folders, files in os.walk(path):
                folders.sort()
                for name in sorted(files):
                    if name.lower().endswith(_PAGE_SUFFIXES):
                        found = os.path.join(root, name)
                        yield Item(origin=found, source=found)
        elif path.exists():
            yield Item(origin=spec, source=spec)
        else:
            yield Item(origin=spec, error=SourceError(f"{spec}: no such file"))
