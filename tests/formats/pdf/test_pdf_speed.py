"""What makes the PDF writer fast gives reportlab's own results: widths, subset codes, escapes; a long
paragraph costs CPU time linear in its length."""

from __future__ import annotations

import time

import attrs
import pytest
from pdf_seed import seed_article
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.platypus.paragraph import _SHYStr, split

import broadsheet
from broadsheet.formats.pdf import page_canvas, word_widths
from broadsheet.formats.pdf.fonts import bundled_path, font_set
from broadsheet.formats.pdf.long_paragraphs import LongParagraph, _soft_hyphen_words
from broadsheet.formats.pdf.paragraphs import Paragraph
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.formats.pdf.subset_fonts import SubsetFont
from broadsheet.model import Paragraph as ParagraphNode
from broadsheet.model import Text

WORDS = ["Держсекретар", "Blinken", "Женеві,", "засідання", "\u00adпере\u00adговори", "ΑΘΗΝΑ", "", " "]


@pytest.fixture(autouse=True)
def _fresh_widths() -> None:
    word_widths.clear()


def test_reportlab_paragraphs_measure_words_through_the_cache() -> None:
    import broadsheet.formats.pdf.paragraphs  # noqa: F401 (puts the cache in place)

    assert reportlab_paragraph.stringWidth is word_widths.string_width


def test_cached_widths_are_reportlabs() -> None:
    fonts = font_set()
    for name in (fonts.text.regular, fonts.text.bold, fonts.heading.regular):
        for size in (7, 9.5, 10, 10.0, 24):
            for word in WORDS:
                expected = pdfmetrics.stringWidth(word, name, size)
                assert word_widths.string_width(word, name, size) == expected
                assert word_widths.string_width(word, name, size) == expected  # the kept one


def test_two_fonts_and_two_sizes_never_share_a_width() -> None:
    fonts = font_set()
    text, heading = fonts.text.regular, fonts.heading.regular
    word = "Держсекретар"
    assert pdfmetrics.stringWidth(word, text, 10) != pdfmetrics.stringWidth(word, heading, 10)
    first = word_widths.string_width(word, text, 10)
    assert word_widths.string_width(word, heading, 10) == pdfmetrics.stringWidth(word, heading, 10)
    assert word_widths.string_width(word, text, 20) == pytest.approx(2 * first)
    assert word_widths.string_width(word, text, 10) == first


def test_a_font_put_under_a_known_name_gets_its_own_widths(monkeypatch: pytest.MonkeyPatch) -> None:
    # reportlab keeps the first TrueType font of a name, but replaces other kinds: the widths
    # follow the font object the name stands for.
    name = "bs-test-width-cache"
    word = "Держсекретар"
    pdfmetrics.registerFont(TTFont(name, str(bundled_path("text", "regular"))))
    regular = word_widths.string_width(word, name, 10)
    monkeypatch.setitem(pdfmetrics._fonts, name, TTFont(name, str(bundled_path("text", "bold"))))
    bold = word_widths.string_width(word, name, 10)
    assert bold == pdfmetrics.stringWidth(word, name, 10)
    assert bold != regular


def test_the_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_widths, "MAX_WORDS", 100)
    name = font_set().text.regular
    for number in range(1_000):
        word = f"w{number}"
        assert word_widths.string_width(word, name, 10) == pdfmetrics.stringWidth(word, name, 10)
    assert len(word_widths._CACHES[name][1]) <= 100


def test_bytes_are_measured_as_reportlab_does() -> None:
    name = font_set().text.regular
    word = "засідання".encode()
    assert word_widths.string_width(word, name, 10) == pdfmetrics.stringWidth(word, name, 10)


class _Doc:
    """Stands for a PDF document: fonts keep their subsets per document object."""


def test_subset_codes_are_reportlabs() -> None:
    path = str(bundled_path("text", "regular"))
    ours, theirs = SubsetFont("bs-test-subsets", path), TTFont("bs-test-subsets-rl", path)
    covered = sorted(code for code, glyph in theirs.face.charToGlyph.items() if glyph and code > 32)
    many = "".join(chr(code) for code in covered[:700])  # more than one subset of 256
    lines = [
        "",
        "Blinken",
        "Blinken\u00a0met",
        "Держсекретар Блінкен",
        many,
        many[::-1],
        "Blinken Держ",
        "\u2fff a",
    ]
    doc_ours, doc_theirs = _Doc(), _Doc()
    for line in lines * 2:  # the second time every character has its code
        assert ours.splitString(line, doc_ours) == theirs.splitString(line, doc_theirs), line
    assert len(theirs.state[doc_theirs].subsets) > 2
    assert ours.state[doc_ours].subsets == theirs.state[doc_theirs].subsets
    assert ours.state[doc_ours].assignments == theirs.state[doc_theirs].assignments


