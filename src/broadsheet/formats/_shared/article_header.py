"""The header of an article as the HTML page and the EPUB chapter both print it.

Kicker, headline and subtitle in one heading group (the HTML standard's ``<hgroup>``, so a reader
does not take the subtitle for a standfirst), then the standfirst, the byline, the dateline with
its dates, and the agency credit. One builder, so the page a site publishes and the chapter an
e-book holds say the same thing in the same markup; each writer passes its namespace (XHTML for
the EPUB) and its link policy.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from broadsheet.formats._shared.html_tree import add_text, element
from broadsheet.formats._shared.wording import date_text, label, machine_datetime
from broadsheet.model import Article, Person

__all__ = ["article_header"]


def _unchanged(url: str | None) -> str | None:
    return url


class _Builder:
    def __init__(self, namespace: str | None, href: Callable[[str | None], str | None], language: str | None):
        self.namespace = namespace
        self.href = href
        self.language = language

    def element(
        self, parent: etree._Element, tag: str, attrs: dict[str, str] | None = None
    ) -> etree._Element:
        return element(parent, tag, attrs, namespace=self.namespace)

    def text(
        self, parent: etree._Element, tag: str, text: str, attrs: dict[str, str] | None = None
    ) -> etree._Element:
        node = self.element(parent, tag, attrs)
        add_text(node, text)
        return node

    def person(self, parent: etree._Element, person: Person) -> None:
        span = self.element(parent, "span", {"class": "author"})
        href = self.href(person.url)
        if href:
            self.text(span, "a", person.name, {"href": href, "rel": "author"})
        else:
            add_text(span, person.name)
        if person.role:
            add_text(parent, f" ({person.role})")

    def dates(self, parent: etree._Element, article: Article) -> None:
        if not (article.dateline or article.published or article.modified):
            return
        line = self.element(parent, "p", {"class": "dateline"})
        parts = 0
        if article.dateline:
            self.text(line, "span", article.dateline, {"class": "place"})
            parts += 1
        for moment, key in ((article.published, "published"), (article.modified, "updated")):
            if moment is None or (key == "updated" and moment == article.published):
                continue
            if parts:
                add_text(line, " · ")
            add_text(line, label(key, self.language) + " ")
            self.text(line, "time", date_text(moment, self.language), {"datetime": machine_datetime(moment)})
            parts += 1


def article_header(
    parent: etree._Element,
    article: Article,
    *,
    language: str | None,
    namespace: str | None = None,
    href: Callable[[str | None], str | None] = _unchanged,
) -> etree._Element:
    """Append ``article``'s ``<header>`` to ``parent``, its labels and dates in ``language``.

    ``href`` turns a person's or the source's URL into the link to print (``None``: no link).
    """
    build = _Builder(namespace, href, language)
    header = build.element(parent, "header")
    headings = build.element(header, "hgroup") if article.section or article.subtitle else header
    if article.section:
        build.text(headings, "p", article.section, {"class": "kicker"})
    build.text(headings, "h1", article.title, {"id": "headline"})
    if article.subtitle:
        build.text(headings, "p", article.subtitle, {"class": "subtitle"})
    if article.lead:
        lead = build.element(header, "div", {"class": "lead"})
        for line in article.lead.split("\n"):
            build.text(lead, "p", line)
    if article.authors:
        byline = build.element(header, "p", {"class": "byline"})
        add_text(byline, label("by", language) + " ")
        for index, person in enumerate(article.authors):
            if index:
                add_text(byline, ", ")
            build.person(byline, person)
    build.dates(header, article)
    if article.source is not None:
        # A credit line, which readers keep out of the body.
        source = build.element(header, "p", {"class": "source credit"})
        add_text(source, label("source", language) + ": ")
        url = href(article.source.url)
        target = build.element(source, "a", {"href": url}) if url else source
        add_text(target, article.source.name)
    return header
