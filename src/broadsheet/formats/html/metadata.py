"""A page's metadata (title, authors, dates, language, images, tags…) from every place pages put it.

Sources, from most to least trusted for most fields (``docs/formats/html.md``
has the table per field): JSON-LD, then OpenGraph / ``article:*``, then
Twitter cards, then ``itemprop`` microdata, then Dublin Core and other
``<meta name>`` conventions, then the markup itself (``<h1>``, ``<time>``,
``<title>``, ``<html lang>``, ``rel=author``). The title is the exception:
metadata titles are weighed against the visible ``<h1>``, because they are
often cut short or carry a kicker or the site's name. Each field is found by its own
module (:mod:`.headline`, :mod:`.authors`, :mod:`.publication_dates`, :mod:`.filing`,
:mod:`.lead_image`); this one gathers them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
import lxml.html

from broadsheet.formats.html import jsonld, language_id, languages
from broadsheet.formats.html.authors import find_authors, printed_authors
from broadsheet.formats.html.filing import (
    find_genre,
    find_publisher,
    find_rights,
    find_section,
    find_source,
    find_tags,
    host_name,
)
from broadsheet.formats.html.headline import find_title
from broadsheet.formats.html.lead_image import find_lead_image
from broadsheet.formats.html.pagemeta import PageMeta, absolute, text
from broadsheet.formats.html.publication_dates import find_dates
from broadsheet.formats.html.tuning import TUNING
from broadsheet.model import Image, Person, Publisher, Source, Translation


@attrs.frozen(kw_only=True)
class Metadata:
    """Everything known about an article apart from its body."""

    title: str | None = None
    """The headline."""
    subtitle: str | None = None
    """A secondary headline (``alternativeHeadline``)."""
    description: str | None = None
    """The page's summary (JSON-LD, OpenGraph or ``<meta name=description>``); may or may not be printed."""
    url: str | None = None
    """The canonical URL."""
    language: str | None = None
    """The page's language as a BCP 47 tag."""
    authors: tuple[Person, ...] = ()
    """The authors, each a separate person."""
    authors_are_outlets: bool = False
    """Whether the only authors found are the outlet itself (a byline in the text may do better)."""
    printed_authors: tuple[Person, ...] = ()
    """Names in the first element whose class names an author or byline: a last resort, looked for
    only when ``authors`` is empty or names only the outlet."""
    published: dt.datetime | None = None
    """First publication, timezone-aware."""
    modified: dt.datetime | None = None
    """Last change, timezone-aware."""
    section: str | None = None
    """The section or desk."""
    tags: tuple[str, ...] = ()
    """Keywords and topics."""
    genre: str | None = None
    """The kind of story, when the page says."""
    publisher: Publisher | None = None
    """The outlet."""
    source: Source | None = None
    """The agency the story is credited to (JSON-LD ``sourceOrganization``, when not the outlet)."""
    rights: str | None = None
    """Copyright terms."""
    images: tuple[Image, ...] = ()
    """The lead image (and any others the metadata names), best first."""
    translations: tuple[Translation, ...] = ()
    """The same story in other languages."""


def extract(
    root: lxml.html.HtmlElement,
    *,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Metadata:
    """Read the metadata of a parsed page; ``url`` is where it was fetched from, if known."""
    meta = PageMeta(root)
    canonical = _canonical(root, meta, url)
    base = document_base(root, url or canonical)
    graph = jsonld.Graph(jsonld.nodes(jsonld.blocks(root)))
    article = graph.article(canonical or url) or {}
    language = _language(root, meta, article, headers)
    site_name = meta.first("og:site_name", "application-name", "twitter:site")
    publisher = find_publisher(graph, article, meta, base)
    stamps = find_dates(root, meta, article, canonical or url, language)
    outlets = [
        o for o in (site_name, publisher.name if publisher else None, host_name(canonical or url)) if o
    ]
    authors, outlets_only = find_authors(root, meta, article, graph, base, outlets, language)
    published, modified = stamps
    return Metadata(
        title=find_title(root, meta, article, site_name, publisher, host_name(canonical or url)),
        subtitle=text(article.get("alternativeHeadline")) or None,
        description=text(article.get("description"))
        or meta.first("og:description", "description", "twitter:description", "dc.description")
        or None,
        url=canonical,
        language=language,
        authors=authors,
        authors_are_outlets=outlets_only,
        # Looked for only when needed: it scans every element's class.
        printed_authors=printed_authors(root, language) if not authors or outlets_only else (),
        published=published,
        modified=modified,
        section=find_section(meta, article),
        tags=find_tags(meta, article),
        genre=find_genre(article),
        publisher=publisher,
        source=find_source(graph, article, outlets, canonical or url, base),
        rights=find_rights(meta, article),
        images=find_lead_image(root, meta, article, graph, base),
        translations=languages.translations(
            root, language=language, page_url=canonical or url, base_url=base
        ),
    )


def _canonical(root: lxml.html.HtmlElement, meta: PageMeta, url: str | None) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return absolute(link.get("href", "").strip(), url)
    og = meta.first("og:url", "twitter:url")
    if og:
        return absolute(og, url)
    return url


def document_base(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The address the page's relative links and pictures resolve against: its first ``<base href>``
    (itself resolved against ``url``), else ``url``."""
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return absolute(href, url)
    return url


def _language(
    root: lxml.html.HtmlElement, meta: PageMeta, article: Mapping[str, Any], headers: Mapping[str, str] | None
) -> str | None:
    """The declared tags, most trusted first, weighed against the text (:func:`.language_id.settle`)."""
    candidates: list[Any] = [article.get("inLanguage")]
    html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    candidates += [
        html_lang,
        meta.first("og:locale"),
        meta.first("content-language", "language", "dc.language"),
    ]
    if headers:
        candidates += [value for key, value in headers.items() if key.lower() == "content-language"]
    declared: list[str] = []
    for candidate in candidates:
        if isinstance(candidate, dict):
            candidate = candidate.get("alternateName") or candidate.get("name")
        language = languages.tag(candidate) if isinstance(candidate, str) else None
        if language and language not in declared:
            declared.append(language)
    if declared and "-" not in declared[0]:
        # "pt" in one place and "pt-BR" in another: the region is the page's too.
        primary = languages.primary(declared[0])
        declared[0] = next((d for d in declared if languages.primary(d) == primary and "-" in d), declared[0])
    return language_id.settle(declared, _sample(root, meta))


# Paragraphs in these are the page's chrome, not its story: their language may be another.
_CHROME = frozenset({"nav", "footer", "aside", "header", "form", "template", "noscript", "figcaption"})


def _sample(root: lxml.html.HtmlElement, meta: PageMeta) -> str:
    """Text for telling the page's language: its first paragraphs, then its description, bounded."""
    limit = TUNING.language_sample
    parts: list[str] = []
    size = 0
    # The story's own container first, when the page marks one: consent dialogs and promos
    # elsewhere are often in another language (English on a German page).
    story = next((e for tag in ("article", "main") for e in root.iter(tag) if len(e) > 0), None)
    for scope in (story, root) if story is not None else (root,):
        for paragraph in scope.iter("p"):
            words = " ".join(paragraph.text_content().split())
            # Short ones are captions, datelines, buttons: names and numbers more than language.
            if len(words) < 40 or any(a.tag in _CHROME for a in paragraph.iterancestors()):
                continue
            parts.append(words)
            size += len(words) + 1
            if size >= limit:
                return " ".join(parts)[:limit]
    parts.append(meta.first("og:description", "description") or "")
    return " ".join(parts)[:limit]
