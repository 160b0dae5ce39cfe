"""One article as one chapter: headline, lead, byline, dates, source, figures, body, links."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.article_header import article_header
from broadsheet.formats._shared.wording import label, language_name
from broadsheet.formats.epub.blocks import render_blocks, render_figure, render_related
from broadsheet.formats.epub.context import Context
from broadsheet.formats.epub.hrefs import external_href
from broadsheet.formats.epub.plan import Page
from broadsheet.formats.epub.skeleton import new_page
from broadsheet.formats.epub.xmltext import (
    EPUB_TYPE,
    XHTML,
    add_text,
    element,
    serialise,
    set_direction,
    set_language,
    text_element,
)
from broadsheet.model import Article


def render_chapter(
    article: Article,
    *,
    name: str,
    page_id: str,
    language: str,
    stylesheets: tuple[str, ...],
    context: Context,
) -> Page:
    """The XHTML page of ``article``, in its own language (``language`` when it has none)."""
    language = article.language or language
    html, body = new_page(article.title, language, stylesheets, body_type="bodymatter")
    section = element(
        body, "section", {"class": "article", "role": "doc-chapter", "aria-labelledby": "headline"}
    )
    section.set(EPUB_TYPE, "chapter")
    article_header(
        section,
        article,
        language=context.language,
        namespace=XHTML,
        href=lambda url: external_href(url, context.base_url),
    )
    for image in article.images:
        render_figure(section, image, context)
    render_blocks(section, article.body, context)
    _footer(section, article, context)
    return Page(name=name, id=page_id, title=article.title, data=serialise(html))


def _footer(parent: etree._Element, article: Article, context: Context) -> None:
    url = external_href(article.url)
    if not (article.see_also or article.translations or article.rights or url or article.tags):
        return
    footer = element(parent, "footer")
    if article.see_also:
        render_related(footer, article.see_also, label("read_also", context.language), context)
    if article.translations:
        heading = label("translations", context.language)
        aside = element(footer, "aside", {"class": "translations", "aria-label": heading})
        text_element(aside, "p", heading, {"class": "label"})
        ul = element(aside, "ul")
        for translation in article.translations:
            li = element(ul, "li")
            lang = translation.language
            name = language_name(lang)
            href = context.translation_pages.get(lang) or external_href(translation.url, context.base_url)
            target = element(li, "a", {"href": href, "hreflang": lang}) if href else li
            text = element(target, "span")
            set_language(text, lang)
            set_direction(text, lang, context.language)
            title = translation.title or (translation.article.title if translation.article else None)
            add_text(text, f"{name}: {title}" if title else name)
    if article.tags:
        text_element(footer, "p", " · ".join(article.tags), {"class": "tags"})
    if article.rights:
        text_element(footer, "p", article.rights, {"class": "rights"})
    if url:
        p = element(footer, "p", {"class": "original"})
        text_element(p, "a", url, {"href": url})
