"""Score the HTML reader on the two peer suites in ../shared/corpora/peer-suites, beside trafilatura.

- newspaper4k (23 pages, many scripts): body text against the expected text, F1 of character
  4-grams (lower-cased, whitespace removed) and of 4-word shingles, averaged over pages; title exact.
- trafilatura-realworld (107 pages): the share of must-contain and must-not-contain strings that
  hold in the body text, and of pages where all hold.

    python bench/peer_suites.py
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_metrics import article_text, score_corpus, score_page

import broadsheet

SUITES = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "peer-suites"


def _broadsheet(html: bytes, url: str | None) -> tuple[str, str | None]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = broadsheet.read(html, format="html", url=url)
    except broadsheet.BroadsheetError:
        return "", None
    return article_text(article), article.title


def _trafilatura(html: bytes, url: str | None) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(html, url=url, fast=False, output_format="txt") or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    return text, meta.title if meta is not None else None


def _grams(text: str) -> Counter[str]:
    squeezed = re.sub(r"\s+", "", text.lower())
    return Counter(squeezed[i : i + 4] for i in range(max(0, len(squeezed) - 3)))


def _f1(got: Counter[str], want: Counter[str]) -> float:
    tp = sum((got & want).values())
    if not got or not want:
        return 1.0 if got == want else 0.0
    precision, recall = tp / sum(got.values()), tp / sum(want.values())
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def newspaper4k(system: Callable[[bytes, str | None], tuple[str, str | None]]) -> dict[str, float]:
    data = json.loads((SUITES / "newspaper4k" / "cases.json").read_text(encoding="utf-8"))
    chars, pages, titles = [], [], []
    for case in data["cases"]:
        html = gzip.decompress((SUITES / "newspaper4k" / case["file"]).read_bytes())
        text, title = system(html, case.get("url"))
        chars.append(_f1(_grams(text), _grams(case["text"])))
        pages.append(score_page(text, case["text"]))
        want = (case.get("metadata") or {}).get("title")
        if want:
            titles.append((title or "").strip() == want.strip())
    return {
        "char4 F1": sum(chars) / len(chars),
        "shingle F1": score_corpus(pages).f1,
        "title": sum(titles) / len(titles) if titles else 0.0,
    }


def realworld(system: Callable[[bytes, str | None], tuple[str, str | None]]) -> dict[str, float]:
    data = json.loads((SUITES / "trafilatura-realworld" / "cases.json").read_text(encoding="utf-8"))
    contain = not_contain = whole = 0
    n_contain = n_not = 0
    for case in data["cases"]:
        html = gzip.decompress((SUITES / "trafilatura-realworld" / case["file"]).read_bytes())
        text, _ = system(html, case.get("url"))
        ok = True
        for item in case["must_contain"]:
            n_contain += 1
            hit = item["text"] in text
            contain += hit
            ok &= hit
        for item in case["must_not_contain"]:
            n_not += 1
            hit = item["text"] not in text
            not_contain += hit
            ok &= hit
        whole += ok
    return {
        "must contain": contain / n_contain,
        "must not contain": not_contain / n_not,
        "pages all pass": whole / len(data["cases"]),
    }


def main() -> int:
    if not SUITES.is_dir():
        print(f"peer_suites: no suites at {SUITES} (needs ../shared beside the checkout)", file=sys.stderr)
        return 2
    for name, suite in (("newspaper4k", newspaper4k), ("trafilatura-realworld", realworld)):
        print(f"{name}:")
        for system_name, system in (("broadsheet", _broadsheet), ("trafilatura", _trafilatura)):
            scores = suite(system)
            print(f"  {system_name:<12} " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
