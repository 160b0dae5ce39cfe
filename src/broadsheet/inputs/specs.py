"""Expanding what the command line names (paths, folders, URLs, lists, crawls, feeds) into items.

Everything is lazy: a folder is walked, a crawl read and a feed's pages fetched
only as the caller asks for the next item, with a bounded number of downloads
ahead, so a batch of any size starts at once and holds little in memory.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import IO, cast

from broadsheet.errors import BroadsheetError, LimitError, SourceError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.inputs import feeds, jsonl, warc
from broadsheet.inputs.fetching import MAX_PAGE_BYTES, Fetcher
from broadsheet.inputs.item import Item

__all__ = ["PAGE_SUFFIXES", "expand"]

PAGE_SUFFIXES = (
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
    ".xml",
    ".ninjs",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
)
"""The files a folder's walk picks up (case-insensitive); others are passed over."""

MAX_SITEMAP_DEPTH = 3
"""How deep sitemap indexes may nest (an index naming indexes naming sitemaps)."""

_FEED_SUFFIXES = (".rss", ".atom")
_SNIFFED_SUFFIXES = (".xml", ".xml.gz")


def expand(
    specs: Iterable[str],
    *,
    timeout: float = 30.0,
    input_list: str | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
    robots: bool = True,
) -> Iterator[Item]:
    """Yield an :class:`Item` for every document the inputs name, in order; never raises for one input.

    ``specs`` are paths, folders (walked recursively for :data:`PAGE_SUFFIXES`,
    hidden files and folders skipped, in sorted order), ``http(s)`` URLs (fetched
    here, in parallel, ``timeout`` seconds and ``max_bytes`` each), WARC files
    (each HTML page in them), JSON Lines files (each line), RSS/Atom feeds and
    sitemaps, local or fetched (each article they list, fetched). ``input_list``
    names a file (``-``: standard input) of more specs, one a line, after
    ``specs``; blank lines and ``#`` comments are skipped. Every URL is fetched
    only if its site's robots.txt allows it, unless ``robots`` is false
    (:mod:`broadsheet.inputs.robots`); a refused one is an error item.
    """
    every: Iterator[str | Item] = itertools.chain(
        specs, _listed(input_list) if input_list is not None else ()
    )
    fetcher: Fetcher | None = None
    try:
        for is_url, group in itertools.groupby(every, key=_is_url):
            if is_url:
                # Consecutive URLs are fetched together, in parallel, answers in their order.
                fetcher = fetcher or Fetcher(timeout=timeout, max_bytes=max_bytes, robots=robots)
                for url, answer in fetcher.fetch_all(cast(str, spec).strip() for spec in group):
                    yield from _fetched(url, answer, fetcher, 0)
                continue
            for spec in group:
                if isinstance(spec, Item):  # a line of the list that could not be read
                    yield spec
                    continue
                if spec == "-":
                    yield Item(origin="-", source="-")
                elif os.path.isdir(spec):
                    for path in _walk(spec):
                        if isinstance(path, Item):
                            yield path
                            continue
                        fetcher = fetcher or Fetcher(timeout=timeout, max_bytes=max_bytes, robots=robots)
                        yield from _file(path, fetcher, max_bytes)
                elif os.path.exists(spec):
                    fetcher = fetcher or Fetcher(timeout=timeout, max_bytes=max_bytes, robots=robots)
                    yield from _file(spec, fetcher, max_bytes)
                else:
                    yield Item(origin=spec, error=SourceError(f"{spec}: no such file or folder"))
    finally:
        if fetcher is not None:
            fetcher.close()


def _is_url(spec: str | Item) -> bool:
    return isinstance(spec, str) and spec.strip().lower().startswith(("http://", "https://"))


