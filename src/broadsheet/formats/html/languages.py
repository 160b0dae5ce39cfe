"""The page's language and its translations: ``hreflang`` alternates and "UA / RU" language switches.

A translation is the same story in another language; links to another
language's home page are not translations, and neither is the page itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html.pagemeta import absolute
from broadsheet.model import Translation
from broadsheet.model.values import language_tag

# Codes pages use that are not language codes at all (country codes, mostly),
# mapped to the language meant; real codes (se is Northern Sami) stay.
_MISTAKES = {
    "ua": "uk",
    "ukr": "uk",
    "rus": "ru",
    "eng": "en",
    "ger": "de",
    "deu": "de",
    "cz": "cs",
    "gr": "el",
    "jp": "ja",
    "kr": "ko",
    "cn": "zh",
    "kz": "kk",
    "by": "be",
    "dk": "da",
}

_SWITCH_TEXT = {
    "ua": "uk",
    "uk": "uk",
    "укр": "uk",
    "українська": "uk",
    "українською": "uk",
    "укр.": "uk",
    "ru": "ru",
    "рус": "ru",
    "рус.": "ru",
    "русский": "ru",
    "на русском": "ru",
    "русская версия": "ru",
    "российская": "ru",
    "російська": "ru",
    "en": "en",
    "eng": "en",
    "english": "en",
    "in english": "en",
    "english version": "en",
    "de": "de",
    "deutsch": "de",
    "auf deutsch": "de",
    "fr": "fr",
    "français": "fr",
    "francais": "fr",
    "es": "es",
    "español": "es",
    "pl": "pl",
    "polski": "pl",
    "po polsku": "pl",
    "it": "it",
    "italiano": "it",
    "pt": "pt",
    "português": "pt",
    "be": "be",
    "беларуская": "be",
    "kk": "kk",
    "қазақша": "kk",
    "ro": "ro",
    "română": "ro",
    "cs": "cs",
    "čeština": "cs",
    "tr": "tr",
    "türkçe": "tr",
}
_SWITCH_CONTAINER = re.compile(r"lang|locale|i18n|translat|мов|язык", re.IGNORECASE)
_STORY_SEGMENT = re.compile(r"\d{3,}|\.(?:s?html?|php|aspx?|cms)$", re.IGNORECASE)
_SLUG_WORDS = re.compile(r"[-_+]")
_LANGUAGE_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.IGNORECASE)


def tag(value: str | None) -> str | None:
    """A well-formed BCP 47 tag from what a page declares (``uk_UA``, ``ua``, ``en-us``), or ``None``."""
    if not value:
        return None
    value = value.strip().split(",", 1)[0].split(";", 1)[0].strip()
    if not value or value.lower() in ("x-default", "und", "mul", "zxx"):
        return None
    primary, _, rest = value.replace("_", "-").partition("-")
    primary = _MISTAKES.get(primary.lower(), primary.lower())
    try:
        return language_tag(f"{primary}-{rest}" if rest else primary)
    except ModelError:
        return None


def primary(value: str | None) -> str | None:
    """The primary subtag of a tag (``"uk"`` for ``"uk-UA"``)."""
    return value.split("-", 1)[0].lower() if value else None


def hreflang_alternates(
    root: lxml.html.HtmlElement, base_url: str | None
) -> list[tuple[str, str, str | None]]:
    """``(language, absolute URL, title)`` for each ``<link rel="alternate" hreflang>`` of the page."""
    out: list[tuple[str, str, str | None]] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        language = tag(link.get("hreflang"))
        href = (link.get("href") or "").strip()
        resolved = absolute(href, base_url) if "alternate" in rel and language and href else None
        if language and resolved:
            title = " ".join((link.get("title") or "").split()) or None
            out.append((language, resolved, title))
    return out


def switch_links(root: lxml.html.HtmlElement, base_url: str | None) -> list[tuple[str, str, str]]:
    """``(language, absolute URL, text)`` for links of a language switch ("UA / RU").

    A link counts when its text names a language and it has an ``hreflang``
    or ``lang`` attribute, or sits inside an element whose class or id speaks of
    languages, or inside an element that reads like a switch ("UA / RU", with
    the current language not a link), or when it is one of two to six such
    links side by side.
    """
    found: list[tuple[str, str, str, lxml.html.HtmlElement]] = []
    for anchor in root.iter("a"):
        # Every link of the page is looked at: the cheap tests first, the text only when short.
        href = anchor.get("href")
        hreflang, lang = anchor.get("hreflang"), anchor.get("lang")
        if href is None or (hreflang is None and lang is None and not _short_text(anchor)):
            continue
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        text = " ".join(anchor.text_content().split()).lower()
        named = _SWITCH_TEXT.get(text)
        language = tag(hreflang) or tag(lang)
        if language is None and named is None:
            continue
        resolved = absolute(href, base_url)
        if resolved is None:
            continue
        found.append((language or named or "", resolved, text, anchor))
    out: list[tuple[str, str, str]] = []
    for language, url, text, anchor in found:
        marked = (
            anchor.get("hreflang") is not None
            or anchor.get("lang") is not None
            or _in_switch(anchor)
            or _switch_text(anchor)
        )
        siblings = sum(1 for other in found if other[3] is not anchor and _near(other[3], anchor))
        if marked or 1 <= siblings <= 5:
            out.append((language, url, text))
    return out


_SWITCH_SEPARATORS = re.compile(r"[\s/|·•,]+")
_XML_SPACE = re.compile("[ \t\r\n]+")
_SHORT_TEXT = 24
"""The longest first text of a link that may name a language (its whole text is looked up)."""


def _short_text(anchor: lxml.html.HtmlElement) -> bool:
    # Whether the link's first text node, spaces collapsed as XPath's normalize-space() does, is
    # short: a cheap test that leaves most of a page's links out before their text is read.
    first = anchor.text
    if first is None:
        first = next((child.tail for child in anchor if child.tail is not None), None)
        if first is None:
            return False
    return len(first) <= _SHORT_TEXT or len(_XML_SPACE.sub(" ", first).strip(" ")) <= _SHORT_TEXT


def _switch_text(anchor: lxml.html.HtmlElement) -> bool:
    parent = anchor.getparent()
    if parent is None:
        return False
    words = [w for w in _SWITCH_SEPARATORS.split(parent.text_content().lower()) if w]
    return 2 <= len(words) <= 6 and all(w in _SWITCH_TEXT for w in words)


def _in_switch(anchor: lxml.html.HtmlElement) -> bool:
    node: lxml.html.HtmlElement | None = anchor
    for _ in range(4):
        if node is None:
            return False
        if _SWITCH_CONTAINER.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    return False


def _near(a: lxml.html.HtmlElement, b: lxml.html.HtmlElement) -> bool:
    pa, pb = a.getparent(), b.getparent()
    if pa is None or pb is None:
        return False
    return pa is pb or pa.getparent() is pb.getparent()


def looks_like_story(url: str, page_url: str | None) -> bool:
    """Whether ``url`` can be a story rather than a home, language or section page.

    A story's path has an id (three digits or more), a slug of four words or
    more, or a page file name (``.html``, ``.php``); a query alone is not one.
    """
    parts = urlsplit(url)
    if page_url and _same(url, page_url):
        return False
    segments = [s for s in parts.path.split("/") if s and not _LANGUAGE_SEGMENT.match(s)]
    return any(_STORY_SEGMENT.search(s) or len(_SLUG_WORDS.split(s)) >= 4 for s in segments)


def _same(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        p = urlsplit(u)
        return f"{p.netloc.lower().removeprefix('www.')}{p.path.rstrip('/')}?{p.query}"

    return norm(a) == norm(b)


def translations(
    root: lxml.html.HtmlElement, *, language: str | None, page_url: str | None, base_url: str | None
) -> tuple[Translation, ...]:
    """The page's translations: ``hreflang`` alternates first, then language-switch links.

    One per language, never the page's own language or URL; switch links only
    when they lead to a story, not to a home page.
    """
    own = primary(language)
    chosen: dict[str, Translation] = {}

    def add(lang: str, url: str, title: str | None = None) -> None:
        key = primary(lang)
        if not key or key == own or key in chosen or (page_url and _same(url, page_url)):
            return
        try:
            chosen[key] = Translation(language=lang, url=url, title=title)
        except ModelError:
            return

    for lang, url, title in hreflang_alternates(root, base_url):
        if looks_like_story(url, page_url) or not page_url:
            add(lang, url, title)
    for lang, url, _text in switch_links(root, base_url):
        if looks_like_story(url, page_url):
            add(lang, url)
    return tuple(chosen.values())
