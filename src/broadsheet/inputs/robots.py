"""robots.txt, honoured for the pages a batch or an edition fetches: one fetch per site, cached.

A feed, a sitemap or a list of URLs makes broadsheet a crawler of the sites they
name, and a crawler asks each site first (RFC 9309). :class:`Robots` fetches a
site's ``/robots.txt`` once, through the caller's hardened fetcher (its timeout
and a size limit of :data:`MAX_ROBOTS_BYTES`), and answers for every URL of that
site from then on, for the user-agent token :data:`AGENT` (the product name the
``User-Agent`` header starts with). As RFC 9309 says: a robots.txt that does not
exist (or any other 4xx answer) allows everything; one that cannot be had (a
5xx answer or 429, no answer, too large) allows nothing, so the site is not
fetched at all.

A site's ``Crawl-delay`` (or ``Request-rate``) for the token is honoured too,
though RFC 9309 leaves it out: requests to that site start at least that many
seconds apart (:meth:`Robots.delay`), up to :data:`MAX_CRAWL_DELAY`, so a
robots.txt cannot stall a batch for hours.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable
from typing import TYPE_CHECKING

from broadsheet.errors import BroadsheetError, SourceError
from broadsheet.formats._shared.loaded import Loaded

if TYPE_CHECKING:  # urllib's HTTP stack (which robotparser imports) only for a batch that fetches
    import urllib.robotparser

__all__ = ["AGENT", "MAX_CRAWL_DELAY", "MAX_ROBOTS_BYTES", "Robots"]

AGENT = "broadsheet"
"""The user-agent token robots.txt rules are matched against (``User-agent: broadsheet``)."""

MAX_ROBOTS_BYTES = 512 * 1024
"""The largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB)."""

MAX_CRAWL_DELAY = 30.0
"""The longest gap in seconds kept between two requests to one site, whatever its robots.txt asks."""


class _Site:
    """One site's rules, or why it is not fetched; filled once, under its lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.known = False
        self.rules: urllib.robotparser.RobotFileParser | None = None  # None: everything allowed
        self.closed: str | None = None  # why nothing of the site is fetched


class Robots:
    """The robots.txt rules of every site met, fetched with ``fetch(url)`` (a :class:`Loaded`, or a
    :class:`BroadsheetError`); safe to ask from many threads (one fetch per site)."""

    def __init__(self, fetch: Callable[[str], Loaded], *, agent: str = AGENT) -> None:
        """Ask ``fetch`` for each site's robots.txt; match rules for ``agent``."""
        self._fetch = fetch
        self.agent = agent
        self._sites: dict[str, _Site] = {}
        self._lock = threading.Lock()

    def refusal(self, url: str) -> SourceError | None:
        """Why ``url`` must not be fetched, or ``None`` when its site's robots.txt allows it."""
        key, site = self._site(url)
        if site.closed is not None:
            return SourceError(f"{url}: not fetched: {site.closed} (--ignore-robots fetches it anyway)")
        if site.rules is not None and not site.rules.can_fetch(self.agent, url):
            return SourceError(
                f"{url}: not fetched: {key}/robots.txt disallows it for {self.agent} "
                "(--ignore-robots fetches it anyway)"
            )
        return None

    def delay(self, url: str) -> float:
        """The seconds ``url``'s site asks between two requests (``Crawl-delay``, else
        ``Request-rate``, for :attr:`agent`), at most :data:`MAX_CRAWL_DELAY`; 0 when it asks none."""
        _, site = self._site(url)
        if site.rules is None:
            return 0.0
        asked: float = 0.0
        crawl_delay = site.rules.crawl_delay(self.agent)
        if crawl_delay is not None:
            asked = float(crawl_delay)
        else:
            rate = site.rules.request_rate(self.agent)
            if rate is not None and rate.requests > 0:
                asked = rate.seconds / rate.requests
        return min(max(asked, 0.0), MAX_CRAWL_DELAY)

    def _site(self, url: str) -> tuple[str, _Site]:
        """The site of ``url`` (``scheme://host:port``), its robots.txt learnt once."""
        parts = urllib.parse.urlsplit(url)
        key = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            site = self._sites.setdefault(key, _Site())
        with site.lock:
            if not site.known:
                self._learn(site, f"{key}/robots.txt")
        return key, site

    def _learn(self, site: _Site, robots_url: str) -> None:
        site.known = True
        try:
            loaded = self._fetch(robots_url)
        except BroadsheetError as error:
            status = _status(error)
            if status is not None and 400 <= status < 500 and status != 429:
                return  # no robots.txt (404, 410, even 401/403): no rules, as RFC 9309 says
            site.closed = f"its robots.txt could not be read ({error})"
            return
        import urllib.robotparser

        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(loaded.data.decode("utf-8", "replace").splitlines())
        site.rules = rules


def _status(error: BaseException) -> int | None:
    """The HTTP status behind a fetch's error, if it was one."""
    import urllib.error

    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, urllib.error.HTTPError):
            return cause.code
        cause = cause.__cause__
    return None
