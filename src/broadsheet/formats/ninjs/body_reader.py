"""Reading a ninjs body (an HTML, XHTML or NITF fragment, or plain text) back into model blocks.

A small converter, not a page extractor: it knows the markup broadsheet's
writer emits (and reads it back exactly), the usual elements of agency HTML
and NITF bodies, and ignores anything active (scripts, frames, forms) and
any link or image whose URL the model refuses (``javascript:``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any, TypeGuard, TypeVar

from lxml import etree, html

from broadsheet.errors import LimitError, ModelError, SchemaError
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
    values,
)

T = TypeVar("T")

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "nav",
        "body.head",
        "body.end",
    ]
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "hl1": 1, "hl2": 2}
_PARAGRAPHS = frozenset({"p", "pre", "address"})
_CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "body",
        "main",
        "header",
        "footer",
        "center",
        "block",
        "body.content",
        "nitf",
        "html",
        "li",
        "dd",
        "dt",
        "dl",
        "figcaption",
        "aside",
        "details",
        "summary",
    ]
)
_BLOCKS = frozenset(_PARAGRAPHS | _CONTAINERS | set(_HEADINGS)) | frozenset(
    ["ul", "ol", "blockquote", "bq", "figure", "table", "hr", "media", "img"]
)
_EMPHASIS = frozenset({"em", "i"})
_STRONG = frozenset({"strong", "b"})
_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype[^>]*>\s*)?<html[\s>]", re.IGNORECASE)

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# huge_tree lifts libxml2's depth limit of 256, past which the HTML parser silently drops the rest
# of the body; the reader's own depth limit (LimitError) applies instead.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
_HTML_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)


def _safe(build: Callable[[], T]) -> T | None:
    """``build()``, or ``None`` when the model refuses the value (an unsafe URL, a bad tag)."""
    try:
        return build()
    except ModelError:
        return None


def _has_text(value: str | None) -> TypeGuard[str]:
    """Whether ``value`` holds something the model keeps (spaces alone do not count, a no-break space does)."""
    return value is not None and bool(values.clean_line(value))


def _name(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname.lower() if tag.startswith("{") else tag.lower()


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _xml_safe(markup: str) -> str:
    """``markup`` without the characters XML cannot hold (JSON can: ``"\\u0000"``, lone surrogates)."""
    return _NOT_XML.sub("", markup)


def parse_html(markup: str, where: str) -> tuple[Block, ...]:
    """Blocks of an HTML or XHTML body; ``where`` names the body in error messages."""
    markup = _xml_safe(markup)
    if not markup.strip():
        return ()
    root = _parse_markup(markup, where)
    return _Reader(where).blocks(root)


def parse_nitf(markup: str, where: str) -> tuple[Block, ...]:
    """Blocks of a NITF document's ``body.content`` (the head and ``body.head`` are metadata)."""
    try:
        root = etree.fromstring(_xml_safe(markup).encode("utf-8"), _XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise SchemaError(f"the NITF body is not well-formed XML: {error}", where=where) from None
    content = [el for el in root.iter() if _name(el) == "body.content"]
    return _Reader(where).blocks(content[0] if content else root)


def parse_text(text: str) -> tuple[Block, ...]:
    """Blocks of a plain-text body: paragraphs at blank lines (or at every line when there are none)."""
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return tuple(Paragraph(children=(Text(text=part),)) for part in parts if _has_text(part))


def html_text(markup: str, where: str) -> str:
    """The text of an HTML fragment, paragraphs on lines of their own (for descriptions)."""
    lines = []
    for block in parse_html(markup, where):
        if isinstance(block, (Paragraph, Heading)):
            lines.append("".join(_plain(node) for node in block.children))
    return "\n".join(lines)


def _plain(node: Inline) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, InlineQuote):
        return node.quote.text
    return "".join(_plain(child) for child in node.children)


