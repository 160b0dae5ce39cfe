"""One article as a standalone HTML5 page: head (meta, OpenGraph, JSON-LD, links), header, body, footer.

The tree is built with lxml and serialised by its HTML serialiser, so void
elements are written ``<br>`` and the ``<style>`` and ``<script>`` texts are
left raw (both are made safe for that before they are added).
"""

from __future__ import annotations

from importlib import resources

import attrs
from lxml import etree

from broadsheet.formats._shared.article_header import article_header
from broadsheet.formats._shared.body_html import (
    BodyMarkup,
    KeepUrls,
    render_blocks,
    render_figure,
    render_related,
)
from broadsheet.formats._shared.html_tree import add_text, element, mark_language
from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats._shared.wording import label, language_name, machine_datetime
from broadsheet.formats.html_page.jsonld import news_article, script_text
from broadsheet.model import Article, Image

STYLESHEET = resources.files("broadsheet.formats.html_page").joinpath("page.css").read_text("utf-8")
"""The built-in stylesheet (it holds no ``<``, so it cannot close its ``<style>``)."""


@attrs.frozen(kw_only=True)
class Around:
    """Where a page stands: set by the static-site writer, empty for a lone page."""

    home: str | None = None
    """A relative link to the site's index, shown above the article."""
    home_label: str | None = None
    """The words of that link (default: "All articles" in the page's language)."""
    translation_pages: tuple[tuple[str, str], ...] = ()
    """Language and relative link of translations written beside this page."""


def text_el(
    parent: etree._Element, tag: str, text: str, attrs: dict[str, str] | None = None
) -> etree._Element:
    """Append an element holding just ``text``."""
    node = element(parent, tag, attrs)
    add_text(node, text)
    return node


def new_document(
    language: str | None, title: str, *, stylesheet: bool
) -> tuple[etree._Element, etree._Element]:
    """An ``<html>`` root with ``lang``/``dir``, and its ``<head>`` with charset, viewport, title, style."""
    root = etree.Element("html")
    if language:
        root.set("lang", language)
    root.set("dir", "rtl" if is_rtl(language) else "ltr")
    root.text = ""
    head = element(root, "head")
    element(head, "meta", {"charset": "utf-8"})
    element(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    text_el(head, "title", title)
    if stylesheet:
        text_el(head, "style", STYLESHEET)
    return root, head


def serialise(root: etree._Element) -> bytes:
    """The complete page, with its doctype, as UTF-8."""
    return b"<!DOCTYPE html>\n" + etree.tostring(root, method="html", encoding="utf-8") + b"\n"


def lead_images(article: Article) -> tuple[Image, ...]:
    """The images shown above the body (the article's own, not its figures)."""
    return article.images


def render_page(article: Article, *, stylesheet: bool = True, around: Around | None = None) -> bytes:
    """The page of ``article``."""
    around = around or Around()
    language = article.language
    root, head = new_document(language, article.title, stylesheet=stylesheet)
    _head(head, article, around)
    body = element(root, "body")
    main = element(body, "main")
    if around.home is not None:
        nav = element(
            main, "nav", {"class": "home", "aria-label": around.home_label or label("all_articles", language)}
        )
        text_el(
            nav, "a", "← " + (around.home_label or label("all_articles", language)), {"href": around.home}
        )
    markup = BodyMarkup(language=language, heading_offset=1, label_boxes=True, mention_element="span")
    resolver = KeepUrls()
    node = element(main, "article", {"aria-labelledby": "headline"})
    header = article_header(node, article, language=article.language)
    # In the header: the lead pictures open the article with its headline, before the body.
    for image in lead_images(article):
        render_figure(header, image, markup, resolver)
    render_blocks(node, article.body, markup, resolver)
    _footer(node, article, markup, around)
    return serialise(root)


def _head(head: etree._Element, article: Article, around: Around) -> None:
    def meta(key: str, name: str, content: str | None) -> None:
        if content:
            element(head, "meta", {key: name, "content": content})

    lead = article.lead.replace("\n", " ") if article.lead else None
    meta("name", "description", lead)
    meta("name", "author", ", ".join(person.name for person in article.authors) or None)
    meta("name", "keywords", ", ".join(article.tags) or None)
    if article.url:
        element(head, "link", {"rel": "canonical", "href": article.url})
    for translation in article.translations:
        href = dict(around.translation_pages).get(translation.language) or translation.url
        if href:
            link = {"rel": "alternate", "hreflang": translation.language, "href": href}
            title = translation.title or (translation.article.title if translation.article else None)
            if title:
                link["title"] = title
            element(head, "link", link)
    meta("property", "og:type", "article")
    meta("property", "og:title", article.title)
    meta("property", "og:description", lead)
    meta("property", "og:url", article.url)
    images = lead_images(article)
    if images:
        meta("property", "og:image", images[0].url)
        meta("property", "og:image:alt", images[0].alt)
    meta("property", "og:site_name", article.publisher.name if article.publisher else None)
    if article.published:
        meta("property", "article:published_time", machine_datetime(article.published))
    if article.modified:
        meta("property", "article:modified_time", machine_datetime(article.modified))
    meta("property", "article:section", article.section)
    for tag in article.tags:
        meta("property", "article:tag", tag)
    text_el(head, "script", script_text(news_article(article, images)), {"type": "application/ld+json"})


def _footer(parent: etree._Element, article: Article, markup: BodyMarkup, around: Around) -> None:
    if not (article.see_also or article.translations or article.tags or article.rights):
        return
    language = article.language
    footer = element(parent, "footer")
    if article.see_also:
        render_related(footer, article.see_also, None, markup, KeepUrls())
    if article.translations:
        heading = label("translations", language)
        aside = element(footer, "aside", {"class": "translations"})
        text_el(aside, "p", heading, {"class": "related-label"})
        ul = element(aside, "ul")
        pages = dict(around.translation_pages)
        for translation in article.translations:
            li = element(ul, "li")
            lang = translation.language
            href = pages.get(lang) or translation.url
            target = element(li, "a", {"href": href, "hreflang": lang}) if href else li
            words = element(target, "span")
            mark_language(words, lang, language, xhtml=False)
            name = language_name(lang)
            title = translation.title or (translation.article.title if translation.article else None)
            add_text(words, f"{name}: {title}" if title else name)
    if article.tags:
        tags = element(footer, "ul", {"class": "tags", "aria-label": label("tags", language)})
        for tag in article.tags:
            text_el(tags, "li", tag)
    if article.rights:
        text_el(footer, "p", article.rights, {"class": "rights"})
