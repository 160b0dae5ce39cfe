"""Columns on every page size: full pages fill every column to the foot, last pages end level.

Text positions come from pypdf's text visitor; a piece of text belongs to
the column whose frame (from the writer's own geometry) holds its start.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from pdf_checks import outline, reader, strict, text
from pdf_seed import seed_article

import broadsheet
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Edition, Section
from seed_story import story_paragraphs

SIZES = ("A3", "A4", "A5", "Letter", "tabloid", "berliner")


def _edition(copies: int) -> Edition:
    """Two articles: the seed body ``copies`` times over (several pages), then the seed story."""
    base = seed_article()
    long = attrs.evolve(
        base, title="Long " + base.title, body=base.body * copies, url="https://zn.ua/long.html"
    )
    short = attrs.evolve(base, url="https://zn.ua/short.html")
    return Edition(title="Випуск", sections=[Section(title=None, articles=[long, short])], language="uk")


def _column_feet(page: Any, geometry: Geometry) -> list[float | None]:
    """The lowest baseline of body-area text in each column (None: the column is empty)."""
    columns = geometry.frames("probe")
    feet: list[float | None] = [None] * len(columns)
    top = geometry.height - geometry.top

    def visit(piece: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not piece.strip():
            return
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if not geometry.bottom - 1 <= y <= top:
            return  # running head or page number
        for index, frame in enumerate(columns):
            if frame._x1 - 1 <= x < frame._x1 + frame._width:
                low = feet[index]
                feet[index] = y if low is None else min(low, y)

    page.extract_text(visitor_text=visit)
    return feet


@pytest.mark.parametrize("columns", [1, 2, 3])
@pytest.mark.parametrize("size", SIZES)
def test_columns_fill_the_page(size: str, columns: int) -> None:
    copies = 6 if size in ("A3", "tabloid", "berliner") else 3
    document = _edition(copies)
    options = {"page_size": size, "columns": columns, "cover": False, "toc": False}
    data = broadsheet.write(document, "pdf", **options)
    geometry = Geometry.of(WriteOptions(**options))  # type: ignore[arg-type]
    line = 10 * 1.36
    starts = sorted(page for level, _, page in outline(data) if level == 0)
    pages = reader(data).pages
    assert len(starts) == 2 and starts[1] > starts[0] + 1, starts  # the long article takes several pages
    last_pages = {starts[1] - 1, len(pages)}
    for number, page in enumerate(pages, start=1):
        feet = _column_feet(page, geometry)
        assert all(foot is not None for foot in feet), (number, feet)
        if number not in last_pages:
            # A full page: every column reaches the foot, but for a kept-together box moved on.
            for foot in feet:
                assert foot is not None and foot < geometry.bottom + 6 * line, (number, feet)
        elif columns > 1:
            # An article's last page: the columns end level (within a few lines of each other).
            low = [foot for foot in feet if foot is not None]
            assert max(low) - min(low) < 6 * line, (number, feet)
    every = text(data)
    for paragraph in story_paragraphs(document.articles[1]):
        assert strict(paragraph).search(every), paragraph[:60]
