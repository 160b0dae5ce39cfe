"""Score the HTML reader on the two peer suites in ../shared/corpora/peer-suites, beside trafilatura.

- newspaper4k (23 pages, many scripts): body text against the expected text, F1 of character
  4-grams (lower-cased, whitespace removed) and of 4-word shingles, averaged over pages; title exact.
- trafilatura-realworld (107 pages): the share of must-contain and must-not-contain strings that
  hold in the body text, and of pages where all hold; "of the article": the must-contain strings
  without the 15 that occur only in readers' comments (trafilatura keeps comments by default).
  "comments kept": the same strings against what trafilatura's default extract holds, read by
  broadsheet with ``comments=True``: the body, the text of embedded posts and the readers'
  comments. Embedded posts' text counts only here: the suite asserts tweets' words (trafilatura
  keeps a tweet's blockquote), while fundus-dev's truths leave them out (none of the 4 tweet
  texts broadsheet quotes there, 3 on half a and 1 on half b, is in the truth), so
  ``article_text`` and the body columns never count them. "must not contain, comments kept" is
  checked against that same text.

    python bench/peer_suites.py                  # both suites, broadsheet beside trafilatura
    python bench/peer_suites.py --half a --worst 10 --no-baseline   # develop on half a

Halves split each suite's cases by position (a = even, b = odd), as bench/html_corpus.py does:
develop on one, check on the other. Metadata: newspaper4k's publishing day, language and
authors; trafilatura-realworld's title/author/date assertions. Dates are also scored beside
htmldate (a date-only baseline; ``--no-htmldate`` skips it): the share of dated cases each system
gets to the right day (``date``), leaves undated (``no date``) or misdates (``wrong date``).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_metrics import article_text, score_corpus, score_page
from story_structure import PageStructure, read_assertions, read_page, report

import broadsheet
from broadsheet.model import Embed, collect

SUITES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "peer-suites"


@dataclass
class Result:
    """What one system read off one page."""

    text: str = ""
    kept: str | None = None
    """The body with embedded posts' text and readers' comments (``None``: the system keeps them in
    ``text`` already, as trafilatura does)."""
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    """The publishing date as ISO text (at least the day)."""
    language: str | None = None
    article: Any = None
    """broadsheet's Article (for ``--structure``)."""


STRUCTURES: dict[str, list[tuple[str, PageStructure]]] | None = None
"""Per suite, the story lists and tables of each page broadsheet read (``--structure``)."""


System = Callable[[bytes, str | None], Result]


def _broadsheet(html: bytes, url: str | None) -> Result:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Comments are read beside the body, which is the same with or without them.
            article = broadsheet.read(html, format="html", url=url, comments=True)
    except broadsheet.BroadsheetError:
        return Result()
    text = article_text(article)
    posts = [embed.text for embed in collect(article.body, _embed) if embed.text]
    return Result(
        text=text,
        kept="\n".join([text, *posts, *(comment.text for comment in article.comments)]),
        title=article.title,
        authors=tuple(person.name for person in article.authors),
        date=article.published.isoformat() if article.published else None,
        language=article.language,
        article=article,
    )


def _embed(node: object) -> tuple[Embed, ...]:
    return (node,) if isinstance(node, Embed) else ()


def _trafilatura(html: bytes, url: str | None) -> Result:
    import trafilatura

    text = trafilatura.extract(html, url=url, fast=False, output_format="txt") or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return Result(text=text)
    authors = tuple(a.strip() for a in (meta.author or "").split(";") if a.strip())
    return Result(text=text, title=meta.title, authors=authors, date=meta.date, language=None)


