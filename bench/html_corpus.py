"""Measure the HTML reader on a development corpus, side by side with trafilatura in the same run.

Scores body text (shingle precision/recall/F1, see ``corpus_metrics``), title, authors (as a set),
publication date (to the minute when the truth has a time) and lead image, and the median CPU time
per page of ``broadsheet.read``, of ``trafilatura.extract`` and of parsing the page with lxml alone
(``--wall`` for wall-clock time instead). Dates get a second, day-only look beside htmldate (a
date-only baseline, ``--no-htmldate`` to skip it): the share of pages each system dates to the right
day, gives no date, or gives a wrong one.

    python bench/html_corpus.py                      # the whole of ../shared/corpora/fundus-dev
    python bench/html_corpus.py --sample 40 --json out.json
    python bench/html_corpus.py --no-baseline --worst 10
    python bench/html_corpus.py --half a --worst 20    # even-indexed pages only (b: odd)
    python bench/html_corpus.py --warm                 # time a second pass (caches filled)
    python bench/html_corpus.py --half a --no-baseline --structure   # story lists, tables, figures kept
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import importlib.util
import json
import random
import statistics
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_metrics import PageScore, article_text, score_corpus, score_page
from story_structure import PageStructure, judge_figures, read_page, report

import broadsheet
from broadsheet.model import Article, Figure

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "fundus-dev"
FIELDS = ("title", "authors", "date", "image")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00ad", "").casefold().split())


def _image_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{(parts.hostname or '').lower()}{parts.path}"


def _truth_date(value: str | None) -> tuple[dt.datetime | None, bool]:
    if not value:
        return None, False
    parsed = dt.datetime.fromisoformat(value)
    has_time = (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0)
    return parsed, has_time


def _date_right(truth: str | None, found: dt.datetime | dt.date | None) -> bool:
    expected, has_time = _truth_date(truth)
    if expected is None:
        return found is None
    if found is None:
        return False
    if isinstance(found, dt.datetime) and has_time and found.tzinfo and expected.tzinfo:
        return abs((found - expected).total_seconds()) < 60
    found_day = found.date() if isinstance(found, dt.datetime) else found
    if isinstance(found, dt.datetime) and found.tzinfo and expected.tzinfo and has_time:
        found_day = found.astimezone(expected.tzinfo).date()
    return found_day == expected.date()


def date_verdict(truth: str | None, found: dt.datetime | dt.date | None) -> str:
    """``right``, ``none`` or ``wrong``: whether ``found`` is the truth's day.

    The day is the one the truth is written in; a found time with an offset also counts when it
    falls on that day in the truth's offset (the same instant written in another zone).
    """
    expected, _ = _truth_date(truth)
    if expected is None:
        return "right" if found is None else "wrong"
    if found is None:
        return "none"
    found_day = found.date() if isinstance(found, dt.datetime) else found
    if found_day == expected.date():
        return "right"
    same_instant_day = (
        isinstance(found, dt.datetime)
        and found.tzinfo is not None
        and expected.tzinfo is not None
        and found.astimezone(expected.tzinfo).date() == expected.date()
    )
    return "right" if same_instant_day else "wrong"


def _cover_keys(images: list[dict[str, Any]]) -> set[str]:
    if not images:
        return set()
    cover = next((image for image in images if image.get("is_cover")), images[0])
    return {_image_key(version["url"]) for version in cover.get("versions", []) if version.get("url")}


def field_results(expected: dict[str, Any], title: str | None, authors: list[str] | None,
                  date: dt.datetime | dt.date | None, images: list[str]) -> dict[str, bool | None]:  # fmt: skip
    """Which of the four fields an extraction got right (``None``: the truth does not say)."""
    out: dict[str, bool | None] = {}
    out["title"] = _norm(title or "") == _norm(expected["title"]) if expected.get("title") else None
    if "authors" in expected:
        want = {_norm(name) for name in expected["authors"]}
        out["authors"] = {_norm(name) for name in authors or [] if name.strip()} == want
    else:
        out["authors"] = None
    out["date"] = _date_right(expected.get("publishing_date"), date)
    keys = _cover_keys(expected.get("images") or [])
    out["image"] = bool(images) and _image_key(images[0]) in keys if keys else None
    return out


# CPU time of this process: on a shared machine wall-clock time mostly measures the neighbours.
_CLOCK = time.process_time


def _timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = _CLOCK()
    result = function()
    return result, (_CLOCK() - start) * 1000


def run_ours(data: bytes, url: str) -> tuple[str, dict[str, Any], float]:
    """Read a page with broadsheet: body text, metadata, milliseconds."""
    article, ms = _timed(lambda: broadsheet.read(data, format="html", url=url))
    assert isinstance(article, Article)
    images = [image.url for image in article.images]
    images += [block.image.url for block in article.body if isinstance(block, Figure)]
    meta = {
        "title": article.title,
        "authors": [person.name for person in article.authors],
        "date": article.published,
        "images": images,
    }
    return article_text(article), meta, ms


def run_trafilatura(data: bytes, url: str) -> tuple[str, dict[str, Any], float]:
    """Extract a page with trafilatura: body text (timed), then its metadata (not timed)."""
    import trafilatura

    text, ms = _timed(lambda: trafilatura.extract(data, url=url, include_comments=False) or "")
    document = trafilatura.bare_extraction(
        data,
        url=url,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": True},
    )
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document or {})
    date = None
    if found.get("date"):
        try:
            date = dt.datetime.fromisoformat(found["date"])
        except ValueError:
            date = None
        if date is not None and date.tzinfo is None:
            date = date.date()  # type: ignore[assignment]
    authors = [name.strip() for name in (found.get("author") or "").split(";") if name.strip()]
    meta = {
        "title": found.get("title"),
        "authors": authors,
        "date": date,
        "images": [found["image"]] if found.get("image") else [],
    }
    return text, meta, ms


def run_htmldate(data: bytes, url: str) -> tuple[dt.date | None, float]:
    """The publishing day htmldate finds (its best settings for that: original date, extensive
    search), and its milliseconds."""
    from htmldate import find_date

    found, ms = _timed(lambda: find_date(data, url=url, original_date=True, extensive_search=True))
    try:
        return (dt.date.fromisoformat(found) if found else None), ms
    except ValueError:
        return None, ms


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (fundus layout)")
    parser.add_argument("--sample", type=int, default=0, help="score N pages drawn with a fixed seed")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument(
        "--half",
        choices=("a", "b"),
        help="score one fixed half of the pages: a = even, b = odd positions in sorted order "
        "(develop on one half, check the other)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip trafilatura")
    parser.add_argument("--no-htmldate", action="store_true", help="skip the htmldate date baseline")
    parser.add_argument("--json", type=Path, help="write per-page results and the summary here")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest body F1")
    parser.add_argument("--wall", action="store_true", help="time with the wall clock, not CPU time")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="read every page once, untimed, with each system first: the steady state of a long batch "
        "(patterns compiled and locale data loaded for each language), not a fresh process",
    )
    parser.add_argument(
        "--structure",
        action="store_true",
        help="also count the story lists, tables and figures of the expected data that broadsheet's "
        "body keeps, flattens or loses, with the pages (bench/story_structure.py; an untimed read)",
    )
    args = parser.parse_args(argv)
    if args.wall:
        global _CLOCK
        _CLOCK = time.perf_counter

    corpus = args.corpus.resolve()
    if not (corpus / "truth.json").is_file():
        print(
            f"html_corpus: no corpus at {corpus} (needs ../shared beside the checkout, or --corpus DIR)",
            file=sys.stderr,
        )
        return 2
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    bodies = json.loads((corpus / "ground-truth.json").read_text("utf-8"))
    names = sorted(truth)
    if args.half:
        names = names[0 if args.half == "a" else 1 :: 2]
    if args.sample:
        names = sorted(random.Random(args.seed).sample(names, min(args.sample, len(names))))
    if not args.no_baseline and importlib.util.find_spec("trafilatura") is None:
        # Without this every page would be scored as a trafilatura crash (all zeros).
        print("trafilatura is not installed: pip install -e '.[bench]', or pass --no-baseline")
        return 2
    systems = (
        {"broadsheet": run_ours}
        if args.no_baseline
        else {"broadsheet": run_ours, "trafilatura": run_trafilatura}
    )
    with_htmldate = not args.no_htmldate and importlib.util.find_spec("htmldate") is not None
    warnings.simplefilter("ignore")
    if args.warm:
        for name in names:
            data = gzip.decompress((corpus / "html" / f"{name}.html.gz").read_bytes())
            for run in systems.values():
                with contextlib.suppress(Exception):  # scored (and reported) in the timed pass
                    run(data, truth[name]["url"])
    pages: list[dict[str, Any]] = []
    structures: list[tuple[str, PageStructure]] = []
    for name in names:
        data = gzip.decompress((corpus / "html" / f"{name}.html.gz").read_bytes())
        url = truth[name]["url"]
        page: dict[str, Any] = {"page": name}
        _, page["lxml_ms"] = _timed(lambda: lxml.html.document_fromstring(data))  # noqa: B023
        for system, run in systems.items():
            try:
                text, meta, ms = run(data, url)
            except Exception as exc:  # a crash is scored as an empty extraction, and reported
                text, meta, ms = "", {"title": None, "authors": [], "date": None, "images": []}, 0.0
                page[f"{system}_error"] = f"{type(exc).__name__}: {exc}"
            score = score_page(text, bodies[name]["articleBody"])
            page[system] = {
                "ms": ms,
                "score": score,
                "fields": field_results(truth[name]["expected"], **meta),
                "day": date_verdict(truth[name]["expected"].get("publishing_date"), meta["date"]),
                "date_found": meta["date"],
            }
        if with_htmldate:
            try:
                day, ms = run_htmldate(data, url)
            except Exception as exc:  # scored as no date, and reported
                day, ms = None, 0.0
                page["htmldate_error"] = f"{type(exc).__name__}: {exc}"
            verdict = date_verdict(truth[name]["expected"].get("publishing_date"), day)
            page["htmldate"] = {"ms": ms, "day": verdict, "date_found": day}
        pages.append(page)
        if args.structure:
            article = broadsheet.read(data, format="html", url=url)
            assert isinstance(article, Article)
            found = read_page(data, bodies[name]["articleBody"], article)
            judge_figures(truth[name]["expected"].get("images") or [], article, found)
            structures.append((name, found))

    summary = _summarise(pages, list(systems))
    _print_table(summary, list(systems), corpus.name)
    dated = [*systems, "htmldate"] if with_htmldate else list(systems)
    summary["days"] = _print_days(pages, dated)
    for page in pages:
        for system in dated:
            if f"{system}_error" in page:
                print(f"error: {system} on {page['page']}: {page[f'{system}_error']}")
    if args.structure:
        summary["structure"] = report(structures)
    if args.worst:
        ranked = sorted(pages, key=lambda page: _page_f1(page["broadsheet"]["score"]))
        print("\nlowest body F1 (broadsheet):")
        for page in ranked[: args.worst]:
            score = page["broadsheet"]["score"]
            print(f"  {page['page']:<48} P {score.precision:.3f}  R {score.recall:.3f}")
    if args.worst and with_htmldate:
        print("\npages broadsheet does not date to the day (htmldate's verdict beside):")
        for page in pages:
            if page["broadsheet"]["day"] != "right":
                want = truth[page["page"]]["expected"].get("publishing_date")
                print(
                    f"  {page['page']:<44} want {want}  got {page['broadsheet']['date_found']}"
                    f"  htmldate {page['htmldate']['day']} {page['htmldate']['date_found']}"
                )
    if args.json:
        for page in pages:
            for system in systems:
                score = page[system]["score"]
                page[system]["score"] = {"precision": score.precision, "recall": score.recall}
        args.json.write_text(json.dumps({"summary": summary, "pages": pages}, indent=1, default=str), "utf-8")
    return 0


def _page_f1(score: PageScore) -> float:
    total = score.precision + score.recall
    return 2 * score.precision * score.recall / total if total else 0.0


def _summarise(pages: list[dict[str, Any]], systems: list[str]) -> dict[str, Any]:
    lxml_ms = statistics.median(page["lxml_ms"] for page in pages)
    summary: dict[str, Any] = {"pages": len(pages), "lxml_median_ms": lxml_ms}
    for system in systems:
        corpus_score = score_corpus(page[system]["score"] for page in pages)
        median_ms = statistics.median(page[system]["ms"] for page in pages)
        fields: dict[str, float | None] = {}
        for field in FIELDS:
            verdicts = [page[system]["fields"][field] for page in pages]
            judged = [verdict for verdict in verdicts if verdict is not None]
            fields[field] = sum(judged) / len(judged) if judged else None
        summary[system] = {
            "precision": corpus_score.precision,
            "recall": corpus_score.recall,
            "f1": corpus_score.f1,
            "fields": fields,
            "median_ms": median_ms,
            "ratio_to_lxml": median_ms / lxml_ms if lxml_ms else None,
        }
    return summary


def _print_days(pages: list[dict[str, Any]], systems: list[str]) -> dict[str, dict[str, float]]:
    """Print and return, per system, the share of pages dated to the right day, undated, misdated."""
    print(f"\npublishing day ({len(pages)} pages)   right    none   wrong   ms/page")
    out: dict[str, dict[str, float]] = {}
    for system in systems:
        verdicts = [page[system]["day"] for page in pages]
        shares = {kind: verdicts.count(kind) / len(verdicts) for kind in ("right", "none", "wrong")}
        shares["median_ms"] = statistics.median(page[system]["ms"] for page in pages)
        out[system] = shares
        print(
            f"  {system:<28} {shares['right']:>7.3f} {shares['none']:>7.3f} {shares['wrong']:>7.3f}"
            f" {shares['median_ms']:>9.2f}"
        )
    if "htmldate" in systems:  # what htmldate would add as broadsheet's fallback on undated pages
        verdicts = [
            page["htmldate"]["day"] if page["broadsheet"]["day"] == "none" else page["broadsheet"]["day"]
            for page in pages
        ]
        shares = {kind: verdicts.count(kind) / len(verdicts) for kind in ("right", "none", "wrong")}
        out["broadsheet+htmldate fallback"] = shares
        name = "broadsheet, htmldate if none"
        print(f"  {name:<28} {shares['right']:>7.3f} {shares['none']:>7.3f} {shares['wrong']:>7.3f}")
    return out


def _print_table(summary: dict[str, Any], systems: list[str], corpus: str) -> None:
    print(
        f"{corpus}: {summary['pages']} pages; lxml parse alone: median {summary['lxml_median_ms']:.2f} ms/page"
    )
    header = (
        f"{'system':<12} {'body P':>7} {'body R':>7} {'body F1':>7} "
        + " ".join(f"{field:>7}" for field in FIELDS)
        + f" {'ms/page':>8} {'x lxml':>7}"
    )
    print(header)
    print("-" * len(header))
    for system in systems:
        row = summary[system]
        fields = " ".join(
            f"{row['fields'][field]:>7.3f}" if row["fields"][field] is not None else f"{'-':>7}"
            for field in FIELDS
        )
        print(
            f"{system:<12} {row['precision']:>7.3f} {row['recall']:>7.3f} {row['f1']:>7.3f} {fields}"
            f" {row['median_ms']:>8.2f} {row['ratio_to_lxml']:>7.1f}"
        )
    if len(systems) == 2:
        ours, theirs = (summary[system] for system in systems)
        if theirs["median_ms"] > 0:  # zero only when every baseline run crashed
            print(f"time ratio broadsheet / trafilatura: {ours['median_ms'] / theirs['median_ms']:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
