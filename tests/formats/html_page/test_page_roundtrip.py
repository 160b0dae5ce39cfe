"""The HTML reader reads a written page back: the fields a page carries unambiguously.

Projection (see docs/formats/html-writer.md): title, subtitle, language, authors
(name and URL), published, modified, URL, section and tags, for any page-like
article; and, for the seed article, the body's text and inline quotes too.
Known gaps, where the reader's heuristics decide: the lead, lead images, the
agency credit, read-also boxes and quote speakers.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given

import broadsheet
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.model import Article, InlineQuote, Paragraph, collect
from broadsheet.testing import page_articles

SEED = Path(__file__).resolve().parents[3] / "examples" / "zn-blinken.json"
CARRIED = ("title", "subtitle", "language", "authors", "published", "modified", "url", "section", "tags")


def _projection(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in CARRIED}


@given(page_articles())
def test_the_reader_reads_back_what_the_page_carries(article: Article) -> None:
    back = broadsheet.read(broadsheet.write(article, "html"), format="html", enrich=False)
    assert _projection(back) == _projection(article)


def _quote_texts(article: Article) -> list[str]:
    return [
        node.quote.text
        for node in collect(article.body, lambda n: (n,) if isinstance(n, InlineQuote) else ())
    ]


def _paragraph_texts(article: Article) -> list[str]:
    return [inline_text(b.children) for b in article.body if isinstance(b, Paragraph)]


def test_the_seed_page_reads_back() -> None:
    seed = broadsheet.read(SEED)
    back = broadsheet.read(broadsheet.write(seed, "html"), format="html")
    assert _projection(back) == _projection(seed)
    assert back.source is not None and seed.source is not None and back.source.name == seed.source.name
    assert [t.language for t in back.translations] == [t.language for t in seed.translations]
    assert [(t.url, t.title) for t in back.translations] == [(t.url, t.title) for t in seed.translations]
    assert _paragraph_texts(back) == _paragraph_texts(seed)
    assert _quote_texts(back) == _quote_texts(seed)


def test_writing_is_deterministic() -> None:
    seed = broadsheet.read(SEED)
    assert broadsheet.write(seed, "html") == broadsheet.write(attrs.evolve(seed), "html")
