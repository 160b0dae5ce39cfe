"""Tables in a ninjs body: ``table`` rows and cells as the model's Table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from broadsheet.formats.ninjs.body_elements import element_name
from broadsheet.formats.ninjs.model_values import bounded_int
from broadsheet.model import Block, Inline, Table, TableCell

ReadInlines = Callable[[Any, list[Block]], tuple[Inline, ...]]
"""Reads the inline content of an element (the body reader's, so that nesting depth is counted)."""


def table(el: Any, inlines: ReadInlines) -> Table:
    """A ``table``: rows from ``thead``/``tbody``/``tfoot`` or bare ``tr``; ``thead`` rows are header rows."""
    rows: list[tuple[TableCell, ...]] = []
    header_rows = 0
    caption: str | None = None
    for child in el:
        name = element_name(child)
        if name == "caption":
            caption = child.xpath("string()")
        elif name == "tr":
            rows.append(_row(child, inlines))
        elif name in ("thead", "tbody", "tfoot"):
            for tr in child:
                if element_name(tr) == "tr":
                    rows.append(_row(tr, inlines))
                    if name == "thead" and header_rows == len(rows) - 1:
                        header_rows += 1
    return Table(rows=tuple(rows), header_rows=header_rows, caption=caption)


def _row(tr: Any, inlines: ReadInlines) -> tuple[TableCell, ...]:
    """The cells of a ``tr``."""
    cells = []
    for cell in tr:
        name = element_name(cell)
        if name in ("td", "th"):
            cells.append(
                TableCell(
                    children=inlines(cell, []),
                    header=name == "th",
                    colspan=bounded_int(cell.get("colspan"), 1, 1000) or 1,
                    rowspan=bounded_int(cell.get("rowspan"), 1, 1000) or 1,
                )
            )
    return tuple(cells)
