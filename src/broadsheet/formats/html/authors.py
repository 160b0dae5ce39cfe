"""Who wrote the article, from the page's metadata: JSON-LD, ``<meta>`` conventions, microdata, bylines.

Each author is a separate :class:`~broadsheet.model.Person`; the outlet
itself named as author gives way to people named by a later source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html import bylines, jsonld
from broadsheet.formats.html.pagemeta import PageMeta, absolute, by_itemprop, comparable, elements, text
from broadsheet.model import Person


def find_authors(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
    outlets: list[str],
    language: str | None = None,
) -> tuple[tuple[Person, ...], bool]:
    """The authors from the first source that names people, and whether they are only outlets.

    Sources in order: JSON-LD ``author``/``creator``, ``article:author``,
    ``<meta name=author>`` and friends, microdata and ``rel=author``. A source
    naming only the outlet itself (``"STERN.de"``, an ``Organization``) is
    passed over for a later one that names people, and used if none does.
    """
    fallback: list[tuple[bylines.Byline, str | None]] = []
    for found in _author_sources(root, meta, article, graph, base, language):
        named = [(b, url) for b, url in found if not is_outlet(b.name, outlets)]
        if named:
            return people(named), False
        fallback = fallback or found
    return people(fallback), bool(fallback)


def _author_sources(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
    language: str | None,
) -> Iterator[list[tuple[bylines.Byline, str | None]]]:
    found: list[tuple[bylines.Byline, str | None]] = []
    for value in graph.each(article.get("author") or article.get("creator")):
        found += _jsonld_people(value, graph, language)
    yield found
    for names in (
        [v for v in meta.all("article:author", "og:article:author") if not _is_url(v)],
        meta.all("author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator"),
        meta.all("byl", "cxenseparse:author"),
    ):
        yield [(b, None) for name in names if not name.startswith("@") for b in bylines.split(name, language)]
    yield _microdata_people(root, base, language)


def people(found: list[tuple[bylines.Byline, str | None]]) -> tuple[Person, ...]:
    """People from bylines, each once (case aside), skipping names the model refuses."""
    people: list[Person] = []
    seen: set[str] = set()
    for byline, url in found:
        key = byline.name.casefold()
        if key in seen:
            continue
        seen.add(key)
        try:
            people.append(Person(name=byline.name, role=byline.role, url=url))
        except ModelError:
            continue
    return tuple(people)


_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def is_outlet(name: str, outlets: list[str]) -> bool:
    """Whether an author name is the publishing outlet rather than a person."""
    key = comparable(name)
    if _DOMAIN_LIKE.match(name.strip()):
        return True
    return any(
        key and (key == comparable(o) or key.replace(" ", "") == comparable(o).replace(" ", ""))
        for o in outlets
    )


def _jsonld_people(
    value: Any, graph: jsonld.Graph, language: str | None
) -> list[tuple[bylines.Byline, str | None]]:
    if isinstance(value, str):
        return [] if _is_url(value) else [(b, None) for b in bylines.split(value, language)]
    if not isinstance(value, dict):
        return []
    name = value.get("name")
    if isinstance(name, list):
        name = " and ".join(n for n in name if isinstance(n, str))
    if not isinstance(name, str):
        given, family = value.get("givenName"), value.get("familyName")
        name = " ".join(p for p in (given, family) if isinstance(p, str))
    url = value.get("url") or value.get("sameAs")
    if isinstance(url, list):
        url = next((u for u in url if isinstance(u, str)), None)
    url = url if isinstance(url, str) and _is_url(url) else None
    role = value.get("jobTitle")
    out = [(b, url) for b in bylines.split(text(name), language)]
    if len(out) == 1 and isinstance(role, str) and role.strip():
        out = [(bylines.Byline(out[0][0].name, text(role)), url)]
    return out


def _microdata_people(
    root: lxml.html.HtmlElement, base: str | None, language: str | None
) -> list[tuple[bylines.Byline, str | None]]:
    out: list[tuple[bylines.Byline, str | None]] = []
    for element in _own_items(root, by_itemprop(root, "author")):
        named = element.find(".//*[@itemprop='name']")
        source = named if named is not None else element
        value = source.get("content") or source.text_content()
        href = element.get("href") if element.tag == "a" else None
        out += [(b, absolute(href, base) if href else None) for b in bylines.split(text(value), language)]
    if not out:
        for anchor in elements(root.xpath("//a[@rel]")):
            if "author" in anchor.get("rel", "").lower().split():
                href = anchor.get("href")
                out += [
                    (b, absolute(href, base) if href else None)
                    for b in bylines.split(text(anchor.text_content()), language)
                ]
    return out[:10]


def _own_items(
    root: lxml.html.HtmlElement, found: list[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """The properties in ``found`` that belong to the page's own item.

    In microdata a property belongs to the nearest ``itemscope`` around it: the authors of teaser
    cards that are items of their own (``itemscope itemtype=BlogPosting`` in a related-posts row)
    are theirs, not the story's. When the properties belong to more than one item, the page's is
    the item around its first ``<h1>``, else the first in page order."""
    owners = [_owner(element) for element in found]
    if len(set(owners)) <= 1:
        return found
    headline = next(iter(root.iter("h1")), None)
    chosen = owners[0]
    if headline is not None:
        around = {id(a) for a in headline.iterancestors()}
        chosen = next((o for o in owners if o is not None and id(o) in around), chosen)
    return [element for element, owner in zip(found, owners, strict=True) if owner is chosen]


def _owner(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    # An element that is itself an item (itemprop + itemscope) is a property of the item around it.
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return ancestor
    return None


_BYLINE_CLASS = (
    "//body//*[contains(@class, 'author') or contains(@class, 'Author') or contains(@class, 'byline')"
    " or contains(@class, 'Byline') or contains(@class, 'autor') or contains(@class, 'Autor')]"
)


def printed_authors(root: lxml.html.HtmlElement, language: str | None = None) -> tuple[Person, ...]:
    """The names in the first short element whose class says "author" or "byline", outside the
    readers' comments (a ``comment-author`` is a commenter)."""
    from broadsheet.formats.html.comments import in_comments

    for element in elements(root.xpath(_BYLINE_CLASS))[:20]:
        if in_comments(element):
            continue
        line = " ".join(t.strip() for t in element.itertext() if t.strip())
        if not 3 <= len(line) <= 120:
            continue
        found = bylines.split(line, language)
        if found:
            return people([(b, None) for b in found])
    return ()


def _is_url(value: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//|^www\.", value.strip(), re.IGNORECASE))
