"""Downloading a document's images: in parallel, a few per host, each checked, through the disk cache.

An edition of thirty articles names a hundred images on a handful of
hosts; fetched one after another they take minutes. Here they are fetched
by the shared download scheduler (:mod:`broadsheet.formats._shared.fetch_pool`)
with at most :data:`PER_HOST` at a time from one host (a politeness limit),
each with the writer's timeout and size limit.
A download counts as an image only if the server does not call it
something else (``Content-Type`` ``image/*``, or a generic binary type) and
its first bytes are those of an allowed format (:func:`raster.sniff`). What
comes from the cache passes the same byte check.
"""

from __future__ import annotations

import itertools
import urllib.parse
from collections.abc import Sequence

from broadsheet.errors import BroadsheetError
from broadsheet.formats._shared import fetch, raster
from broadsheet.formats._shared.fetch_pool import FetchPool
from broadsheet.formats._shared.image_cache import ImageCache
from broadsheet.formats._shared.unavailable import Unavailable

WORKERS = 8
"""Downloads under way at once, over all hosts."""
PER_HOST = 4
"""Downloads under way at once from one host."""

ACCEPT = "image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.9,image/*;q=0.5"
"""What an image download asks for: the formats the writers embed (not AVIF or JPEG XL)."""

_GENERIC = ("application/octet-stream", "binary/octet-stream", "application/binary", "")


def checked(data: bytes, declared: str | None) -> str:
    """The media type of downloaded ``data`` the server declared as ``declared``, or :class:`Unavailable`."""
    media_type = (declared or "").split(";")[0].strip().lower()
    if not media_type.startswith("image/") and media_type not in _GENERIC:
        raise Unavailable(f"the server sent {media_type}, not an image")
    sniffed = raster.sniff(data)
    if sniffed is None:
        raise Unavailable(
            "the download is not an image (its first bytes are not JPEG, PNG, GIF, WebP, BMP or SVG)"
        )
    return sniffed


def download(url: str, *, max_bytes: int, timeout: float, cache: ImageCache | None) -> bytes:
    """The checked bytes of the image at ``url`` (an absolute ``http(s)`` URL), from the cache when fresh."""
    if cache is not None:
        hit = cache.get(url, max_bytes=max_bytes)
        if hit is not None and raster.sniff(hit.data) is not None:
            return hit.data
    try:
        # Looked up on the module each time, so that tests can stand in for the network.
        loaded = fetch.fetch(url, max_bytes=max_bytes, timeout=timeout, accept=ACCEPT, public_only=True)
    except BroadsheetError as error:
        raise Unavailable(str(error)) from error
    media_type = checked(loaded.data, (loaded.headers or {}).get("content-type"))
    if cache is not None:
        cache.put(url, loaded.data, media_type)
    return loaded.data


def download_all(
    urls: Sequence[str], *, max_bytes: int, timeout: float, cache: ImageCache | None
) -> dict[str, bytes | Unavailable]:
    """Each of ``urls`` (absolute, distinct) downloaded as by :func:`download`: its bytes or why not."""
    if not urls:
        return {}
    hosts = {url: (urllib.parse.urlsplit(url).hostname or "").lower() for url in urls}
    # Hosts taken in turn, so that workers waiting on one busy host do not idle while others wait.
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(hosts[url], []).append(url)
    order = [url for turn in itertools.zip_longest(*by_host.values()) for url in turn if url is not None]
    pool = FetchPool(threads=min(WORKERS, len(urls)), per_host=PER_HOST, name="broadsheet-image")

    def one(url: str) -> bytes | Unavailable:
        with pool.gate(url):
            try:
                return download(url, max_bytes=max_bytes, timeout=timeout, cache=cache)
            except Unavailable as error:
                return error

    try:
        results = dict(pool.map_ordered(order, one, window=len(order)))
    finally:
        # Interrupted (Ctrl-C, SIGTERM): downloads not yet started are dropped, not waited for.
        pool.close(wait=True)
    if cache is not None:
        cache.trim()
    return results
