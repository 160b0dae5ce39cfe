"""Finding the article in a page's JSON-LD: tolerant parsing, ``@graph`` and arrays, ``@id`` references.

Pages carry JSON-LD as one object, an array, a ``@graph``, or several
``<script>`` blocks at once, often with trailing commas, HTML comments or
raw newlines inside strings. This module collects every node, resolves
references by ``@id``, and picks the node that describes the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "analysisnewsarticle",
        "askpublicnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reportagenewsarticle",
        "reviewnewsarticle",
        "satiricalarticle",
        "article",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "techarticle",
        "scholarlyarticle",
        "advertisercontentarticle",
        "posting",
    }
)
"""schema.org types (lower-case) whose node describes the article itself."""

_NEWS_TYPES = frozenset(t for t in ARTICLE_TYPES if t.endswith("newsarticle"))
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "medicalwebpage"})
_MAX_NODES = 2000
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")

Node = dict[str, Any]


def blocks(root: lxml.html.HtmlElement) -> list[Any]:
    """The parsed content of every ``application/ld+json`` script, skipping what cannot be parsed."""
    out: list[Any] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind:
            continue
        text = (script.text or "").strip()
        if not text:
            continue
        value = loads(text)
        if value is not None:
            out.append(value)
    return out


def loads(text: str) -> Any:
    """Parse JSON-LD text, repairing the usual damage; ``None`` when it is beyond repair."""
    text = text.strip()
    for prefix, suffix in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if text.startswith(prefix) and text.endswith(suffix):
            text = text[len(prefix) : -len(suffix)].strip()
    attempts = (
        text,
        _TRAILING_COMMA.sub(r"\1", text),
        _CONTROL.sub(" ", _TRAILING_COMMA.sub(r"\1", text)),
    )
    for attempt in attempts:
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    try:  # a valid object followed by junk (a second object, a stray semicolon)
        value, _ = json.JSONDecoder(strict=False).raw_decode(text)
        return value
    except (ValueError, RecursionError):
        return None


def nodes(values: list[Any]) -> list[Node]:
    """Every object in the blocks, depth-first, including those inside ``@graph`` and arrays.

    Objects reached through a list of other things (``itemListElement``,
    ``hasPart``, ``about``) are marked with the key ``_broadsheet_listed``
    in a copy, so that a list of related stories never outranks the story.
    """
    out: list[Node] = []
    limit = 0

    def visit(value: Any, depth: int, listed: bool) -> None:
        if len(out) >= limit or depth > 30:
            return
        if isinstance(value, list):
            for item in value:
                visit(item, depth + 1, listed)
        elif isinstance(value, dict):
            out.append({**value, LISTED: True} if listed else value)
            for key, item in value.items():
                if key in _MAIN:
                    visit(item, depth + 1, listed)
                elif key in _LISTS and isinstance(item, (dict, list)):
                    visit(item, depth + 1, True)

    for value in values:
        # Each script gets its own budget: a huge list in one cannot hide
        # the article in the next.
        limit = len(out) + _MAX_NODES
        visit(value, 0, False)
    return out


LISTED = "_broadsheet_listed"
"""Marks a node found inside a list of other things (see :func:`nodes`)."""
# Where the article hides inside other nodes (a WebPage's mainEntity), and
# where other stories are listed.
_MAIN = frozenset({"@graph", "mainEntity"})
_LISTS = frozenset({"itemListElement", "item", "hasPart", "about"})


def types(node: Node) -> set[str]:
    """The node's ``@type`` values, lower-case and without a schema.org prefix."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    out: set[str] = set()
    for item in values:
        if isinstance(item, str):
            out.add(item.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower())
    return out


class Graph:
    """The nodes of a page's JSON-LD, with lookup by ``@id``."""

    def __init__(self, all_nodes: list[Node]) -> None:
        """Index ``all_nodes`` by their ``@id``."""
        self.nodes = all_nodes
        self._by_id: dict[str, Node] = {}
        for node in all_nodes:
            ident = node.get("@id")
            if isinstance(ident, str) and (ident not in self._by_id or len(node) > len(self._by_id[ident])):
                self._by_id[ident] = node

    def resolve(self, value: Any) -> Any:
        """Replace a bare ``{"@id": …}`` reference by the node it names, when the page has it."""
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            found = self._by_id.get(str(value["@id"]))
            if found is not None:
                return found
        return value

    def each(self, value: Any) -> Iterator[Any]:
        """The members of a value that may be one item or a list, with references resolved."""
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                yield self.resolve(item)

    def article(self, url: str | None = None) -> Node | None:
        """The node describing the article: a NewsArticle (or subtype) before other articles.

        Among several, the one whose URL is the page's, then one not listed
        inside another node (related stories are), then the more specific type,
        then the one with the most fields. A ``WebPage`` node with a headline is
        the last resort.
        """
        best: tuple[bool, int, bool, int, int] | None = None
        chosen: Node | None = None
        for node in self.nodes:
            kinds = types(node)
            if kinds & _NEWS_TYPES:
                rank = 3
            elif kinds & ARTICLE_TYPES:
                rank = 2
            elif kinds & _PAGE_TYPES and ("headline" in node or "datePublished" in node):
                rank = 1
            else:
                continue
            same_url = 1 if url and _same_page(node, url) else 0
            key = (rank >= 2, same_url, LISTED not in node, rank, _weight(node))
            if best is None or key > best:
                best, chosen = key, node
        return chosen


def _weight(node: Node) -> int:
    return sum(
        1
        for key in ("headline", "datePublished", "author", "image", "articleBody", "publisher")
        if key in node
    )


def _same_page(node: Node, url: str) -> bool:
    def norm(value: str) -> str:
        return value.split("#", 1)[0].split("?", 1)[0].rstrip("/").lower()

    target = norm(url)
    for key in ("url", "@id", "mainEntityOfPage"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and norm(value) == target:
            return True
    return False
