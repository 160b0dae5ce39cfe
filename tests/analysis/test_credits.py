"""Source credits: the fixture table, and a source already set is never replaced."""

from __future__ import annotations

import pytest

from broadsheet.analysis import enrich
from broadsheet.model import Article, Source

from .cases import Case, paragraph, params, run


@pytest.mark.parametrize("case", params("credits.txt"))
def test_credit_cases(case: Case) -> None:
    article, _ = run(case)
    want = case.expect["source"][0]
    assert (article.source.name if article.source else "none") == want


def test_existing_source_wins() -> None:
    article = Article(
        title="T", source=Source(name="ZN.UA"), body=(paragraph("Переговори завершились, сообщает ТАСС."),)
    )
    assert enrich(article).source == Source(name="ZN.UA")


def test_lead_is_read_first() -> None:
    article = Article(
        title="T",
        lead="Уряд ухвалив рішення, повідомляє Укрінформ.",
        body=(paragraph("Переговори завершились, сообщает ТАСС."),),
    )
    assert enrich(article).source == Source(name="Укрінформ")


def test_dateline_field_is_read() -> None:
    article = Article(title="T", dateline="KYIV (Reuters)", body=(paragraph("Ukraine said on Friday."),))
    assert enrich(article).source == Source(name="Reuters")


def test_sign_off_at_the_end() -> None:
    body = (
        *(paragraph(f"Paragraph number {n} of the story.") for n in range(6)),
        paragraph("The talks will resume next week. — AP"),
    )
    assert enrich(Article(title="T", body=body)).source == Source(name="AP")
