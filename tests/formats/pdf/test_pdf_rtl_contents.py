"""A long right-to-left title wraps in the contents in reading order: its first words on its first
line, each line ordered by itself, its page number beside the line the title reads towards."""

from __future__ import annotations

import io
import unicodedata

import pypdf
import pytest
from pdf_checks import lines
from pdf_runs import Run, runs

import broadsheet
from broadsheet.formats._shared.wording import number_text
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Article, Edition, Paragraph, Section, Text

pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

GEOMETRY = Geometry.of(WriteOptions(columns=1))
LONG = {
    "ar-EG": "البلدية تعلن خطة جديدة للنقل العام تشمل خطوط حافلات تربط الأحياء الشرقية "
    "بوسط المدينة وتمديد ساعات عمل القطارات حتى منتصف الليل",
    "he": "העירייה הודיעה ביום שלישי על תוכנית חדשה לשיפור התחבורה הציבורית הכוללת "
    "קווי אוטובוס חדשים והארכת שעות הפעילות של הרכבות",
}


def _contents_lines(edition_language: str, language: str) -> list[str]:
    title = LONG[language]
    articles = [
        Article(title=title, language=language, body=[Paragraph(children=[Text(text=title)])]),
        Article(title="Short", language="en", body=[Paragraph(children=[Text(text="Text.")])]),
    ]
    edition = Edition(title="Edition", language=edition_language, sections=[Section(articles=articles)])
    data = broadsheet.write(edition, "pdf", columns=1, cover=False)
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    return [unicodedata.normalize("NFKC", line) for line in lines(page)]


def _entry(found: list[str], language: str) -> list[str]:
    words = LONG[language].split()
    first = next(i for i, line in enumerate(found) if words[0] in line.split())
    last = next(i for i, line in enumerate(found) if words[-1] in line.split())
    assert last > first, found  # the title's last word on a later line than its first
    return found[first : last + 1]


def _assert_in_reading_order(shown: list[list[str]], words: list[str]) -> None:
    """Each line holds the next words of the title, all of them (whatever order a line is read in)."""
    start = 0
    for line in shown:
        held = [word for word in line if word in words]
        assert sorted(held) == sorted(words[start : start + len(held)]), (line, words[start:])
        start += len(held)
    assert start == len(words), shown


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_long_right_to_left_title_wraps_in_reading_order(language: str) -> None:
    entry = _entry(_contents_lines(language, language), language)
    words = LONG[language].split()
    shown = [line.split() for line in entry]
    _assert_in_reading_order(shown, words)
    # The page number at the end of the title's last line (at its left), none on the first.
    number = number_text(2, language)
    assert number in shown[-1] and number not in shown[0], entry


@pytest.mark.parametrize("language", ["ar-EG", "he"])
def test_a_long_right_to_left_title_in_a_left_to_right_edition_has_its_number_on_its_first_line(
    language: str,
) -> None:
    entry = _entry(_contents_lines("en", language), language)
    words = LONG[language].split()
    shown = [line.split() for line in entry]
    _assert_in_reading_order(shown, words)
    # Its number at the right, beside where the title starts.
    assert "2" in shown[0] and "2" not in shown[-1], entry


@pytest.mark.parametrize(("edition_language", "language"), [("ar-EG", "ar-EG"), ("en", "he"), ("he", "en")])
def test_titles_keep_out_of_the_page_numbers_column(edition_language: str, language: str) -> None:
    title = LONG.get(language, " ".join(["A long English headline"] * 6))
    article = Article(title=title, language=language, body=[Paragraph(children=[Text(text=title)])])
    edition = Edition(title="Edition", language=edition_language, sections=[Section(articles=[article])])
    data = broadsheet.write(edition, "pdf", columns=1, cover=False)
    size = WriteOptions().font_size
    left, right = GEOMETRY.left, GEOMETRY.left + GEOMETRY.text_width
    found = [run for run in runs(pypdf.PdfReader(io.BytesIO(data)), 0) if abs(run.size - size) < 0.01]
    numbers_left = edition_language != "en"
    lines: dict[float, list[Run]] = {}
    for run in found:
        lines.setdefault(run.y, []).append(run)
    assert len(lines) >= 2, lines  # the title wraps
    for line in lines.values():
        words = [run for run in line if run.font.startswith(("Kurinto", "NotoSans-Bold"))]
        if numbers_left:
            assert min(run.left for run in words) > left + size * 2, line
        else:
            assert max(run.right for run in words) < right - size * 2, line
