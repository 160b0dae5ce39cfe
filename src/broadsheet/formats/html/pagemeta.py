"""The page's ``<meta>`` values and microdata, read once, and text helpers the metadata readers share."""

from __future__ import annotations

import contextlib
import re
import weakref
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from broadsheet.formats._shared import parsers
from broadsheet.formats.html.encoding import repair

_SPACE = re.compile(r"\s+")


class PageMeta:
    """The page's ``<meta>`` values by lower-cased name or property, in page order."""

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.values: dict[str, list[str]] = {}
        for meta in root.iter("meta"):
            content = meta.get("content")
            if content is None or not content.strip():
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = meta.get(attribute)
                if key:
                    self.values.setdefault(key.strip().lower(), []).append(text(content))

    def first(self, *names: str) -> str | None:
        """The first non-empty value among ``names``, in that order."""
        for name in names:
            for value in self.values.get(name, ()):
                if value:
                    return value
        return None

    def all(self, *names: str) -> list[str]:
        """Every non-empty value of ``names``, in that order."""
        return [value for name in names for value in self.values.get(name, ()) if value]


def text(value: Any) -> str:
    """Plain text of a metadata value: tags and entities resolved, double encoding repaired, one-spaced."""
    if not isinstance(value, str):
        return ""
    if "<" in value and ">" in value:
        with contextlib.suppress(Exception):
            value = parsers.parse_html_fragment(value).text_content()
    elif "&" in value:
        import html

        value = html.unescape(value)
    return _SPACE.sub(" ", repair(value)).strip()


def by_itemprop(root: lxml.html.HtmlElement, name: str) -> list[lxml.html.HtmlElement]:
    """The elements carrying ``itemprop=name``, in page order."""
    # One XPath query per page (run in C), kept on the root's first use.
    index = _ITEMPROPS.get(root)
    if index is None:
        index = {}
        for element in elements(root.xpath("//*[@itemprop]")):
            for key in (element.get("itemprop") or "").split():
                index.setdefault(key, []).append(element)
        _ITEMPROPS[root] = index
    return index.get(name, [])


_ITEMPROPS: weakref.WeakKeyDictionary[lxml.html.HtmlElement, dict[str, list[lxml.html.HtmlElement]]] = (
    weakref.WeakKeyDictionary()
)


def elements(found: Any) -> list[lxml.html.HtmlElement]:
    """The elements of an XPath result (which may also hold strings or numbers)."""
    return [e for e in found if isinstance(e, lxml.html.HtmlElement)] if isinstance(found, list) else []


def itemprop_text(root: lxml.html.HtmlElement, name: str) -> str | None:
    """The first non-empty value of ``itemprop=name``: its ``content``/``datetime`` or its text."""
    for element in by_itemprop(root, name):
        value = element.get("content") or element.get("datetime") or element.text_content()
        value = text(value)
        if value:
            return value
    return None


def itemprop_attr(root: lxml.html.HtmlElement, name: str) -> str | None:
    """The first ``content``, ``datetime`` or text of ``itemprop=name``, unchanged."""
    for element in by_itemprop(root, name):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return value.strip()
    return None


def absolute(href: str, base: str | None) -> str | None:
    """``href`` resolved against ``base`` (protocol-relative URLs get ``https:``), or ``None`` when
    the result is not a URL anything could parse (``http://[::1``): pages are written by strangers."""
    href = href.strip()
    try:
        resolved = "https:" + href if href.startswith("//") else urljoin(base, href) if base else href
        if "[" in resolved or "]" in resolved or not resolved.isascii():  # what urlsplit can refuse
            urlsplit(resolved)
    except ValueError:
        return None
    return resolved


def comparable(text: str) -> str:
    """A key for comparing titles and names: case-folded words without punctuation."""
    return re.sub(r"\W+", " ", text.casefold()).strip()


def first_text(value: Any) -> str | None:
    """The text of a JSON-LD value that may be a string, a list or a node with a ``name``."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("name")
    return text(value) or None
