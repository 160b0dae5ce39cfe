"""EPUBCheck over real pages: every fundus-dev page read by the HTML reader, written as EPUB.

    python bench/epub_corpus_check.py [--limit N] [--edition]

Reads each page of ``../shared/corpora/fundus-dev/html`` (no network: remote
images degrade to captions), writes it as a one-article EPUB (and, with
``--edition``, all of them as one edition), then runs EPUBCheck
(``--failonwarnings``) once over every book. Prints how many passed, the
messages by kind, and the pages that could not be read or written.
Too slow for CI (a few seconds of Java); run it after changing the writer.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "formats" / "epub"))

from epubcheck_runner import check_many  # noqa: E402

import broadsheet  # noqa: E402
from broadsheet.model import Article, Edition  # noqa: E402

CORPUS = HERE.parent / ".." / "shared" / "corpora" / "fundus-dev" / "html"
_MESSAGE = re.compile(r"(?:ERROR|WARNING|FATAL)\((\w+-\d+)\): [^:]+\.epub/([^:(]*)[^:]*: (.*)")


def main() -> int:
    """Write, check, and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="check only the first N pages")
    parser.add_argument("--edition", action="store_true", help="also write all pages as one edition")
    args = parser.parse_args()
    pages = sorted(CORPUS.resolve().glob("*.html.gz"))[: args.limit or None]
    if not pages:
        print(
            f"epub_corpus_check: no pages under {CORPUS.resolve()} (../shared is not beside the checkout)",
            file=sys.stderr,
        )
        return 2
    failures: list[str] = []
    articles: list[Article] = []
    write_ms = 0.0
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        books: dict[Path, str] = {}
        for page in pages:
            try:
                article = broadsheet.read(gzip.decompress(page.read_bytes()), "html")
                start = time.perf_counter()
                data = broadsheet.write(article, "epub")
                write_ms += (time.perf_counter() - start) * 1000
            except broadsheet.BroadsheetError as error:
                failures.append(f"{page.name}: {type(error).__name__}: {error}")
                continue
            articles.append(article)
            path = Path(folder) / (page.name.removesuffix(".html.gz") + ".epub")
            path.write_bytes(data)
            books[path] = page.name
        if args.edition and articles:
            path = Path(folder) / "edition.epub"
            path.write_bytes(broadsheet.write(Edition.of("fundus-dev", articles), "epub"))
            books[path] = "(edition of every page)"
        results = check_many(list(books))
    kinds: collections.Counter[str] = collections.Counter()
    failed = []
    for path, (status, report) in results.items():
        if status:
            failed.append(books[path])
            for code, _file, text in _MESSAGE.findall(report):
                kinds[f"{code} {text[:100]}"] += 1
    print(f"pages: {len(pages)}, written: {len(books)}, EPUBCheck clean: {len(books) - len(failed)}")
    print(f"EPUB writing: {write_ms / max(1, len(articles)):.1f} ms per page on average")
    for name in failed:
        print(f"  not clean: {name}")
    for kind, count in kinds.most_common(20):
        print(f"  {count:4d} × {kind}")
    for line in failures:
        print(f"  not written: {line}")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
