"""XHTML bodies (``contenttype="application/xhtml+xml"``) recast as NITF, so one body reader serves both.

Other providers send XHTML in ``inlineXML``; its elements map one to one onto
the NITF the body reader knows (``h3`` → ``hl2 class="level-3"``,
``blockquote`` → ``bq``, ``img`` → ``media``…); unknown wrappers keep their
content.
"""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.nitf.names import NITF, n
from broadsheet.formats._shared.xml import local_name

_SAME = {
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "q",
    "pre",
    "a",
    "em",
}
_EMPHASIS = {"i", "cite", "dfn", "var"}
_STRONG = {"strong", "b"}
_CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "body", "html", "figure"}
_DROPPED = {"script", "style", "head", "noscript", "iframe", "object", "embed", "template", "form", "button"}


def xhtml_as_nitf(element: etree._Element) -> etree._Element:
    """An ``<nitf>`` element holding the content of an XHTML ``html``, ``body`` or fragment."""
    root = etree.Element(n("nitf"), nsmap={None: NITF})
    content = etree.SubElement(etree.SubElement(root, n("body")), n("body.content"))
    _convert_children(element, content)
    return root


def _convert_children(source: etree._Element, target: etree._Element) -> None:
    _append_text(target, source.text)
    for child in source:
        if isinstance(child.tag, str):
            _convert(child, target)
        _append_text(target, child.tail)


def _append_text(target: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _convert(source: etree._Element, target: etree._Element) -> None:
    name = local_name(source).lower()
    if name in _DROPPED:
        return
    if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        element = etree.SubElement(target, n("hl2"), {"class": f"level-{name[1]}"})
    elif name in _STRONG:
        element = etree.SubElement(target, n("em"), {"class": "strong"})
    elif name in _EMPHASIS:
        element = etree.SubElement(target, n("em"))
    elif name == "blockquote":
        bq = etree.SubElement(target, n("bq"))
        element = etree.SubElement(bq, n("block"))
    elif name == "img":
        media = etree.SubElement(target, n("media"), {"media-type": "image"})
        reference = etree.SubElement(media, n("media-reference"), source=source.get("src") or "")
        for html, nitf in (("alt", "alternate-text"), ("width", "width"), ("height", "height")):
            if source.get(html):
                reference.set(nitf, source.get(html) or "")
        return
    elif name == "figcaption":
        found = target.find(n("media"))
        element = etree.SubElement(found if found is not None else target, n("media-caption"))
    elif name in _CONTAINERS:
        element = etree.SubElement(target, n("block")) if name == "figure" else target
        if element is target:
            _convert_children(source, target)
            return
    elif name in _SAME:
        element = etree.SubElement(target, n(name))
        for attribute in ("href", "title", "colspan", "rowspan"):
            if source.get(attribute) is not None:
                element.set(attribute, source.get(attribute) or "")
    else:
        _convert_children(source, target)
        return
    _convert_children(source, element)
