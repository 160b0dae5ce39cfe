"""How a page files its story (section, tags, genre), its rights notice, and the outlet that publishes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from broadsheet.errors import ModelError
from broadsheet.formats.html import jsonld
from broadsheet.formats.html.pagemeta import PageMeta, absolute, first_text, text
from broadsheet.model import Publisher, Source


def find_section(meta: PageMeta, article: Mapping[str, Any]) -> str | None:
    """The section or desk."""
    return (
        first_text(article.get("articleSection"))
        or meta.first("article:section", "og:article:section", "parsely-section", "section", "dc.subject")
        or None
    )


def find_tags(meta: PageMeta, article: Mapping[str, Any]) -> tuple[str, ...]:
    """Keywords and topics, without repeats (case aside), at most 50."""
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


def find_genre(article: Mapping[str, Any]) -> str | None:
    """The genre the JSON-LD names, else the one its article type implies."""
    genre = first_text(article.get("genre"))
    if genre:
        return genre
    for kind in jsonld.types(dict(article)):
        if kind in _GENRES:
            return _GENRES[kind]
    return None


def find_rights(meta: PageMeta, article: Mapping[str, Any]) -> str | None:
    """The copyright notice."""
    notice = first_text(article.get("copyrightNotice")) or meta.first(
        "copyright", "dc.rights", "dcterms.rights"
    )
    return notice or None


def find_publisher(
    graph: jsonld.Graph, article: Mapping[str, Any], meta: PageMeta, base: str | None
) -> Publisher | None:
    """The outlet: the JSON-LD publisher with its logo, else the site name the ``<meta>`` tags give."""
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


def find_source(
    graph: jsonld.Graph,
    article: Mapping[str, Any],
    outlets: list[str],
    page_url: str | None,
    base: str | None,
) -> Source | None:
    """The agency the story is credited to: the JSON-LD ``sourceOrganization`` that is not the outlet.

    Many outlets name themselves there (``outlets`` are their names, ``page_url`` their
    site); only another organisation is a credit.
    """
    own_names = {name.casefold() for name in outlets}
    own_hosts = {_bare_host(page_url), _bare_host(base)} - {None}
    publisher_ids = {
        value.get("@id") for value in graph.each(article.get("publisher")) if isinstance(value, dict)
    } - {None}
    for value in graph.each(article.get("sourceOrganization")):
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            continue
        name = text(value["name"])
        url = value.get("url")
        url = absolute(url, base) if isinstance(url, str) and url.strip() else None
        if not name or name.casefold() in own_names or value.get("@id") in publisher_ids:
            continue
        if url is not None and _bare_host(url) in own_hosts:
            continue
        try:
            return Source(name=name, url=url)
        except ModelError:
            continue
    return None


def _bare_host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def host_name(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` and its top-level domain (``"taipeitimes"``)."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.").rsplit(".", 1)[0]


def _home(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme in ("http", "https") and parts.netloc else None
