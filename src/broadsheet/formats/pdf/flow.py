"""An article's head, body and foot as reportlab flowables.

Headlines and crossheads carry an :class:`Entry` so that the document
template can add outline entries, table-of-contents lines and bookmarks for
them once it knows their page.
"""

from __future__ import annotations

import functools
import warnings
from typing import Any, assert_never

import attrs
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
)

from broadsheet.errors import PdfWarning
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats._shared.typography import is_rtl, quote_marks
from broadsheet.formats._shared.wording import date_text, label, language_name, number_text
from broadsheet.formats.pdf import images
from broadsheet.formats.pdf.long_paragraphs import LONG_CHARS, LongParagraph
from broadsheet.formats.pdf.markup import Markup
from broadsheet.formats.pdf.paragraphs import Paragraph, SetParagraph, chunked
from broadsheet.formats.pdf.styles import Styles, following, text_rtl
from broadsheet.formats.pdf.tables import boxed_links, data_table, placeholder_box
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Embed,
    Figure,
    Heading,
    Image,
    OrderedList,
    Person,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Separator,
    Table,
)
from broadsheet.model import (
    Paragraph as ParagraphNode,
)

HEAD_SHARE = 0.6
"""A headline block taller than this share of the page is set in the columns instead of above them,
so an article's first column is never shorter than the rest of it."""


@attrs.frozen(kw_only=True)
class Entry:
    """An outline and table-of-contents entry attached to a flowable."""

    title: str
    """The entry's text, plain."""
    key: str
    """The bookmark the entry points to (also the anchor name in the flowable)."""
    level: int
    """Outline depth, 0 at the top."""
    toc: bool
    """Whether the table of contents lists it."""
    running: str | None = None
    """A new running head that starts with this flowable, if any."""
    running_rtl: bool | None = None
    """Whether the running head's language reads right to left (None: unknown)."""
    outline: bool = True
    """Whether the outline (bookmarks) lists it."""


def mark(flowable: Flowable, entry: Entry) -> Flowable:
    """Attach ``entry`` to ``flowable`` for the document template to find after it is placed."""
    flowable._bs_entry = entry
    return flowable


@attrs.frozen(kw_only=True)
class ColumnBox:
    """The space text flows into: one column's width and height in points."""

    width: float
    """Column width."""
    height: float
    """Column height."""
    full_width: float
    """Width of all columns together (for heads spanning them)."""


