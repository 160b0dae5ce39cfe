"""NewsML-G2 speed against lxml alone on the same XML, measured in one run.

Run: ``python bench/newsml_speed.py [--repeat N] [--number N]``. For the seed
story and for the seed with every field and body node (the tests' "full"
article), prints the median time per article and the ratio to the baseline:

- write: ``broadsheet.write(a, "newsml")`` vs ``etree.tostring`` of the very
  tree it produces (parsed once beforehand), with the same options;
- read: ``broadsheet.read(b, "newsml")`` vs ``etree.fromstring(b)`` of the same bytes.

With ``--corpus DIR`` it also reads every ``*.html.gz`` page of a corpus
(e.g. ``../shared/corpora/fundus-dev/html``) with the HTML reader and reports
the same ratios summed over all its articles, and how many round-trip.

The ratio is what building (writing) or interpreting (reading) the tree costs
on top of the XML serialisation or parsing it cannot avoid.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

import broadsheet
from broadsheet.model import Article

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
import seed_story  # noqa: E402


def timeit(fn: Callable[[], Any], repeat: int, number: int) -> float:
    """Median seconds per call over ``repeat`` batches of ``number`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def measure(name: str, article: Article, repeat: int, number: int) -> None:
    """Print the rows for one article."""
    written = broadsheet.write(article, "newsml")
    tree = etree.fromstring(written)
    rows = [
        (
            "write",
            lambda: broadsheet.write(article, "newsml"),
            lambda: etree.tostring(tree, encoding="UTF-8", xml_declaration=True),
        ),
        ("read", lambda: broadsheet.read(written, "newsml"), lambda: etree.fromstring(written)),
    ]
    print(f"{name}: {len(written):,} bytes, {len(article.body)} blocks")
    for operation, ours, baseline in rows:
        ours_s = timeit(ours, repeat, number)
        base_s = timeit(baseline, repeat, number)
        print(f"  {operation:<8}{ours_s * 1e6:>11.1f} µs{base_s * 1e6:>11.1f} µs{ours_s / base_s:>8.1f}x")


def corpus(folder: Path) -> None:
    """Write and read every article of an HTML corpus once; print totals, ratios and round trips."""
    if not folder.is_dir():
        sys.exit(f"newsml_speed: no corpus folder at {folder} (../shared is not beside the checkout?)")
    ours_w = base_w = ours_r = base_r = 0.0
    count = same = 0
    for page in sorted(folder.glob("*.html.gz")):
        try:
            article = broadsheet.read(gzip.decompress(page.read_bytes()), "html")
        except broadsheet.BroadsheetError:
            continue
        start = time.perf_counter()
        written = broadsheet.write(article, "newsml")
        ours_w += time.perf_counter() - start
        tree = etree.fromstring(written)
        start = time.perf_counter()
        etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
        base_w += time.perf_counter() - start
        start = time.perf_counter()
        back = broadsheet.read(written, "newsml")
        ours_r += time.perf_counter() - start
        start = time.perf_counter()
        etree.fromstring(written)
        base_r += time.perf_counter() - start
        count += 1
        same += back == article
    if not count:
        print(f"corpus {folder}: no readable pages")
        return
    print(f"corpus {folder.name}: {count} articles, {same} read back equal")
    for operation, ours, base in (("write", ours_w, base_w), ("read", ours_r, base_r)):
        print(
            f"  {operation:<8}{ours / count * 1e6:>11.1f} µs{base / count * 1e6:>11.1f} µs{ours / base:>8.1f}x"
        )


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=100)
    parser.add_argument("--corpus", type=Path, help="a folder of *.html.gz pages to convert too")
    args = parser.parse_args()
    print(f"{'':<10}{'broadsheet':>13}{'lxml alone':>14}{'ratio':>9}")
    measure("seed", seed_story.seed_article(), args.repeat, args.number)
    measure("full", seed_story.full_article(), args.repeat, args.number)
    if args.corpus is not None:
        corpus(args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
