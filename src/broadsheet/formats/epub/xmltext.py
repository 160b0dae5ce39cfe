"""Building XHTML with lxml: namespaces, XML-safe text, mixed content, serialisation."""

from __future__ import annotations

import re

from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB}}}type"
NSMAP = {None: XHTML, "epub": EPUB}

# Characters XML 1.0 cannot hold at all (lone surrogates, most C0 controls, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", text)


def element(parent: etree._Element | None, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new XHTML element ``tag`` (appended to ``parent`` when given)."""
    qualified = f"{{{XHTML}}}{tag}"
    attributes = {key: xml_safe(value) for key, value in (attrs or {}).items()}
    if parent is None:
        return etree.Element(qualified, attributes, nsmap=NSMAP)
    return etree.SubElement(parent, qualified, attributes)


def add_text(parent: etree._Element, text: str) -> None:
    """Append ``text`` to ``parent``'s content, after its last child."""
    if not text:
        return
    text = xml_safe(text)
    children = len(parent)
    if children:
        last = parent[children - 1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


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


def set_direction(node: etree._Element, language: str, surrounding: str | None) -> None:
    """Mark ``node`` right-to-left or left-to-right when its language runs the other way."""
    from broadsheet.formats._shared.typography import is_rtl

    if is_rtl(language) != is_rtl(surrounding):
        node.set("dir", "rtl" if is_rtl(language) else "ltr")


def serialise(root: etree._Element) -> bytes:
    """A complete XHTML document with the XML declaration and the HTML5 doctype."""
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>")