def _htmldate(html: bytes, url: str | None) -> Result:
    """Only the publishing day, as htmldate finds it with its best settings for that."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # a crash is scored as no date
        found = None
    return Result(date=found)


DATE_ONLY = frozenset({"htmldate"})
"""Systems that only date pages: their text and other metadata columns are not printed."""


def _day(got: str | None, want: str) -> str:
    """``right``, ``none`` or ``wrong``: whether the found ISO text starts with the wanted day."""
    if not got:
        return "none"
    return "right" if got[:10] == want[:10] else "wrong"


def _half(cases: list[dict[str, Any]], half: str | None) -> list[dict[str, Any]]:
    return cases if not half else cases[0 if half == "a" else 1 :: 2]


def _grams(text: str) -> Counter[str]:
    squeezed = re.sub(r"\s+", "", text.lower())
    return Counter(squeezed[i : i + 4] for i in range(max(0, len(squeezed) - 3)))


def _f1(got: Counter[str], want: Counter[str]) -> float:
    tp = sum((got & want).values())
    if not got or not want:
        return 1.0 if got == want else 0.0
    precision, recall = tp / sum(got.values()), tp / sum(want.values())
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _share(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def newspaper4k(system: System, half: str | None, worst: list[tuple[float, str]]) -> dict[str, float]:
    data = json.loads((SUITES / "newspaper4k" / "cases.json").read_text(encoding="utf-8"))
    chars, pages = [], []
    titles: list[bool] = []
    dates: list[bool] = []
    languages: list[bool] = []
    authors: list[bool] = []
    for case in _half(data["cases"], half):
        html = gzip.decompress((SUITES / "newspaper4k" / case["file"]).read_bytes())
        got = system(html, case.get("url"))
        chars.append(_f1(_grams(got.text), _grams(case["text"])))
        worst.append((chars[-1], f"newspaper4k {case['name']}: char4 F1 {chars[-1]:.3f}"))
        pages.append(score_page(got.text, case["text"]))
        if STRUCTURES is not None and got.article is not None:
            found = read_page(html, case["text"], got.article)
            STRUCTURES.setdefault("newspaper4k", []).append((case["name"], found))
        meta = case.get("metadata") or {}
        if meta.get("title"):
            titles.append((got.title or "").strip() == meta["title"].strip())
        if meta.get("publish_date"):
            dates.append(_day(got.date, meta["publish_date"]))
        if case.get("language"):
            languages.append((got.language or "").split("-")[0] == case["language"])
        if meta.get("authors"):
            authors.append(set(got.authors) == set(meta["authors"]))
    return {
        "char4 F1": sum(chars) / len(chars),
        "shingle F1": score_corpus(pages).f1,
        "title": _share(titles),
        f"date ({len(dates)})": _share([d == "right" for d in dates]),
        "no date": _share([d == "none" for d in dates]),
        "wrong date": _share([d == "wrong" for d in dates]),
        f"authors ({len(authors)})": _share(authors),
        f"language ({len(languages)})": _share(languages),
    }


_OPS: dict[str, Callable[[str, str], bool]] = {
    "eq": lambda got, want: got == want,
    "in": lambda got, want: want in got,
    "startswith": lambda got, want: got.startswith(want),
    "endswith": lambda got, want: got.endswith(want),
}


def _field(got: Result, field: str) -> list[str]:
    if field == "title":
        return [got.title or ""]
    if field == "author":
        return ["; ".join(got.authors), *got.authors]
    return [(got.date or "")[:10]]


def realworld(system: System, half: str | None, worst: list[tuple[float, str]]) -> dict[str, float]:
    data = json.loads((SUITES / "trafilatura-realworld" / "cases.json").read_text(encoding="utf-8"))
    contain = not_contain = whole = 0
    kept_contain = kept_not = 0  # against the body with embedded posts and comments kept
    n_contain = n_not = 0
    article = n_article = 0  # must-contain strings of the article itself, not of readers' comments
    meta_hits: list[bool] = []
    date_hits: list[str] = []
    cases = _half(data["cases"], half)
    for case in cases:
        html = gzip.decompress((SUITES / "trafilatura-realworld" / case["file"]).read_bytes())
        got = system(html, case.get("url"))
        text = got.text
        kept = got.kept if got.kept is not None else text
        if STRUCTURES is not None and got.article is not None:
            strings = [item["text"] for item in case["must_contain"] if not item.get("comments")]
            found = read_assertions(html, strings, got.article)
            STRUCTURES.setdefault("trafilatura-realworld", []).append((case["file"], found))
        failed: list[str] = []
        for item in case["must_contain"]:
            n_contain += 1
            hit = item["text"] in text
            contain += hit
            kept_contain += item["text"] in kept
            if not item.get("comments"):
                n_article += 1
                article += hit
            if not hit:
                kept_note = " (kept with comments)" if item["text"] in kept else ""
                failed.append(f"missing {item['text'][:60]!r}{kept_note}")
        for item in case["must_not_contain"]:
            n_not += 1
            hit = item["text"] not in text
            not_contain += hit
            kept_not += item["text"] not in kept
            if not hit:
                failed.append(f"kept {item['text'][:60]!r}")
        whole += not failed
        for assertion in case["metadata"]:
            op = _OPS[assertion["op"]]
            hit = any(op(value, assertion["value"]) for value in _field(got, assertion["field"]))
            meta_hits.append(hit)
            if assertion["field"] == "date":
                date_hits.append("right" if hit else "none" if not got.date else "wrong")
            if not hit:
                failed.append(f"{assertion['field']} {assertion['op']} {assertion['value'][:40]!r}")
        if failed:
            worst.append((-len(failed), f"realworld {case['file']}: " + "; ".join(failed)))
    return {
        "must contain": contain / n_contain,
        "must contain, comments kept": kept_contain / n_contain,
        "of the article": article / n_article,
        "must not contain": not_contain / n_not,
        "must not contain, comments kept": kept_not / n_not,
        "pages all pass": whole / len(cases),
        f"metadata ({len(meta_hits)})": _share(meta_hits),
        f"date ({len(date_hits)})": _share([d == "right" for d in date_hits]),
        "no date": _share([d == "none" for d in date_hits]),
        "wrong date": _share([d == "wrong" for d in date_hits]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=("a", "b"), help="score one fixed half of each suite")
    parser.add_argument("--no-baseline", action="store_true", help="skip trafilatura")
    parser.add_argument("--no-htmldate", action="store_true", help="skip the htmldate date baseline")
    parser.add_argument("--suites", type=Path, help="the peer-suites folder (default ../shared/...)")
    parser.add_argument("--worst", type=int, default=0, help="list broadsheet's N worst cases")
    parser.add_argument(
        "--structure",
        action="store_true",
        help="count the story lists and tables broadsheet keeps, flattens or loses: newspaper4k's "
        "whose items are lines of the expected text, realworld's holding a must-contain string",
    )
    args = parser.parse_args(argv)
    global SUITES, STRUCTURES
    if args.structure:
        STRUCTURES = {}
    SUITES = (args.suites or SUITES).resolve()
    if not SUITES.is_dir():
        print(f"peer_suites: no suites at {SUITES} (needs ../shared beside the checkout)", file=sys.stderr)
        return 2
    systems: list[tuple[str, System]] = [("broadsheet", _broadsheet)]
    if not args.no_baseline:
        systems.append(("trafilatura", _trafilatura))
    if not args.no_htmldate and importlib.util.find_spec("htmldate") is not None:
        systems.append(("htmldate", _htmldate))
    worst: list[tuple[float, str]] = []
    for name, suite in (("newspaper4k", newspaper4k), ("trafilatura-realworld", realworld)):
        print(f"{name}{f' (half {args.half})' if args.half else ''}:")
        for system_name, system in systems:
            found: list[tuple[float, str]] = []
            scores = suite(system, args.half, found)
            if system_name == "broadsheet":
                worst.extend(found)
            if system_name in DATE_ONLY:
                scores = {k: v for k, v in scores.items() if "date" in k}
            print(f"  {system_name:<12} " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    for suite_name, found in (STRUCTURES or {}).items():
        print(f"\n{suite_name}:", end="")
        report(found, figures=False)
    for _, line in sorted(worst)[: args.worst]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
