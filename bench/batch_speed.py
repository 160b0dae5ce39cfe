"""Batch speed: a folder of pages to JSON Lines with 1 and 2 jobs, against trafilatura, in one run.

Run: ``python bench/batch_speed.py [--pages 300] [--rss-pages 10000]``. The pages
are the fundus-dev corpus's (``../shared/corpora/fundus-dev/html``), repeated
under new names to reach ``--pages``, written to a temporary folder. Prints:

- pages per second of ``broadsheet convert DIR -o out.jsonl -j 1`` and ``-j 2``
  (whole command, start-up included), of ``broadsheet convert crawl.warc.gz -o
  out.jsonl`` with 1 and 2 jobs on a WARC of the same pages (``bench/make_warc.py``;
  ``--no-warc`` skips it), and of ``trafilatura --input-dir DIR
  --output-dir OUT --json --parallel 1`` and ``2`` on the same pages;
- the per-page cost of the batch CLI with one job against an in-process loop
  that reads each page and appends its JSON line (start-up shown apart:
  ``broadsheet --version``'s time is subtracted for the "work" ratio);
- the resident memory of a batch (its process and its workers) after
  ``--rss-at`` pages and after ``--rss-pages`` pages, pages repeated, with 2 jobs;
- with ``--repeat N``, the 1- and 2-job folder runs N times in turn and the spread
  of their ratio, beside the machine's own ceiling for this work: one process
  converting every page against two independent processes converting half each
  at once (no batch machinery at all: what two cores give this workload).

Speed numbers on a shared machine are noisy: compare the ratios of one run, and
read the load averages printed at its start and end (a ratio means something
only when nothing else was running).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "fundus-dev" / "html"
BIN = Path(sys.executable).parent


def _pages(folder: Path, count: int) -> list[bytes]:
    sources = sorted(CORPUS.glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no pages in {CORPUS}")
    data = [gzip.decompress(path.read_bytes()) for path in sources]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:05d}-{sources[n % len(sources)].name.removesuffix('.gz')}").write_bytes(
            data[n % len(data)]
        )
    return data


def _timed(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some pages failed, which the summary counts
        raise SystemExit(f"{command[:3]} failed: {done.stderr.decode()[-500:]}")
    return seconds


def _in_process(folder: Path, out: Path) -> float:
    """Read each page and append its line, in this process: the floor a batch is measured against."""
    import broadsheet
    from broadsheet.formats.jsonl import article_line

    paths = sorted(folder.iterdir())
    broadsheet.read(paths[0])  # imports and warm-up, as a worker's initializer does
    start = time.perf_counter()
    with open(out, "wb") as handle:
        for path in paths:
            with contextlib.suppress(broadsheet.BroadsheetError):
                handle.write(article_line(broadsheet.read(path)))
    return time.perf_counter() - start


def _loop_part(folder: Path, part: int, parts: int) -> None:
    """Convert every ``parts``-th page from the ``part``-th (the ceiling's processes)."""
    import broadsheet
    from broadsheet.formats.jsonl import article_line

    paths = sorted(folder.iterdir())[part::parts]
    with open(os.devnull, "wb") as handle:
        for path in paths:
            with contextlib.suppress(broadsheet.BroadsheetError):
                handle.write(article_line(broadsheet.read(path)))


def _ceiling(folder: Path) -> tuple[float, float]:
    """Seconds for one process converting every page, and for two converting half each at once
    (whole processes, start-up included, as the batch commands are timed)."""
    command = [sys.executable, __file__, "--loop-part", "{}", "--folder", str(folder)]
    start = time.perf_counter()
    subprocess.run([part.format("0/1") for part in command], check=True)
    one = time.perf_counter() - start
    start = time.perf_counter()
    halves = [subprocess.Popen([part.format(f"{n}/2") for part in command]) for n in (0, 1)]
    if any(process.wait() for process in halves):
        raise SystemExit("a ceiling process failed")
    return one, time.perf_counter() - start


def _load() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _repeated(folder: Path, work: Path, rounds: int, pages: int) -> None:
    """The 1- and 2-job runs in turn, ``rounds`` times, with the ceiling of each round."""
    broadsheet = [sys.executable, "-m", "broadsheet.cli", "convert", str(folder), "-q", "-j"]
    ratios, ceilings = [], []
    print(
        f"\n{'round':<6} {'-j 1 s':>7} {'-j 2 s':>7} {'ratio':>6} {'1 loop':>7} {'2 loops':>7} {'ceiling':>7}  load"
    )
    for round in range(1, rounds + 1):
        one = _timed([*broadsheet, "1", "-o", str(work / "r1.jsonl")])
        two = _timed([*broadsheet, "2", "-o", str(work / "r2.jsonl")])
        loop, loops = _ceiling(folder)
        ratios.append(one / two)
        ceilings.append(loop / loops)
        print(
            f"{round:<6} {one:7.2f} {two:7.2f} {one / two:6.2f} {loop:7.2f} {loops:7.2f} "
            f"{loop / loops:7.2f}  {_load()}",
            flush=True,
        )
    ratios.sort()
    ceilings.sort()
    print(
        f"2 jobs / 1 job over {rounds} rounds of {pages} pages: {ratios[0]:.2f}-{ratios[-1]:.2f}x "
        f"(median {ratios[len(ratios) // 2]:.2f}); two independent processes: "
        f"{ceilings[0]:.2f}-{ceilings[-1]:.2f}x (median {ceilings[len(ceilings) // 2]:.2f})"
    )


def _rss_of_tree() -> int:
    import psutil

    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return total


def _rss(data: list[bytes], at: int, total: int, out: Path) -> tuple[int, int]:
    from broadsheet import batch
    from broadsheet.formats._shared.loaded import Loaded

    def pages() -> Iterator[Loaded]:
        for n in range(total):
            yield Loaded(data=data[n % len(data)], name=f"page-{n}.html")

    first = last = 0
    for result in batch.convert(pages(), out, jobs=2):
        done = result.index + 1
        if done == at:
            first = _rss_of_tree()
        if done == total:
            last = _rss_of_tree()
        if done % 1000 == 0:  # a trace, so a long run shows its trend as it goes
            print(f"  page {done:,}: {_rss_of_tree() / 2**20:.0f} MiB", file=sys.stderr, flush=True)
    return first, last


def _rss_line(first: int, last: int, args: argparse.Namespace) -> str:
    return (
        f"RSS (batch and its 2 workers): {first / 2**20:.0f} MiB at page {args.rss_at:,}, "
        f"{last / 2**20:.0f} MiB at page {args.rss_pages:,} ({(last - first) / first * 100:+.1f} %)"
    )


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rss-at", type=int, default=1000)
    parser.add_argument("--rss-pages", type=int, default=10000, help="0 skips the memory run")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--no-warc", action="store_true", help="skip the WARC input rows")
    parser.add_argument("--rss-only", action="store_true", help="only the memory run")
    parser.add_argument("--repeat", type=int, default=0, help="rounds of 1 and 2 jobs with the ceiling")
    parser.add_argument("--repeat-only", type=int, default=0, help="only N rounds of --repeat")
    parser.add_argument("--loop-part", help=argparse.SUPPRESS)  # K/N: one ceiling process
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.loop_part:
        part, parts = (int(n) for n in args.loop_part.split("/"))
        _loop_part(args.folder, part, parts)
        return 0

    work = Path(tempfile.mkdtemp(prefix="bs-batch-"))
    try:
        folder = work / "pages"
        data = _pages(folder, args.pages)
        print(f"{args.pages} pages from {CORPUS} ({len(data)} distinct), in a folder; {_load()}")
        if args.repeat_only:
            _repeated(folder, work, args.repeat_only, args.pages)
            print(f"\nat the end: {_load()}")
            return 0
        if args.rss_only:
            first, last = _rss(data, args.rss_at, args.rss_pages, work / "rss.jsonl")
            print(_rss_line(first, last, args))
            return 0
        broadsheet = [sys.executable, "-m", "broadsheet.cli"]
        startup = min(_timed([*broadsheet, "--version"]) for _ in range(3))
        rows = []
        for jobs in (1, 2):
            seconds = _timed(
                [
                    *broadsheet,
                    "convert",
                    str(folder),
                    "-o",
                    str(work / f"j{jobs}.jsonl"),
                    "-q",
                    "-j",
                    str(jobs),
                ]
            )
            rows.append((f"broadsheet convert -j {jobs}", seconds))
        if not args.no_warc:
            crawl = work / "crawl.warc.gz"
            make = [sys.executable, str(Path(__file__).with_name("make_warc.py"))]
            subprocess.run([*make, str(crawl), "--pages", str(args.pages)], check=True, capture_output=True)
            for jobs in (1, 2):
                command = [*broadsheet, "convert", str(crawl), "-o", str(work / f"w{jobs}.jsonl")]
                seconds = _timed([*command, "-q", "-j", str(jobs)])
                rows.append((f"broadsheet convert WARC -j {jobs}", seconds))
        if not args.no_trafilatura:
            for jobs in (1, 2):
                out = work / f"traf{jobs}"
                seconds = _timed(
                    [
                        str(BIN / "trafilatura"),
                        "--input-dir",
                        str(folder),
                        "--output-dir",
                        str(out),
                        "--json",
                        "--parallel",
                        str(jobs),
                    ]
                )
                rows.append((f"trafilatura --parallel {jobs}", seconds))
        loop = _in_process(folder, work / "loop.jsonl")
        print(f"\n{'command':<32} {'seconds':>8} {'pages/s':>8}")
        for name, seconds in rows:
            print(f"{name:<32} {seconds:8.2f} {args.pages / seconds:8.1f}")
        one, two = rows[0][1], rows[1][1]
        print(f"\n2 jobs / 1 job speed-up: {one / two:.2f}x")
        named = dict(rows)
        if not args.no_trafilatura:
            theirs = named["trafilatura --parallel 2"]
            print(f"broadsheet -j 2 vs trafilatura --parallel 2: {theirs / two:.2f}x as fast")
            if not args.no_warc:
                warc = named["broadsheet convert WARC -j 2"]
                print(
                    f"broadsheet WARC -j 2 vs trafilatura --parallel 2 (folder): {theirs / warc:.2f}x as fast"
                )
        print(
            f"\nper page: batch CLI -j 1 {one / args.pages * 1000:.1f} ms, in-process loop "
            f"{loop / args.pages * 1000:.1f} ms: {one / loop:.2f}x whole command, "
            f"{(one - startup) / loop:.2f}x without start-up ({startup:.2f} s)"
        )
        if args.repeat:
            _repeated(folder, work, args.repeat, args.pages)
        if args.rss_pages:
            first, last = _rss(data, args.rss_at, args.rss_pages, work / "rss.jsonl")
            print("\n" + _rss_line(first, last, args))
        print(f"\nat the end: {_load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
