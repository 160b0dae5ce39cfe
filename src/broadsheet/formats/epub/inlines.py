"""Inline nodes to XHTML: text, emphasis, links, quotations with their marks, mentions."""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats.epub.context import Context
from broadsheet.formats.epub.hrefs import external_href
from broadsheet.formats.epub.xmltext import add_text, element, set_direction, set_language
from broadsheet.model import (
    Emphasis,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    Strong,
    Text,
)


def render_inlines(
    parent: etree._Element,
    children: tuple[Inline, ...],
    context: Context,
    *,
    in_link: bool = False,
    depth: int = 0,
) -> None:
    """Append ``children`` to ``parent``; ``in_link`` stops links nesting inside links."""
    context.enter()
    for node in children:
        match node:
            case Text():
                add_text(parent, node.text)
            case Emphasis():
                render_inlines(element(parent, "em"), node.children, context, in_link=in_link, depth=depth)
            case Strong():
                render_inlines(
                    element(parent, "strong"), node.children, context, in_link=in_link, depth=depth
                )
            case Link():
                _link(parent, node.url, node.title, node.children, context, in_link=in_link, depth=depth)
            case InlineQuote():
                _quote(parent, node, context, in_link=in_link, depth=depth)
            case Mention():
                span = element(parent, "span", {"class": "mention"})
                _link(span, node.link.url, None, node.children, context, in_link=in_link, depth=depth)
            case LineBreak():
                element(parent, "br")
            case _:
                assert_never(node)
    context.leave()


def _link(
    parent: etree._Element,
    url: str | None,
    title: str | None,
    children: tuple[Inline, ...],
    context: Context,
    *,
    in_link: bool,
    depth: int,
) -> None:
    href = None if in_link else external_href(url, context.base_url)
    if href is None:
        render_inlines(parent, children, context, in_link=in_link, depth=depth)
        return
    attrs = {"href": href}
    if title:
        attrs["title"] = title
    render_inlines(element(parent, "a", attrs), children, context, in_link=True, depth=depth)


def _quote(parent: etree._Element, node: InlineQuote, context: Context, *, in_link: bool, depth: int) -> None:
    quote = node.quote
    language = quote.language or context.language
    opening, closing = quote_marks(language, depth)
    attrs = {"class": "quote"}
    if quote.speaker is not None:
        attrs["title"] = quote.speaker.name
    # A span, not <q>: the marks are text, because many reading systems ignore
    # generated content, and <q> would get a second pair where they do not.
    span = element(parent, "span", attrs)
    if quote.language and quote.language != context.language:
        set_language(span, quote.language)
        set_direction(span, quote.language, context.language)
    add_text(span, opening + quote.text.replace("\n", " ") + closing)