def _parse_markup(markup: str, where: str) -> Any:
    if not _DOCUMENT.match(markup):
        try:
            return etree.fromstring(f"<div>{markup}</div>".encode(), _XML_PARSER)
        except etree.XMLSyntaxError:
            pass  # not well-formed: HTML as browsers parse it
    try:
        if _DOCUMENT.match(markup):
            document = html.document_fromstring(markup, parser=_HTML_PARSER)
            body = document.find("body")
            return body if body is not None else document
        return html.fragment_fromstring(markup, create_parent="div", parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise SchemaError(f"the HTML body cannot be parsed: {error}", where=where) from None


def _int(value: str | None, low: int, high: int) -> int | None:
    if value is None or not value.strip().lstrip("-").isdigit():
        return None
    number = int(value.strip())
    return number if low <= number <= high else None


class _Reader:
    """Turns an element tree into blocks; one instance per body."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.depth = 0

    def blocks(self, container: Any) -> tuple[Block, ...]:
        """The blocks of a container element; loose text and inline elements become paragraphs."""
        self.depth += 1
        if self.depth > 200:
            raise LimitError("the body is nested too deeply", where=self.where)
        out: list[Block] = []
        run: list[Inline] = []
        figures: list[Block] = []

        def flush() -> None:
            """End the pending paragraph, then add the figures its images made."""
            paragraph = Paragraph(children=tuple(run))
            if paragraph.children:
                out.append(paragraph)
            run.clear()
            out.extend(figures)
            figures.clear()

        if container.text:
            run.append(Text(text=container.text))
        for child in container:
            name = _name(child)
            if name in _SKIP or not name:
                pass
            elif name in _BLOCKS and not (name == "img" and run):
                flush()
                out.extend(self.block(child, name))
            else:
                run.extend(self.inline(child, name, figures))
            if child.tail:
                run.append(Text(text=child.tail))
        flush()
        self.depth -= 1
        return tuple(out)

    def block(self, el: Any, name: str) -> tuple[Block, ...]:
        """The blocks one block-level element stands for (none, one, or a container's several)."""
        if name in _PARAGRAPHS:
            figures: list[Block] = []
            paragraph = Paragraph(children=self.inlines(el, figures))
            return ((paragraph,) if paragraph.children else ()) + tuple(figures)
        if name in _HEADINGS:
            heading = Heading(level=_HEADINGS[name], children=self.inlines(el, []))
            return (heading,) if heading.children else ()
        if name in ("ul", "ol"):
            return self.list_block(el, name)
        if name in ("blockquote", "bq"):
            quote = self.quote(el, block=True)
            return (QuoteBlock(quote=quote),) if quote is not None else ()
        if name == "figure":
            return self.figure(el)
        if name == "img":
            image = self.image(el, None, None)
            return (Figure(image=image),) if image is not None else ()
        if name == "media":
            return self.media(el)
        if name == "table":
            return (self.table(el),)
        if name == "hr":
            return (Separator(),)
        if name == "aside" and v.RELATED_CLASS in _classes(el):
            box = self.related_box(el)
            if box is not None:
                return (box,)
        return self.blocks(el)

    def list_block(self, el: Any, name: str) -> tuple[Block, ...]:
        """A ``ul``/``ol`` as a list whose items hold blocks; empty items and lists vanish."""
        items = []
        for child in el:
            if _name(child) == "li":
                blocks = self.blocks(child)
                if blocks:
                    items.append(blocks)
        if not items:
            return ()
        if name == "ul":
            return (BulletList(items=tuple(items)),)
        start = _int(el.get("start"), -(10**9), 10**9)
        return (OrderedList(items=tuple(items), start=1 if start is None else start),)

    def speaker(self, el: Any, credit: str | None) -> Person | None:
        """Who said a quote: ``data-speaker*`` attributes, NITF ``quote-source``, else the credit line."""
        name = el.get(v.SPEAKER) or el.get("quote-source") or credit
        if not _has_text(name):
            return None
        return _safe(
            lambda: Person(name=name, role=el.get(v.SPEAKER_ROLE), url=el.get(v.SPEAKER_URL))
        ) or _safe(lambda: Person(name=name))

    def quote(self, el: Any, *, block: bool) -> Quote | None:
        """A ``q``, ``blockquote`` or NITF ``bq`` as a Quote (``None`` when it holds no words)."""
        lines: list[str] = []
        credit: str | None = None
        if block:
            if _has_text(el.text):
                lines.append(el.text)
            for child in el:
                name = _name(child)
                if name in ("footer", "credit"):
                    cite = next((c for c in child.iter() if _name(c) == "cite"), None)
                    credit = (cite if cite is not None else child).xpath("string()").strip(" —–-\n\t")
                elif name not in _SKIP and name:
                    lines.extend(self.quote_lines(child))
                if _has_text(child.tail):
                    lines.append(child.tail)
        else:
            lines = self.quote_lines(el)
        text = "\n".join(lines)
        if not values.clean_lines(text):
            return None
        language = _safe(lambda: values.optional_language(el.get("lang")))
        cite = _safe(lambda: values.optional_url(el.get("cite")))
        return Quote(text=text, speaker=self.speaker(el, credit), cite=cite, language=language)

    def quote_lines(self, el: Any) -> list[str]:
        """The lines of text inside a quote element, one per paragraph, ``br`` as newlines."""
        name = _name(el)
        if name in ("block", "div", "blockquote", "bq"):
            lines: list[str] = []
            for child in el:
                if _name(child) not in _SKIP:
                    lines.extend(self.quote_lines(child))
            return lines
        parts = [el.text or ""]
        for child in el:
            child_name = _name(child)
            if child_name == "br":
                parts.append("\n")
            elif child_name not in _SKIP and child_name:
                parts.append(child.xpath("string()"))
            parts.append(child.tail or "")
        return ["".join(parts)]

    def figure(self, el: Any) -> tuple[Block, ...]:
        """A ``figure``: an embed, an image with caption and credit, or (without an image) its blocks."""
        if v.EMBED_CLASS in _classes(el):
            anchor = next((a for a in el.iter() if _name(a) == "a" and a.get("href")), None)
            if anchor is not None:
                embed = _safe(
                    lambda: Embed(
                        url=anchor.get("href"), title=anchor.get("title"), provider=el.get(v.PROVIDER)
                    )
                )
                if embed is not None:
                    return (embed,)
        img = next((i for i in el.iter() if _name(i) == "img"), None)
        if img is None:
            return self.blocks(el)
        caption: str | None = None
        credit: str | None = None
        for node in el.iter():
            classes = _classes(node)
            if v.CREDIT_CLASS in classes or "byline" in classes:
                credit = node.xpath("string()")
            elif v.CAPTION_CLASS in classes:
                caption = "\n".join(self.quote_lines(node))
        if caption is None:
            figcaption = next((c for c in el.iter() if _name(c) == "figcaption"), None)
            if figcaption is not None:
                caption = _text_outside(figcaption, {v.CREDIT_CLASS, "byline"})
        image = self.image(img, caption, credit)
        return (Figure(image=image),) if image is not None else ()

    def image(self, img: Any, caption: str | None, credit: str | None) -> Image | None:
        """An ``img`` as an Image, or ``None`` when it has no usable source."""
        src = img.get("src") or img.get("data-src")
        if not src:
            return None
        return _safe(
            lambda: Image(
                url=src,
                alt=img.get("alt"),
                caption=caption,
                credit=credit,
                width=_int(img.get("width"), 1, 10**6),
                height=_int(img.get("height"), 1, 10**6),
                media_type=img.get(v.MEDIA_TYPE),
            )
        )

    def media(self, el: Any) -> tuple[Block, ...]:
        """A NITF ``media`` element as a figure."""
        reference = next((r for r in el.iter() if _name(r) == "media-reference" and r.get("source")), None)
        if reference is None:
            return ()
        caption = next((c.xpath("string()") for c in el.iter() if _name(c) == "media-caption"), None)
        credit = next((c.xpath("string()") for c in el.iter() if _name(c) == "media-producer"), None)
        image = _safe(
            lambda: Image(
                url=reference.get("source"),
                alt=reference.get("alternate-text"),
                caption=caption,
                credit=credit,
                media_type=reference.get("mime-type"),
            )
        )
        return (Figure(image=image),) if image is not None else ()

    def table(self, el: Any) -> Table:
        """A ``table``: rows from ``thead``/``tbody``/``tfoot`` or bare ``tr``; ``thead`` rows are header rows."""
        rows: list[tuple[TableCell, ...]] = []
        header_rows = 0
        caption: str | None = None
        for child in el:
            name = _name(child)
            if name == "caption":
                caption = child.xpath("string()")
            elif name == "tr":
                rows.append(self.row(child))
            elif name in ("thead", "tbody", "tfoot"):
                for tr in child:
                    if _name(tr) == "tr":
                        rows.append(self.row(tr))
                        if name == "thead" and header_rows == len(rows) - 1:
                            header_rows += 1
        return Table(rows=tuple(rows), header_rows=header_rows, caption=caption)

    def row(self, tr: Any) -> tuple[TableCell, ...]:
        """The cells of a ``tr``."""
        cells = []
        for cell in tr:
            name = _name(cell)
            if name in ("td", "th"):
                cells.append(
                    TableCell(
                        children=self.inlines(cell, []),
                        header=name == "th",
                        colspan=_int(cell.get("colspan"), 1, 1000) or 1,
                        rowspan=_int(cell.get("rowspan"), 1, 1000) or 1,
                    )
                )
        return tuple(cells)

    def related_box(self, el: Any) -> RelatedBox | None:
        """An ``aside class="related"`` as a RelatedBox (``None`` when it has no links)."""
        label: str | None = None
        links: list[RelatedLink] = []
        for node in el.iter():
            name = _name(node)
            if name == "p" and v.RELATED_LABEL_CLASS in _classes(node):
                label = node.xpath("string()")
            elif name == "li":
                link = self.related_item(node)
                if link is not None:
                    links.append(link)
        if not links:
            return None
        return RelatedBox(links=tuple(links), label=label)

    def related_item(self, li: Any) -> RelatedLink | None:
        """One ``li`` of a related box as a RelatedLink."""
        target = next((n for n in li if _name(n) in ("a", "cite")), None)
        title = (target if target is not None else li).xpath("string()")
        url = target.get("href") if target is not None and _name(target) == "a" else None
        authors = []
        for span in li.iter():
            if _name(span) == "span" and v.AUTHOR_CLASS in _classes(span):
                person = _safe(
                    partial(Person, name=span.xpath("string()"), role=span.get(v.ROLE), url=span.get(v.URL))
                )
                if person is not None:
                    authors.append(person)
        return self.related_link(title, url, tuple(authors), li.get(v.RELATION))

    def related_link(
        self, title: str | None, url: str | None, authors: tuple[Person, ...], relation: str | None
    ) -> RelatedLink | None:
        """A RelatedLink, leaving out a URL the model refuses; ``None`` without a title."""
        if not _has_text(title):
            return None
        kind = _relation(relation)
        return _safe(lambda: RelatedLink(title=title, url=url, authors=authors, relation=kind)) or _safe(
            lambda: RelatedLink(title=title, authors=authors, relation=kind)
        )

    def inlines(self, el: Any, figures: list[Block]) -> tuple[Inline, ...]:
        """The inline nodes inside ``el``; images met on the way go to ``figures``."""
        self.depth += 1
        if self.depth > 200:
            raise LimitError("the body is nested too deeply", where=self.where)
        out: list[Inline] = []
        if el.text:
            out.append(Text(text=el.text))
        for child in el:
            name = _name(child)
            if name and name not in _SKIP:
                out.extend(self.inline(child, name, figures))
            if child.tail:
                out.append(Text(text=child.tail))
        self.depth -= 1
        return tuple(out)

    def inline(self, el: Any, name: str, figures: list[Block]) -> tuple[Inline, ...]:
        """The inline nodes one element stands for."""
        if name == "br":
            return (LineBreak(),)
        if name == "img":
            image = self.image(el, None, None)
            if image is not None:
                figures.append(Figure(image=image))
            return ()
        if name == "q":
            quote = self.quote(el, block=False)
            return (InlineQuote(quote=quote),) if quote is not None else ()
        children = self.inlines(el, figures)
        if name in _EMPHASIS:
            return (Emphasis(children=children),)
        if name in _STRONG:
            return (Strong(children=children),)
        if name == "a" and el.get("href"):
            link = _safe(lambda: Link(url=el.get("href"), children=children, title=el.get("title")))
            return (link,) if link is not None else children
        if name == "cite" and v.MENTION_CLASS in _classes(el):
            mention = self.mention(el, children)
            return (mention,) if mention is not None else children
        return children

    def mention(self, el: Any, children: tuple[Inline, ...]) -> Mention | None:
        """A ``cite class="mention"`` as a Mention of the article its data attributes describe."""
        authors: list[Person] = []
        raw = el.get(v.AUTHORS)
        if raw:
            try:
                records = json.loads(raw)
            except ValueError:
                records = []
            for record in records if isinstance(records, list) else []:
                if isinstance(record, dict) and isinstance(record.get("name"), str):
                    person = _safe(
                        partial(Person, name=record["name"], role=record.get("role"), url=record.get("url"))
                    )
                    if person is not None:
                        authors.append(person)
        title = el.get(v.TITLE) or el.xpath("string()")
        link = self.related_link(title, el.get(v.URL), tuple(authors), el.get(v.RELATION))
        if link is None:
            return None
        return Mention(link=link, children=children)


def _text_outside(el: Any, classes: set[str]) -> str:
    """The text of ``el`` (line breaks as newlines) leaving out descendants with one of ``classes``."""
    parts = [el.text or ""]
    for child in el:
        if _name(child) == "br":
            parts.append("\n")
        elif not (_classes(child) & classes):
            parts.append(_text_outside(child, classes))
        parts.append(child.tail or "")
    return "".join(parts)


def _relation(value: str | None) -> Relation:
    try:
        return Relation(value)
    except ValueError:
        return Relation.READ_ALSO
