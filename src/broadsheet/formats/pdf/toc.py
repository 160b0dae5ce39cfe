"""An edition's cover (masthead) page and its table of contents.

The contents are reportlab's ``TableOfContents``, filled from the entries the
document template records while laying out (hence a multi-pass build); its
table gets our font explicitly, since by default it would pull in an
unembedded Helvetica.
"""

from __future__ import annotations

import warnings

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from broadsheet.errors import PdfWarning
from broadsheet.formats._shared.wording import date_text, document_language, label
from broadsheet.formats.pdf import images
from broadsheet.formats.pdf.flow import Entry, mark
from broadsheet.formats.pdf.markup import Markup
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.formats.pdf.paragraphs import Paragraph, ScriptContents
from broadsheet.formats.pdf.styles import Styles
from broadsheet.model import Edition


def contents(edition: Edition, styles: Styles, markup: Markup, width: float) -> list[Flowable]:
    """The contents heading and the table, entries linked to their pages.

    On a page too narrow for the text size the entries are set smaller: a
    contents line must never be taller than a page, since reportlab cannot
    split the table row holding it.
    """
    scale = min(1.0, width / (styles.size * 30))
    levels = [
        ParagraphStyle(
            f"{style.name}-fit",
            parent=style,
            fontSize=style.fontSize * scale,
            leading=style.leading * scale,
            rightIndent=style.rightIndent * scale,
            leftIndent=style.leftIndent * scale,
        )
        for style in styles.toc_levels
    ]
    name = label("contents", document_language(edition))
    title = '<a name="contents"/>' + markup.text(name, styles.fonts.heading, hyphenate=False)
    table = ScriptContents(
        entry=lambda title, level: markup.text(
            title, styles.fonts.heading if level == 0 else styles.fonts.text, hyphenate=False
        ),
        levelStyles=levels,
        dotsMinLevel=0,
        tableStyle=[
            ("FONT", (0, 0), (-1, -1), styles.fonts.text.regular, styles.size),
            ("TEXTCOLOR", (0, 0), (-1, -1), styles.palette.text),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    heading = mark(
        Paragraph(title, styles.toc_title),
        Entry(title=name, key="contents", level=0, toc=False, running=name),
    )
    return [heading, table]


def cover(
    edition: Edition, styles: Styles, markup: Markup, width: float, height: float, options: WriteOptions
) -> list[Flowable]:
    """The masthead, the edition's date and the first headlines, cut to fit one page."""
    head = styles.fonts.heading
    language = document_language(edition)
    height_all = height
    out: list[Flowable] = [Spacer(1, styles.size * 2)]
    name = edition.publisher.name if edition.publisher else edition.title
    out.append(Paragraph(markup.text(name, head, hyphenate=False), styles.masthead))
    lines = []
    if edition.publisher:
        lines.append(markup.text(edition.title, head, hyphenate=False))
    if edition.date:
        lines.append(markup.text(date_text(edition.date, language), head, hyphenate=False))
    if lines:
        out.append(Paragraph("<br/>".join(lines), styles.cover_meta))
    if edition.cover is not None and options.images:
        picture = images.placed(
            edition.cover.url,
            options=options,
            base_url=None,
            cmyk=styles.palette.cmyk,
            max_width=width,
            max_height=height * 0.4,
        )
        if isinstance(picture, str):
            warnings.warn(f"PDF: the edition's cover image left out: {picture}", PdfWarning, stacklevel=2)
        else:
            picture.hAlign = "CENTER"
            out.extend([picture, Spacer(1, styles.size)])
            height -= picture.drawHeight + styles.size
    items: list[Flowable] = []
    for article in edition.articles[:12]:
        items.append(Paragraph(markup.text(article.title, head, hyphenate=False), styles.cover_item))
        if article.lead:
            lead = article.lead.split("\n")[0]
            items.append(Paragraph(markup.text(lead[:300], styles.fonts.text), styles.cover_lead))
    used = styles.size * 12
    out.append(KeepInFrame(width, max(height - used, styles.size * 4), items, mode="truncate"))
    # On a very small page even the masthead may not fit: the whole cover shrinks to one page.
    return [KeepInFrame(width, height_all, out, mode="shrink")]
