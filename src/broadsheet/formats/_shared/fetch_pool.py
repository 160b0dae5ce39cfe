"""The one download scheduler: a pool of threads, a few requests at a time per host, answers in order.

Both kinds of download go through it: a batch's or an edition's pages
(:class:`broadsheet.inputs.fetching.Fetcher`) and a document's images
(:func:`broadsheet.formats._shared.downloads.download_all`). The work is
waiting on the network, so threads suffice; :meth:`FetchPool.gate` keeps a
site from being hammered because a feed names fifty of its pages, and
:meth:`FetchPool.map_ordered` hands answers back in the order asked, with a
bounded number held ahead of the one being read.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

__all__ = ["FetchPool"]

T = TypeVar("T")
R = TypeVar("R")


class FetchPool:
    """``threads`` downloads at once, at most ``per_host`` of them from one host (its name, any port)."""

    def __init__(self, *, threads: int, per_host: int, name: str = "broadsheet-fetch") -> None:
        """Start no thread yet: the pool makes them as work comes, named ``name``."""
        self.per_host = max(1, per_host)
        self._pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix=name)
        self._hosts: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._lock = threading.Lock()

    def gate(self, url: str) -> threading.Semaphore:
        """The semaphore of ``url``'s host: hold it while talking to that host."""
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(self.per_host))

    def pace(self, url: str, gap: float) -> None:
        """Wait until ``url``'s host may be asked again when its requests must start ``gap``
        seconds apart (a robots.txt ``Crawl-delay``); the turn is taken when this returns."""
        if gap <= 0:
            return
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with self._lock:  # each caller books the next free start, so threads never share one
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + gap
        if start > now:
            time.sleep(start - now)

    def map_ordered(
        self, values: Iterable[T], work: Callable[[T], R], *, window: int
    ) -> Iterator[tuple[T, R]]:
        """``work`` applied to each value in the pool, answers in the values' order, at most
        ``window`` submitted ahead of the one being read (``work`` should not raise)."""
        pending: deque[tuple[T, Future[R]]] = deque()
        source = iter(values)
        exhausted = False
        limit = max(1, window)
        while True:
            while not exhausted and len(pending) < limit:
                try:
                    value = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((value, self._pool.submit(work, value)))
            if not pending:
                return
            value, future = pending.popleft()
            yield value, future.result()

    def close(self, *, wait: bool) -> None:
        """Stop the threads; work not yet started is dropped; ``wait`` for what is under way."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
