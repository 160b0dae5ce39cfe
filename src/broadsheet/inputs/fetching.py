"""Fetching many URLs at once, politely: a few threads, a few at a time per host, results in order.

A batch or an edition names hundreds of pages, most on a handful of sites. They are
fetched in parallel threads (the work is waiting on the network), never more than
:attr:`Fetcher.per_host` at once from one host, with at most :attr:`Fetcher.window`
answers held ahead of the one the caller is reading, so memory stays bounded
whatever the number of URLs, and only where each site's robots.txt allows it,
as far apart as its ``Crawl-delay`` asks (:mod:`broadsheet.inputs.robots`;
``robots=False`` to ignore it). Each answer is a
:class:`~broadsheet.Loaded` or the :class:`~broadsheet.BroadsheetError` that
explains why there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from broadsheet.errors import BroadsheetError, SourceError
from broadsheet.formats._shared.fetch_pool import FetchPool
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.inputs.robots import MAX_ROBOTS_BYTES, Robots

__all__ = ["MAX_PAGE_BYTES", "Fetcher"]

MAX_PAGE_BYTES = 32 * 1024 * 1024
"""The largest page (or feed, or sitemap) downloaded; a larger one is a :class:`LimitError`."""

T = TypeVar("T")
Answer = Loaded | BroadsheetError


class Fetcher:
    """Downloads URLs in a pool of threads shared by every list it is given.

    ``threads`` bounds the downloads in progress, ``per_host`` those from one
    host (a site is not hammered because the feed names fifty of its pages),
    ``window`` the answers waiting to be read in each :meth:`fetch_all`.
    With ``robots`` (the default) a URL its site's robots.txt disallows is not
    fetched (its answer is a :class:`SourceError` saying so); each site's
    robots.txt is fetched once per fetcher, within the same limits.
    Close it (or use it as a context manager) to stop its threads.
    """

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        max_bytes: int = MAX_PAGE_BYTES,
        threads: int = 8,
        per_host: int = 2,
        window: int = 16,
        accept: str | None = None,
        robots: bool = True,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.per_host = per_host
        self.window = max(1, window)
        self.accept = accept
        self._pool = FetchPool(threads=threads, per_host=per_host, name="broadsheet-fetch")
        self.robots = Robots(self._robots_txt) if robots else None

    def __enter__(self) -> Fetcher:  # noqa: D105
        return self

    def __exit__(self, *exc: object) -> None:  # noqa: D105
        self.close()

    def close(self) -> None:
        """Stop the threads; downloads not yet started are dropped."""
        self._pool.close(wait=False)

    def _robots_txt(self, url: str) -> Loaded:
        from broadsheet.formats._shared.fetch import fetch

        with self._pool.gate(url):  # a request like any other to that host
            return fetch(
                url,
                max_bytes=min(self.max_bytes, MAX_ROBOTS_BYTES),
                timeout=self.timeout,
                accept="text/plain",
            )

    def fetch_one(self, url: str) -> Answer:
        """Download one URL in the calling thread (within the per-host limit and robots.txt)."""
        # Imported here: urllib's HTTP stack is loaded by a batch that fetches, not by one of files.
        from broadsheet.formats._shared.fetch import PAGE_ACCEPT, fetch

        try:
            refusal = self.robots.refusal(url) if self.robots is not None else None
            if refusal is not None:
                return refusal
            gap = self.robots.delay(url) if self.robots is not None else 0.0
            with self._pool.gate(url):
                self._pool.pace(url, gap)
                return fetch(
                    url, max_bytes=self.max_bytes, timeout=self.timeout, accept=self.accept or PAGE_ACCEPT
                )
        except BroadsheetError as error:
            return error
        except Exception as error:  # a fault in a library below must not end the whole batch
            return SourceError(f"{url}: {type(error).__name__}: {error}")

    def fetch_all(self, urls: Iterable[str]) -> Iterator[tuple[str, Answer]]:
        """Each URL with its answer, in the order given, fetched ahead in parallel."""
        return self.map_ordered(urls, self.fetch_one)

    def map_ordered(self, values: Iterable[T], work: Callable[[T], Answer]) -> Iterator[tuple[T, Answer]]:
        """``work`` applied to each value in the pool, answers in the values' order, ``window`` ahead."""
        return self._pool.map_ordered(values, work, window=self.window)
