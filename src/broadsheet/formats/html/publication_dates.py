"""When a page says its story was published and last changed: metadata stamps, else a printed date.

Sources, most trusted first: JSON-LD, OpenGraph ``article:*``, ``itemprop``
microdata, other ``<meta>`` conventions, a ``<time>`` element; then a date
printed near the head of the article, then one in the URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import lxml.html

from broadsheet.formats.html import dates
from broadsheet.formats.html.pagemeta import PageMeta, itemprop_attr


def find_dates(
    root: lxml.html.HtmlElement, meta: PageMeta, article: Mapping[str, Any], url: str | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the story was first published and last modified, timezone-aware where the page allows."""
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
