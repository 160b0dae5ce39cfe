"""A paragraph's base direction: its language's (UAX #9 HL1), unless its words mostly read the
other way; the first strong letter (P2, P3) only when no language is known.

Positions come from the content stream (:mod:`pdf_runs`): a Latin word is the run set in the
Latin text face, found on the first line of its paragraph.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pypdf
import pytest
from pdf_runs import Run, runs

import broadsheet
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf import shaping
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Article, Edition, Paragraph, Person, Section, Text

pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

DATA = Path(__file__).parents[2] / "data" / "pdf" / "scripts"
SIZE = WriteOptions().font_size
GEOMETRY = Geometry.of(WriteOptions(columns=1))
LEFT, RIGHT = GEOMETRY.left, GEOMETRY.left + GEOMETRY.text_width
ENGLISH = "The quick brown fox jumps over the lazy dog, said the reporter to the editor."


def _sample(language: str) -> tuple[str, list[str]]:
    lines = (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return lines[0], lines[1:]


def _article(language: str | None, paragraphs: list[str], title: str) -> Article:
    return Article(
        title=title,
        language=language,
        authors=[Person(name="Reporter")],
        body=[Paragraph(children=[Text(text=text)]) for text in paragraphs],
    )


def _first_lines(data: bytes) -> list[list[Run]]:
    """The runs of the first line of each body paragraph on page 1, top to bottom."""
    found = [run for run in runs(pypdf.PdfReader(io.BytesIO(data))) if abs(run.size - SIZE) < 0.01]
    lines: dict[float, list[Run]] = {}
    for run in found:
        lines.setdefault(run.y, []).append(run)
    ys = sorted(lines, reverse=True)
    # A paragraph starts after a gap taller than the leading (its space before it).
    leading = min(a - b for a, b in itertools.pairwise(ys))
    starts = [ys[0]] + [b for a, b in itertools.pairwise(ys) if a - b > leading * 1.2]
    return [sorted(lines[y], key=lambda run: run.left) for y in starts]


def _latin(line: list[Run]) -> list[Run]:
    return [run for run in line if run.font.startswith("Gentium")]


@pytest.mark.parametrize("language", ["ar", "he"])
@pytest.mark.parametrize("opening", ["BBC", "2024"])
def test_a_right_to_left_paragraph_opening_with_latin_or_a_number_reads_right_to_left(
    language: str, opening: str
) -> None:
    title, paragraphs = _sample(language)
    data = broadsheet.write(_article(language, [f"{opening} {paragraphs[0]}"], title), "pdf", columns=1)
    first = _first_lines(data)[0]
    latin = _latin(first)
    assert len(latin) == 1, first
    # Logically first, so drawn at the right-hand end of the first line.
    assert abs(latin[0].right - RIGHT) < 1 and latin[0] is first[-1], first


def test_without_a_language_the_first_strong_letter_decides() -> None:
    title, paragraphs = _sample("ar")
    data = broadsheet.write(_article(None, [f"BBC {paragraphs[0]}"], title), "pdf", columns=1)
    first = _first_lines(data)[0]
    assert _latin(first)[0] is first[0] and abs(first[0].left - LEFT) < 1, first


def test_a_latin_quotation_in_a_right_to_left_article_reads_left_to_right() -> None:
    title, paragraphs = _sample("ar")
    arabic_word = paragraphs[0].split()[0]
    body = [paragraphs[0], ENGLISH, f"{ENGLISH} {arabic_word} {ENGLISH}"]
    data = broadsheet.write(_article("ar", body, title), "pdf", columns=1)
    arabic, quotation, mostly_latin = _first_lines(data)[:3]
    assert abs(max(run.right for run in arabic) - RIGHT) < 1
    for line in (quotation, mostly_latin):  # flush left, words in reading order from the left
        assert line[0].font.startswith("Gentium") and abs(line[0].left - LEFT) < 1, line


def test_a_right_to_left_article_in_an_english_edition_keeps_its_direction() -> None:
    title, paragraphs = _sample("ar")
    arabic = _article("ar", [f"BBC {paragraphs[0]}"], title)
    edition = Edition(title="Edition", language="en", sections=[Section(title=None, articles=[arabic])])
    data = broadsheet.write(edition, "pdf", columns=1, cover=False, toc=False)
    first = _first_lines(data)[0]
    assert _latin(first)[0] is first[-1], first


def test_an_arabic_paragraph_in_an_english_article_reads_right_to_left() -> None:
    _, paragraphs = _sample("ar")
    data = broadsheet.write(_article("en", [ENGLISH, f"BBC {paragraphs[0]}"], "Title"), "pdf", columns=1)
    english, arabic = _first_lines(data)[:2]
    assert english[0].font.startswith("Gentium") and abs(english[0].left - LEFT) < 1
    assert _latin(arabic)[0] is arabic[-1], arabic


@pytest.mark.parametrize(
    ("text", "language_rtl", "rtl"),
    [
        ("BBC قال رئيس البلدية", True, True),
        ("BBC قال رئيس البلدية", None, False),  # P2/P3: the first strong letter
        ("BBC قال رئيس البلدية", False, True),  # an Arabic paragraph in an English article
        ("2024 שנה טובה", True, True),
        ("The quick brown fox", True, False),
        ("The quick brown fox said قال", True, False),  # three quarters of its words are Latin
        ("BBC News said قال رئيس", True, True),
        ("«2024»", True, True),  # no strong letter: the language's direction
        ("", False, False),
    ],
)
def test_base_direction(text: str, language_rtl: bool | None, rtl: bool) -> None:
    assert shaping.base_direction(text, language_rtl) is rtl


def test_a_contents_entry_reads_in_its_articles_direction() -> None:
    title, paragraphs = _sample("ar")
    english = _article("en", [ENGLISH], "Aaa")
    arabic = _article("ar", paragraphs[:1], f"BBC {title}")
    edition = Edition(
        title="Edition", language="en", sections=[Section(title=None, articles=[english, arabic])]
    )
    data = broadsheet.write(edition, "pdf", columns=1, cover=False)
    found = runs(pypdf.PdfReader(io.BytesIO(data)), 0)
    lines: dict[float, list[Run]] = {}
    for run in found:
        if run.left < RIGHT - 40:  # the titles, not the page numbers at the right
            lines.setdefault(run.y, []).append(run)
    entry = next(
        sorted(line, key=lambda r: r.left)
        for line in lines.values()
        if any(r.font.startswith("Kurinto") for r in line)
    )
    scripts = [run for run in entry if run.font.startswith(("Kurinto", "NotoSans"))]
    # "BBC" (Noto Sans) comes first in the title, so it is drawn at the title's right-hand end.
    assert scripts[-1].font.startswith("NotoSans") and scripts[0].font.startswith("Kurinto"), entry


def test_a_right_to_left_quote_is_indented_on_the_right() -> None:
    from broadsheet.model import Quote, QuoteBlock

    title, paragraphs = _sample("ar")
    article = Article(
        title=title,
        language="ar",
        body=[QuoteBlock(quote=Quote(text=paragraphs[0])), QuoteBlock(quote=Quote(text=ENGLISH * 2))],
    )
    data = broadsheet.write(article, "pdf", columns=1)
    quote = [run for run in runs(pypdf.PdfReader(io.BytesIO(data))) if abs(run.size - SIZE * 1.12) < 0.01]
    arabic = [run for run in quote if run.font.startswith("Kurinto")]
    latin = [run for run in quote if run.font.startswith("Gentium")]
    indent, end = SIZE * 1.4, SIZE * 0.6  # the quote style's start and end indents
    assert abs(max(run.right for run in arabic) - (RIGHT - indent)) < 1, arabic
    assert min(run.left for run in arabic) >= LEFT + end - 1
    assert abs(min(run.left for run in latin) - (LEFT + indent)) < 1, latin
