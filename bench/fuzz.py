"""Fuzz broadsheet for a while: mutated real documents and our own outputs, read, written, read back.

Uses the harness of the test suite (``tests/fuzz/harness.py``): a finding is an
exception that is not a ``BroadsheetError``, a step over 10 s, or an output its
own reader refuses. Prints what was tried and every distinct finding with a
reproducer file.

    python bench/fuzz.py --minutes 30              # fast writers (json, ninjs, newsml, html, markdown, text)
    python bench/fuzz.py --minutes 30 --slow       # also EPUB and PDF
    python bench/fuzz.py --seed 7 --out findings/  # reproducible; findings written there
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))

from harness import FAST_WRITERS, SLOW_WRITERS, Finding, check, mutations
from hypothesis import HealthCheck, given, settings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--slow", action="store_true", help="also write EPUB and PDF")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    writers = FAST_WRITERS + (SLOW_WRITERS if args.slow else ())
    rng = random.Random(args.seed)
    stop = time.monotonic() + args.minutes * 60
    tried = 0
    read = 0
    by_format: collections.Counter[str] = collections.Counter()
    findings: dict[str, tuple[str, bytes]] = {}
    started = time.monotonic()
    cases: list[tuple[str, bytes]] = []

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(mutations())
    def collect(case: tuple[str, bytes]) -> None:
        cases.append(case)

    while time.monotonic() < stop:
        cases.clear()
        collect._hypothesis_internal_use_seed = rng.getrandbits(64)  # type: ignore[attr-defined]
        collect()
        for fmt, data in cases:
            if time.monotonic() >= stop:
                break
            tried += 1
            by_format[fmt] += 1
            try:
                read += check(data, fmt, writers=writers)
            except Finding as finding:
                key = str(finding).split(":", 2)[:2]
                name = " ".join(key)
                if name not in findings:
                    findings[name] = (fmt, data)
                    print(f"finding: {finding}", flush=True)
    elapsed = time.monotonic() - started
    print(
        f"\n{tried} inputs in {elapsed / 60:.1f} min ({tried / elapsed:.1f}/s), writers: {', '.join(writers)}"
    )
    print(
        f"read as documents (then written and read back): {read} ({read / max(tried, 1):.0%}); the rest refused"
    )
    print("by format:", ", ".join(f"{k} {v}" for k, v in sorted(by_format.items())))
    print(f"distinct findings: {len(findings)}")
    if findings:
        args.out.mkdir(parents=True, exist_ok=True)
        for index, (name, (fmt, data)) in enumerate(sorted(findings.items()), 1):
            path = args.out / f"finding-{index:03d}.{fmt}"
            path.write_bytes(data)
            print(f"  {path}: {name}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
