"""Building HTML and XHTML trees with lxml: XML-safe text, mixed content, language marks.

The trees are serialised as XML, which HTML parsers read too, provided no
element that has content in HTML is written self-closed: :func:`element`
gives every non-void element an empty text, so lxml writes ``<td></td>``,
never ``<td/>``.
"""

from __future__ import annotations

import re

from lxml import etree

from broadsheet.formats._shared.typography import is_rtl

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
"""The qualified name of ``xml:lang``."""

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
"""HTML elements that never have content (written ``<br/>``)."""

# Characters XML 1.0 cannot hold at all (lone surrogates, most C0 controls, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", text)


def element(
    parent: etree._Element,
    tag: str,
    attrs: dict[str, str] | None = None,
    *,
    namespace: str | None = None,
) -> etree._Element:
    """Append a new element ``tag`` (in ``namespace``, if any) to ``parent``."""
    node = etree.SubElement(parent, f"{{{namespace}}}{tag}" if namespace else tag)
    for key, value in (attrs or {}).items():
        node.set(key, xml_safe(value))
    if tag not in VOID:
        node.text = ""
    return node


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


def set_language(node: etree._Element, language: str, *, xhtml: bool = False) -> None:
    """Set ``lang`` (and ``xml:lang`` beside it in XHTML, which requires them to agree)."""
    node.set("lang", language)
    if xhtml:
        node.set(XML_LANG, language)


def set_direction(node: etree._Element, language: str, surrounding: str | None) -> None:
    """Mark ``node`` right-to-left or left-to-right when its language runs the other way."""
    if is_rtl(language) != is_rtl(surrounding):
        node.set("dir", "rtl" if is_rtl(language) else "ltr")


def mark_language(
    node: etree._Element, language: str | None, surrounding: str | None, *, xhtml: bool
) -> None:
    """Give ``node`` its own ``lang`` (and ``dir`` if needed) when it differs from ``surrounding``."""
    if language and language != surrounding:
        set_language(node, language, xhtml=xhtml)
        set_direction(node, language, surrounding)
