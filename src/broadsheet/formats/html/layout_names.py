"""The page's own layout words: weak chrome names that the page also puts around its headline.

A page builder names every block of a page alike ("elementor-widget", "sticky-sidebar"), the
story's headline and paragraphs too. On such a page the name says nothing about chrome: the
headline is the story's, so the names of the wrappers around it are the layout's words, and
reading them as chrome cuts the story into pieces that are each too small to keep.
"""

from __future__ import annotations

from lxml import html

from broadsheet.formats.html.content_chrome import NOT_CHROME, WEAK_CHROME, chrome_strength, name_strength

__all__ = ["layout_names", "strength_beside"]

_CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})


def _tokens(element: html.HtmlElement) -> list[str]:
    return f"{element.get('class') or ''} {element.get('id') or ''}".split()


def layout_names(headline: html.HtmlElement) -> frozenset[str]:
    """The class and id names around ``headline`` that name chrome weakly ("widget", "sidebar"):
    the page's layout words, not chrome."""
    names: set[str] = set()
    for ancestor in headline.iterancestors():
        if chrome_strength(ancestor) != WEAK_CHROME:
            continue
        names.update(token for token in _tokens(ancestor) if name_strength(token) == WEAK_CHROME)
    return frozenset(names)


def strength_beside(element: html.HtmlElement, names: frozenset[str]) -> int:
    """:func:`~.content_chrome.chrome_strength` of ``element`` with the page's layout ``names``
    left out: a weak sign that only those names give is no sign."""
    strength = chrome_strength(element)
    if strength != WEAK_CHROME or not names or element.tag in _CHROME_TAGS or element.get("role"):
        return strength  # a tag or a role is a sign of its own
    tokens = _tokens(element)
    if names.isdisjoint(tokens):
        return strength
    rest = " ".join(token for token in tokens if token not in names)
    return name_strength(rest) if rest else NOT_CHROME
