"""A page's metadata (title, authors, dates, language, images, tags…) from every place pages put it.

Sources, from most to least trusted for most fields (``docs/formats/html.md``
has the table per field): JSON-LD, then OpenGraph / ``article:*``, then
Twitter cards, then ``itemprop`` microdata, then Dublin Core and other
``<meta name>`` conventions, then the markup itself (``<h1>``, ``<time>``,
``<title>``, ``<html lang>``, ``rel=author``). The title is the exception:
the visible ``<h1>`` wins when it agrees with a metadata title, because
metadata titles are often cut short or carry the site's name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html import bylines, dates, jsonld, languages
from broadsheet.formats.html.encoding import repair
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
    """Names in the first element whose class names an author or byline: a last resort."""
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


class _Meta:
    """The page's ``<meta>`` values by lower-cased name or property, in page order."""

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.values: dict[str, list[str]] = {}
        for meta in root.iter("meta"):
            content = meta.get("content")
            if content is None or not content.strip():
                continue
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                key = meta.get(attribute)
                if key:
                    self.values.setdefault(key.strip().lower(), []).append(_text(content))

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.values.get(name, ()):
                if value:
                    return value
        return None

    def all(self, *names: str) -> list[str]:
        return [value for name in names for value in self.values.get(name, ()) if value]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    if "<" in value and ">" in value:
        with contextlib.suppress(Exception):
            value = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
    elif "&" in value:
        import html

        value = html.unescape(value)
    return _SPACE.sub(" ", repair(value)).strip()


