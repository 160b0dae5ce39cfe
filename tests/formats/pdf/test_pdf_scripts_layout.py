"""Scripts on the page: right-to-left columns and justification, Thai lines that end between words.

Positions come from the written PDF: Latin marker words through pypdf's text
visitor, both edges of every line through :mod:`pdf_runs`, which measures
where each run of glyphs ends. The sample paragraphs are in tests/data/pdf/scripts.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pdf_runs import line_edges, runs
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

import broadsheet
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf import shaping, word_breaks
from broadsheet.formats.pdf.fonts import font_set
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.formats.pdf.paragraphs import Paragraph as ScriptParagraph
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.model import Article, Paragraph, Person, Text

pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
pytest.importorskip("icu4py")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

DATA = Path(__file__).parents[2] / "data" / "pdf" / "scripts"
SIZE = WriteOptions().font_size


def _sample(language: str) -> tuple[str, list[str]]:
    lines = (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return lines[0], lines[1:]


def _article(language: str, paragraphs: list[str], title: str) -> Article:
    return Article(
        title=title,
        language=language,
        authors=[Person(name="Reporter")],
        body=[Paragraph(children=[Text(text=text)]) for text in paragraphs],
    )


def _markers(data: bytes, words: tuple[str, ...]) -> dict[str, tuple[int, float]]:
    """The page (from 0) and x of the run holding each marker word."""
    found: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages):

        def visit(piece: str, cm: Any, tm: Any, font: Any, size: Any, number: int = number) -> None:
            for word in words:
                if word in piece and word not in found:
                    found[word] = (number, tm[4] * cm[0] + cm[4])

        page.extract_text(visitor_text=visit)
    return found


def _column(geometry: Geometry, x: float) -> int:
    """The column (0 the leftmost) that holds ``x``."""
    for index, frame in enumerate(geometry.frames("probe")):
        if frame._x1 - 1 <= x < frame._x1 + frame._width + 1:
            return index
    raise AssertionError(f"x={x} is in no column")


@pytest.mark.parametrize("columns", [2, 3])
@pytest.mark.parametrize("language", ["ar", "he", "en"])
def test_columns_are_filled_in_the_reading_direction(language: str, columns: int) -> None:
    title, paragraphs = _sample(language)
    body = paragraphs * 3
    # After the first word: a paragraph takes its direction from its first letter (UAX #9).
    head, rest = body[0].split(" ", 1)
    body[0] = f"{head} M1M1M1 {rest}"  # markers no hyphenation can cut
    body[-1] = body[-1] + " Z9Z9Z9"
    data = broadsheet.write(_article(language, body, title), "pdf", columns=columns)
    found = _markers(data, ("M1M1M1", "Z9Z9Z9"))
    geometry = Geometry.of(WriteOptions(columns=columns))
    (first_page, first_x), (last_page, last_x) = found["M1M1M1"], found["Z9Z9Z9"]
    assert first_page == last_page == 0  # one levelled page: the text reaches every column
    first, last = _column(geometry, first_x), _column(geometry, last_x)
    if language == "en":
        assert (first, last) == (0, columns - 1)
    else:  # the first paragraph at the top of the right-hand column, the end at the left
        assert (first, last) == (columns - 1, 0)
        assert first_x > last_x
        # Every line of the first column (the right-hand one) ends at its right edge.
        frame = geometry.frames("probe", rtl=True)[0]
        edges = line_edges(
            runs(pypdf.PdfReader(io.BytesIO(data))), SIZE, (frame._x1, frame._x1 + frame._width)
        )
        assert len(edges) > 5
        assert all(abs(right - (frame._x1 + frame._width)) < 1 for _, _, right in edges), [
            e for e in edges if abs(e[2] - frame._x1 - frame._width) >= 1
        ]


def test_a_right_to_left_article_in_a_left_to_right_edition_gets_its_own_columns() -> None:
    title, paragraphs = _sample("ar")
    head, rest = paragraphs[0].split(" ", 1)
    arabic = _article("ar", [f"{head} M1M1M1 {rest}", *paragraphs[1:] * 2], title)
    english_title, english = _sample("en")
    edition = broadsheet.model.Edition(
        title="Edition",
        language="en",
        sections=[
            broadsheet.model.Section(
                title=None, articles=[_article("en", english * 3, english_title), arabic]
            )
        ],
    )
    data = broadsheet.write(edition, "pdf", columns=2, cover=False, toc=False)
    page, x = _markers(data, ("M1M1M1",))["M1M1M1"]
    assert page > 0
    assert _column(Geometry.of(WriteOptions(columns=2)), x) == 1


@pytest.mark.parametrize("language", ["ar", "he"])
def test_right_to_left_paragraphs_are_justified_on_both_edges(language: str) -> None:
    title, paragraphs = _sample(language)
    body = paragraphs * 2
    data = broadsheet.write(_article(language, body, title), "pdf", columns=1)
    edges = line_edges(runs(pypdf.PdfReader(io.BytesIO(data))), SIZE)
    geometry = Geometry.of(WriteOptions(columns=1))
    right = geometry.left + geometry.text_width
    assert len(edges) >= 2 * len(body)
    # Within a point (a punctuation mark's own spacing moves a line end by half of one):
    # every line, the last of each paragraph too, ends flush right ...
    assert all(abs(line_right - right) < 1 for _, _, line_right in edges), edges
    # ... and every line but the last of each paragraph starts at the left edge: justified.
    short = [left for _, left, _ in edges if abs(left - geometry.left) > 1]
    assert len(short) <= len(body), edges


def test_latin_paragraphs_stay_justified_flush_left() -> None:
    # The same check on the English sample: the last lines are flush left there.
    title, paragraphs = _sample("en")
    data = broadsheet.write(_article("en", paragraphs, title), "pdf", columns=1)
    edges = line_edges(runs(pypdf.PdfReader(io.BytesIO(data))), SIZE)
    geometry = Geometry.of(WriteOptions(columns=1))
    assert all(abs(left - geometry.left) < 0.5 for _, left, _ in edges)
    short = [r for _, _, r in edges if abs(r - geometry.left - geometry.text_width) > 0.5]
    assert 0 < len(short) <= len(paragraphs)


# Thai news sentences segmented by hand: "|" a word boundary, "/" a boundary inside a compound
# (a line may end there too). A line must never end anywhere else.
SEGMENTED = (
    "กรุงเทพ/มหานคร|ประกาศ|แผน|รับ/มือ|น้ำ/ท่วม|ใน|ช่วง|ฤดู/ฝน|ปี|นี้",
    "นายก/รัฐมนตรี|เดิน/ทาง|ไป|เยือน|จังหวัด|เชียงใหม่|เมื่อ|วัน/จันทร์|ที่|ผ่าน|มา",
    "ตำรวจ|กล่าว|ว่า|การ|สอบสวน|ยัง/คง|ดำเนิน|ต่อ|ไป|และ|จะ|แถลง|ผล|ใน|สัปดาห์|หน้า",
    "ราคา|น้ำ/มัน|ใน|ตลาด|โลก|ปรับ/ตัว|สูง|ขึ้น|เป็น|วัน|ที่|สาม|ติด/ต่อ|กัน",
    "กระทรวง|สาธารณ/สุข|แนะ/นำ|ให้|ประชาชน|ฉีด|วัคซีน|ไข้/หวัด/ใหญ่|ก่อน|เดือน|ตุลาคม",
    "การ|เลือก/ตั้ง|ท้อง/ถิ่น|จะ|จัด|ขึ้น|ใน|วัน/อาทิตย์|ที่|สิบ/ห้า|มีนาคม",
)


def _marked(sample: str) -> tuple[str, set[int], set[int]]:
    text, must, may = "", set(), set()
    for char in sample:
        if char == "|":
            must.add(len(text))
        elif char == "/":
            may.add(len(text))
        else:
            text += char
    return text, must, may


@pytest.mark.parametrize("sample", SEGMENTED)
def test_word_boundaries_never_fall_inside_a_thai_word(sample: str) -> None:
    text, must, may = _marked(sample)
    found = set(word_breaks.boundaries(text))
    assert found <= must | may
    assert len(found & must) >= len(must) - 1  # nearly every word may end a line


@pytest.mark.parametrize(
    "sample",
    ["ລັດຖະບານ|ປະກາດ|ແຜນການ|ໃໝ່", "រដ្ឋាភិបាល|បាន|ប្រកាស|ផែនការ|ថ្មី"],
    ids=["lao", "khmer"],
)
def test_lao_and_khmer_words_are_found_too(sample: str) -> None:
    text, must, _ = _marked(sample)
    assert set(word_breaks.boundaries(text)) == must


def _thai_lines(monkeypatch: pytest.MonkeyPatch, width: float) -> tuple[str, list[str]]:
    """A Thai paragraph wrapped at ``width``, unshaped (so that a line's text is its characters)."""
    monkeypatch.setattr(shaping, "shaping_available", lambda: False)
    text = " ".join(_sample("th")[1])
    fonts = font_set()
    family = fonts.family_for_all(text[:5], fonts.text, "th")
    assert family is not None
    style = ParagraphStyle(
        "thai", parent=Styles(SIZE, fonts, Palette("screen"), justify=True).body, alignment=TA_LEFT
    )
    paragraph = ScriptParagraph(f'<font face="{family.regular}">{text}</font>', style)
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:  # one font, nothing cut: (extra space, words)
        return text, [" ".join(str(word) for word in line[1]) for line in lines]
    return text, ["".join(str(word.text) for word in line.words) for line in lines]


def _line_ends(text: str, lines: list[str]) -> list[int]:
    """Where in ``text`` each line but the last ends (the space a line ends at is not drawn)."""
    ends, position = [], 0
    for line in lines[:-1]:
        position = text.index(line.strip(), position) + len(line.strip())
        ends.append(position)
    return ends


def test_thai_lines_end_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    text, lines = _thai_lines(monkeypatch, 150)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing added, nothing lost
    allowed = set(word_breaks.boundaries(text)) | {i for i, char in enumerate(text) if char == " "}
    ends = _line_ends(text, lines)
    assert len(ends) > 10
    assert all(end in allowed for end in ends)


def test_without_word_boundaries_thai_lines_are_cut_inside_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # The check above can fail: reportlab alone cuts Thai wherever the line is full.
    monkeypatch.setattr(word_breaks, "available", lambda: False)
    text, lines = _thai_lines(monkeypatch, 150)
    allowed = {i for i, char in enumerate(text) if char == " "}
    monkeypatch.undo()
    allowed |= set(word_breaks.boundaries(text))
    assert any(end not in allowed for end in _line_ends(text, lines))


def test_thai_text_is_written_without_inserted_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shaping, "shaping_available", lambda: False)  # unshaped: the text extracts back
    title, paragraphs = _sample("th")
    with pytest.warns(broadsheet.errors.MissingGlyphsWarning):  # unshaped, and the run says so
        data = broadsheet.write(_article("th", paragraphs, title), "pdf", columns=2)
    extracted = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for paragraph in paragraphs:
        assert paragraph.replace(" ", "") in "".join(extracted.split())


