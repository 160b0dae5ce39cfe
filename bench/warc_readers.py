"""Measure the WARC readers broadsheet could use (warcio, FastWARC) on the same crawl, in the same run.

For each library present: HTML response records per second (reading each record's
target URI, HTTP headers and whole body, which is what broadsheet.inputs needs), on
the plain and the gzip'd file, best of ``--repeat`` runs; then what each does with
a file cut in the middle of a record. Make the crawl first::

    python bench/make_warc.py /tmp/crawl.warc.gz && python bench/make_warc.py /tmp/crawl.warc
    python bench/warc_readers.py /tmp/crawl.warc /tmp/crawl.warc.gz

Timings are noisy on a shared machine: compare the libraries' ratio within one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
import time
from collections.abc import Callable

Reader = Callable[[str], tuple[int, int]]


def with_warcio(path: str) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    count = size = 0
    with open(path, "rb") as stream:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            if "html" not in (rec.http_headers.get_header("Content-Type") or ""):
                continue
            _ = rec.rec_headers.get_header("WARC-Target-URI"), dict(rec.http_headers.headers)
            size += len(rec.content_stream().read())
            count += 1
    return count, size


def with_fastwarc(path: str) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = size = 0
    with open(path, "rb") as stream:
        for rec in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            if "html" not in (rec.http_content_type or ""):
                continue
            _ = rec.headers.get("WARC-Target-URI"), dict(rec.http_headers)
            size += len(rec.reader.read())
            count += 1
    return count, size


READERS: dict[str, tuple[str, Reader]] = {
    "warcio": ("warcio", with_warcio),
    "fastwarc": ("fastwarc", with_fastwarc),
}


def truncated(path: str, reader: Reader) -> str:
    """What the reader does with the file cut at 60 % of its length (in the middle of a record)."""
    with open(path, "rb") as stream:
        data = stream.read()
    with tempfile.NamedTemporaryFile(suffix=os.path.basename(path), delete=False) as cut:
        cut.write(data[: len(data) * 6 // 10])
    try:
        count, _ = reader(cut.name)
        return f"{count} records, then silence (no error)"
    except Exception as error:  # what it raises is the measurement
        return f"raises {type(error).__module__}.{type(error).__name__}: {str(error)[:80]}"
    finally:
        os.unlink(cut.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", help="WARC files (.warc, .warc.gz) from bench/make_warc.py")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    present = {name: reader for name, (module, reader) in READERS.items() if importlib.util.find_spec(module)}
    for path in args.files:
        print(f"{path} ({os.path.getsize(path):,} bytes)")
        for name, reader in present.items():
            best = float("inf")
            count = 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                count, _ = reader(path)
                best = min(best, time.perf_counter() - start)
            print(f"  {name:9} {count} pages in {best:.3f} s = {count / best:,.0f} pages/s")
        for name, reader in present.items():
            print(f"  {name:9} truncated: {truncated(path, reader)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
