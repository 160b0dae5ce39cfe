"""Every body node is set, justification never opens wide gaps, and any valid document can be written."""

from __future__ import annotations

import re
import warnings

from hypothesis import HealthCheck, assume, given, settings
from pdf_checks import fonts, reader, strict, text
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT

import broadsheet
from broadsheet.errors import WriteError
from broadsheet.formats.pdf.fonts import font_set
from broadsheet.formats.pdf.paragraphs import (
    MAX_EXTRA_SPACE_EM,
    SetParagraph,
    chunked,
    split_markup,
    widest_gap,
)
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.model import (
    Article,
    BulletList,
    Edition,
    Embed,
    Emphasis,
    Heading,
    InlineQuote,
    LineBreak,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Separator,
    Strong,
    Text,
)
from broadsheet.testing import articles, editions


def _every_block() -> Article:
    return Article(
        title="Every block",
        language="en",
        authors=[Person(name="Ann Writer", role="correspondent"), Person(name="Bob Editor")],
        dateline="KYIV",
        body=[
            Heading(level=2, children=[Text(text="A crosshead")]),
            Paragraph(
                children=[
                    Text(text="Plain, "),
                    Emphasis(children=[Text(text="italic")]),
                    Text(text=" and "),
                    Strong(children=[Text(text="bold <b> & co")]),
                    LineBreak(),
                    InlineQuote(quote=Quote(text="quoted words", speaker=Person(name="Someone"))),
                ]
            ),
            BulletList(
                items=[
                    [Paragraph(children=[Text(text="first bullet")])],
                    [OrderedList(items=[[Paragraph(children=[Text(text="nested number")])]], start=7)],
                ]
            ),
            QuoteBlock(
                quote=Quote(
                    text="A long quote.\nIts second paragraph.",
                    speaker=Person(name="Antony Blinken", role="US Secretary of State"),
                    cite="https://example.com/speech",
                )
            ),
            RelatedBox(
                links=[
                    RelatedLink(
                        title="Another story", url="https://example.com/other", authors=[Person(name="Cleo")]
                    )
                ]
            ),
            Embed(url="https://youtube.com/watch?v=1", title="A video", provider="YouTube"),
            Embed(
                url="https://x.com/a/status/1", provider="X", text="Talks over for today.\nNext round in May."
            ),
            Separator(),
            Paragraph(children=[Text(text="After the break.")]),
        ],
    )


def test_every_block_is_set() -> None:
    data = broadsheet.write(_every_block(), "pdf", columns=2)
    extracted = text(data)
    for expected in (
        "A crosshead",
        "Plain, italic and bold <b> & co",
        "“quoted words”",
        "first bullet",
        "nested number",
        "“A long quote.",
        "Its second paragraph.”",
        "— Antony Blinken, US Secretary of State",
        "Read also",
        "Another story — Cleo",
        "Embedded content · YouTube: A video",
        "Talks over for today.",
        "Next round in May.",
        "* * *",
        "After the break.",
        "By Ann Writer (correspondent), Bob Editor",
        "KYIV",
    ):
        assert strict(expected).search(extracted.replace("\u2003", " ")), expected
    assert re.search(r"7\.\s*nested number", extracted)
    assert "•" in extracted
    names = {str(font["/BaseFont"]) for font in fonts(data)}
    assert any("Italic" in name for name in names) and any("Bold" in name for name in names)
    pdf = reader(data)
    outline_titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert outline_titles == ["Every block"]


def _styles() -> Styles:
    return Styles(10, font_set(), Palette("screen"), justify=True)


def test_justified_text_falls_back_to_ragged_where_gaps_would_be_wide() -> None:
    styles = _styles()
    words = "I antidisestablishmentarianism " * 10
    paragraph = SetParagraph(words, styles.body)
    paragraph.wrap(150, 1000)
    assert paragraph.style.alignment == TA_LEFT
    normal = SetParagraph("word " * 200, styles.body)
    normal.wrap(300, 2000)
    assert normal.style.alignment == TA_JUSTIFY
    assert widest_gap(normal) <= MAX_EXTRA_SPACE_EM * 10