def test_letters_after_two_stacked_marks_stay_on_the_line() -> None:
    # ที่ and เชื่อ: a vowel above the letter, then a tone mark HarfBuzz moves down (in Kurinto
    # Sans, whose marks are moved; other fonts and scripts move marks in the same way).
    fonts = font_set()
    styles = Styles(SIZE, fonts, Palette("screen"), justify=True)
    folder = pdf_fonts.script_font_folder()
    assert folder is not None
    face, _ = pdf_fonts.load_face(folder / "KurintoSans-Rg.ttf")
    paragraph = ScriptParagraph(f'<font face="{face}">ทางที่เชื่อมต่อชุมชน</font>', styles.body)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    paragraph.wrapOn(canvas, 400, 100)
    paragraph.drawOn(canvas, 50, 700)
    canvas.save()
    found = runs(pypdf.PdfReader(buffer))
    assert len({run.y for run in found}) > 1  # the marks are moved (else this checks nothing)
    assert found[-1].y == found[0].y  # ... and the letters after them are back on the baseline


def _stacked_mark_gap(font_file: str) -> float:
    """How far (font units) the tone mark of ที่ sits above the top of the vowel under it, as
    HarfBuzz places them in ``font_file`` (negative: the mark is drawn into the vowel)."""
    import uharfbuzz
    from fontTools.ttLib import TTFont as ToolsFont

    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(font_file)))
    buffer = uharfbuzz.Buffer()
    buffer.add_str("ที่")
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer, {})
    glyf = ToolsFont(font_file)["glyf"]
    (_, vowel, mark) = [
        (font.glyph_to_string(info.codepoint), position.y_offset)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]
    vowel_top = glyf[vowel[0]].yMax + vowel[1]
    return float(glyf[mark[0]].yMin + mark[1] - vowel_top)