def _listed(input_list: str) -> Iterator[str | Item]:
    """The specs a list file names, one a line, lazily; an unreadable list is one error item."""
    try:
        stream: IO[str] = (
            sys.stdin
            if input_list == "-"
            else open(input_list, encoding="utf-8-sig", errors="surrogateescape")  # noqa: SIM115
        )
    except OSError as error:
        yield Item(origin=input_list, error=SourceError(f"{input_list}: {error.strerror or error}"))
        return
    with contextlib.nullcontext() if input_list == "-" else stream:
        try:
            for line in stream:
                spec = line.strip()
                if spec and not spec.startswith("#"):
                    yield spec
        except (OSError, UnicodeError) as error:  # a list that breaks off, or is not text
            yield Item(origin=input_list, error=SourceError(f"{input_list}: cannot read the list: {error}"))


def _walk(folder: str) -> Iterator[str | Item]:
    """The files under ``folder`` with a page suffix, sorted, hidden ones (``.git``, ``.cache``) left
    out; a folder that cannot be listed is an error item."""
    failures: list[OSError] = []
    for root, folders, files in os.walk(folder, onerror=failures.append):
        while failures:
            failure = failures.pop(0)
            where = failure.filename or root
            yield Item(origin=str(where), error=SourceError(f"{where}: {failure.strerror or failure}"))
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(PAGE_SUFFIXES):
                yield os.path.join(root, name)
    for failure in failures:  # the last folder listed, or the top one
        where = failure.filename or folder
        yield Item(origin=str(where), error=SourceError(f"{where}: {failure.strerror or failure}"))


def _file(path: str, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    lower = path.lower()
    if warc.is_warc(path):
        yield from warc.records(path)
    elif jsonl.is_jsonl(path):
        yield from jsonl.lines(path)
    elif lower.endswith(_FEED_SUFFIXES) or (lower.endswith(_SNIFFED_SUFFIXES) and _starts_as_feed(path)):
        try:
            loaded = _read_file(path, max_bytes)
        except BroadsheetError as error:
            yield Item(origin=path, error=error)
            return
        yield from _listing(loaded, fetcher, 0)
    else:
        yield Item(origin=path, source=path)


def _starts_as_feed(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            return feeds.looks_like_feed(stream.read(4096))
    except OSError:
        return False  # the reader will say why it cannot be read


def _read_file(path: str, max_bytes: int) -> Loaded:
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise SourceError(f"{path}: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise LimitError(f"{path} is larger than the limit of {max_bytes:,} bytes")
    return Loaded(data=data, name=path)


def _fetched(url: str, answer: Loaded | BroadsheetError, fetcher: Fetcher, depth: int) -> Iterator[Item]:
    """A fetched URL: a page item, or the items of the feed or sitemap it turned out to be."""
    if isinstance(answer, BroadsheetError):
        yield Item(origin=url, error=answer)
    elif feeds.looks_like_feed(answer.data):
        yield from _listing(answer, fetcher, depth)
    else:
        yield Item(origin=url, source=answer)


def _listing(loaded: Loaded, fetcher: Fetcher, depth: int) -> Iterator[Item]:
    """The pages a feed or sitemap lists, fetched (a sitemap index's sitemaps, read in turn)."""
    try:
        feed = feeds.read_feed(loaded.data, where=loaded.name)
    except BroadsheetError as error:
        yield Item(origin=loaded.name, error=error)
        return
    base = loaded.url or ""
    urls: list[str] = []
    for entry in feed.entries:
        url = urllib.parse.urljoin(base, entry.url) if base else entry.url
        if _is_url(url):
            urls.append(url)
        else:
            yield Item(
                origin=entry.url, error=SourceError(f"{loaded.name}: {entry.url!r} is not an http(s) URL")
            )
    if feed.kind == "sitemapindex":
        if depth >= MAX_SITEMAP_DEPTH:
            yield Item(
                origin=loaded.name, error=LimitError(f"{loaded.name}: sitemap indexes nest too deeply")
            )
            return
        for url, answer in fetcher.fetch_all(urls):
            if isinstance(answer, BroadsheetError):
                yield Item(origin=url, error=answer)
            else:
                yield from _listing(answer, fetcher, depth + 1)
        return
    for url, answer in fetcher.fetch_all(urls):
        yield (
            Item(origin=url, error=answer)
            if isinstance(answer, BroadsheetError)
            else Item(origin=url, source=answer)
        )