def test_narrow_columns_are_set_ragged() -> None:
    paragraph = SetParagraph("word " * 50, _styles().body)
    paragraph.wrap(100, 1000)
    assert paragraph.style.alignment == TA_LEFT


def test_huge_paragraphs_are_cut_only_at_forced_breaks_with_tags_balanced() -> None:
    markup = "<b>" + "<br/>".join(["x" * 100] * 100) + "</b> tail"
    pieces = split_markup(markup, every=1000)
    assert len(pieces) > 5
    assert all(piece.count("<b>") == piece.count("</b>") for piece in pieces)
    assert "".join(pieces).replace("<b>", "").replace("</b>", "").count("x") == 10_000
    flowables = chunked(markup, _styles().body)
    assert flowables[0].style.spaceAfter == 0 and flowables[-1].style.spaceBefore == 0


def _write_unless_table_too_wide(document: Article | Edition, **options: object) -> bytes:
    """The PDF; documents with a table too wide for any page are skipped, the one refusal a valid one may meet."""
    try:
        return broadsheet.write(document, "pdf", **options)
    except WriteError as error:
        if not re.search(r"body\[\d+\].*: the table has \d+ columns; at most", str(error)):
            raise
    assume(False)
    raise AssertionError("unreachable")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_can_be_written(article: Article) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # remote images, emoji, Arabic: reported, not fatal
        data = _write_unless_table_too_wide(article, columns=2)
    pdf = reader(data)
    assert len(pdf.pages) >= 1
    for font in fonts(data):
        assert "/FontFile2" in font["/FontDescriptor"] and "/ToUnicode" in font


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(editions())
def test_any_edition_can_be_written(edition: Edition) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _write_unless_table_too_wide(edition, profile="print")
    assert len(reader(data).outline) >= 1


def test_paragraphs_leave_no_widow_or_orphan_when_split() -> None:
    style = _styles().body
    paragraph = SetParagraph("Слово за словом складається рядок. " * 30, style)
    _, height = paragraph.wrap(250, 10_000)
    lines = round(height / style.leading)
    assert lines >= 6
    # room for one line at the foot of a column: the paragraph moves whole rather than leave an orphan
    assert paragraph.split(250, style.leading * 1.5) == []
    # room for all but one line: two lines go over, so no widow starts the next column
    first, rest = paragraph.split(250, style.leading * (lines - 0.5))
    assert len(first.blPara.lines) == lines - 2
    rest.wrap(250, 10_000)
    assert len(rest.blPara.lines) == 2


def _column_bottoms(data: bytes, page: int = 0) -> tuple[float, float]:
    pdf = reader(data)
    width = float(pdf.pages[page].mediabox[2])
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    pdf.pages[page].extract_text(visitor_text=visit)
    body = [(x, y) for x, y in found if y > 60]  # above the page number
    left = min(y for x, y in body if x < width / 2)
    right = min(y for x, y in body if x >= width / 2)
    return left, right


def test_the_last_page_of_an_article_has_balanced_columns() -> None:
    from pdf_seed import seed_article

    left, right = _column_bottoms(broadsheet.write(seed_article(), "pdf", columns=2))
    assert abs(left - right) < 4 * 13.6, (left, right)
    left, right = _column_bottoms(broadsheet.write(seed_article(), "pdf", columns=2, balance_columns=False))
    assert right - left > 10 * 13.6, (left, right)  # the first column runs lower


def test_keep_together_blocks_inside_lists_do_not_break_layout() -> None:
    body = [
        Paragraph(children=[Text(text="0")]),
        BulletList(
            items=[[QuoteBlock(quote=Quote(text="0"))], [Heading(level=2, children=[Text(text="h")])]]
        ),
    ]
    assert "h" in text(broadsheet.write(Article(title="0", body=body), "pdf", columns=2))
