"""Every script a news page is written in is drawn with real glyphs, shaped and ordered as HarfBuzz says.

Extraction: pypdf gives back unshaped scripts (Latin, Cyrillic, Greek, CJK
) as written. Shaped text (Devanagari, Bengali, Arabic, Hebrew, Thai) is drawn
as HarfBuzz's glyphs, some of which (ligatures, reordered vowel signs) have
no character of their own and map to private-use code points, and right-to-left
words are drawn in visual order: their extracted text is not meaningful, so the
tests check their glyphs instead.
"""

from __future__ import annotations

import base64
import io
import unicodedata
import warnings
from typing import Any

import attrs
import pypdf
import pytest
from fontTools.ttLib import TTFont as ToolsFont
from pdf_checks import text
from PIL import Image as PILImage
from reportlab.pdfbase import pdfmetrics

import broadsheet
from broadsheet.formats.pdf import MissingGlyphsWarning, shaping
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf.fonts import font_set
from broadsheet.formats.pdf.paragraphs import Paragraph as ScriptParagraph
from broadsheet.formats.pdf.paragraphs import _visual_line
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.model import Article, Edition, Figure, Heading, Image, Paragraph, Person, Section, Text

uharfbuzz = pytest.importorskip("uharfbuzz")
pytest.importorskip("bidi")
if pdf_fonts.script_font_folder() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("the scripts extra (weblate-fonts) is not installed", allow_module_level=True)

SAMPLES = {
    "en": ("Police open an inquiry", "Police said on Monday the inquiry goes on."),
    "uk": ("Поліція почала розслідування", "Поліція заявила в понеділок, що розслідування триває."),
    "el": ("Η αστυνομία ξεκίνησε έρευνα", "Η αστυνομία δήλωσε τη Δευτέρα ότι η έρευνα συνεχίζεται."),
    "ar": ("الشرطة تعلن نتائج التحقيق", "قالت الشرطة يوم الاثنين إن التحقيق مستمر منذ 2024."),
    "he": ("המשטרה פתחה בחקירה", "המשטרה אמרה ביום שני כי החקירה נמשכת."),
    "hi": ("पुलिस ने जांच शुरू की", "पुलिस ने सोमवार को कहा कि जांच जारी है।"),
    "bn": ("পুলিশ তদন্ত শুরু করেছে", "পুলিশ সোমবার জানিয়েছে যে তদন্ত চলছে।"),
    "th": ("ตำรวจเริ่มการสอบสวน", "ตำรวจกล่าวว่าการสอบสวนยังคงดำเนินต่อไป"),
    "zh": ("警方开始调查事故", "警方周一表示事故调查仍在进行中"),
    "ja": ("日本の首相が51年ぶりに訪問", "東京で記者会見が開かれた"),
    "ko": ("경찰이 수사를 시작했다", "경찰은 사고 조사가 계속되고 있다고 말했다"),
}
REPORTLAB_FEATURES = {"kern": True, "liga": True, "dlig": True}
"""The OpenType features reportlab asks HarfBuzz for (reportlab.pdfbase.ttfonts.shapeFragWord)."""

EXTRACTS = ("en", "uk", "el", "zh", "ja", "ko")
"""The languages whose text pypdf gives back as written (see the module's docstring)."""


def _article(language: str) -> Article:
    title, body = SAMPLES[language]
    return Article(
        title=title,
        language=language,
        authors=[Person(name=title.split()[0])],
        body=[Heading(level=2, children=[Text(text=title)]), Paragraph(children=[Text(text=body)])],
    )


def _write(document: Article | Edition) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        return broadsheet.write(document, "pdf")


def _subsets(data: bytes) -> dict[str, ToolsFont]:
    found: dict[str, ToolsFont] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font: Any = ref.get_object()
            name = str(font["/BaseFont"])
            if name not in found:
                stream = font["/FontDescriptor"]["/FontFile2"].get_object()
                found[name] = ToolsFont(io.BytesIO(stream.get_data()))
    return found


def _notdef_codes(data: bytes) -> dict[str, int]:
    """For each embedded subset, how many of its codes draw glyph 0 (.notdef)."""
    out = {}
    for name, font in _subsets(data).items():
        cmap = font["cmap"].tables[0].cmap
        out[name] = sum(1 for glyph in cmap.values() if glyph == ".notdef")
    return out


