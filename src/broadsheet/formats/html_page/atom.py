"""An Atom 1.0 feed (RFC 4287) of an edition's articles, with links relative to the feed."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from broadsheet.formats._shared.html_tree import add_text, element
from broadsheet.formats._shared.wording import machine_datetime
from broadsheet.model import Article, Edition

ATOM = "http://www.w3.org/2005/Atom"


def _updated(article: Article, fallback: dt.datetime) -> dt.datetime:
    return article.modified or article.published or fallback


def _text(parent: etree._Element, tag: str, text: str, attrs: dict[str, str] | None = None) -> etree._Element:
    node = element(parent, tag, attrs, namespace=ATOM)
    add_text(node, text)
    return node


def feed(edition: Edition, pages: list[tuple[Article, str]], *, feed_id: str, fallback: dt.datetime) -> bytes:
    """The feed of ``pages`` (article and its file name); ``fallback`` dates undated entries."""
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    if edition.language:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", edition.language)
    _text(root, "id", feed_id)
    _text(root, "title", edition.title)
    updated = max((_updated(a, fallback) for a, _ in pages), default=fallback)
    _text(root, "updated", machine_datetime(updated))
    author = element(root, "author", namespace=ATOM)
    _text(author, "name", edition.publisher.name if edition.publisher else edition.title)
    element(root, "link", {"rel": "self", "href": "feed.xml"}, namespace=ATOM)
    element(root, "link", {"rel": "alternate", "type": "text/html", "href": "index.html"}, namespace=ATOM)
    urls = [article.url for article, _ in pages]
    for article, name in pages:
        entry = element(root, "entry", namespace=ATOM)
        # Entry ids must be unique in the feed: the article's URL when only it has that URL.
        unique = article.url is not None and urls.count(article.url) == 1
        _text(entry, "id", article.url if unique and article.url else f"{feed_id}:{name}")
        _text(entry, "title", article.title)
        _text(entry, "updated", machine_datetime(_updated(article, fallback)))
        if article.published:
            _text(entry, "published", machine_datetime(article.published))
        element(entry, "link", {"rel": "alternate", "type": "text/html", "href": name}, namespace=ATOM)
        for person in article.authors:
            _text(element(entry, "author", namespace=ATOM), "name", person.name)
        if article.lead or article.subtitle:
            _text(entry, "summary", (article.lead or article.subtitle or "").replace("\n", " "))
        if article.section:
            element(entry, "category", {"term": article.section}, namespace=ATOM)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8") + b"\n"
