"""Tables and boxed link lists as reportlab tables that split across pages in bounded time.

reportlab re-measures every remaining row each time a table splits, so a
table of n rows costs O(n²) to set; long tables are therefore cut into
chunks of :data:`CHUNK_ROWS` rows (each repeating the head rows), which keeps
the cost linear. Rows taller than a page split inside the row.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Table as TableFlowable

from broadsheet.errors import WriteError
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats.pdf.markup import Markup
from broadsheet.formats.pdf.paragraphs import Paragraph
from broadsheet.formats.pdf.styles import Styles
from broadsheet.model import Table, TableCell

CHUNK_ROWS = 60
"""Rows per reportlab table; longer tables are set as a run of such tables."""

MAX_SPAN = 200
"""Column and row spans are clipped to this many cells."""

SHORT_BOX = 12
"""Link boxes of up to this many rows are never split."""

LONG_CELL = 400
"""Tables with a cell of more characters than this may split inside a row."""

MIN_SCALE = 0.5
"""Tables are set at down to this share of the usual cell text size to fit their column."""

MAX_CELLS = 1_000_000
"""Tables with more grid cells than this (spans included) are refused."""

Span = tuple[int, int, int, int]


def layout_grid(table: Table) -> tuple[list[list[TableCell | None]], list[Span]]:
    """Place cells on a grid the way HTML does (spans push later cells right); return grid and spans.

    A span is ``(first column, first row, last column, last row)``.
    """
    nrows = len(table.rows)
    placed: dict[tuple[int, int], TableCell | None] = {}
    spans: list[Span] = []
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in placed:
                c += 1
            colspan = min(cell.colspan, MAX_SPAN)
            rowspan = min(cell.rowspan, MAX_SPAN, nrows - r)
            if len(placed) + colspan * rowspan > MAX_CELLS:
                raise WriteError(f"the table has more than {MAX_CELLS:,} cells (counting spans); split it")
            for dr in range(rowspan):
                for dc in range(colspan):
                    placed[(r + dr, c + dc)] = None
            placed[(r, c)] = cell
            if colspan > 1 or rowspan > 1:
                spans.append((c, r, c + colspan - 1, r + rowspan - 1))
            width = max(width, c + 1)
            c += colspan
    # Columns in which no cell starts hold nothing: an over-long colspan does not widen the table.
    grid = [[placed.get((r, c)) for c in range(width)] for r in range(nrows)]
    spans = [(c0, r0, min(c1, width - 1), r1) for c0, r0, c1, r1 in spans]
    return grid, spans


def mirrored(
    grid: list[list[TableCell | None]], spans: list[Span]
) -> tuple[list[list[TableCell | None]], list[Span]]:
    """The grid and spans of :func:`layout_grid` with the columns in the other order, each spanning
    cell moved to its span's new first column (reportlab draws a span's first cell)."""
    last = len(grid[0]) - 1
    out = [row[::-1] for row in grid]
    flipped: list[Span] = []
    for c0, r0, c1, r1 in spans:
        if c1 > c0:
            out[r0][last - c1], out[r0][last - c0] = out[r0][last - c0], None
        flipped.append((last - c1, r0, last - c0, r1))
    return out, flipped


def _column_widths(grid: list[list[TableCell | None]], width: float, language: str | None) -> list[float]:
    ncols = len(grid[0])
    weights = [4.0] * ncols
    for row in grid:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1:
                weights[c] = max(weights[c], min(len(inline_text(cell.children, language)), 40) + 4.0)
    total = sum(weights)
    return [width * weight / total for weight in weights]


def data_table(
    table: Table,
    width: float,
    styles: Styles,
    markup: Markup,
    *,
    where: str,
    max_height: float | None = None,
) -> list[Flowable]:
    """The table as reportlab tables of at most :data:`CHUNK_ROWS` body rows each; ``max_height``
    is the column's height, which no part that cannot split may exceed."""
    if not table.rows or not any(table.rows):
        return []
    grid, spans = layout_grid(table)
    if styles.rtl:  # a right-to-left article's table reads from the right: its first column there
        grid, spans = mirrored(grid, spans)
    ncols = len(grid[0])
    natural = styles.size * 2.2
    # Tables too wide for the column are set smaller, down to MIN_SCALE of the usual size.
    scale = max(MIN_SCALE, min(1.0, width / (ncols * natural)))
    if ncols * natural * scale > width:
        raise WriteError(
            f"{where}: the table has {ncols} columns; at most {int(width // (natural * MIN_SCALE))} fit a "
            f"{width / 72 * 25.4:.0f} mm wide column (use fewer columns or a larger page)"
        )
    widths = _column_widths(grid, width, markup.language)
    family = styles.fonts.text
    body_style, head_style = _scaled(styles.cell, scale), _scaled(styles.cell_head, scale)
    cells = [
        [
            Paragraph(
                markup.inlines(cell.children, family) if cell is not None else "",
                head_style if cell is not None and (cell.header or r < table.header_rows) else body_style,
            )
            for cell in row
        ]
        for r, row in enumerate(grid)
    ]
    # Splitting inside rows is only for cells that may be taller than a page: elsewhere it leaves
    # empty slivers of rows at the foot of columns.
    long_cells = any(
        len(inline_text(cell.children, markup.language)) > LONG_CELL
        for row in grid
        for cell in row
        if cell is not None
    )
    head = cells[: table.header_rows] if table.header_rows < len(cells) else []
    body = cells[len(head) :]
    out: list[Flowable] = []
    for start in range(0, len(body), CHUNK_ROWS):
        first = len(head) + start
        last = first + min(CHUNK_ROWS, len(body) - start) - 1
        chunk_spans = [
            (c0, r0 - first + len(head), c1, min(r1, last) - first + len(head))
            for c0, r0, c1, r1 in spans
            if first <= r0 <= last
        ] + [span for span in spans if span[3] < len(head)]
        rows = head + body[start : start + CHUNK_ROWS]
        chunk = _table(rows, len(head), widths, chunk_spans, styles, split_in_row=long_cells)
        if not long_cells and max_height and _tallest_unit(chunk, width, len(head), chunk_spans) > max_height:
            # A row (or rows a row span glues together) taller than a column, from short texts in
            # narrow columns: split inside rows, or the layout cannot place it at all.
            chunk = _table(rows, len(head), widths, chunk_spans, styles, split_in_row=True)
        out.append(chunk)
    return out


