"""Block nodes to XHTML: paragraphs, crossheads, lists, quotes, figures, tables, boxes."""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from broadsheet.formats._shared.wording import label
from broadsheet.formats.epub.context import Context
from broadsheet.formats.epub.hrefs import external_href
from broadsheet.formats.epub.inlines import render_inlines
from broadsheet.formats.epub.xmltext import add_text, element, set_direction, set_language, text_element
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Figure,
    Heading,
    Image,
    OrderedList,
    Paragraph,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Separator,
    Table,
    TableCell,
)


def render_blocks(parent: etree._Element, blocks: tuple[Block, ...], context: Context) -> None:
    """Append ``blocks`` to ``parent``; body headings sit one level under the headline."""
    context.enter()
    for block in blocks:
        match block:
            case Paragraph():
                if block.children:
                    render_inlines(element(parent, "p"), block.children, context)
            case Heading():
                if block.children:
                    render_inlines(element(parent, f"h{min(block.level + 1, 6)}"), block.children, context)
            case BulletList():
                _list(element(parent, "ul"), block.items, context)
            case OrderedList():
                attrs = {"start": str(block.start)} if block.start != 1 else {}
                _list(element(parent, "ol", attrs), block.items, context)
            case QuoteBlock():
                render_quote(parent, block.quote, context)
            case Figure():
                render_figure(parent, block.image, context)
            case Table():
                _table(parent, block, context)
            case RelatedBox():
                render_related(
                    parent, block.links, block.label or label("read_also", context.language), context
                )
            case Embed():
                _embed(parent, block, context)
            case Separator():
                element(parent, "hr")
            case _:
                assert_never(block)
    context.leave()


def _list(parent: etree._Element, items: tuple[tuple[Block, ...], ...], context: Context) -> None:
    for item in items:
        li = element(parent, "li")
        if len(item) == 1 and isinstance(item[0], Paragraph):
            render_inlines(li, item[0].children, context)  # a tight list: no <p> inside
        else:
            render_blocks(li, item, context)


def render_quote(parent: etree._Element, quote: Quote, context: Context) -> None:
    """A quotation set apart, with its speaker under it."""
    figure = element(parent, "figure", {"class": "quote"})
    # No cite attribute: EPUBCheck counts it as a remote resource (RSC-031 for http).
    blockquote = element(figure, "blockquote")
    if quote.language and quote.language != context.language:
        set_language(blockquote, quote.language)
        set_direction(blockquote, quote.language, context.language)
    for line in quote.text.split("\n"):
        text_element(blockquote, "p", line)
    if quote.speaker is not None:
        caption = element(figure, "figcaption", {"class": "speaker"})
        add_text(caption, "— ")
        cite = element(caption, "cite")
        href = external_href(quote.cite, context.base_url)
        add_text(element(cite, "a", {"href": href}) if href else cite, quote.speaker.name)
        if quote.speaker.role:
            add_text(caption, f", {quote.speaker.role}")


def render_figure(parent: etree._Element, image: Image, context: Context) -> None:
    """An image with caption and credit; a missing image leaves its caption."""
    name = context.images.add(image.url, context.base_url)
    words = image.caption or image.alt
    if name is None and not (words or image.credit):
        return
    figure = element(parent, "figure", {"class": "figure" if name else "figure missing"})
    if name is not None:
        alt = image.alt or image.caption or ""
        context.images_shown += 1
        if not alt:
            context.images_without_alt += 1
        attrs = {"src": name, "alt": alt}
        if image.width and image.height:
            attrs["width"] = str(image.width)
            attrs["height"] = str(image.height)
        element(figure, "img", attrs)
        words = image.caption
    if words or image.credit:
        caption = element(figure, "figcaption")
        if words:
            for index, line in enumerate(words.split("\n")):
                if index:
                    element(caption, "br")
                add_text(caption, line)
        if image.credit:
            if words:
                add_text(caption, " ")
            text_element(caption, "span", image.credit, {"class": "credit"})


def _table(parent: etree._Element, table: Table, context: Context) -> None:
    if not any(table.rows):
        return
    node = element(parent, "table")
    if table.caption:
        text_element(node, "caption", table.caption)
    head_rows = table.rows[: table.header_rows]
    body_rows = table.rows[table.header_rows :]
    if head_rows:
        _rows(element(node, "thead"), head_rows, context, header=True)
    if body_rows:
        _rows(element(node, "tbody"), body_rows, context, header=False)


def _rows(
    parent: etree._Element, rows: tuple[tuple[TableCell, ...], ...], context: Context, *, header: bool
) -> None:
    for row in rows:
        tr = element(parent, "tr")
        for cell in row:
            attrs = {}
            if cell.colspan > 1:
                attrs["colspan"] = str(cell.colspan)
            if cell.rowspan > 1:
                attrs["rowspan"] = str(cell.rowspan)
            render_inlines(
                element(tr, "th" if header or cell.header else "td", attrs), cell.children, context
            )


def render_related(
    parent: etree._Element, links: tuple[RelatedLink, ...], title: str, context: Context
) -> None:
    """A "read also" box: a label and a list of linked titles with their authors."""
    aside = element(parent, "aside", {"class": "related", "aria-label": title})
    text_element(aside, "p", title, {"class": "label"})
    ul = element(aside, "ul")
    for link in links:
        li = element(ul, "li")
        href = external_href(link.url, context.base_url)
        target = element(li, "a", {"href": href}) if href else li
        add_text(target, link.title)
        if link.authors:
            add_text(li, " — ")
            text_element(li, "span", ", ".join(person.name for person in link.authors), {"class": "authors"})


def _embed(parent: etree._Element, embed: Embed, context: Context) -> None:
    href = external_href(embed.url, context.base_url)
    words = embed.title or embed.url
    if embed.provider:
        words = f"{embed.provider}: {words}"
    p = element(parent, "p", {"class": "embed"})
    target = element(p, "a", {"href": href}) if href else p
    add_text(target, words)
