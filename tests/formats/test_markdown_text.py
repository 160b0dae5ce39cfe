"""The Markdown and plain-text writers: the seed and properties (single cases are in tests/data/writers/)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

import broadsheet
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.model import Article, Edition, Paragraph, Text, collect
from broadsheet.testing import articles, editions

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zn-blinken.json"


def test_text_holds_every_paragraph_of_the_seed_with_its_quotation_marks() -> None:
    article = broadsheet.read(EXAMPLE)
    text = broadsheet.write(article, "text").decode("utf-8")
    for block in article.body:
        if isinstance(block, Paragraph):
            assert inline_text(block.children, "uk") in text
    assert "«Дуже важливо" in text and "НАТО», - заявив Блінкен" in text
    assert "Читайте також: США наступного тижня" in text
    assert "««" not in text and "»»" not in text


def test_markdown_of_the_seed() -> None:
    markdown = broadsheet.write(broadsheet.read(EXAMPLE), "markdown").decode("utf-8")
    assert markdown.startswith("# США не обговорюватимуть")
    assert "**Читайте також:**\n- США наступного тижня" in markdown
    assert "Інтерфакс-Україна" in markdown


@given(articles())
def test_every_text_node_reaches_the_plain_text(article: Article) -> None:
    text = broadsheet.write(article, "text").decode("utf-8")
    words = collect(
        article.body, lambda n: [n.text.strip()] if isinstance(n, Text) and n.text.strip() else []
    )
    for word in words:
        assert word in text


@settings(max_examples=40, deadline=None)
@given(editions())
def test_editions_write_every_headline_as_text(edition: Edition) -> None:
    text = broadsheet.write(edition, "text", width=60).decode("utf-8")
    assert edition.title.split()[0] in text
