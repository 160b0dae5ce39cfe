"""Data tables in a story: header rows, cell spans and caption; layout tables are told apart.

Old pages lay out whole stories in tables; a table whose cells hold headings, pictures, lists or
other tables is such a layout and is read as a container by the caller.
"""

from __future__ import annotations

from lxml import html

from broadsheet.formats.html.content_inlines import InlineReader, tidy
from broadsheet.model import Table, TableCell

_LAYOUT_CONTENT = ("table", "h1", "h2", "h3", "figure", "img", "ul", "ol")
_MAX_SPAN = 1000


def is_layout_table(element: html.HtmlElement) -> bool:
    """Whether a ``<table>`` lays out the page rather than holding data: it has one cell with text
    at most (a frame drawn around a teaser or a note), or cells that hold blocks."""
    cells = list(element.iter("td", "th"))
    filled = (cell for cell in cells if cell.text_content().strip())
    return (
        next(filled, None) is None
        or next(filled, None) is None
        or any(next(cell.iterdescendants(*_LAYOUT_CONTENT), None) is not None for cell in cells)
    )


def read_table(element: html.HtmlElement, inline: InlineReader, caption: str | None = None) -> Table | None:
    """A data table as a ``Table`` block (``None`` when all its cells are empty).

    ``caption`` is one printed outside the table (a ``figcaption``), used when it has none of its own.
    """
    rows: list[tuple[TableCell, ...]] = []
    header_rows = 0
    for row in element.iter("tr"):
        row_cells = [_cell(cell, inline) for cell in row if cell.tag in ("td", "th")]
        if not row_cells:
            continue
        if len(rows) == header_rows and (
            all(cell.header for cell in row_cells) or row.getparent().tag == "thead"  # type: ignore[union-attr]
        ):
            header_rows += 1
        rows.append(tuple(row_cells))
    if not rows or all(not cell.children for row in rows for cell in row):
        return None
    own = element.find("caption")
    caption_text = " ".join(own.text_content().split()) if own is not None else caption
    return Table(rows=rows, header_rows=header_rows, caption=caption_text or None)


def _cell(cell: html.HtmlElement, inline: InlineReader) -> TableCell:
    def span(name: str) -> int:
        value = cell.get(name, "1").strip()
        return min(max(int(value), 1), _MAX_SPAN) if value.isdigit() else 1

    return TableCell(
        children=tidy(inline.children(cell)),
        header=cell.tag == "th",
        colspan=span("colspan"),
        rowspan=span("rowspan"),
    )
