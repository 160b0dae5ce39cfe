"""Native JSON speed against plain ``json`` on the same data, measured in one run.

Run: ``python bench/json_speed.py [--repeat N]``. Prints, per operation, the
median time per article and the ratio to the baseline:

- write: ``broadsheet.write(a, "json")`` vs ``json.dumps`` of the same dict with the same options;
- read: ``broadsheet.read(b, "json")`` vs ``json.loads`` of the same bytes;
- build: constructing the model (validators and normalisation) vs building the dict.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import broadsheet
from broadsheet.formats.json import codec, to_data

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import seed_article


def timeit(fn: Callable[[], Any], repeat: int, number: int) -> float:
    """Median seconds per call over ``repeat`` batches of ``number`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()

    article = seed_article.build()
    data = to_data(article)
    written = broadsheet.write(article, "json")
    pretty = {"ensure_ascii": False, "indent": 2}

    rows = [
        (
            "write (pretty)",
            lambda: broadsheet.write(article, "json"),
            lambda: (json.dumps(data, **pretty) + "\n").encode("utf-8"),
        ),
        (
            "write (compact)",
            lambda: broadsheet.write(article, "json", indent=None),
            lambda: (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"),
        ),
        ("read", lambda: broadsheet.read(written, "json"), lambda: json.loads(written)),
        ("build model", seed_article.build, lambda: json.loads(json.dumps(data))),
        ("model -> dict", lambda: codec.dump(article), lambda: json.loads(json.dumps(data))),
    ]
    print(f"seed article: {len(written):,} bytes of JSON, {len(article.body)} blocks")
    print(f"{'operation':<18}{'broadsheet':>14}{'plain json':>14}{'ratio':>8}")
    for name, ours, baseline in rows:
        ours_s = timeit(ours, args.repeat, args.number)
        base_s = timeit(baseline, args.repeat, args.number)
        print(f"{name:<18}{ours_s * 1e6:>11.1f} µs{base_s * 1e6:>11.1f} µs{ours_s / base_s:>7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