def test_escaped_codes_are_reportlabs_or_refused() -> None:
    font = SubsetFont("bs-test-escaped", str(bundled_path("text", "regular")))
    covered = sorted(code for code, glyph in font.face.charToGlyph.items() if glyph and code > 32)
    many = "".join(chr(code) for code in covered[:700])
    doc = _Doc()
    assert font.escaped("Blinken", doc) is None  # no codes for this document yet
    lines = ["Blinken (AT&T) \\ x", "Blinken\u00a0met", "Держсекретар Блінкен", "новий: ї", many, "\t"]
    escaped_some = False
    for line in lines * 2:
        escaped = font.escaped(line, doc)
        runs = font.splitString(line, doc)  # gives new characters their codes
        if escaped is not None:
            escaped_some = True
            assert runs == [(0, runs[0][1])] and escaped == escapePDF(runs[0][1]), line
        elif font.escaped(line, doc) is not None:  # refused only while a character had no code
            assert runs == [(0, runs[0][1])] and font.escaped(line, doc) == escapePDF(runs[0][1])
        else:
            # a code outside the first subset, or a character the font has no glyph for
            unknown = [
                char for char in line if char != "\u00a0" and ord(char) not in font.state[doc].assignments
            ]
            assert any(subset for subset, _ in runs) or unknown, line
    assert escaped_some
    assert font.escaped(many, doc) is None
    assert font.escaped("", doc) is None


def test_escapes_are_reportlabs() -> None:
    canvas = page_canvas.PageCanvas(None)
    every = bytes(range(256))
    assert canvas._escape(every) == escapePDF(every)
    assert canvas._escape(b"(a\\b)") == escapePDF(b"(a\\b)") == "\\(a\\\\b\\)"
    assert canvas._escape("(plain)") == escapePDF("(plain)")


def _cpu_seconds(chars: int) -> float:
    """The least CPU time of two writes of the seed story with one paragraph of ``chars`` characters."""
    base = seed_article()
    words = "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ РФ. "
    body = (words * (chars // len(words) + 1))[:chars].rstrip()
    article = attrs.evolve(base, body=(ParagraphNode(children=(Text(text=body),)),), see_also=(), images=())
    best = float("inf")
    for _ in range(2):
        # CPU time of this process, not the wall clock: other processes on a busy machine do not
        # count against it.
        started = time.process_time()
        broadsheet.write(article, "pdf")
        best = min(best, time.process_time() - started)
    return best


def test_a_long_paragraph_costs_cpu_time_linear_in_its_length() -> None:
    # Judged by growth, not by a time limit a loaded machine breaks: eight times the text may take
    # at most twelve times as long (linear takes eight or less; reportlab re-breaking the rest of
    # the paragraph on every page took over thirty).
    _cpu_seconds(2_000)  # imports and fonts outside the timing
    small, large = _cpu_seconds(20_000), _cpu_seconds(160_000)
    assert large < 12 * max(small, 0.02), f"{small:.3f} s for 20,000 characters, {large:.3f} s for 160,000"


def test_soft_hyphenated_words_are_made_once_and_break_the_same_lines() -> None:
    text = (
        "Держ\u00adсек\u00adре\u00adтар Спо\u00adлу\u00adче\u00adних Шта\u00adтів і Ен\u00adто\u00adні. " * 60
    )
    words = split(text)
    made = _soft_hyphen_words(words)
    assert [str(word) for word in made] == [word.replace("\u00ad", "") for word in words]
    assert all(
        isinstance(word, _SHYStr) for word, plain in zip(made, words, strict=True) if "\u00ad" in plain
    )
    assert made[0] is made[5]  # a repeated word is one object
    style = Styles(10, font_set(), Palette("screen"), justify=True).body

    def lines(given: list[str]) -> list[tuple[float, list[str]]]:
        frag = Paragraph(text, style).frags[0]
        del frag.text
        frag.words = list(given)
        return [
            (extra, [str(word) for word in line])
            for extra, line in Paragraph(None, style, frags=[frag]).breakLines(120).lines
        ]

    broken = lines(words)
    assert len(broken) > 40
    assert any(line[-1].endswith("-") for _, line in broken)  # broken at soft hyphens
    assert lines(made) == broken


def test_a_long_paragraph_with_entities_is_set_as_one_run() -> None:
    style = Styles(10, font_set(), Palette("screen"), justify=True).body
    markup = "Q&amp;A: AT&amp;T &lt;NATO&gt; і&#160;Блінкен. " * 400
    parsed = Paragraph(markup, style)
    assert len(parsed.frags) > 1000  # reportlab's parser cuts the run at every entity
    long = LongParagraph(Paragraph(markup, style))
    frags = long.paragraph.frags
    assert len(frags) == 1 and hasattr(frags[0], "words")
    assert frags[0].words[:5] == ["Q&A:", "AT&T", "<NATO>", "і\u00a0Блінкен.", "Q&A:"]
    bold = Paragraph("<b>AT&amp;T</b> " + markup, style)  # not alike: reportlab's words of fragments
    assert len(LongParagraph(bold).paragraph.frags) > 1