def test_thai_is_set_in_a_font_that_keeps_tone_marks_above_vowels() -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts = font_set()
    family = fonts.family_for_all("ที่", fonts.text, "th")
    assert family is not None
    chosen = pdfmetrics.getFont(family.regular).face.filename
    assert _stacked_mark_gap(chosen) >= 0
    kurinto = pdf_fonts.script_font_folder()
    assert kurinto is not None
    assert _stacked_mark_gap(str(kurinto / "KurintoSans-Rg.ttf")) < 0  # why Kurinto is not used for Thai


def test_without_the_line_breaker_thai_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_breaks, "available", lambda: False)
    title, paragraphs = _sample("th")
    with pytest.warns(broadsheet.errors.MissingGlyphsWarning, match="lines end inside words"):
        broadsheet.write(_article("th", paragraphs, title), "pdf")


def test_a_huge_run_without_spaces_is_cut_at_word_boundaries_now_and_then() -> None:
    # A forced line break every 1500-odd letters lets the writer cut the paragraph (linear time);
    # it falls between two words, and a run of ordinary length gets none.
    from broadsheet.formats.pdf.hyphenation import long_word_pieces

    sentence = "".join(_sample("th")[1]).replace(" ", "")
    run = (sentence * 40)[:10_000]
    parts = long_word_pieces(run)
    texts = [piece for is_break, piece in parts if not is_break]
    assert "".join(texts) == run
    assert 3 <= len(texts) <= 8
    allowed = set(word_breaks.boundaries(run))
    ends = [sum(len(t) for t in texts[: i + 1]) for i in range(len(texts) - 1)]
    assert all(end in allowed for end in ends)
    assert long_word_pieces(sentence) == [(False, sentence)]


def test_articles_run_on_fill_columns_in_the_editions_direction() -> None:
    title, paragraphs = _sample("he")
    head, rest = paragraphs[0].split(" ", 1)
    first = _article("he", [f"{head} M1M1M1 {rest}", *paragraphs[1:] * 2], title)
    edition = broadsheet.model.Edition(
        title="מהדורה",
        language="he",
        sections=[broadsheet.model.Section(title=None, articles=[first, _article("he", paragraphs, title)])],
    )
    data = broadsheet.write(edition, "pdf", columns=2, cover=False, toc=False, article_break="continue")
    page, x = _markers(data, ("M1M1M1",))["M1M1M1"]
    assert page == 0
    assert _column(Geometry.of(WriteOptions(columns=2)), x) == 1
