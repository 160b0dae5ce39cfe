"""Quotations and speakers: the fixture table of Ukrainian, Russian and English cases, and the rules' edges."""

from __future__ import annotations

import pytest

from broadsheet.analysis import enrich
from broadsheet.model import Article, InlineQuote, Paragraph, Text

from .cases import Case, expected, found_quotes, paragraph, params, run


@pytest.mark.parametrize("case", params("quotes.txt"))
def test_quote_cases(case: Case) -> None:
    _, block = run(case)
    want = expected(case, "quote", "quotes")
    assert want is not None, "a quote case must say what it expects"
    assert found_quotes(block) == want


def test_surrounding_text_is_kept_exactly() -> None:
    text = "Переговори були «складними, але професійними», повідомили у РФ."
    article = enrich(Article(title="T", body=(paragraph(text),)))
    first, quote, rest = article.body[0].children  # type: ignore[union-attr]
    assert first == Text(text="Переговори були ")
    assert isinstance(quote, InlineQuote)
    assert rest == Text(text=", повідомили у РФ.")


def test_whole_paragraph_quote_stays_a_paragraph() -> None:
    text = "«Ми не відступимо від своїх принципів», — заявив Блінкен."
    article = enrich(Article(title="T", body=(paragraph(text),)))
    block = article.body[0]
    assert isinstance(block, Paragraph)
    assert isinstance(block.children[0], InlineQuote)


def test_existing_inline_quotes_are_left_alone() -> None:
    from broadsheet.model import Person, Quote

    given = InlineQuote(quote=Quote(text="Так", speaker=Person(name="Ann")))
    body = (Paragraph(children=(given, Text(text=", — сказав Блінкен."))),)
    article = Article(title="T", body=body)
    assert enrich(article) == article


def test_unclosed_quotation_is_not_a_quote() -> None:
    article = enrich(Article(title="T", body=(paragraph("«Ми не підемо на це, — сказав Лавров."),)))
    assert found_quotes(article.body[0]) == []


def test_block_quotation_gets_the_speaker_of_its_lead_in() -> None:
    from broadsheet.model import Person, Quote, QuoteBlock

    body = (
        paragraph("Держсекретар США Ентоні Блінкен після зустрічі заявив:"),
        QuoteBlock(quote=Quote(text="Ми не підемо на це.")),
        QuoteBlock(quote=Quote(text="Друга цитата без вступу.")),
    )
    article = enrich(Article(title="T", body=body))
    assert article.body[1] == QuoteBlock(
        quote=Quote(text="Ми не підемо на це.", speaker=Person(name="Ентоні Блінкен"))
    )
    assert article.body[2] == body[2]
    assert enrich(article) == article


def test_block_quotation_with_a_speaker_is_kept() -> None:
    from broadsheet.model import Person, Quote, QuoteBlock

    given = QuoteBlock(quote=Quote(text="Так.", speaker=Person(name="Ann")))
    article = Article(title="T", body=(paragraph("Блінкен заявив:"), given))
    assert enrich(article) == article


def test_quote_in_a_wholly_italic_paragraph() -> None:
    from broadsheet.model import Emphasis

    inner = paragraph("«Ми не змінимо своєї позиції», — сказав Лавров.").children
    article = enrich(Article(title="T", body=(Paragraph(children=(Emphasis(children=inner),)),)))
    assert found_quotes(article.body[0]) == ["Ми не змінимо своєї позиції | Лавров"]
    assert enrich(article) == article


def test_quote_split_by_emphasis_at_its_edge_stays_text() -> None:
    from broadsheet.model import Emphasis

    children = (
        Emphasis(children=(Text(text="«Ми не змінимо своєї позиції»"),)),
        Text(text=", — сказав Лавров."),
    )
    article = Article(title="T", body=(Paragraph(children=children),))
    assert found_quotes(enrich(article).body[0]) == []