class ArticleFlow:
    """Builds the flowables of one article."""

    def __init__(
        self,
        article: Article,
        *,
        key: str,
        level: int,
        styles: Styles,
        markup: Markup,
        frame: ColumnBox,
        options: Any,
    ) -> None:
        """``key`` names the article's bookmark; ``level`` is its outline depth."""
        self.article = article
        self.key = key
        self.level = level
        self.styles = styles
        self.markup = markup
        self.frame = frame
        self.options = options
        self.language = article.language or markup.language  # an edition's, when the article has none
        self.text_family = styles.fonts.text
        self.head_family = styles.fonts.heading
        self._headings = 0
        self.where = f"article {article.title[:40]!r}"

    # -- head and foot -------------------------------------------------------

    def head(self, *, kicker: str | None) -> list[Flowable]:
        """Kicker, headline, subtitle, lead, byline and date line."""
        a, s, m, hf = self.article, self.styles, self.markup, self.head_family
        out: list[Flowable] = []
        if kicker:
            out.append(Paragraph(m.text(kicker, hf, hyphenate=False), s.kicker))
        anchor = f'<a name="{self.key}"/>'
        headline = Paragraph(anchor + m.text(a.title, hf, hyphenate=False), s.headline)
        out.append(
            mark(
                headline,
                Entry(
                    title=a.title,
                    key=self.key,
                    level=self.level,
                    toc=True,
                    running=a.title,
                    running_rtl=s.rtl,
                ),
            )
        )
        if a.subtitle:
            out.append(Paragraph(m.text(a.subtitle, hf, hyphenate=False), s.subtitle))
        if a.lead:
            for line in a.lead.split("\n"):
                out.append(SetParagraph(m.text(line, self.text_family), s.lead))
        byline = self._byline()
        if byline:
            out.append(Paragraph(byline, self._labelled(s.byline)))
        meta = self._meta()
        if meta:
            out.append(Paragraph(meta, self._labelled(s.meta)))
        # Always end with a spacer: a head ending in a keep-with-next headline would be kept
        # together with the frame break that follows it, which reportlab cannot measure.
        out.append(Spacer(1, s.size * (0.9 if byline or meta else 0.4)))
        return out

    def _labelled(self, style: ParagraphStyle) -> ParagraphStyle:
        """``style`` for a line that opens with a label in the article's language ("بقلم", "Source:"):
        it reads in the article's direction, however many of its names are in Latin letters."""
        return style if self.styles.rtl is None else following(style, self.styles.rtl)

    def _person(self, person: Person, *, bracket_role: bool = False) -> str:
        text = self.markup.text(person.name, self.head_family, hyphenate=False)
        if person.url:
            text = self.markup.link(person.url, text)
        if person.role:
            role = self.markup.text(person.role, self.head_family, hyphenate=False)
            # In a list of names a role after a comma would read as another name.
            text += f" ({role})" if bracket_role else f", {role}"
        return text

    def _byline(self) -> str:
        if not self.article.authors:
            return ""
        several = len(self.article.authors) > 1
        names = ", ".join(self._person(person, bracket_role=several) for person in self.article.authors)
        by = label("by", self.language)
        return f"{self.markup.text(by, self.head_family, hyphenate=False)} {names}"

    def _meta(self) -> str:
        a, m, hf = self.article, self.markup, self.head_family
        parts: list[str] = []
        if a.dateline:
            parts.append(m.text(a.dateline, hf, hyphenate=False))
        if a.published:
            parts.append(m.text(date_text(a.published, self.language), hf, hyphenate=False))
        if a.source:
            name = m.text(a.source.name, hf, hyphenate=False)
            if a.source.url:
                name = m.link(a.source.url, name)
            # The colon goes inside the text run: a word split across two fonts is shaped with one
            # font's glyphs and drawn with the other's (an Arabic label's colon came out as "d").
            parts.append(f"{m.text(label('source', self.language) + ':', hf, hyphenate=False)} {name}")
        return " · ".join(parts)

    def foot(self) -> list[Flowable]:
        """Further reading, translations and rights after the body."""
        a, s, m, hf = self.article, self.styles, self.markup, self.head_family
        out: list[Flowable] = []
        if a.see_also:
            out.extend(self._related(a.see_also, None))
        if a.translations:
            links = []
            for translation in a.translations:
                name = language_name(translation.language)
                text = m.text(name + (":" if translation.title else ""), hf, hyphenate=False)
                if translation.title:
                    text += " " + m.text(translation.title, hf, hyphenate=False)
                links.append(m.link(translation.url, text) if translation.url else text)
            heading = m.text(label("translations", self.language) + ":", hf, hyphenate=False)
            out.append(Paragraph(f"<b>{heading}</b> " + " · ".join(links), self._labelled(s.footer)))
        if a.rights:
            out.append(Paragraph(m.text(a.rights, hf, hyphenate=False), s.footer))
        return out

    # -- body ----------------------------------------------------------------

    def body(self) -> list[Flowable]:
        """The lead image, then every block of the body."""
        out: list[Flowable] = []
        if self.article.images and self.options.images:
            out.extend(self._figure(self.article.images[0], self.frame.width, "images[0]"))
        for index, block in enumerate(self.article.body):
            out.extend(self.block(block, self.frame.width, f"body[{index}]"))
        return out

    def block(self, block: Block, width: float, path: str) -> list[Flowable]:
        """The flowables of one block set ``width`` points wide; ``path`` locates it for messages."""
        s, m = self.styles, self.markup
        m.missing.where = f"{self.where}, {path}"
        match block:
            case ParagraphNode():
                text = m.inlines(block.children, self.text_family)
                if len(text) > LONG_CHARS:
                    return [LongParagraph(SetParagraph(text, s.body))]
                return list(chunked(text, s.body))
            case Heading():
                self._headings += 1
                key = f"{self.key}h{self._headings}"
                text = m.inlines(block.children, self.head_family, hyphenate=False)
                flowable = Paragraph(f'<a name="{key}"/>{text}', s.heading(block.level))
                title = inline_text(block.children, self.language)
                return [mark(flowable, Entry(title=title, key=key, level=self.level + 1, toc=False))]
            case BulletList() | OrderedList():
                return [self._list(block, width, path)]
            case QuoteBlock():
                return self._quote(block)
            case Figure():
                return self._figure(block.image, width, path)
            case Table():
                return self._table(block, width, path)
            case RelatedBox():
                return self._related(block.links, block.label)
            case Embed():
                name = block.title or block.provider or block.url
                provider = f"{block.provider}: " if block.provider and block.title else ""
                text = m.text(f"{label('embed', self.language)} · {provider}{name}", self.head_family)
                link = Paragraph(m.link(block.url, text), self._labelled(s.embed))
                if block.text is None:
                    return [link]
                # Print cannot play a post: its words as the page quoted them, set as a quote, then its link.
                quoted: list[Flowable] = [
                    SetParagraph(m.text(line, self.text_family), s.quote) for line in block.text.split("\n")
                ]
                return [KeepTogether([*quoted, link])] if len(block.text) < 900 else [*quoted, link]
            case Separator():
                return [Paragraph("*\u2003*\u2003*", s.separator)]
            case _:
                assert_never(block)

    def _list(self, block: BulletList | OrderedList, width: float, path: str) -> Flowable:
        s = self.styles
        # A right-to-left article's lists have their markers at the right, indented from the right.
        rtl = bool(s.rtl)
        face = self.text_family.regular
        marker: dict[str, Any] = {"bulletType": "bullet", "start": "\u2022"}
        widest = 0.0
        if isinstance(block, OrderedList):
            face, digits = self._number_face()
            number = functools.partial(_list_number, language=digits, rtl=rtl)
            marker = {"bulletType": "1", "start": block.start, "bulletFormat": number}
            last = block.start + len(block.items) - 1
            widest = max(stringWidth(number(str(n)), face, s.size) for n in (block.start, last))
        # Deeply nested lists stop indenting before the text gets too narrow to set; an indent
        # holds the widest number and a gap after it.
        gap = s.size * 0.45
        indent = min(max(s.size * 1.6, widest + gap * 1.6), max(0.0, width - self.frame.width * 0.4))
        items = []
        for number_, item in enumerate(block.items):
            flowables: list[Flowable] = []
            for index, child in enumerate(item):
                if isinstance(child, ParagraphNode):
                    flowables.append(
                        SetParagraph(self.markup.inlines(child.children, self.text_family), s.list_item)
                    )
                else:
                    flowables.extend(self.block(child, width - indent, f"{path}.items[{number_}][{index}]"))
            items.append(ListItem(_list_safe(flowables) or [Spacer(1, 1)]))
        if widest:  # numbers end a gap before their text, whatever their width (ragged on the far side)
            align, dedent = ("left" if rtl else "right"), min(gap, indent)
        else:
            align, dedent = ("right" if rtl else "left"), min(s.size * 1.1, indent)
        return ListFlowable(
            items,
            **marker,
            bulletFontName=face,
            bulletFontSize=s.size,
            bulletColor=s.palette.text,
            bulletDir="rtl" if rtl else "ltr",
            bulletAlign=align,
            leftIndent=0 if rtl else indent,
            rightIndent=indent if rtl else 0,
            bulletDedent=dedent if indent else "auto",
            spaceAfter=s.size * 0.5,
        )

    def _number_face(self) -> tuple[str, str | None]:
        """The face an ordered list's numbers are drawn in, and the language whose digits they
        are in: CLDR's default digits of the article's language ("١" in Egyptian Arabic, "۱" in
        Persian) in a face of the font set that draws them all, else Latin digits in the text face."""
        digits = number_text(1234567890, self.language)
        if digits.isascii():
            return self.text_family.regular, None
        family = self.styles.fonts.family_for_all(digits + ".", self.text_family, self.language)
        if family is None:
            return self.text_family.regular, None
        return family.regular, self.language

    def _quote(self, block: QuoteBlock) -> list[Flowable]:
        s, m, quote = self.styles, self.markup, block.quote
        if quote.language:
            s = s.directed(is_rtl(quote.language))
        opening, closing = quote_marks(quote.language or self.language)
        lines = quote.text.split("\n")
        out: list[Flowable] = []
        for number, line in enumerate(lines):
            # The marks go in the words' own text run: a word set in two fonts is shaped with one
            # font's glyphs and drawn with the other's (an Arabic quote's first word came out as boxes).
            marked = (opening if number == 0 else "") + line + (closing if number == len(lines) - 1 else "")
            out.append(SetParagraph(m.text(marked, self.text_family), s.quote))
        if quote.speaker:
            speaker = "\u2014 " + self._person(quote.speaker)
            if quote.cite:
                speaker = m.link(quote.cite, speaker)
            # The attribution reads in its quote's direction (flush right under an Arabic quote),
            # whatever the letters of the name.
            out.append(Paragraph(speaker, following(s.speaker, text_rtl(s.quote, quote.text))))
        else:
            out.append(Spacer(1, s.size * 0.6))
        if sum(len(line) for line in lines) < 900:
            return [KeepTogether(out)]
        return out

    def _figure(self, image: Image, width: float, path: str) -> list[Flowable]:
        s, m = self.styles, self.markup
        caption: list[Flowable] = []
        if image.caption:
            for line in image.caption.split("\n"):
                caption.append(Paragraph(m.text(line, self.head_family), s.caption))
        if image.credit:
            # A credit ("AFP") reads in its caption's direction, else its article's, as an attribution does.
            rtl = text_rtl(s.caption, image.caption) if image.caption else bool(s.rtl)
            credit = m.text(image.credit, self.head_family, hyphenate=False)
            caption.append(Paragraph(credit, following(s.credit, rtl) if s.rtl is not None else s.credit))
        elif caption:
            caption.append(Spacer(1, s.size * 0.8))
        if not self.options.images:
            return caption
        picture = images.placed(
            image.url,
            options=self.options,
            base_url=self.article.url,
            cmyk=self.styles.palette.cmyk,
            max_width=width,
            max_height=self.frame.height * 0.55,
        )
        if isinstance(picture, str):
            warnings.warn(
                PdfWarning(
                    f"PDF: {self.where}, {path}: image {image.url[:80]!r} left out: {picture}",
                    problem=f"image {image.url[:120]!r} left out: {picture}",
                ),
                stacklevel=2,
            )
            text = label("image_missing", self.language)
            if image.alt:
                text += ": " + image.alt
            # Kept with its caption, as a picture is: a frame at a column's foot with its caption
            # at the next one's head reads as two unrelated things.
            return [KeepTogether([placeholder_box(m.text(text, self.head_family), width, s), *caption])]
        return [KeepTogether([Spacer(1, s.size * 0.3), picture, *caption])]

    def _table(self, block: Table, width: float, path: str) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        if block.caption:
            out.append(Paragraph(self.markup.text(block.caption, self.head_family), s.table_caption))
        out.extend(
            data_table(
                block,
                width,
                s,
                self.markup,
                where=f"{self.where}, {path}",
                # The shortest column the table may meet: the first, under the headline block.
                max_height=self.frame.height * (1 - HEAD_SHARE),
            )
        )
        return out

    def _related(self, links: tuple[RelatedLink, ...], title: str | None) -> list[Flowable]:
        m, hf = self.markup, self.head_family
        rows = []
        for link in links:
            text = m.text(link.title, self.text_family)
            if link.url:
                text = m.link(link.url, text)
            if link.authors:
                names = ", ".join(m.text(person.name, hf, hyphenate=False) for person in link.authors)
                text += f" <font size={self.styles.size * 0.8:.1f}>\u2014 {names}</font>"
            rows.append(text)
        heading = m.text(title or label("read_also", self.language), hf, hyphenate=False)
        return boxed_links(heading, rows, self.frame.width, self.styles)


def _list_number(number: str, *, language: str | None, rtl: bool) -> str:
    """An ordered list's marker as drawn: the number in ``language``'s digits and its full stop,
    which in a right-to-left line stands at the number's left (the side its text is on)."""
    digits = number_text(int(number), language)
    return f".{digits}" if rtl else f"{digits}."


def _list_safe(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables of a list item without the keeping-together reportlab cannot do inside one.

    Inside a list item, reportlab's multi-pass build cannot undo keep-with-next
    (AttributeError), and a keep-together block that must move to the next
    column inserts a frame break the item's indenter cannot measure
    (NotImplementedError). So headings and captions in lists give up
    keep-with-next, and keep-together blocks are opened up.
    """
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out.extend(_list_safe(list(flowable._content)))
            continue
        style = getattr(flowable, "style", None)
        if isinstance(flowable, Paragraph) and style is not None and getattr(style, "keepWithNext", False):
            flowable.style = ParagraphStyle(f"{style.name}-in-list", parent=style, keepWithNext=0)
        out.append(flowable)
    return out
