"""Building the XHTML pages around a chapter's body: namespaces, text, serialisation."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.html_tree import XML_LANG, add_text, set_direction, xml_safe

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
EPUB_TYPE = f"{{{EPUB}}}type"
NSMAP = {None: XHTML, "epub": EPUB}


def element(parent: etree._Element | None, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new XHTML element ``tag`` (appended to ``parent`` when given)."""
    qualified = f"{{{XHTML}}}{tag}"
    attributes = {key: xml_safe(value) for key, value in (attrs or {}).items()}
    if parent is None:
        return etree.Element(qualified, attributes, nsmap=NSMAP)
    return etree.SubElement(parent, qualified, attributes)


def text_element(
    parent: etree._Element, tag: str, text: str, attrs: dict[str, str] | None = None
) -> etree._Element:
    """Append an element holding just ``text``."""
    node = element(parent, tag, attrs)
    add_text(node, text)
    return node


def set_language(node: etree._Element, language: str) -> None:
    """Set both ``lang`` and ``xml:lang`` (XHTML requires them to agree)."""
    node.set("lang", language)
    node.set(XML_LANG, language)


def serialise(root: etree._Element) -> bytes:
    """A complete XHTML document with the XML declaration and the HTML5 doctype."""
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")


__all__ = [
    "EPUB",
    "EPUB_TYPE",
    "NSMAP",
    "XHTML",
    "XML_LANG",
    "add_text",
    "element",
    "serialise",
    "set_direction",
    "set_language",
    "text_element",
    "xml_safe",
]
