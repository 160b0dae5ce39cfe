"""An edition's cover (masthead) page and its table of contents.

The contents are reportlab's ``TableOfContents`` given its entries before
layout (the story knows every headline), so only the page numbers are unknown
when it is drawn. Each entry's dots and number are a form XObject that the
page refers to at once and that is drawn after the last page, when the
numbers are known: one layout instead of reportlab's two or more passes. The
numbers sit in the right-hand column the table keeps free, so they cannot
change the contents' length. Its table gets our font explicitly, since by
default it would pull in an unembedded Helvetica.
"""

from __future__ import annotations

import warnings
from ast import literal_eval
from typing import Any
from xml.sax.saxutils import unescape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from broadsheet.errors import PdfWarning
from broadsheet.formats._shared.wording import date_text, document_language, label, number_text
from broadsheet.formats.pdf import images, shaping
from broadsheet.formats.pdf.flow import Entry, mark
from broadsheet.formats.pdf.fonts import FontSet
from broadsheet.formats.pdf.markup import Markup
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.formats.pdf.paragraphs import Paragraph, ScriptContents
from broadsheet.formats.pdf.styles import Styles, following
from broadsheet.model import Edition


class Contents(ScriptContents):
    """A table of contents set from known entries (each title in the fonts that draw it, see
    :class:`ScriptContents`), with page numbers drawn once the layout is done."""

    def __init__(
        self,
        entry: Any,
        *,
        language: str | None = None,
        fonts: FontSet | None = None,
        rtl: bool = False,
        **kwargs: Any,
    ) -> None:
        """``entry(title, level)`` gives a title's markup; page numbers are printed in ``language``'s
        digits, in a face of ``fonts`` that has them, at the left when ``rtl`` (the level styles
        are then flush right); the rest are reportlab's ``TableOfContents`` arguments.
        :meth:`set_entries` gives the entries."""
        super().__init__(entry, **kwargs)
        self.numbers_left = rtl
        self._bs_swapped: dict[int, ParagraphStyle] = {}
        self.language = language
        self.fonts = fonts
        self.directions: dict[str, bool | None] = {}
        self.placed: dict[str, tuple[int, float]] = {}
        """Form name -> (level, room from the end of the entry's text to the right edge, or from its
        start to the left edge when the numbers are at the left)."""
        self.keys: dict[str, str] = {}
        """Form name -> the key of the entry whose page it shows."""

    def set_entries(
        self, entries: list[tuple[int, str, int, str]], directions: dict[str, bool | None] | None = None
    ) -> None:
        """The entries, (level, markup, page, key), the page unused; ``directions``: by key, whether
        the language of the entry's article reads right to left (None: unknown)."""
        self._entries = list(entries)
        self._lastEntries = list(entries)
        self.directions = dict(directions or {})

    def entry_rtl(self, key: str | None, title: str) -> bool:
        """Whether a title reads right to left: by its article's language (see
        :func:`~broadsheet.formats.pdf.shaping.base_direction`), else by its first strong letter."""
        return shaping.base_direction(title, self.directions.get(key) if key else None)

    def _rows(self, entries: list[tuple[int, str, int, str | None]]) -> list[list[Any]]:
        """The table's rows: a spacer where a level asks for space before, and a paragraph per entry.

        Each title is set in its own direction as a paragraph, so that a long right-to-left title
        wraps in reading order (its first words on its first line) and each line is ordered by
        itself. Its page number sits at the end of its last line when the title reads towards
        the numbers' side, else at the start of its first line (an Arabic title in an English
        edition, flush left as every title there): the callback that marks the number's place is
        the title's last or first item.
        """
        rows: list[list[Any]] = []
        for level, title, page, key in entries:
            plain = unescape(title)
            rtl = self.entry_rtl(key, plain)
            style = following(self.getLevelStyle(level), rtl)
            markup = self._bs_entry_markup(plain, level)
            if key:
                markup = f'<a href="#{key}">{markup}</a>'
            # reportlab glues the page-number callback to the title's word beside it, which breaks
            # the shaping of that word (see paragraphs._strip_anchors): a space in a frag of its own
            # keeps it out; a no-break one where the callback leads, as a line's first space is dropped.
            key_value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c") if key else None
            end = f'<onDraw name="drawTOCEntryEnd" label="{page},{level},{key_value}"/>'
            if rtl == self.numbers_left:
                markup += f'<font face="{style.fontName}"> </font>{end}'
            else:
                markup = f'{end}<font face="{style.fontName}">\u00a0</font> {markup}'
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            paragraph = Paragraph(markup, style)
            if paragraph.style.__dict__.get("_bs_bidi") == "rtl":
                # A right-to-left paragraph swaps its style's indents (a quote's moves to the right)
                # and is set flush right; the contents' indents are the page's own (the numbers'
                # column kept free), and its titles flush with the edge away from the numbers.
                paragraph = Paragraph(markup, following(self._swapped(level), rtl))
            rows.append([paragraph])
        return rows

    def _swapped(self, level: int) -> ParagraphStyle:
        """The style of ``level`` with its left and right indents swapped, keeping its alignment
        (made once per level)."""
        found = self._bs_swapped.get(level)
        if found is None:
            style = self.getLevelStyle(level)
            found = ParagraphStyle(
                f"{style.name}-swapped",
                parent=style,
                leftIndent=style.rightIndent,
                rightIndent=style.leftIndent,
            )
            found.__dict__["_bs_keep_alignment"] = True
            self._bs_swapped[level] = found
        return found

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Set the entries as :class:`ScriptContents` does, then draw their ends as references to forms
        (this callback replaces the one that would draw known page numbers)."""
        size: tuple[float, float] = super().wrap(availWidth, availHeight)

        def entry_end(canvas: Any, kind: str, text: str) -> None:
            parts = text.split(",")
            level, key = int(parts[1]), literal_eval(parts[2])
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            name = f"bs-toc-{len(self.placed)}"
            self.placed[name] = (level, x if self.numbers_left else availWidth - x)
            self.keys[name] = key
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm(name)
            canvas.restoreState()
            if key:
                style = self.getLevelStyle(level)
                width = stringWidth("0000", style.fontName, style.fontSize)
                left = 0.0 if self.numbers_left else availWidth - width
                canvas.linkRect("", key, (left, y, left + width, y + style.leading), relative=1)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return size

    def draw_numbers(self, canvas: Any, pages: dict[str, int]) -> None:
        """Define every entry's form: dots, then its page number flush right, or the number flush
        left, then dots (after the last page)."""
        for name, (level, room) in self.placed.items():
            style = self.getLevelStyle(level)
            font, size = style.fontName, style.fontSize
            page = pages.get(self.keys[name])
            number = number_text(page, self.language) if page is not None else ""
            face = self._number_face(number, font)
            width = stringWidth(number, face, size)
            while width > room and size >= 1.0:
                size *= 0.9
                width = stringWidth(number, face, size)
            dot = " . " if self.dotsMinLevel >= 0 and level >= self.dotsMinLevel else ""
            dot_width = stringWidth(dot, font, size) if dot else 0.0
            dots = int((room - width) / dot_width) if dot_width else 0
            if self.numbers_left:  # the form's origin is where the title starts, at its left
                canvas.beginForm(name, lowerx=-room - 1, lowery=-size, upperx=1, uppery=size * 2)
                text = canvas.beginText(-room, 0)
                text.setFillColor(style.textColor)
                text.setFont(face, size)
                text.textOut(number)
                text.setFont(font, size)
                text.textOut(dots * dot)
            else:
                canvas.beginForm(name, lowerx=-1, lowery=-size, upperx=room + 1, uppery=size * 2)
                text = canvas.beginText(room - dots * dot_width - width, 0)
                text.setFillColor(style.textColor)
                text.setFont(font, size)
                text.textOut(dots * dot)
                text.setFont(face, size)
                text.textOut(number)
            canvas.drawText(text)
            canvas.endForm()

    def _number_face(self, number: str, font: str) -> str:
        """``font``, or a face of the font set that draws every digit of ``number`` (Arabic-Indic,
        Bengali digits: the heading face may lack them)."""
        if self.fonts is None or number.isascii():
            return font
        found = self.fonts.family_for_all(number, self.fonts.heading, self.language)
        return found.regular if found is not None else font


def contents(
    edition: Edition, styles: Styles, markup: Markup, width: float, *, rtl: bool = False
) -> list[Flowable]:
    """The contents heading and the table, entries linked to their pages; ``rtl``: mirrored,
    titles flush right and numbers at the left, for an edition read right to left.

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
            rightIndent=(style.leftIndent if rtl else style.rightIndent) * scale,
            leftIndent=(style.rightIndent if rtl else style.leftIndent) * scale,
            alignment=TA_RIGHT if rtl else style.alignment,
        )
        for style in styles.toc_levels
    ]
    language = document_language(edition)
    name = label("contents", language)
    title = '<a name="contents"/>' + markup.text(name, styles.fonts.heading, hyphenate=False)
    table = Contents(
        entry=lambda title, level: markup.text(
            title, styles.fonts.heading if level == 0 else styles.fonts.text, hyphenate=False
        ),
        language=language,
        fonts=styles.fonts,
        rtl=rtl,
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
        Entry(title=name, key="contents", level=0, toc=False, running=name, running_rtl=styles.rtl),
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
