"""An edition's masthead page: its title, date and publisher, then every section and article with its lead."""

from __future__ import annotations

import datetime as dt

import attrs

from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats._shared.wording import date_text, label
from broadsheet.formats.epub.plan import Page
from broadsheet.formats.epub.skeleton import new_page
from broadsheet.formats.epub.xmltext import element, serialise, set_language, text_element
from broadsheet.model import Article

NAME = "contents.xhtml"
"""The masthead page's file name."""


@attrs.frozen(kw_only=True)
class Listed:
    """An article as the contents list shows it."""

    article: Article
    """The article."""
    href: str
    """Its chapter's file name."""
    translations: tuple[Listed, ...] = ()
    """Its translations that have chapters of their own, in the order the article lists them."""


def section_anchor(index: int) -> str:
    """The id of section ``index`` (from 1) on the masthead page."""
    return f"section-{index}"


def render_masthead(
    title: str,
    day: dt.date | None,
    publisher: str | None,
    sections: tuple[tuple[str | None, tuple[Listed, ...]], ...],
    language: str,
    stylesheets: tuple[str, ...],
) -> Page:
    """The masthead and contents page of an edition."""
    html, body = new_page(title, language, stylesheets, body_type="frontmatter")
    masthead = element(body, "header", {"class": "masthead"})
    text_element(masthead, "h1", title)
    if day is not None:
        line = element(masthead, "p", {"class": "edition-date"})
        text_element(line, "time", date_text(day, language, with_time=False), {"datetime": day.isoformat()})
    if publisher:
        text_element(masthead, "p", publisher, {"class": "publisher"})
    titled = any(name for name, _ in sections)
    if not titled:
        text_element(body, "h2", label("contents", language), {"class": "contents-title"})
    for index, (name, listed) in enumerate(sections, start=1):
        block = element(body, "section", {"class": "contents-section", "id": section_anchor(index)})
        if name:
            text_element(block, "h2", name)
        ol = element(block, "ol", {"class": "contents"})
        for entry in listed:
            article = entry.article
            li = element(ol, "li")
            if article.language and article.language != language:
                set_language(li, article.language)
                li.set("dir", "rtl" if is_rtl(article.language) else "ltr")
            link = element(li, "a", {"href": entry.href})
            text_element(link, "span", article.title, {"class": "headline"})
            if article.lead:
                text_element(li, "p", article.lead.split("\n", 1)[0], {"class": "lead"})
    return Page(name=NAME, id="contents", title=label("contents", language), data=serialise(html))