@pytest.mark.parametrize("language", list(SAMPLES))
def test_every_script_is_drawn_with_real_glyphs(language: str) -> None:
    data = _write(_article(language))
    notdef = _notdef_codes(data)
    assert notdef and not any(notdef.values()), notdef
    if language in EXTRACTS:
        extracted = unicodedata.normalize("NFKC", text(data)).replace("\n", "")
        title, body = SAMPLES[language]
        assert title.replace(" ", "") in extracted.replace(" ", "")
        assert body.split()[0] in extracted


def test_the_script_fonts_are_subset_on_embedding() -> None:
    data = _write(_article("ja"))
    subsets = _subsets(data)
    kurinto = [font for name, font in subsets.items() if "Kurinto" in name]
    assert kurinto, list(subsets)
    assert all(font["maxp"].numGlyphs < 300 for font in kurinto)  # of ~17 600 in the file
    assert len(data) < 400_000


def test_contents_of_an_edition_draws_japanese_and_arabic_headlines() -> None:
    edition = Edition(title="World", sections=[Section(articles=[_article("ja"), _article("ar")])])
    data = _write(edition)
    reader = pypdf.PdfReader(io.BytesIO(data))
    contents = next(page for page in reader.pages if "Contents" in page.extract_text())
    # The Japanese face shares some kanji glyphs with Kangxi radicals, which its ToUnicode names first.
    extracted = unicodedata.normalize("NFKC", contents.extract_text()).replace(" ", "")
    assert "日本の首相が51年ぶりに訪問" in extracted
    fonts = [str(ref.get_object()["/BaseFont"]) for ref in contents["/Resources"]["/Font"].values()]
    assert any("KurintoSans-" in name for name in fonts), fonts  # the Arabic entry
    assert any("KurintoSansJP" in name for name in fonts), fonts
    assert not any(_notdef_codes(data).values())


def _harfbuzz_glyphs(font_name: str, word: str) -> list[int]:
    font = pdfmetrics.getFont(font_name)
    blob = uharfbuzz.Blob(font.face._ttf_data)
    hb_font = uharfbuzz.Font(uharfbuzz.Face(blob))
    buffer = uharfbuzz.Buffer()
    buffer.add_str(word)
    buffer.guess_segment_properties()
    uharfbuzz.shape(hb_font, buffer, REPORTLAB_FEATURES)
    return [info.codepoint for info in buffer.glyph_infos]


def _drawn_glyphs(markup: str, style: Any) -> list[tuple[str, list[int]]]:
    """The glyph ids of each word of the paragraph as it will be drawn, with the font drawing it."""
    paragraph = ScriptParagraph(markup, style)
    paragraph.wrap(400, 1000)
    words = []
    for line in paragraph.blPara.lines:
        for frag in _visual_line(line, False).words:
            piece = str(getattr(frag, "text", ""))
            if piece.strip():
                face = pdfmetrics.getFont(frag.fontName).face
                words.append((frag.fontName, [face.charToGlyph[ord(char)] for char in piece]))
    return words


@pytest.mark.parametrize(
    ("language", "word"),
    [("hi", "पुलिस"), ("bn", "পুলিশ"), ("ar", "الشرطة"), ("he", "המשטרה"), ("th", "ตำรวจ")],
)
def test_shaped_glyph_runs_equal_harfbuzz(language: str, word: str) -> None:
    fonts = font_set()
    styles = Styles(10, fonts, Palette("screen"), justify=True)
    family = fonts.family_for_all(word, fonts.text, language)
    assert family is not None
    markup = f'<font face="{family.regular}">{word}</font>'
    drawn = _drawn_glyphs(markup, styles.body)
    assert len(drawn) == 1
    font_name, glyphs = drawn[0]
    assert glyphs == _harfbuzz_glyphs(font_name, word)
    assert 0 not in glyphs


def test_hindi_is_shaped_not_drawn_letter_by_letter() -> None:
    fonts = font_set()
    styles = Styles(10, fonts, Palette("screen"), justify=True)
    family = fonts.family_for_all("पुलिस", fonts.text, "hi")
    assert family is not None
    ((font_name, glyphs),) = _drawn_glyphs(f'<font face="{family.regular}">पुलिस</font>', styles.body)
    face = pdfmetrics.getFont(font_name).face
    letters = [face.charToGlyph[ord(char)] for char in "पुलिस"]
    assert glyphs != letters  # the vowel sign ि goes before ल: पुलिस, never पुलसि


