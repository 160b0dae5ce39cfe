"""The pages feeds list, fetched for an edition: the job of calibre's news recipes.

:func:`gather` takes feeds (URLs or files; a URL that turns out to be a page is
that one page), keeps each feed's entries in its order, drops those older than
``since`` and beyond ``max_articles`` per feed, drops an article a feed before
it already listed (by its URL, then by the URL its download ended at), and
fetches every page of every feed together: in parallel, with a timeout and a
size limit, a few at a time per host.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Sequence

import attrs

from broadsheet.errors import BroadsheetError, LimitError, OptionError, SourceError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.inputs import feeds
from broadsheet.inputs.fetching import MAX_PAGE_BYTES, Fetcher
from broadsheet.inputs.item import Item

__all__ = ["FeedPages", "gather", "is_feed_file", "is_url", "parse_since"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@attrs.frozen(kw_only=True)
class FeedPages:
    """One feed's pages, fetched, in the feed's order (or the error that kept the feed out)."""

    spec: str
    """The feed as given: a URL or a path."""
    title: str | None = None
    """The feed's own title (``None`` for a URL that was a page, not a feed)."""
    pages: tuple[Item, ...] = ()
    """Each page as a :class:`~broadsheet.Loaded`, or the error that kept it out."""
    error: BroadsheetError | None = None


def is_url(spec: str) -> bool:
    """Whether an input names an ``http(s)`` address."""
    return spec.strip().lower().startswith(("http://", "https://"))


def is_feed_file(path: str) -> bool:
    """Whether a local file is a feed or sitemap (by its name, else by its first element)."""
    if path.lower().endswith((".rss", ".atom")):
        return True
    try:
        with open(path, "rb") as stream:
            return feeds.looks_like_feed(stream.read(4096))
    except OSError:
        return False


def parse_since(text: str, *, now: dt.datetime | None = None) -> dt.datetime:
    """``--since``: a date or time (``2026-12-01``, ``2026-12-01T06:00+02:00``; UTC when no zone is
    given) or a duration back from now (``90m``, ``24h``, ``7d``, ``2w``)."""
    now = now or dt.datetime.now(dt.UTC)
    found = _DURATION.match(text)
    if found:
        return now - dt.timedelta(seconds=float(found.group(1)) * _UNITS[found.group(2).lower()])
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise OptionError(
            f"--since wants a date (2026-12-01) or a duration (24h, 7d), got {text!r}"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def gather(
    specs: Sequence[str],
    *,
    timeout: float = 30.0,
    max_bytes: int = MAX_PAGE_BYTES,
    max_articles: int | None = None,
    since: dt.datetime | None = None,
    robots: bool = True,
) -> list[FeedPages]:
    """The pages of each feed in ``specs``, in order, duplicates across feeds removed; with
    ``robots``, only those their site's robots.txt allows (a refused one is an error item)."""
    with Fetcher(timeout=timeout, max_bytes=max_bytes, robots=robots) as fetcher:
        documents = _documents(specs, fetcher, max_bytes)
        seen: set[str] = set()
        plans: list[tuple[str, str | None, list[str], Item | None, BroadsheetError | None]] = []
        for spec, document in zip(specs, documents, strict=True):
            if isinstance(document, BroadsheetError):
                plans.append((spec, None, [], None, document))
            elif not feeds.looks_like_feed(document.data) and is_url(spec):
                page = None if _seen(document.url or spec, seen) else Item(origin=spec, source=document)
                plans.append((spec, None, [], page, None))
            else:
                try:
                    feed = feeds.read_feed(document.data, where=spec)
                except BroadsheetError as error:
                    plans.append((spec, None, [], None, error))
                    continue
                if feed.kind == "sitemapindex":
                    index = SourceError(f"{spec}: a sitemap index; name one of its sitemaps")
                    plans.append((spec, None, [], None, index))
                    continue
                plans.append(
                    (spec, feed.title, _chosen(feed, document, seen, max_articles, since), None, None)
                )
        # Every feed's pages through one pool, so feeds are fetched in parallel too.
        wanted = [url for _, _, urls, _, _ in plans for url in urls]
        answers = iter(fetcher.fetch_all(wanted))
        out = []
        finals: set[str] = set()
        for spec, title, urls, page, failure in plans:
            if failure is not None:
                out.append(FeedPages(spec=spec, error=failure))
                continue
            pages = [page] if page is not None else []
            for _ in urls:
                url, answer = next(answers)
                if isinstance(answer, BroadsheetError):
                    pages.append(Item(origin=url, error=answer))
                elif not _seen(answer.url or url, finals):  # two feed URLs that redirect to one page
                    pages.append(Item(origin=url, source=answer))
            out.append(FeedPages(spec=spec, title=title, pages=tuple(pages)))
        return out


def _documents(specs: Sequence[str], fetcher: Fetcher, max_bytes: int) -> list[Loaded | BroadsheetError]:
    """Each feed's bytes: the URLs fetched together, the files read."""
    fetched = dict(fetcher.fetch_all([spec for spec in specs if is_url(spec)]))
    out: list[Loaded | BroadsheetError] = []
    for spec in specs:
        if is_url(spec):
            out.append(fetched[spec])
            continue
        try:
            with open(spec, "rb") as stream:
                data = stream.read(max_bytes + 1)
        except OSError as error:
            out.append(SourceError(f"{spec}: {error.strerror or error}"))
            continue
        if len(data) > max_bytes:
            out.append(LimitError(f"{spec} is larger than the limit of {max_bytes:,} bytes"))
        else:
            out.append(Loaded(data=data, name=spec))
    return out


def _chosen(
    feed: feeds.Feed, document: Loaded, seen: set[str], max_articles: int | None, since: dt.datetime | None
) -> list[str]:
    """The entry URLs to fetch: recent enough, not listed by an earlier feed, at most ``max_articles``."""
    base = document.url or ""
    urls: list[str] = []
    for entry in feed.entries:
        if max_articles is not None and len(urls) >= max_articles:
            break
        if since is not None and entry.published is not None and entry.published < since:
            continue  # an entry without a date is kept: nothing says it is old
        url = urllib.parse.urljoin(base, entry.url) if base else entry.url
        if is_url(url) and not _seen(url, seen):
            urls.append(url)
    return urls


def _seen(url: str, seen: set[str]) -> bool:
    """Whether ``url`` (its fragment dropped) was met before; it is remembered from now on."""
    key = urllib.parse.urldefrag(url.strip())[0]
    if key in seen:
        return True
    seen.add(key)
    return False
