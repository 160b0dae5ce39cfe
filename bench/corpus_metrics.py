"""Body-text scoring of the development corpora: 4-token shingles, per-page normalised counts.

The metric is the one ``../shared/corpora/README.md`` defines, kept importable so tests and the
benchmark harness score text the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import attrs

from broadsheet.formats._shared.plain_text import RUNNING_TEXT
from broadsheet.formats._shared.plain_text import block_text as shared_block_text
from broadsheet.model import Article, Block

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4
"""Tokens per shingle."""


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text`` (lower-cased ``\\w+`` tokens).

    A text shorter than ``size`` tokens (but not empty) is a single shingle.
    """
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def block_text(block: Block) -> str:
    """The running text of a block as the corpus truth counts it: captions, embeds and read-also
    boxes are not part of it."""
    return shared_block_text(block, style=RUNNING_TEXT)


def article_text(article: Article) -> str:
    """An article's standfirst and body text, one block a line, as the corpus truth holds it."""
    lines = [article.lead or ""] + [block_text(block) for block in article.body]
    return "\n".join(line for line in lines if line)


@attrs.frozen(kw_only=True)
class PageScore:
    """One page's shingle counts, each divided by ``tp + fp + fn`` so every page weighs the same."""

    tp: float
    """Share of shingles found in both texts."""
    fp: float
    """Share of shingles only in the extracted text."""
    fn: float
    """Share of shingles only in the truth."""
    extracted: bool
    """Whether the extraction had any shingle."""
    expected: bool
    """Whether the truth had any shingle."""

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1 when nothing is wrong."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1 when nothing is wrong."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score_page(extracted: str, truth: str) -> PageScore:
    """Compare one page's extracted body text with its truth."""
    got, want = shingles(extracted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(tp=0.0, fp=0.0, fn=0.0, extracted=False, expected=False)
    return PageScore(tp=tp / total, fp=fp / total, fn=fn / total, extracted=bool(got), expected=bool(want))


@attrs.frozen(kw_only=True)
class CorpusScore:
    """Averaged precision and recall over pages, and their harmonic mean."""

    precision: float
    """Mean page precision over pages with a non-empty extraction."""
    recall: float
    """Mean page recall over pages with a non-empty truth."""
    pages: int
    """How many pages were scored."""

    @property
    def f1(self) -> float:
        """2PR / (P + R) of the two averages."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_corpus(pages: Iterable[PageScore]) -> CorpusScore:
    """Average page scores the way the corpus README prescribes."""
    scored = list(pages)
    precisions = [p.precision for p in scored if p.extracted]
    recalls = [p.recall for p in scored if p.expected]
    return CorpusScore(
        precision=sum(precisions) / len(precisions) if precisions else 0.0,
        recall=sum(recalls) / len(recalls) if recalls else 0.0,
        pages=len(scored),
    )
