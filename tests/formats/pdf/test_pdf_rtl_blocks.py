"""Blocks of a right-to-left article read from the right: list markers and indents, numbers in the
language's digits, lines with no strong letters, tables, quote attributions, quote marks.

Positions come from the content stream (:mod:`pdf_runs`); a list marker is drawn as a run of its
own, at the end of its line where the line starts.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pypdf
import pytest
from pdf_runs import Run, runs

import broadsheet
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Figure,
    Image,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    Table,
    TableCell,
    Text,
)

pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

SIZE = WriteOptions().font_size
GEOMETRY = Geometry.of(WriteOptions(columns=1))
LEFT, RIGHT = GEOMETRY.left, GEOMETRY.left + GEOMETRY.text_width
WORDS = {
    "ar": ["خطوط حافلات جديدة", "تمديد ساعات العمل", "أسعار التذاكر", "المرحلة الأولى"],
    "ar-EG": ["خطوط حافلات جديدة", "تمديد ساعات العمل", "أسعار التذاكر", "المرحلة الأولى"],
    "he": ["קווי אוטובוס חדשים", "הארכת שעות הפעילות", "מחירי הכרטיסים", "השלב הראשון"],
    "en": ["new bus lines", "longer train hours", "ticket prices", "the first stage"],
}


def _p(text: str) -> Paragraph:
    return Paragraph(children=[Text(text=text)])


def _write(language: str, body: list[Block]) -> pypdf.PdfReader:
    article = Article(title=WORDS[language][0], language=language, body=body)
    return pypdf.PdfReader(io.BytesIO(broadsheet.write(article, "pdf", columns=1)))


def _lines(pdf: pypdf.PdfReader, size: float = SIZE) -> list[list[Run]]:
    """The runs of each line set in ``size`` on page 1, top to bottom, each left to right."""
    lines: dict[float, list[Run]] = {}
    for run in runs(pdf):
        if abs(run.size - size) < 0.01:
            lines.setdefault(run.y, []).append(run)
    return [sorted(lines[y], key=lambda run: run.left) for y in sorted(lines, reverse=True)]


def _text(pdf: pypdf.PdfReader) -> str:
    """Page 1's text, Arabic presentation forms as the letters they are."""
    return unicodedata.normalize("NFKC", pdf.pages[0].extract_text())


def _items(language: str, kind: Any, nested: bool = False) -> list[Block]:
    words = WORDS[language]
    inner = [kind(items=[[_p(words[3])], [_p(words[2])]])] if nested else []
    return [kind(items=[[_p(words[0])], [_p(words[1]), *inner], [_p(words[2])]])]


@pytest.mark.parametrize("kind", [BulletList, OrderedList])
@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_right_to_left_list_has_its_markers_and_indent_at_the_right(language: str, kind: Any) -> None:
    lines = _lines(_write(language, _items(language, kind)))
    assert len(lines) == 3, lines
    for line in lines:
        marker, text = line[-1], line[:-1]
        assert text, line
        gap = marker.left - max(run.right for run in text)
        assert SIZE * 0.2 < gap < SIZE, line  # the marker just after the text's start, at its right
        assert marker.left > RIGHT - SIZE * 1.7 and marker.right <= RIGHT + 0.5, line
    # Every item's text starts at the same indent from the right, and reads flush right.
    assert len({round(max(run.right for run in line[:-1])) for line in lines}) == 1, lines
    assert all(min(run.left for run in line) > LEFT + GEOMETRY.text_width / 2 for line in lines)


@pytest.mark.parametrize("kind", [BulletList, OrderedList])
def test_a_left_to_right_list_keeps_its_markers_at_the_left(kind: Any) -> None:
    lines = _lines(_write("en", _items("en", kind)))
    assert len(lines) == 3, lines
    for line in lines:
        marker, text = line[0], line[1:]
        assert LEFT - 0.5 <= marker.left < LEFT + SIZE and marker.right < text[0].left, line


@pytest.mark.parametrize("kind", [BulletList, OrderedList])
@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_nested_right_to_left_list_is_indented_further_from_the_right(language: str, kind: Any) -> None:
    lines = _lines(_write(language, _items(language, kind, nested=True)))
    assert len(lines) == 5, lines
    outer, inner = lines[0][-1], lines[2][-1]
    assert inner.right < outer.left, (outer, inner)
    # Its markers line up with each other on the side of their text (digits differ in width),
    # and the outer list goes on where it was.
    assert abs(lines[3][-1].left - inner.left) < 0.5, lines
    assert abs(lines[4][-1].left - outer.left) < 0.5, lines
    assert max(run.right for run in lines[2][:-1]) < inner.left


@pytest.mark.parametrize(
    ("language", "digits", "absent"),
    [("ar-EG", "١٢٣", "123"), ("ar", "123", "١٢٣"), ("he", "123", "١٢٣"), ("en", "123", "١٢٣")],
)
def test_ordered_list_numbers_are_in_the_languages_cldr_digits(
    language: str, digits: str, absent: str
) -> None:
    pdf = _write(language, _items(language, OrderedList))
    text = pdf.pages[0].extract_text()
    assert all(digit in text for digit in digits), text
    assert not any(digit in text for digit in absent), text


