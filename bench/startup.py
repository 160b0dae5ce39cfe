"""Start-up: the wall time of one short command in a new process, as a ratio to a bare Python start.

Each command runs in a fresh interpreter, N rounds, the commands interleaved within a round so
that a busy machine weighs on all of them alike; the median of each is shown in seconds and as a
ratio to ``python -c pass`` measured in the same run. The commands are the ones a script calls:

- ``broadsheet --version`` and ``broadsheet formats``;
- ``broadsheet convert`` of the seed story, native JSON to JSON and its web page to JSON;
- trafilatura's command line on the same page (``trafilatura --json < page.html``), when it is
  installed: the HTML ratio is the first page of a process, the cold case of issue 11's speed rule.

The HTML conversion runs with a cache folder filled by one untimed run before (a machine where
broadsheet has read a page before: py3langid's model unpacked, month names kept), and once more
with an empty one each time (``empty cache``: the first run on a machine).

    python bench/startup.py                       # 7 rounds
    python bench/startup.py --runs 15 --json startup.json
    python bench/startup.py --before ../other-checkout/src   # the same commands of another tree
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_JSON = ROOT / "examples" / "zn-blinken.json"
SEED_HTML = ROOT / "tests" / "data" / "html" / "zn_blinken_uk.html"
CLI = "import sys; from broadsheet.cli import main; sys.exit(main())"
"""What the ``broadsheet`` console script runs, without depending on which install it points to."""
TRAFILATURA = "import sys; from trafilatura.cli import main; sys.exit(main())"


def _run(argv: list[str], env: dict[str, str], stdin: Path | None = None) -> float:
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as given:
        subprocess.run(
            argv, env=env, stdin=given, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
    return time.perf_counter() - start


def _commands(src: Path, label: str, work: Path, page: Path) -> dict[str, Any]:
    """The broadsheet commands of the tree ``src``, named with ``label``; a cache folder of their own,
    filled by one untimed run, as on a machine that has read a page before."""
    py = sys.executable
    env = dict(os.environ, PYTHONPATH=str(src), BROADSHEET_CACHE_DIR=str(work / f"cache-{label}"))
    out = str(work / f"out-{label}.json")
    _run([py, "-c", CLI, "convert", str(page), "-o", out], env)
    suffix = f" ({label})" if label else ""
    return {
        f"broadsheet --version{suffix}": ([py, "-c", CLI, "--version"], env, None),
        f"broadsheet formats{suffix}": ([py, "-c", CLI, "formats"], env, None),
        f"convert seed JSON -> JSON{suffix}": (
            [py, "-c", CLI, "convert", str(SEED_JSON), "-o", out],
            env,
            None,
        ),
        f"convert seed HTML -> JSON{suffix}": ([py, "-c", CLI, "convert", str(page), "-o", out], env, None),
        f"convert seed HTML -> JSON, empty cache{suffix}": (
            [py, "-c", CLI, "convert", str(page), "-o", out],
            env,
            "fresh",
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="rounds (default 7); the median is shown")
    parser.add_argument("--page", type=Path, default=SEED_HTML, help="the HTML page (default: the seed's)")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to time beside this one")
    parser.add_argument("--no-empty-cache", action="store_true", help="skip the empty-cache HTML runs")
    parser.add_argument("--json", type=Path, help="write the medians here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="broadsheet-startup-") as folder:
        work = Path(folder)
        py = sys.executable
        commands: dict[str, Any] = {"python -c pass": ([py, "-c", "pass"], dict(os.environ), None)}
        trees = [(ROOT / "src", "")] + ([(args.before.resolve(), "before")] if args.before else [])
        for src, label in trees:
            commands |= _commands(src, label, work, args.page)
        if args.no_empty_cache:
            commands = {name: command for name, command in commands.items() if command[2] != "fresh"}
        if importlib.util.find_spec("trafilatura") is not None:
            commands["trafilatura --json < page"] = (
                [py, "-c", TRAFILATURA, "--json"],
                dict(os.environ),
                args.page,
            )
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(args.runs):
            for name, (command, env, extra) in commands.items():
                if extra == "fresh":
                    env = dict(env, BROADSHEET_CACHE_DIR=str(work / f"empty-{round_}-{len(times[name])}"))
                    extra = None
                times[name].append(_run(command, env, extra))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["python -c pass"]
    print(f"start-up, median of {args.runs} runs (wall clock, seconds; ratio to python -c pass in this run)")
    width = max(len(name) for name in medians)
    for name, value in medians.items():
        print(f"  {name:<{width}}  {value:7.3f}  {value / base:6.1f}x")
    theirs = medians.get("trafilatura --json < page")
    if theirs:
        for name, value in medians.items():
            if name.startswith("convert seed HTML"):
                print(f"  {name} / trafilatura: {value / theirs:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "median_s": medians}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
