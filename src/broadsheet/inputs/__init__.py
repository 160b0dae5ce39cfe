"""What a batch reads: the command line's inputs expanded into :class:`Item` records, lazily.

:func:`expand` takes files, folders, ``http(s)`` URLs, a list of them, WARC crawls,
JSON Lines files, RSS/Atom feeds and sitemaps (see docs/inputs.md); every page
they hold becomes one :class:`Item`, and an input that cannot be obtained is an
item with an error, so the batch reports it and goes on.
"""

from __future__ import annotations

from broadsheet.inputs.item import Item
from broadsheet.inputs.specs import PAGE_SUFFIXES, expand

__all__ = ["PAGE_SUFFIXES", "Item", "expand"]
