"""Where the HTML reader's time goes: each step's median CPU time per page as a multiple of an lxml
parse of the same page, measured page by page in the same run (best of ``--repeat`` runs each).

Steps are cumulative, so each row includes the ones above it:

- ``lxml parse``: ``lxml.html.document_fromstring`` of the raw bytes (the baseline);
- ``decode + parse``: the reader's safe parse (encoding, control characters, depth limit);
- ``+ metadata``: and the metadata modules (JSON-LD, ``<meta>``, headline, dates, authors);
- ``read, no analysis``: ``broadsheet.read`` with ``enrich=False`` (adds body extraction);
- ``read``: the whole reader, with quote, related-article and credit analysis.

    python bench/html_stages.py                 # fundus-dev
    python bench/html_stages.py --half b --repeat 5
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import lxml.html

import broadsheet
from broadsheet.formats.html import document, metadata

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "fundus-dev"


def _best(step: Callable[[bytes], object], data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step(data)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (fundus layout)")
    parser.add_argument("--half", choices=("a", "b"), help="one fixed half of the pages (as html_corpus.py)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and step; the best counts")
    args = parser.parse_args(argv)
    folder = args.corpus / "html"
    if not folder.is_dir():
        print(f"html_stages: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    names = sorted(path.name for path in folder.glob("*.html.gz"))
    if args.half:
        names = names[0 if args.half == "a" else 1 :: 2]
    steps: dict[str, Callable[[bytes], object]] = {
        "lxml parse": lxml.html.document_fromstring,
        "decode + parse": document.parse,
        "+ metadata": lambda data: metadata.extract(document.parse(data).root),
        "read, no analysis": lambda data: broadsheet.read(data, format="html", enrich=False),
        "read": lambda data: broadsheet.read(data, format="html"),
    }
    times: dict[str, list[float]] = {step: [] for step in steps}
    ratios: dict[str, list[float]] = {step: [] for step in steps}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in names:
            data = gzip.decompress((folder / name).read_bytes())
            base = 0.0
            for step, run in steps.items():
                try:
                    spent = _best(run, data, args.repeat)
                except broadsheet.BroadsheetError:
                    break
                if step == "lxml parse":
                    base = max(spent, 1e-6)
                times[step].append(spent * 1000)
                ratios[step].append(spent / base)
    print(f"{args.corpus.name}: {len(names)} pages{f' (half {args.half})' if args.half else ''}")
    print(f"{'step':<20} {'median ms':>10} {'x lxml':>8}")
    for step in steps:
        if times[step]:
            print(
                f"{step:<20} {statistics.median(times[step]):>10.2f} {statistics.median(ratios[step]):>8.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
