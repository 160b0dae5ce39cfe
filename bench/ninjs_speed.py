"""ninjs write and read speed against plain ``json`` on the same dicts, measured in one run.

Run: ``python bench/ninjs_speed.py [--repeat N] [--number N] [--generated N]``.
Prints the best time per article (of ``--repeat`` batches) and the ratio to the baseline:

- write: ``broadsheet.write(a, "ninjs")`` (model → ninjs dict → JSON bytes, HTML body built)
  vs ``json.dumps`` of the very ninjs dict it produces, with the same options;
- read: ``broadsheet.read(b, "ninjs")`` (JSON → dict → HTML body parsed → model)
  vs ``json.loads`` of the same bytes.

Rows: the seed story (examples/seed_article.py), then the mean over a fixed set of
articles from ``broadsheet.testing.articles()`` (hypothesis, seeded, so every run
measures the same documents).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import broadsheet
from broadsheet.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import seed_article


def best(fn: Callable[[], Any], repeat: int, number: int) -> float:
    """Fastest seconds per call over ``repeat`` batches of ``number`` calls (least disturbed by load)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return min(samples)


def generated(count: int) -> list[Article]:
    """``count`` articles from the hypothesis strategy, the same ones every run."""
    from hypothesis import HealthCheck, given, seed, settings

    from broadsheet.testing import articles

    found: list[Article] = []

    @seed(20220121)
    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(articles())
    def collect(article: Article) -> None:
        found.append(article)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        collect()
    return found[:count]


def measure(
    articles: list[Article], version: str, repeat: int, number: int
) -> tuple[float, float, float, float]:
    """Mean seconds per article: (our write, json.dumps, our read, json.loads)."""
    totals = [0.0, 0.0, 0.0, 0.0]
    for article in articles:
        written = broadsheet.write(article, "ninjs", version=version)
        data = json.loads(written)
        calls = (
            lambda a=article: broadsheet.write(a, "ninjs", version=version),
            lambda d=data: (json.dumps(d, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            lambda w=written: broadsheet.read(w, "ninjs"),
            lambda w=written: json.loads(w),
        )
        for index, call in enumerate(calls):
            totals[index] += best(call, repeat, number)
    n = len(articles)
    return totals[0] / n, totals[1] / n, totals[2] / n, totals[3] / n


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--number", type=int, default=100)
    parser.add_argument(
        "--generated", type=int, default=40, help="how many generated articles to average over"
    )
    args = parser.parse_args()

    seed = seed_article.build()
    sets = [("seed story", [seed]), (f"{args.generated} generated", generated(args.generated))]
    size = len(broadsheet.write(seed, "ninjs"))
    print(f"seed story: {size:,} bytes of ninjs 3.1, {len(seed.body)} blocks")
    print(f"{'articles':<16}{'version':<9}{'op':<7}{'broadsheet':>13}{'plain json':>13}{'ratio':>8}")
    for label, articles in sets:
        number = args.number if len(articles) == 1 else max(1, args.number // 10)
        for version in ("3.1", "2.2"):
            write, dumps, read, loads = measure(articles, version, args.repeat, number)
            for op, ours, base in (("write", write, dumps), ("read", read, loads)):
                print(
                    f"{label:<16}{version:<9}{op:<7}{ours * 1e6:>10.1f} µs{base * 1e6:>10.1f} µs"
                    f"{ours / base:>7.1f}x"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
