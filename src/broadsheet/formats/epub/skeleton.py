"""The frame every page of the book shares: html, head with title and stylesheets, body."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats.epub.xmltext import EPUB_TYPE, element, set_language, text_element


def new_page(
    title: str, language: str, stylesheets: tuple[str, ...], *, body_type: str | None = None
) -> tuple[etree._Element, etree._Element]:
    """A page's ``<html>`` root and its ``<body>``, with language and direction set."""
    html = element(None, "html")
    set_language(html, language)
    if is_rtl(language):
        html.set("dir", "rtl")
    head = element(html, "head")
    element(head, "meta", {"charset": "utf-8"})
    text_element(head, "title", title)
    for sheet in stylesheets:
        element(head, "link", {"rel": "stylesheet", "type": "text/css", "href": sheet})
    body = element(html, "body")
    if body_type:
        body.set(EPUB_TYPE, body_type)
    return html, body
