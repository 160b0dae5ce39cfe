"""Measure feed reading: feedparser against broadsheet.inputs.feeds (lxml, hardened), in the same run.

Feeds of ``--entries`` items (RSS 2.0 and Atom, each entry with a title, a link,
a date and a paragraph of summary, as news feeds have), read ``--repeat`` times;
then what each does with a feed that declares entities (the "billion laughs"
shape, kept small) and with bytes that are not XML. feedparser is measured when
installed (in a venv of its own: it is not a dependency of broadsheet).

    python bench/feed_parsers.py --entries 200
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable

from broadsheet.inputs.feeds import read_feed


def rss(entries: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>https://news.example/{n}</link>"
        f"<pubDate>Tue, 01 Dec 2026 {n % 24:02}:00:00 +0000</pubDate>"
        f"<description>&lt;p&gt;A paragraph of summary for story {n}, as feeds carry.&lt;/p&gt;</description></item>"
        for n in range(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'.encode()


def atom(entries: int) -> bytes:
    items = "".join(
        f'<entry><title>Story {n}</title><link href="https://news.example/{n}"/><id>urn:n:{n}</id>'
        f"<updated>2026-12-01T{n % 24:02}:00:00Z</updated><summary>A summary for story {n}.</summary></entry>"
        for n in range(entries)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>{items}</feed>'.encode()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title>'
    b"<item><link>https://news.example/1</link></item></channel></rss>"
)


def with_feedparser(data: bytes) -> tuple[str | None, int]:
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(data)
    return parsed.feed.get("title"), len([entry for entry in parsed.entries if entry.get("link")])


def with_broadsheet(data: bytes) -> tuple[str | None, int]:
    feed = read_feed(data)
    return feed.title, len(feed.entries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    readers: dict[str, Callable[[bytes], tuple[str | None, int]]] = {"broadsheet": with_broadsheet}
    if importlib.util.find_spec("feedparser"):
        readers["feedparser"] = with_feedparser
    for kind, data in (("rss", rss(args.entries)), ("atom", atom(args.entries))):
        for name, reader in readers.items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                reader(data)
                best = min(best, time.perf_counter() - start)
            print(f"{kind:5} {name:11} {args.entries} entries in {best * 1000:7.2f} ms")
    for label, data in (("entities", LAUGHS), ("not XML", b"<html><p>a page</html")):
        for name, reader in readers.items():
            try:
                title, count = reader(data)
                shown = f"title {len(title or '')} characters, {count} entries (no error)"
            except Exception as error:  # what it raises is the measurement
                shown = f"raises {type(error).__name__}: {str(error)[:70]}"
            print(f"{label:9} {name:11} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
