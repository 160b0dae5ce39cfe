"""A page's metadata (title, authors, dates, language, images, tags…) from every place pages put it.

Sources, from most to least trusted for most fields (``docs/formats/html.md``
has the table per field): JSON-LD, then OpenGraph / ``article:*``, then
Twitter cards, then ``itemprop`` microdata, then Dublin Core and other
``<meta name>`` conventions, then the markup itself (``<h1>``, ``<time>``,
``<title>``, ``<html lang>``, ``rel=author``). The title is the exception:
metadata titles are weighed against the visible ``<h1>``, because they are
often cut short or carry a kicker or the site's name. Authors are read by
:mod:`.authors`, the lead image by :mod:`.lead_image`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html import dates, jsonld, languages
from broadsheet.formats.html.authors import find_authors, printed_authors
from broadsheet.formats.html.lead_image import find_lead_image
from broadsheet.formats.html.pagemeta import (
    PageMeta,
    absolute,
    comparable,
    first_text,
    itemprop_attr,
    itemprop_text,
    text,
)
from broadsheet.model import Image, Person, Publisher, Translation

_SPACE = re.compile(r"\s+")


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
    base = _base_url(root, url or canonical)
    graph = jsonld.Graph(jsonld.nodes(jsonld.blocks(root)))
    article = graph.article(canonical or url) or {}
    language = _language(root, meta, article, headers)
    site_name = meta.first("og:site_name", "application-name", "twitter:site")
    publisher = _publisher(graph, article, meta, base)
    stamps = _dates(root, meta, article, canonical or url)
    outlets = [
        o for o in (site_name, publisher.name if publisher else None, _host_name(canonical or url)) if o
    ]
    authors, outlets_only = find_authors(root, meta, article, graph, base, outlets)
    published, modified = stamps
    return Metadata(
        title=_title(root, meta, article, site_name, publisher, _host_name(canonical or url)),
        subtitle=text(article.get("alternativeHeadline")) or None,
        description=text(article.get("description"))
        or meta.first("og:description", "description", "twitter:description", "dc.description")
        or None,
        url=canonical,
        language=language,
        authors=authors,
        authors_are_outlets=outlets_only,
        # Looked for only when needed: it scans every element's class.
        printed_authors=printed_authors(root) if not authors or outlets_only else (),
        published=published,
        modified=modified,
        section=_section(meta, article),
        tags=_tags(meta, article),
        genre=_genre(article),
        publisher=publisher,
        rights=_rights(meta, article),
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


def _base_url(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return absolute(href, url)
    return url


def _language(
    root: lxml.html.HtmlElement, meta: PageMeta, article: Mapping[str, Any], headers: Mapping[str, str] | None
) -> str | None:
    candidates: list[Any] = [article.get("inLanguage")]
    html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    candidates += [
        html_lang,
        meta.first("og:locale"),
        meta.first("content-language", "language", "dc.language"),
    ]
    if headers:
        candidates += [value for key, value in headers.items() if key.lower() == "content-language"]
    for candidate in candidates:
        if isinstance(candidate, dict):
            candidate = candidate.get("alternateName") or candidate.get("name")
        language = languages.tag(candidate) if isinstance(candidate, str) else None
        if language:
            return language
    return None


# Title ------------------------------------------------------------------------

_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:·•»]\s+|\s+[|–—]\s*|\s*[|]\s+")


def _title(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    site_name: str | None,
    publisher: Publisher | None,
    host: str | None,
) -> str | None:
    candidates = [
        text(article.get("headline")) or text(article.get("name")),
        meta.first("og:title"),
        meta.first("twitter:title"),
        itemprop_text(root, "headline"),
        meta.first("dc.title", "dcterms.title", "title", "parsely-title", "sailthru.title"),
    ]
    metas = [c for c in candidates if c]
    page_title = text(root.findtext(".//title"))
    sites = [s for s in (site_name, publisher.name if publisher else None, host) if s]
    h1s = [_SPACE.sub(" ", h.text_content()).strip() for h in root.iter("h1")][:5]
    h1s = [h for h in h1s if 3 <= len(h) <= 400]
    stripped = [_strip_site(c, sites) for c in [*metas, page_title] if c]
    og = meta.first("og:title")
    if og:
        # The OpenGraph title is what the outlet shares. When the visible
        # headline is the same words with a kicker added (or the OpenGraph
        # title adds one), the OpenGraph title is the headline proper; when it
        # only adds a tail (a site or section name), the visible one is.
        og = _strip_site(og, sites)
        key = comparable(og)
        for h1 in h1s:
            other = comparable(h1)
            if len(key) < 15 or len(other) < 15 or key == other:
                continue
            if key in other or (other in key and not key.startswith(other)):
                return og
    for h1 in h1s:
        key = comparable(h1)
        if not key:
            continue
        for candidate in stripped:
            other = comparable(candidate)
            if key == other:
                # Same words: the metadata's punctuation is the cleaner one
                # (an <h1> often runs a kicker <span> into the headline).
                return candidate if candidate != h1 and len(metas) else h1
            if len(other) >= 20 and key.startswith(other.rstrip(". ")):
                return h1  # the metadata title was cut short
            if len(key) >= 20 and other.endswith(key):
                return h1  # the metadata title adds a kicker
            if len(key) >= 20 and other.startswith(key):
                return h1  # the metadata title adds a tail (a site or section name)
    if metas:
        return _strip_site(metas[0], sites)
    if h1s:
        return h1s[0]
    if page_title:
        return _strip_site(page_title, sites, always=True)
    return None


def _strip_site(title: str, sites: list[str], *, always: bool = False) -> str:
    """Remove a site name appended or prefixed with a separator ("Story | Site")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    # Spaces and dots aside, so that "Taipei Times" matches the host taipeitimes.com.
    site_keys = {comparable(s).replace(" ", "") for s in sites}

    def is_site(part: str) -> bool:
        key = comparable(part).replace(" ", "")
        return bool(key) and key in site_keys

    if is_site(parts[-1]) or (always and len(parts[-1]) < len(title) / 2):
        return (
            _TITLE_SEPARATORS.split(title)[0]
            if len(parts) == 2
            else title[: title.rfind(parts[-1])].rstrip(" |–—-:·•»")
        )
    if is_site(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—-:·•»")
    return title


# Authors ----------------------------------------------------------------------


# Dates ------------------------------------------------------------------------


def _dates(
    root: lxml.html.HtmlElement, meta: PageMeta, article: Mapping[str, Any], url: str | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    published = [
        article.get("datePublished"),
        meta.first("article:published_time", "og:article:published_time", "og:published_time"),
        itemprop_attr(root, "datePublished"),
        meta.first("parsely-pub-date", "sailthru.date", "article.published", "publish-date", "pubdate"),
        meta.first("dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date", "date"),
        article.get("dateCreated"),
        _time_element(root),
    ]
    modified = [
        article.get("dateModified"),
        meta.first("article:modified_time", "og:updated_time", "og:article:modified_time"),
        itemprop_attr(root, "dateModified"),
        meta.first("dcterms.modified", "last-modified", "lastmod"),
    ]
    stamps = [s for s in (_stamp(v) for v in published) if s is not None]
    if not stamps:
        printed = _printed_date(root) or dates.from_url(url)
        stamps = [printed] if printed else []
    modified_stamps = [s for s in (_stamp(v) for v in modified) if s is not None]
    context = stamps + modified_stamps
    return dates.settle(_best(stamps), context), dates.settle(_best(modified_stamps), context)


def _stamp(value: Any) -> dates.Stamp | None:
    """A date from a metadata value: ISO 8601 or RFC 2822, else a date written out ("3. Mai 2024")."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value")
    stamp = dates.parse(value)
    if stamp is None and isinstance(value, str) and any(ch.isdigit() for ch in value):
        stamp = dates.from_text(value)
    return stamp


def _best(stamps: list[dates.Stamp]) -> dates.Stamp | None:
    """The first stamp, unless a later one says the same day more precisely (with a time or an offset)."""
    if not stamps:
        return None
    first = stamps[0]
    for other in stamps[1:]:
        same_day = other.value.date() == first.value.date()
        if not same_day:
            continue
        if not first.has_time and other.has_time:
            return other
        if (
            first.has_time
            and other.has_time
            and not first.aware
            and other.aware
            and other.value.replace(tzinfo=None, second=0, microsecond=0)
            == first.value.replace(second=0, microsecond=0)
        ):
            return other
    return first


_DATE_HINT = re.compile(r"date|time|datum|zeit|publish|posted|created|erstellt|byline|meta", re.IGNORECASE)


def _printed_date(root: lxml.html.HtmlElement) -> dates.Stamp | None:
    """A date printed near the article's head: in a ``<time>`` or an element whose class says "date"."""
    body = root.find("body")
    if body is None:
        return None
    seen = 0
    for element in body.iter("time", "span", "div", "p", "li", "small"):
        if element.tag != "time" and not _DATE_HINT.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            continue
        seen += 1
        if seen > 60:
            break
        line = element.text_content()
        if len(line) > 300 or not any(ch.isdigit() for ch in line):
            continue
        stamp = dates.from_text(line)
        if stamp is not None:
            return stamp
    return None


def _time_element(root: lxml.html.HtmlElement) -> str | None:
    for time in root.iter("time"):
        value = time.get("datetime")
        if value and ("pubdate" in time.attrib or "publish" in (time.get("class") or "").lower()):
            return value
    for time in root.iter("time"):
        value = time.get("datetime")
        if value:
            return value
    return None


# Section, tags, genre, rights, publisher --------------------------------------


def _section(meta: PageMeta, article: Mapping[str, Any]) -> str | None:
    return (
        first_text(article.get("articleSection"))
        or meta.first("article:section", "og:article:section", "parsely-section", "section", "dc.subject")
        or None
    )


def _tags(meta: PageMeta, article: Mapping[str, Any]) -> tuple[str, ...]:
    values: list[str] = []
    keywords = article.get("keywords")
    for item in keywords if isinstance(keywords, list) else [keywords]:
        if isinstance(item, str):
            values += item.split(",")
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            values.append(item["name"])
    if not values:
        values = meta.all("article:tag", "og:article:tag")
    if not values:
        for raw in meta.all("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
            values += raw.split(",")
    out: list[str] = []
    for value in values:
        value = text(value).strip(" ;")
        if value and len(value) <= 80 and value.casefold() not in {v.casefold() for v in out}:
            out.append(value)
    return tuple(out[:50])


_GENRES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "backgroundnewsarticle": "background",
    "reportagenewsarticle": "reportage",
    "liveblogposting": "live",
}


def _genre(article: Mapping[str, Any]) -> str | None:
    genre = first_text(article.get("genre"))
    if genre:
        return genre
    for kind in jsonld.types(dict(article)):
        if kind in _GENRES:
            return _GENRES[kind]
    return None


def _rights(meta: PageMeta, article: Mapping[str, Any]) -> str | None:
    notice = first_text(article.get("copyrightNotice")) or meta.first(
        "copyright", "dc.rights", "dcterms.rights"
    )
    return notice or None


def _publisher(
    graph: jsonld.Graph, article: Mapping[str, Any], meta: PageMeta, base: str | None
) -> Publisher | None:
    for value in graph.each(article.get("publisher")):
        if isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip():
            logo = next(graph.each(value.get("logo")), None)
            logo_url = logo.get("url") if isinstance(logo, dict) else logo
            url = value.get("url")
            try:
                return Publisher(
                    name=text(value["name"]),
                    url=absolute(url, base) if isinstance(url, str) and url.strip() else _home(base),
                    logo=absolute(logo_url, base) if isinstance(logo_url, str) and logo_url.strip() else None,
                )
            except ModelError:
                break
    name = meta.first("og:site_name", "application-name", "publisher", "dc.publisher")
    if name:
        try:
            return Publisher(name=name, url=_home(base))
        except ModelError:
            return None
    return None


def _host_name(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    if not host:
        return None
    return host.removeprefix("www.").rsplit(".", 1)[0]


def _home(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") and parts.netloc else None


# Images -----------------------------------------------------------------------
