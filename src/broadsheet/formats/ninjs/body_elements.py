"""What the ninjs body reader knows of HTML elements: names, classes, which are blocks or skipped."""

from __future__ import annotations

from typing import Any

from lxml import etree

SKIP = frozenset(
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
    ]
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
PARAGRAPHS = frozenset({"p", "pre", "address"})
CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "body",
        "main",
        "header",
        "footer",
        "center",
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
BLOCKS = frozenset(PARAGRAPHS | CONTAINERS | set(HEADINGS)) | frozenset(
    ["ul", "ol", "blockquote", "figure", "table", "hr", "img"]
)
EMPHASIS = frozenset({"em", "i"})
STRONG = frozenset({"strong", "b"})


def element_name(element: Any) -> str:
    """The lower-case local name of an element (``""`` for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname.lower() if tag.startswith("{") else tag.lower()


def class_names(element: Any) -> set[str]:
    """The class names of an element."""
    return set((element.get("class") or "").split())