def test_a_long_ordered_list_leaves_room_for_its_widest_number() -> None:
    words = WORDS["ar-EG"]
    body: list[Block] = [OrderedList(items=[[_p(words[index % 3])] for index in range(12)], start=95)]
    lines = _lines(_write("ar-EG", body))
    assert len(lines) == 12, lines
    ends = {round(max(run.right for run in line[:-1]), 1) for line in lines}
    assert len(ends) == 1, ends  # "١٠٦." as far from the text as "٩٥."
    for line in lines:
        assert line[-1].left - max(run.right for run in line[:-1]) > SIZE * 0.2, line
        assert line[-1].right <= RIGHT + 0.5, line


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_paragraph_of_digits_alone_takes_its_articles_direction(language: str) -> None:
    body: list[Block] = [_p(WORDS[language][1]), _p("2024"), _p("12.5% — 2025")]
    pdf = _write(language, body)
    lines = _lines(pdf)
    assert len(lines) == 3, lines
    for line in lines:
        assert abs(line[-1].right - RIGHT) < 1, line
    # "12.5% — 2025" in a right-to-left paragraph: the first number at the right.
    assert "2025 — 12.5%" in _text(pdf), _text(pdf)


def test_a_paragraph_of_digits_alone_in_an_english_article_is_flush_left() -> None:
    lines = _lines(_write("en", [_p(WORDS["en"][1]), _p("2024")]))
    assert abs(lines[1][0].left - LEFT) < 1, lines


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_right_to_left_table_reads_from_the_right(language: str) -> None:
    words = WORDS[language]
    table = Table(
        rows=[
            [
                TableCell(children=[Text(text=words[0])], header=True),
                TableCell(children=[Text(text=words[1])]),
            ],
            [TableCell(children=[Text(text=words[2])]), TableCell(children=[Text(text="2024")])],
        ],
        header_rows=1,
    )
    cell = SIZE * 0.82
    lines = _lines(_write(language, [table]), cell)
    assert len(lines) == 2, lines
    # The first column at the right: the second row's first cell (its words) right of "2024".
    number = min(lines[1], key=lambda run: run.left)
    words_end = max(run.right for run in lines[1])
    assert abs(words_end - (RIGHT - 1.5)) < 1, lines[1]
    # "2024" flush right in its own cell, which ends where the first begins.
    first_cell_left = min(run.left for run in lines[1] if run is not number)
    assert number.right < first_cell_left
    assert number.left > LEFT + 20, number


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_quotes_latin_attribution_follows_its_right_to_left_quote(language: str) -> None:
    quote = QuoteBlock(quote=Quote(text=WORDS[language][1], speaker=Person(name="John Smith")))
    pdf = _write(language, [quote])
    lines = _lines(pdf, SIZE * 0.82)
    assert len(lines) == 1, lines
    # Indented from the right as its quote is, the dash at the right where the line starts.
    assert abs(lines[0][-1].right - (RIGHT - SIZE * 1.4)) < 1, lines
    assert "John Smith \u2014" in _text(pdf), _text(pdf)


def test_a_latin_quotes_attribution_in_an_arabic_article_stays_left_to_right() -> None:
    english = "The quick brown fox jumps over the lazy dog, said the reporter."
    quote = QuoteBlock(quote=Quote(text=english, speaker=Person(name="John Smith")))
    lines = _lines(_write("ar-EG", [quote]), SIZE * 0.82)
    assert abs(lines[0][0].left - (LEFT + SIZE * 1.4)) < 1, lines


def _notdef_codes(pdf: pypdf.PdfReader) -> dict[str, int]:
    from fontTools.ttLib import TTFont

    out: dict[str, int] = {}
    for ref in pdf.pages[0]["/Resources"]["/Font"].values():
        font: Any = ref.get_object()
        data = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        cmap = TTFont(io.BytesIO(data))["cmap"].tables[0].cmap
        out[str(font["/BaseFont"])] = sum(1 for glyph in cmap.values() if glyph == ".notdef")
    return out


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_right_to_left_quote_draws_its_marks_and_first_word(language: str) -> None:
    quote = QuoteBlock(quote=Quote(text=WORDS[language][1], speaker=Person(name="John Smith")))
    pdf = _write(language, [quote])
    notdef = _notdef_codes(pdf)
    assert notdef and not any(notdef.values()), notdef
    opening, closing = quote_marks(language)
    assert f"{opening}{WORDS[language][1]}{closing}" in _text(pdf), _text(pdf)


@pytest.mark.parametrize(("language", "flush_right"), [("ar-EG", True), ("he", True), ("en", False)])
def test_a_pictures_latin_credit_follows_its_caption(language: str, flush_right: bool) -> None:
    figure = Figure(image=Image(url="https://example.org/p.jpg", caption=WORDS[language][1], credit="AFP"))
    article = Article(title=WORDS[language][0], language=language, body=[figure])
    data = broadsheet.write(article, "pdf", columns=1, images=False)
    lines = _lines(pypdf.PdfReader(io.BytesIO(data)), SIZE * 0.7)
    assert len(lines) == 1, lines
    edge = lines[0][-1].right if flush_right else lines[0][0].left
    assert abs(edge - (RIGHT if flush_right else LEFT)) < 1, lines


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_byline_of_latin_names_reads_in_its_articles_direction(language: str) -> None:
    article = Article(
        title=WORDS[language][0],
        language=language,
        authors=[Person(name="John Michael Smith"), Person(name="Jane Doe")],
        dateline="London",
        body=[_p(WORDS[language][1])],
    )
    pdf = pypdf.PdfReader(io.BytesIO(broadsheet.write(article, "pdf", columns=1)))
    for size in (SIZE * 0.85, SIZE * 0.8):  # the byline, the dateline
        lines = _lines(pdf, size)
        assert lines and abs(lines[0][-1].right - RIGHT) < 1, lines