def _tallest_unit(table: TableFlowable, width: float, head: int, spans: list[Span]) -> float:
    """The height of the tallest run of body rows the table cannot split between (a row, or rows
    a row span joins), with the header rows repeated above it."""
    table.wrap(width, 1e9)
    heights: list[float] = list(table._rowHeights)
    ends: dict[int, int] = {}  # the last row any span starting at row r0 reaches
    for _, r0, _, r1 in spans:
        ends[r0] = max(ends.get(r0, r0), r1)
    tallest = 0.0
    row = head
    while row < len(heights):
        end = row
        probe = row
        while probe <= end:  # a span starting inside the unit may reach further
            end = max(end, ends.get(probe, probe))
            probe += 1
        tallest = max(tallest, sum(heights[row : end + 1]))
        row = end + 1
    return tallest + sum(heights[:head])


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    if scale >= 1.0:
        return style
    return ParagraphStyle(
        f"{style.name}-{scale:.2f}",
        parent=style,
        fontSize=style.fontSize * scale,
        leading=style.leading * scale,
    )


def _table(
    rows: list[list[Paragraph]],
    head: int,
    widths: list[float],
    spans: list[Span],
    styles: Styles,
    *,
    split_in_row: bool,
) -> TableFlowable:
    palette = styles.palette
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), styles.fonts.text.regular, styles.size * 0.82),
        ("TEXTCOLOR", (0, 0), (-1, -1), palette.text),
        ("GRID", (0, 0), (-1, -1), 0.4, palette.rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, head - 1), palette.tint))
    commands.extend(("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans if (c0, r0) != (c1, r1))
    flowable = TableFlowable(
        rows, colWidths=widths, repeatRows=head, style=commands, hAlign="LEFT", splitInRow=int(split_in_row)
    )
    flowable.spaceAfter = styles.size * 0.2
    return flowable


def boxed_links(heading: str, rows: list[str], width: float, styles: Styles) -> list[Flowable]:
    """A tinted box with a coloured bar: a label, then one link per row (markup already escaped)."""
    palette, rtl = styles.palette, bool(styles.rtl)
    cells = [[Paragraph(heading, styles.box_label)]] + [[Paragraph(row, styles.box_link)] for row in rows]
    out: list[Flowable] = []
    for start in range(0, len(cells), CHUNK_ROWS):
        chunk = cells[start : start + CHUNK_ROWS]
        table = TableFlowable(
            chunk,
            colWidths=[width],
            hAlign="LEFT",
            style=[
                ("FONT", (0, 0), (-1, -1), styles.fonts.heading.regular, styles.size * 0.8),
                ("TEXTCOLOR", (0, 0), (-1, -1), palette.text),
                ("BACKGROUND", (0, 0), (-1, -1), palette.tint),
                # The bar and the wider padding on the side lines start (the right in Arabic).
                ("LINEAFTER" if rtl else "LINEBEFORE", (0, 0), (0, -1), 2.5, palette.accent),
                ("LEFTPADDING", (0, 0), (-1, -1), styles.size * (0.6 if rtl else 0.8)),
                ("RIGHTPADDING", (0, 0), (-1, -1), styles.size * (0.8 if rtl else 0.6)),
                ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.25),
                ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.3),
            ],
        )
        table.spaceBefore = styles.size * 0.4 if start == 0 else 0
        table.spaceAfter = styles.size * 0.9 if start + CHUNK_ROWS >= len(cells) else 0
        out.append(table)
    if len(cells) <= SHORT_BOX:
        return [KeepTogether(out)]
    return out


def placeholder_box(markup: str, width: float, styles: Styles) -> Flowable:
    """A framed note where a picture would be, exactly ``width`` wide.

    A table cell, not a paragraph with a border: reportlab draws a paragraph's border padding
    outside the space the paragraph takes, so such a frame ran over the column's edges and
    through the caption below it.
    """
    pad = styles.size * 0.8
    box = TableFlowable(
        [[Paragraph(markup, styles.placeholder)]],
        colWidths=[width],
        hAlign="LEFT",
        style=[
            # A table sets its cells' font even when they hold only paragraphs: name ours, or
            # reportlab's default Helvetica lands in the file unembedded.
            ("FONT", (0, 0), (-1, -1), styles.fonts.heading.regular, styles.size * 0.8),
            ("BOX", (0, 0), (-1, -1), 0.5, styles.palette.rule),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.75),
        ],
    )
    box.spaceBefore = styles.size * 0.6
    box.spaceAfter = styles.size * 0.4
    return box
