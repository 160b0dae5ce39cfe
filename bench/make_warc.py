"""Write a WARC crawl of news pages from ../shared/corpora/fundus-dev, for the batch and WARC benchmarks.

Each corpus page becomes a request record and an HTML response record (with its URL
and HTTP headers, as a crawler writes them), repeated under distinct URLs until
``--pages`` responses are written; a warcinfo record opens the file. With a
``.gz`` name every record is its own gzip member, as crawlers write ``.warc.gz``.
The records are written by hand (the format is a header block and a body), so
the file does not depend on the WARC library being measured.

    python bench/make_warc.py /tmp/crawl.warc.gz                 # 1,000 pages
    python bench/make_warc.py /tmp/crawl.warc --pages 200
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "fundus-dev" / "html"
_CANONICAL = re.compile(
    rb"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"'<>\s]+)|"""
    rb"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"'<>\s]+)""",
    re.IGNORECASE,
)


def record(kind: str, target: str | None, block: bytes, content_type: str, date: str) -> bytes:
    """One WARC/1.1 record: its named header fields, a blank line, the block, two line breaks."""
    fields = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {target} {len(block)}')}>",
        f"WARC-Date: {date}",
    ]
    if target:
        fields.append(f"WARC-Target-URI: {target}")
    fields += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(fields) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html") -> bytes:
    """An HTTP/1.1 answer as a crawler stores it: status line, headers, body."""
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def http_request(url: str) -> bytes:
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return f"GET /{path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: make_warc\r\n\r\n".encode()


def pages(corpus: Path) -> list[tuple[str, bytes]]:
    """(URL, HTML) of every corpus page; its canonical or og:url address when it names one."""
    out = []
    for path in sorted(corpus.glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes())
        found = _CANONICAL.search(html[:200_000])
        url = (found.group(1) or found.group(2)).decode("ascii", "replace") if found else ""
        if not url.startswith(("http://", "https://")):
            url = f"https://{path.name.split('_')[0].lower()}.example/{path.name.removesuffix('.html.gz')}"
        out.append((url, html))
    return out


def records(corpus: Path, count: int) -> Iterator[bytes]:
    date = "2026-12-01T06:00:00Z"  # fixed, so the file is the same on every run
    yield record(
        "warcinfo", None, b"software: broadsheet bench/make_warc.py\r\n", "application/warc-fields", date
    )
    source = pages(corpus)
    if not source:
        raise SystemExit(f"no pages in {corpus}")
    for index in range(count):
        url, html = source[index % len(source)]
        if index >= len(source):  # a later copy of the page, under its own address
            url += ("&" if "?" in url else "?") + f"copy={index // len(source)}"
        yield record("request", url, http_request(url), "application/http; msgtype=request", date)
        yield record("response", url, http_response(html), "application/http; msgtype=response", date)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("output", help="the WARC file to write (.warc or .warc.gz)")
    parser.add_argument("--pages", type=int, default=1000, help="HTML response records (default 1000)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.html.gz pages")
    args = parser.parse_args(argv)
    compress = args.output.endswith(".gz")
    written = 0
    with open(args.output, "wb") as out:
        for block in records(args.corpus, args.pages):
            out.write(gzip.compress(block, mtime=0) if compress else block)
            written += 1
    size = Path(args.output).stat().st_size
    print(f"{args.output}: {args.pages} pages, {written} records, {size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