def test_right_to_left_lines_are_drawn_right_to_left() -> None:
    fonts = font_set()
    styles = Styles(10, fonts, Palette("screen"), justify=True)
    family = fonts.family_for_all("الشرطة", fonts.text, "ar")
    assert family is not None
    words = ["الشرطة", "تعلن", "نتائج"]
    markup = f'<font face="{family.regular}">{" ".join(words)}</font>'
    paragraph = ScriptParagraph(markup, styles.body)
    assert (
        paragraph.style.alignment == 4
    )  # TA_JUSTIFY: justified like the Latin body (flush right when ragged)
    drawn = _drawn_glyphs(markup, styles.body)
    font_name = drawn[0][0]
    expected = [_harfbuzz_glyphs(font_name, word) for word in reversed(words)]
    assert [glyphs for _, glyphs in drawn] == expected


def test_words_in_a_mixed_line_follow_the_bidi_algorithm() -> None:
    levels = shaping.token_levels(["Read", "الشرطة", "تعلن", "today"], rtl=False)
    assert levels == [0, 1, 1, 0]
    assert shaping.visual_order(levels) == [0, 2, 1, 3]
    levels = shaping.token_levels(["الشرطة", "BBC", "News", "تعلن"], rtl=True)
    assert shaping.visual_order(levels) == [3, 1, 2, 0]


def test_an_unassigned_code_point_in_a_right_to_left_line_is_a_neutral() -> None:
    # Unicode gives an unassigned code point no bidi class, on which python-bidi fails an assertion
    # (hypothesis found one in an edition); it takes its neighbours' direction.
    unassigned = next(chr(c) for c in range(0x0870, 0x10FFFF) if not unicodedata.bidirectional(chr(c)))
    levels, gaps = shaping.levels_with_gaps(["الشرطة", "a" + unassigned, unassigned, "تعلن"], rtl=True)
    assert len(levels) == 4 and len(gaps) == 3 and levels[0] == 1 and levels[1] == 2


def test_numbers_apart_in_a_right_to_left_line_keep_their_order() -> None:
    # "3 May 2024, 2:05 pm": the year and the time are separate runs (an Arabic comma and a space
    # between them), drawn in the order python-bidi's own display gives, not swapped as one run.
    from bidi.algorithm import get_display

    words = ["3", "مايو", "2024،", "2:05", "م"]
    order = shaping.interleaved_order(*shaping.levels_with_gaps(words, rtl=True))
    numbers = [words[i].strip("،") for i in order if words[i][0].isdigit()]
    assert numbers == [w.strip("،") for w in get_display(" ".join(words)).split() if w[-1].isdigit()]
    assert numbers == ["2:05", "2024", "3"]


@pytest.mark.parametrize("number", ["۲۰۲۴", "٣٤٥", "۱۴:۰۵", "2024"])
def test_arabic_indic_digits_read_left_to_right(number: str) -> None:
    # HarfBuzz guesses a word's direction from its script, and these digits are Arabic script:
    # shaped, "۲۰۲۴" would be drawn as "۴۲۰۲".
    fonts = font_set()
    styles = Styles(10, fonts, Palette("screen"), justify=True)
    family = fonts.family_for_all("در سال " + number, fonts.text, "fa")
    assert family is not None
    drawn = _drawn_glyphs(f'<font face="{family.regular}">در سال {number} نفر</font>', styles.body)
    face = pdfmetrics.getFont(drawn[0][0]).face
    assert [face.charToGlyph[ord(char)] for char in number] in [glyphs for _, glyphs in drawn]


def test_reportlab_s_word_shaping_is_stood_in_for_only_where_it_was_checked() -> None:
    from reportlab.platypus import paragraph as reportlab_paragraph

    from broadsheet.formats.pdf import paragraphs

    assert reportlab_paragraph.shapeFragWord is paragraphs._shape_word  # this reportlab: checked
    assert paragraphs._rebinds_shape_word("5.1.0") and paragraphs._rebinds_shape_word("4.2.5")
    assert not paragraphs._rebinds_shape_word("6.0.0")
    assert not paragraphs._rebinds_shape_word("3.6.13")
    assert not paragraphs._rebinds_shape_word("unknown")


