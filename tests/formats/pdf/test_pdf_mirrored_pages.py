"""Right-to-left pages are mirrored: running head and page number swap sides; page numbers (also
the contents page's) are printed in the document language's CLDR digits, in a face that has them.

Positions come from the content stream (:mod:`pdf_runs`); the running head and the page number
are the runs above and below the text area.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont as ToolsFont
from pdf_checks import annotations, fonts
from pdf_runs import Run, runs
from reportlab.pdfbase.pdfmetrics import stringWidth

import broadsheet
from broadsheet.formats._shared.wording import number_text
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Article, Edition, Paragraph, Person, Section, Text

pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

DATA = Path(__file__).parents[2] / "data" / "pdf" / "scripts"
GEOMETRY = Geometry.of(WriteOptions(columns=1))
MIDDLE = GEOMETRY.left + GEOMETRY.text_width / 2


def _article(language: str, repeat: int = 6) -> Article:
    lines = (DATA / f"{language.split('-')[0]}.txt").read_text(encoding="utf-8").splitlines()
    return Article(
        title=lines[0],
        language=language,
        authors=[Person(name="Reporter")],
        body=[Paragraph(children=[Text(text=text)]) for text in lines[1:] * repeat],
    )


def _edition(language: str, articles: list[Article]) -> Edition:
    return Edition(title="Edition", language=language, sections=[Section(title=None, articles=articles)])


def _decorations(pdf: pypdf.PdfReader, number: int) -> tuple[list[Run], list[Run]]:
    """The runs of page ``number``'s running head (above the text) and page number (below it)."""
    found = runs(pdf, number)
    head = [run for run in found if run.y > GEOMETRY.height - GEOMETRY.top]
    foot = [run for run in found if run.y < GEOMETRY.bottom]
    return head, foot


def _edition_width(size: float) -> float:
    """The width of the running head "Edition" (the publication) at ``size``."""
    return float(stringWidth("Edition", pdf_fonts.font_set().heading.regular, size))


def test_only_the_right_to_left_articles_pages_are_mirrored() -> None:
    english, arabic = _article("en"), _article("ar")
    edition = _edition("en", [english, arabic])
    data = broadsheet.write(edition, "pdf", columns=1, cover=False, toc=False)
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert len(pdf.pages) >= 4
    for number in range(len(pdf.pages)):
        head, foot = _decorations(pdf, number)
        arabic_page = any(run.font.startswith("Kurinto") for run in runs(pdf, number) if run not in head)
        assert len(foot) == 1, foot
        # The number at the outer edge a reader ends on: the right, or the left of a mirrored page.
        assert (foot[0].right < MIDDLE) is arabic_page, (number, foot)
        if not head:  # an article's first page has no running head
            continue
        publication = [run for run in head if abs(run.right - run.left - _edition_width(run.size)) < 0.1]
        title = [run for run in head if run not in publication]
        assert publication and title, head
        if arabic_page:  # the edition at the right, the article's title at the left
            assert min(r.left for r in publication) > MIDDLE > max(r.right for r in title), head
            assert abs(min(r.left for r in title) - GEOMETRY.left) < 1  # flush with the left edge
        else:
            assert max(r.right for r in publication) < MIDDLE < min(r.left for r in title), head
    assert any(_decorations(pdf, n)[0] for n in range(len(pdf.pages)))


def test_an_arabic_article_alone_is_mirrored_on_every_page() -> None:
    data = broadsheet.write(_article("ar-EG", 12), "pdf", columns=2)
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert len(pdf.pages) >= 2
    for number in range(len(pdf.pages)):
        _, foot = _decorations(pdf, number)
        assert foot and max(run.right for run in foot) < MIDDLE, foot


