"""Small inputs built in the test: news pages, feeds, sitemaps and WARC files (written by hand)."""

from __future__ import annotations

import gzip
from collections.abc import Sequence


def page(title: str, url: str | None = None, words: str = "The council met on Tuesday") -> bytes:
    """A news page the HTML reader reads as an article titled ``title`` (canonical ``url``)."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    paragraphs = "".join(
        f"<p>{words} and agreed, after a long debate about item {n}, to publish its minutes in full.</p>"
        for n in range(4)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{canonical}'
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def rss(title: str, items: Sequence[tuple[str, str | None]]) -> bytes:
    """An RSS 2.0 feed: (link, RFC 822 date or None) per item."""
    body = "".join(
        f"<item><title>Item {n}</title><link>{link}</link>{f'<pubDate>{date}</pubDate>' if date else ''}</item>"
        for n, (link, date) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def atom(title: str, items: Sequence[tuple[str, str | None]]) -> bytes:
    """An Atom feed: (href, ISO date or None) per entry."""
    body = "".join(
        f'<entry><title>Entry {n}</title><link rel="alternate" href="{href}"/>'
        f"{f'<updated>{date}</updated>' if date else ''}</entry>"
        for n, (href, date) in enumerate(items)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{body}</feed>'.encode()


def sitemap(urls: Sequence[str], *, index: bool = False) -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    body = "".join(f"<{item}><loc>{url}</loc></{item}>" for url in urls)
    return f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</{tag}>'.encode()


def warc_record(kind: str, target: str | None, block: bytes, content_type: str) -> bytes:
    """One WARC/1.1 record: named header fields, a blank line, the block, two line breaks."""
    fields = ["WARC/1.1", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, target)))}>"]
    fields.append("WARC-Date: 2026-12-01T06:00:00Z")
    if target:
        fields.append(f"WARC-Target-URI: {target}")
    fields += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(fields) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(
    body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\nX-Crawl: yes\r\n\r\n"
    return head.encode() + body


def response(
    url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> bytes:
    return warc_record(
        "response", url, http_response(body, content_type, status), "application/http; msgtype=response"
    )


def request(url: str) -> bytes:
    block = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
    return warc_record("request", url, block, "application/http; msgtype=request")


def warc(records: Sequence[bytes], *, compress: bool) -> bytes:
    """A WARC file of the records; gzip'd one member per record, as crawlers write ``.warc.gz``."""
    return b"".join(gzip.compress(record, mtime=0) if compress else record for record in records)