def test_latin_text_is_not_shaped() -> None:
    styles = Styles(10, font_set(), Palette("screen"), justify=True)
    assert ScriptParagraph("Plain words, Кирилиця.", styles.body).style is styles.body
    assert ScriptParagraph("पुलिस", styles.body).style.shaping == 1


def test_a_word_is_set_in_one_font_with_its_punctuation() -> None:
    data = _write(attrs.evolve(_article("hi"), body=[Paragraph(children=[Text(text="(पुलिस), “जांच”.")])]))
    assert not any(_notdef_codes(data).values())


def test_without_shaping_the_run_warns_once_per_article_and_script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shaping, "shaping_available", lambda: False)
    edition = Edition(
        title="E", sections=[Section(articles=[_article("hi"), _article("bn"), _article("hi")])]
    )
    with pytest.warns(MissingGlyphsWarning) as caught:
        broadsheet.write(edition, "pdf")
    messages = [str(w.message) for w in caught if issubclass(w.category, MissingGlyphsWarning)]
    devanagari = [m for m in messages if "Devanagari" in m]
    assert len(set(messages)) == len(messages), messages  # each place and script once, every pass
    hindi = [m for m in devanagari if f"article {SAMPLES['hi'][0]!r}" in m]
    assert len(hindi) == 1, messages  # two articles of the same title count as one place
    assert "broadsheet[scripts]" in hindi[0]
    assert any("Bengali" in m for m in messages)


def test_without_the_script_fonts_missing_text_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_fonts, "script_families", lambda language: iter(()))
    with pytest.warns(MissingGlyphsWarning, match=r"U\+65E5"):
        broadsheet.write(_article("ja"), "pdf")


def _png_url() -> str:
    image = PILImage.new("RGB", (40, 30), (120, 140, 160))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@pytest.mark.parametrize("language", ["ar", "hi", "ja"])
def test_captions_and_credits_are_drawn_in_every_script(language: str) -> None:
    title, body = SAMPLES[language]
    figure = Figure(image=Image(url=_png_url(), caption=body, credit=title))
    data = _write(attrs.evolve(_article(language), body=[figure]))
    subsets = _subsets(data)
    assert any("Kurinto" in name or "NotoSans" in name for name in subsets)
    assert not any(_notdef_codes(data).values())
    if language == "ja":
        assert body in unicodedata.normalize("NFKC", text(data)).replace("\n", "")


def test_long_japanese_and_hindi_paragraphs_fill_their_columns() -> None:
    japanese = (
        "東京で記者会見が開かれた。政府は新しい政策を発表し、経済の回復に向けた取り組みを強化すると述べた。"
        * 12
    )
    hindi = "पुलिस ने सोमवार को कहा कि दुर्घटना की जांच जारी है और परिणाम जल्द ही प्रकाशित किए जाएंगे। " * 40
    article = Article(
        title="長い記事",
        language="ja",
        body=[Paragraph(children=[Text(text=japanese)]), Paragraph(children=[Text(text=hindi)])],
    )
    data = _write(article)
    assert not any(_notdef_codes(data).values())
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    lines = [line for line in page.extract_text().split("\n") if "記者" in line or "政府" in line]
    # CJK lines break between characters: full lines, not a forced break every few characters
    # (which left every other line a stub like "し、経済")
    assert len(lines) > 5
    assert sum(1 for line in lines[:-1] if len(line.strip()) < 12) <= 1, lines
    assert unicodedata.normalize("NFKC", japanese[:30]) in unicodedata.normalize("NFKC", text(data)).replace(
        "\n", ""
    )


def test_a_very_long_japanese_paragraph_is_cut_at_sentence_ends() -> None:
    from broadsheet.formats.pdf.markup import CJK_RUN, _cjk_pieces

    sentence = "政府は新しい政策を発表した。"
    value = sentence * (CJK_RUN // len(sentence) * 5)
    pieces = _cjk_pieces(value)
    assert len(pieces) > 2 and "".join(pieces) == value
    assert all(piece.endswith("。") for piece in pieces)
    assert all(len(piece) <= CJK_RUN * 2 for piece in pieces)
