"""Speed of broadsheet.analysis.enrich on real article text, against baselines measured in the same run.

Runs over the hand-checked bodies of ../shared/corpora/fundus-dev (truth.json):
each page's paragraphs become an Article, and the script times, per page,
building that Article, tokenising its text with ``re.findall(r"\\w+")``, and
enriching it. It also times enrich on 10 000- and 100 000-character
paragraphs, to show the cost grows linearly. Run: ``python bench/analysis.py``.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

from broadsheet.analysis import enrich
from broadsheet.model import Article, InlineQuote, Mention, Paragraph, RelatedBox, Text, collect

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "fundus-dev" / "truth.json"
ROUNDS = 5


def _pages() -> list[list[str]]:
    truth = json.loads(CORPUS.read_text(encoding="utf-8"))
    pages = []
    for record in truth.values():
        paragraphs = [
            paragraph
            for section in record["expected"]["body"]["sections"]
            for paragraph in section["paragraphs"]
            if paragraph.strip()
        ]
        if paragraphs:
            pages.append(paragraphs)
    return pages


def _build(paragraphs: list[str]) -> Article:
    return Article(title="T", body=tuple(Paragraph(children=(Text(text=p),)) for p in paragraphs))


def _best(function: object, argument: object) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        function(argument)  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Print the table."""
    if not CORPUS.is_file():
        sys.exit(
            f"bench/analysis.py: the corpus is not there: {CORPUS.resolve()} (../shared is not beside the checkout)"
        )
    pages = _pages()
    articles = [_build(page) for page in pages]
    enrich(articles[0])  # warm the name tables and compiled patterns
    build = [_best(_build, page) for page in pages]
    tokenise = [_best(lambda p: [re.findall(r"\w+", x) for x in p], page) for page in pages]
    enriched = [_best(enrich, article) for article in articles]
    found = [enrich(article) for article in articles]
    quotes = sum(len(collect(a.body, lambda n: [n] if isinstance(n, InlineQuote) else [])) for a in found)
    mentions = sum(len(collect(a.body, lambda n: [n] if isinstance(n, Mention) else [])) for a in found)
    boxes = sum(isinstance(b, RelatedBox) for a in found for b in a.body)
    sources = sum(a.source is not None for a in found)
    characters = sum(len(p) for page in pages for p in page)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:8.3f}"

    print(f"fundus-dev truth bodies: {len(pages)} pages, {characters} characters")
    print(f"{'step (median per page)':<28}{'ms':>8}{'ratio':>9}")
    base = statistics.median(build)
    for name, values in (
        ("build Article (baseline)", build),
        ("tokenise \\w+", tokenise),
        ("enrich", enriched),
    ):
        print(f"{name:<28}{ms(values)}{statistics.median(values) / base:9.2f}")
    print(
        f"total enrich time: {sum(enriched) * 1000:.1f} ms; {sum(enriched) / characters * 1e6:.2f} µs per character"
    )
    print(f"found: {quotes} quotes, {mentions} mentions, {boxes} read-also boxes, {sources} sources")
    sentence = "«Ми не підемо на це», — заявив Блінкен після зустрічі. Росія вимагає «гарантій безпеки». "
    print(f"{'long paragraph':<28}{'ms':>8}{'µs/char':>9}")
    for size in (10_000, 100_000):
        text = (sentence * (size // len(sentence) + 1))[:size]
        article = _build([text])
        seconds = _best(enrich, article)
        print(f"{size:>7} characters{'':<10}{seconds * 1000:8.1f}{seconds / size * 1e6:9.2f}")


if __name__ == "__main__":
    main()
