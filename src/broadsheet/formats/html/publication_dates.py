"""When a page says its story was published and last changed: metadata stamps, else a printed date.

Sources, most trusted first: JSON-LD, OpenGraph ``article:*``, ``itemprop`` microdata and
microformats inside the story (:mod:`.printed_dates`), other ``<meta>`` conventions; then a date
printed near the headline or byline, then one in the URL. The URL's date also checks the
others: a metadata date days away from it gives way to a printed one on the URL's day.

Dates keep the page's local clock: a time in UTC is written in the page's own offset when the
page shows it (another stamp's offset, or the printed local time of the same instant); a naive
time takes that offset too (:func:`dates.settle`); a day without a time stays that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import lxml.html

from broadsheet.formats.html import dates
from broadsheet.formats.html.pagemeta import PageMeta, text
from broadsheet.formats.html.printed_dates import find_printed
from broadsheet.formats.html.tuning import TUNING

# Other <meta> names and properties pages give their dates under (academic, Blogger, CMS and
# analytics conventions), after the common ones above. Not schema.org names ("datePublished"):
# PageMeta also holds <meta itemprop>, which may sit in another story's card (see printed_dates).
_PUBLISHED_NAMES = (
    "article:published",
    "article:post_date",
    "article:published_date",
    "og:pubdate",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "dc.date.created",
    "dc.date.publication",
    "dc.created",
    "date_published",
    "publishdate",
    "publish_date",
    "publication_date",
    "publication-date",
    "dateposted",
    "article_date_original",
    "originalpublicationdate",
    "dcsext.articlefirstpublished",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "content_create_date",
    "date_created",
)
_MODIFIED_NAMES = (
    "article:modified",
    "article:post_modified",
    "article:modified_date",
    "og:modified_time",
    "dc.modified",
    "modified_time",
    "updated_time",
    "revision_date",
    "lastmodified",
    "bt:moddate",
)
_QUARTER_HOUR = dt.timedelta(minutes=15)
# Offsets in use run from -11:00 to +14:00; a gap of 12 hours is a 12-hour clock read without
# its "pm", not an offset.
_EARLIEST_OFFSET = dt.timedelta(hours=-11)
_LATEST_OFFSET = dt.timedelta(hours=14)


def find_dates(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    url: str | None,
    language: str | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the story was first published and last modified, timezone-aware where the page allows."""
    title = text(article.get("headline")) or meta.first("og:title", "twitter:title") or None
    printed = find_printed(root, title, language)
    stamps = _stamps(
        language,
        article.get("datePublished"),
        meta.first("article:published_time", "og:article:published_time", "og:published_time"),
        lambda: printed.marked,
        meta.first("parsely-pub-date", "sailthru.date", "article.published", "publish-date", "pubdate"),
        meta.first("dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date", "date"),
        meta.first(*_PUBLISHED_NAMES),
        article.get("dateCreated"),
    )
    modified_stamps = _stamps(
        language,
        article.get("dateModified"),
        meta.first("article:modified_time", "og:updated_time", "og:article:modified_time"),
        lambda: printed.marked_modified,
        meta.first("dcterms.modified", "last-modified", "lastmod"),
        meta.first(*_MODIFIED_NAMES),
    )
    from_url = dates.from_url(url)
    if not stamps:
        stamps = [s for s in (printed.published(), from_url) if s is not None]
    if not modified_stamps:
        modified_stamps = [s for s in (printed.modified(),) if s is not None]
    chosen = _best(stamps)
    if _far_from(chosen, from_url):
        chosen = _on_day(from_url, [*stamps, *printed.shown]) or chosen
    context = stamps + modified_stamps
    first = dates.settle(chosen, context)
    last = dates.settle(_best(modified_stamps), context)
    if _in_utc(first) or _in_utc(last):  # look for the page's own clock only then
        first = _local(first, context, lambda: printed.published(anywhere=False))
        last = _local(last, context, lambda: printed.modified(anywhere=False))
    return first, last


def _stamps(language: str | None, *values: Any) -> list[dates.Stamp]:
    """The dates among ``values``, in order. A callable (the markup's own dates, which cost a walk
    over the page) is called only while no earlier date has both a time and an offset."""
    out: list[dates.Stamp] = []
    for value in values:
        if callable(value):
            if any(s.has_time and s.aware for s in out):
                continue
            value = value()
        stamp = _stamp(value, language)
        if stamp is not None:
            out.append(stamp)
    return out


def _stamp(value: Any, language: str | None = None) -> dates.Stamp | None:
    """A date from a metadata value: ISO 8601 or RFC 2822, else a date written out ("3. Mai 2024")."""
    if isinstance(value, dates.Stamp):  # already read (microformats)
        return value
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value")
    stamp = dates.parse(value)
    if stamp is None and isinstance(value, str) and any(ch.isdigit() for ch in value[: dates.MAX_LINE]):
        stamp = dates.from_text(value, language)
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


def _far_from(chosen: dates.Stamp | None, from_url: dates.Stamp | None) -> bool:
    """Whether the URL has a date and ``chosen`` is days away from it."""
    if chosen is None or from_url is None:
        return False
    return abs((chosen.value.date() - from_url.value.date()).days) > TUNING.date_url_days


def _on_day(from_url: dates.Stamp | None, others: list[dates.Stamp]) -> dates.Stamp | None:
    """Another date of the page on the URL's day (the URL was made when the story was)."""
    if from_url is None:
        return None
    wanted = from_url.value.date()
    return next((s for s in others if s.value.date() == wanted and s is not from_url), None)


def _in_utc(value: dt.datetime | None) -> bool:
    return value is not None and value.utcoffset() == dt.timedelta(0)


def _local(
    value: dt.datetime | None, context: list[dates.Stamp], shown: Callable[[], dates.Stamp | None]
) -> dt.datetime | None:
    """``value`` written in the page's own offset when it is in UTC and the page shows another:
    the offset of another stamp of the page (the nearest in time), else the one that makes the
    printed local time ``shown`` the same instant (a whole quarter-hour away, within 14 hours)."""
    if value is None or not _in_utc(value):
        return value
    zoned = [s.value for s in context if s.aware and s.value.utcoffset() not in (None, dt.timedelta(0))]
    if zoned:
        return value.astimezone(min(zoned, key=lambda other: abs(other - value)).tzinfo)
    printed = shown()
    if printed is not None and printed.has_time and not printed.aware:
        gap = printed.value - value.replace(tzinfo=None, second=0, microsecond=0)
        plausible = _EARLIEST_OFFSET <= gap <= _LATEST_OFFSET and abs(gap) != dt.timedelta(hours=12)
        if gap and plausible and gap % _QUARTER_HOUR == dt.timedelta(0):
            return value.astimezone(dt.timezone(gap))
    return value