@pytest.mark.parametrize(("language", "zero"), [("ar-EG", "\u0660"), ("fa", "\u06f0"), ("bn", "\u09e6")])
def test_page_numbers_are_printed_in_the_languages_digits(language: str, zero: str) -> None:
    digits = {chr(ord(zero) + value) for value in range(10)}
    articles = [_article("ar-EG" if language == "ar-EG" else "en", 3) for _ in range(2)]
    data = broadsheet.write(_edition(language, articles), "pdf", columns=1, cover=False)
    pdf = pypdf.PdfReader(io.BytesIO(data))
    contents = pdf.pages[0].extract_text()
    # Every article's page number on the contents page, none in ASCII digits.
    assert number_text(2, language) in contents and number_text(3, language) in contents, contents
    assert not any("0" <= char <= "9" for char in contents), contents
    for number, page in enumerate(pdf.pages):
        last = page.extract_text().strip().splitlines()[-1]
        assert number_text(number + 1, language) in last and set(last.strip()) <= digits | {" "}, last
    # Drawn with real glyphs: every embedded face maps each code it uses to a glyph of its own.
    for font in fonts(data):
        embedded = ToolsFont(io.BytesIO(font["/FontDescriptor"]["/FontFile2"].get_object().get_data()))
        assert ".notdef" not in embedded["cmap"].tables[0].cmap.values(), font["/BaseFont"]


def test_an_english_edition_keeps_ascii_digits() -> None:
    data = broadsheet.write(_edition("en", [_article("ar-EG", 1)]), "pdf", columns=1, cover=False)
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert pdf.pages[1].extract_text().strip().splitlines()[-1].strip() == "2"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "120"),
        (None, "120"),
        ("ar", "120"),
        ("ar-EG", "١٢٠"),
        ("fa", "۱۲۰"),
        ("bn", "১২০"),
        ("xx", "120"),
    ],
)
def test_number_text(language: str | None, expected: str) -> None:
    assert number_text(120, language) == expected


@pytest.mark.parametrize("language", ["ar-EG", "he", "en"])
def test_the_contents_of_a_right_to_left_edition_are_mirrored(language: str) -> None:
    articles = [_article("en", 1), _article("ar-EG", 1), _article("he", 1)]
    data = broadsheet.write(_edition(language, articles), "pdf", columns=1, cover=False)
    rtl = language != "en"
    # The page numbers are links: at the left of a right-to-left contents, else at the right.
    rects = [[float(v) for v in annotation["/Rect"]] for page, annotation in annotations(data) if page == 1]
    numbers = [rect for rect in rects if rect[2] - rect[0] < 40]
    assert len(numbers) == 3, rects
    for rect in numbers:
        assert (rect[2] < MIDDLE) is rtl, rect
    # The titles are flush with the edge away from the numbers.
    titles = [
        run
        for run in runs(pypdf.PdfReader(io.BytesIO(data)), 0)
        if run.size < 11 and GEOMETRY.bottom < run.y < 780
    ]
    lines: dict[float, list[Run]] = {}
    for run in titles:
        lines.setdefault(run.y, []).append(run)
    assert len(lines) >= 3, lines
    right = GEOMETRY.left + GEOMETRY.text_width
    for line in lines.values():
        edge = max(r.right for r in line) if rtl else min(r.left for r in line)
        assert abs(edge - (right if rtl else GEOMETRY.left)) < 1, line
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert number_text(2, language) in text and number_text(4, language) in text, text


@pytest.mark.parametrize(("language", "mirrored"), [("ar", True), ("en", False)])
def test_articles_run_on_are_mirrored_in_the_editions_direction(language: str, mirrored: bool) -> None:
    edition = _edition(language, [_article("en", 3), _article("ar", 3)])
    data = broadsheet.write(edition, "pdf", columns=1, cover=False, toc=False, article_break="continue")
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert len(pdf.pages) >= 2
    for number in range(len(pdf.pages)):
        _, foot = _decorations(pdf, number)
        assert len(foot) == 1 and (foot[0].right < MIDDLE) is mirrored, (number, foot)