def extract(
    root: lxml.html.HtmlElement,
    *,
    url: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Metadata:
    """Read the metadata of a parsed page; ``url`` is where it was fetched from, if known."""
    meta = _Meta(root)
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
    authors, outlets_only = _authors(root, meta, article, graph, base, outlets)
    published, modified = stamps
    return Metadata(
        title=_title(root, meta, article, site_name, publisher),
        subtitle=_text(article.get("alternativeHeadline")) or None,
        description=_text(article.get("description"))
        or meta.first("og:description", "description", "twitter:description", "dc.description")
        or None,
        url=canonical,
        language=language,
        authors=authors,
        authors_are_outlets=outlets_only,
        printed_authors=_printed_authors(root),
        published=published,
        modified=modified,
        section=_section(meta, article),
        tags=_tags(meta, article),
        genre=_genre(article),
        publisher=publisher,
        rights=_rights(meta, article),
        images=_images(root, meta, article, graph, base),
        translations=languages.translations(
            root, language=language, page_url=canonical or url, base_url=base
        ),
    )


def _canonical(root: lxml.html.HtmlElement, meta: _Meta, url: str | None) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return _absolute(link.get("href", "").strip(), url)
    og = meta.first("og:url", "twitter:url")
    if og:
        return _absolute(og, url)
    return url


def _base_url(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return _absolute(href, url)
    return url


def _absolute(href: str, base: str | None) -> str:
    href = href.strip()
    if href.startswith("//"):
        return "https:" + href
    return urljoin(base, href) if base else href


def _language(
    root: lxml.html.HtmlElement, meta: _Meta, article: Mapping[str, Any], headers: Mapping[str, str] | None
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


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _title(
    root: lxml.html.HtmlElement,
    meta: _Meta,
    article: Mapping[str, Any],
    site_name: str | None,
    publisher: Publisher | None,
) -> str | None:
    candidates = [
        _text(article.get("headline")) or _text(article.get("name")),
        meta.first("og:title"),
        meta.first("twitter:title"),
        _itemprop_text(root, "headline"),
        meta.first("dc.title", "dcterms.title", "title", "parsely-title", "sailthru.title"),
    ]
    metas = [c for c in candidates if c]
    page_title = _text(root.findtext(".//title"))
    sites = [s for s in (site_name, publisher.name if publisher else None) if s]
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
        key = _norm(og)
        for h1 in h1s:
            other = _norm(h1)
            if len(key) < 15 or len(other) < 15 or key == other:
                continue
            if key in other or (other in key and not key.startswith(other)):
                return og
    for h1 in h1s:
        key = _norm(h1)
        if not key:
            continue
        for candidate in stripped:
            other = _norm(candidate)
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
    site_keys = {_norm(s) for s in sites}
    if _norm(parts[-1]) in site_keys or (always and len(parts[-1]) < len(title) / 2):
        return (
            _TITLE_SEPARATORS.split(title)[0]
            if len(parts) == 2
            else title[: title.rfind(parts[-1])].rstrip(" |–—-:·•»")
        )
    if _norm(parts[0]) in site_keys:
        return title[len(parts[0]) :].lstrip(" |–—-:·•»")
    return title


def _by_itemprop(root: lxml.html.HtmlElement, name: str) -> list[lxml.html.HtmlElement]:
    # One XPath query per page (run in C), kept on the root's first use.
    index = _ITEMPROPS.get(root)
    if index is None:
        index = {}
        for element in _elements(root.xpath("//*[@itemprop]")):
            for key in (element.get("itemprop") or "").split():
                index.setdefault(key, []).append(element)
        _ITEMPROPS[root] = index
    return index.get(name, [])


_ITEMPROPS: weakref.WeakKeyDictionary[lxml.html.HtmlElement, dict[str, list[lxml.html.HtmlElement]]] = (
    weakref.WeakKeyDictionary()
)


def _elements(found: Any) -> list[lxml.html.HtmlElement]:
    return [e for e in found if isinstance(e, lxml.html.HtmlElement)] if isinstance(found, list) else []


def _itemprop_text(root: lxml.html.HtmlElement, name: str) -> str | None:
    for element in _by_itemprop(root, name):
        value = element.get("content") or element.get("datetime") or element.text_content()
        value = _text(value)
        if value:
            return value
    return None


# Authors ----------------------------------------------------------------------


def _authors(
    root: lxml.html.HtmlElement,
    meta: _Meta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
    outlets: list[str],
) -> tuple[tuple[Person, ...], bool]:
    """The authors from the first source that names people, and whether they are only outlets.

    Sources in order: JSON-LD ``author``/``creator``, ``article:author``,
    ``<meta name=author>`` and friends, microdata and ``rel=author``. A source
    naming only the outlet itself (``"STERN.de"``, an ``Organization``) is
    passed over for a later one that names people, and used if none does.
    """
    fallback: list[tuple[bylines.Byline, str | None]] = []
    for found in _author_sources(root, meta, article, graph, base):
        people = [(b, url) for b, url in found if not _is_outlet(b.name, outlets)]
        if people:
            return _people_of(people), False
        fallback = fallback or found
    return _people_of(fallback), bool(fallback)


def _author_sources(
    root: lxml.html.HtmlElement,
    meta: _Meta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
) -> Iterator[list[tuple[bylines.Byline, str | None]]]:
    found: list[tuple[bylines.Byline, str | None]] = []
    for value in graph.each(article.get("author") or article.get("creator")):
        found += _jsonld_people(value, graph)
    yield found
    for names in (
        [v for v in meta.all("article:author", "og:article:author") if not _is_url(v)],
        meta.all("author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator"),
        meta.all("byl", "cxenseparse:author"),
    ):
        yield [(b, None) for name in names if not name.startswith("@") for b in bylines.split(name)]
    yield _microdata_people(root, base)


def _people_of(found: list[tuple[bylines.Byline, str | None]]) -> tuple[Person, ...]:
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


def _is_outlet(name: str, outlets: list[str]) -> bool:
    """Whether an author name is the publishing outlet rather than a person."""
    key = _norm(name)
    if _DOMAIN_LIKE.match(name.strip()):
        return True
    return any(
        key and (key == _norm(o) or key.replace(" ", "") == _norm(o).replace(" ", "")) for o in outlets
    )


def _jsonld_people(value: Any, graph: jsonld.Graph) -> list[tuple[bylines.Byline, str | None]]:
    if isinstance(value, str):
        return [] if _is_url(value) else [(b, None) for b in bylines.split(value)]
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
    out = [(b, url) for b in bylines.split(_text(name))]
    if len(out) == 1 and isinstance(role, str) and role.strip():
        out = [(bylines.Byline(out[0][0].name, _text(role)), url)]
    return out


def _microdata_people(
    root: lxml.html.HtmlElement, base: str | None
) -> list[tuple[bylines.Byline, str | None]]:
    out: list[tuple[bylines.Byline, str | None]] = []
    for element in _by_itemprop(root, "author"):
        named = element.find(".//*[@itemprop='name']")
        source = named if named is not None else element
        text = source.get("content") or source.text_content()
        href = element.get("href") if element.tag == "a" else None
        out += [(b, _absolute(href, base) if href else None) for b in bylines.split(_text(text))]
    if not out:
        for anchor in _elements(root.xpath("//a[@rel]")):
            if "author" in anchor.get("rel", "").lower().split():
                href = anchor.get("href")
                out += [
                    (b, _absolute(href, base) if href else None)
                    for b in bylines.split(_text(anchor.text_content()))
                ]
    return out[:10]


_BYLINE_CLASS = (
    "//body//*[contains(@class, 'author') or contains(@class, 'Author') or contains(@class, 'byline')"
    " or contains(@class, 'Byline') or contains(@class, 'autor') or contains(@class, 'Autor')]"
)


def _printed_authors(root: lxml.html.HtmlElement) -> tuple[Person, ...]:
    """The names in the first short element whose class says "author" or "byline"."""
    for element in _elements(root.xpath(_BYLINE_CLASS))[:20]:
        text = " ".join(t.strip() for t in element.itertext() if t.strip())
        if not 3 <= len(text) <= 120:
            continue
        found = bylines.split(text)
        if found:
            return _people_of([(b, None) for b in found])
    return ()


def _is_url(value: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//|^www\.", value.strip(), re.IGNORECASE))


# Dates ------------------------------------------------------------------------


def _dates(
    root: lxml.html.HtmlElement, meta: _Meta, article: Mapping[str, Any], url: str | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    published = [
        article.get("datePublished"),
        meta.first("article:published_time", "og:article:published_time", "og:published_time"),
        _itemprop_attr(root, "datePublished"),
        meta.first("parsely-pub-date", "sailthru.date", "article.published", "publish-date", "pubdate"),
        meta.first("dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date", "date"),
        article.get("dateCreated"),
        _time_element(root),
    ]
    modified = [
        article.get("dateModified"),
        meta.first("article:modified_time", "og:updated_time", "og:article:modified_time"),
        _itemprop_attr(root, "dateModified"),
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
        text = element.text_content()
        if len(text) > 300 or not any(ch.isdigit() for ch in text):
            continue
        stamp = dates.from_text(text)
        if stamp is not None:
            return stamp
    return None


def _itemprop_attr(root: lxml.html.HtmlElement, name: str) -> str | None:
    for element in _by_itemprop(root, name):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return value.strip()
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


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("name")
    return _text(value) or None


def _section(meta: _Meta, article: Mapping[str, Any]) -> str | None:
    return (
        _first_text(article.get("articleSection"))
        or meta.first("article:section", "og:article:section", "parsely-section", "section", "dc.subject")
        or None
    )


def _tags(meta: _Meta, article: Mapping[str, Any]) -> tuple[str, ...]:
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
        value = _text(value).strip(" ;")
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
    genre = _first_text(article.get("genre"))
    if genre:
        return genre
    for kind in jsonld.types(dict(article)):
        if kind in _GENRES:
            return _GENRES[kind]
    return None


def _rights(meta: _Meta, article: Mapping[str, Any]) -> str | None:
    notice = _first_text(article.get("copyrightNotice")) or meta.first(
        "copyright", "dc.rights", "dcterms.rights"
    )
    return notice or None


def _publisher(
    graph: jsonld.Graph, article: Mapping[str, Any], meta: _Meta, base: str | None
) -> Publisher | None:
    for value in graph.each(article.get("publisher")):
        if isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip():
            logo = next(graph.each(value.get("logo")), None)
            logo_url = logo.get("url") if isinstance(logo, dict) else logo
            url = value.get("url")
            try:
                return Publisher(
                    name=_text(value["name"]),
                    url=_absolute(url, base) if isinstance(url, str) and url.strip() else _home(base),
                    logo=_absolute(logo_url, base)
                    if isinstance(logo_url, str) and logo_url.strip()
                    else None,
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


def _images(
    root: lxml.html.HtmlElement,
    meta: _Meta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
) -> tuple[Image, ...]:
    # OpenGraph first: it names the one picture the outlet shows for the story,
    # where JSON-LD often lists several crops of it, largest first.
    found: list[Image] = []
    og = meta.first("og:image:secure_url", "og:image", "og:image:url")
    alt = meta.first("og:image:alt", "twitter:image:alt")
    width, height = meta.first("og:image:width"), meta.first("og:image:height")
    for url in (og, meta.first("twitter:image", "twitter:image:src")):
        image = _image(url, base, alt=alt, width=width, height=height) if url else None
        if image is not None:
            found.append(image)
    for value in graph.each(article.get("image") or article.get("thumbnailUrl")):
        image = _jsonld_image(value, graph, base)
        if image is not None:
            found.append(image)
    linked = _link_image(root)
    image = _image(linked, base) if linked else None
    if image is not None:
        found.append(image)
    if found and len(found) > 1:
        # What JSON-LD says about the same picture (caption, credit) is kept.
        first = found[0]
        same = [i for i in found[1:] if _same_picture(i.url, first.url)]
        found = [first, *same, *[i for i in found[1:] if i not in same]]
    # One lead image: JSON-LD often lists the same picture in several crops,
    # and the body's figures are placed in the body, not here.
    return _unique(found)[:1]


def _link_image(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "image_src" in (link.get("rel") or "").lower().split():
            return link.get("href")
    return _itemprop_image(root)


def _itemprop_image(root: lxml.html.HtmlElement) -> str | None:
    for element in _by_itemprop(root, "image"):
        value = element.get("content") or element.get("src") or element.get("href")
        if value:
            return value
        inner = element.find(".//*[@itemprop='url']")
        if inner is not None and (inner.get("content") or inner.get("href")):
            return inner.get("content") or inner.get("href")
    return None


def _jsonld_image(value: Any, graph: jsonld.Graph, base: str | None) -> Image | None:
    if isinstance(value, str):
        return _image(value, base)
    if not isinstance(value, dict):
        return None
    url = value.get("url") or value.get("contentUrl") or value.get("@id")
    if isinstance(url, list):
        url = next((u for u in url if isinstance(u, str)), None)
    if not isinstance(url, str):
        return None
    credit = value.get("creditText") or value.get("copyrightHolder") or value.get("author")
    credit_name = _first_text(next(graph.each(credit), None)) if credit else None
    return _image(
        url,
        base,
        caption=_first_text(value.get("caption")) or _first_text(value.get("description")),
        credit=credit_name,
        width=value.get("width"),
        height=value.get("height"),
    )


def _image(
    url: str,
    base: str | None,
    *,
    alt: str | None = None,
    caption: str | None = None,
    credit: str | None = None,
    width: Any = None,
    height: Any = None,
) -> Image | None:
    url = url.strip()
    if not url or (url.startswith("data:") and not url.startswith("data:image/")):
        return None
    try:
        return Image(
            url=_absolute(url, base),
            alt=alt,
            caption=caption,
            credit=credit,
            width=_pixels(width),
            height=_pixels(height),
        )
    except ModelError:
        return None


def _pixels(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, str):
        value = value.strip().removesuffix("px")
        value = int(value) if value.isdigit() else None
    if isinstance(value, float):
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000 else None


def _same_picture(a: str, b: str) -> bool:
    return a.split("?", 1)[0] == b.split("?", 1)[0]


def _unique(images: Iterable[Image]) -> tuple[Image, ...]:
    """One image per URL, merging what several sources say about it."""
    out: dict[str, Image] = {}
    for image in images:
        key = image.url.split("?", 1)[0] if image.url.startswith("http") else image.url
        if key in out:
            known = out[key]
            out[key] = attrs.evolve(
                known,
                alt=known.alt or image.alt,
                caption=known.caption or image.caption,
                credit=known.credit or image.credit,
                width=known.width or image.width,
                height=known.height or image.height,
            )
        else:
            out[key] = image
    return tuple(out.values())
