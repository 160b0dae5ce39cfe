"""Read-also boxes and articles named in the prose: the fixture table, and what happens around them."""

from __future__ import annotations

import pytest

from broadsheet.analysis import enrich
from broadsheet.model import Article, Link, Mention, Paragraph, RelatedBox, Relation, Text

from .cases import Case, expected, found_box, found_mentions, found_quotes, paragraph, params, run


@pytest.mark.parametrize("case", params("related.txt"))
def test_related_cases(case: Case) -> None:
    _, block = run(case)
    checked = False
    for key, none_key, found in (("box", "box", found_box), ("mention", "mentions", found_mentions)):
        want = expected(case, key, none_key)
        if want is not None:
            assert found(block) == want
            checked = True
    want = expected(case, "quote", "quotes")
    if want is not None:
        assert found_quotes(block) == want
    assert checked, "a related case must say what it expects"


def test_read_also_box_replaces_the_paragraph_in_place() -> None:
    body = (
        paragraph("Перший абзац."),
        paragraph("Читайте також: Назва іншої статті"),
        paragraph("Останній абзац."),
    )
    article = enrich(Article(title="T", body=body))
    assert [type(block) for block in article.body] == [Paragraph, RelatedBox, Paragraph]
    box = article.body[1]
    assert isinstance(box, RelatedBox)
    assert box.links[0].relation is Relation.READ_ALSO
    assert article.related == box.links


def test_mention_keeps_the_original_inlines() -> None:
    text = "Детальніше читайте у статті Юлії Мостової [«Війна, якої не буде?»](https://zn.ua/a.html)."
    article = enrich(Article(title="T", body=(paragraph(text),)))
    children = article.body[0].children  # type: ignore[union-attr]
    mention = children[1]
    assert isinstance(mention, Mention)
    assert mention.children == (
        Text(text="Юлії Мостової "),
        Link(url="https://zn.ua/a.html", children=(Text(text="«Війна, якої не буде?»"),)),
    )
    assert mention.link.relation is Relation.MENTIONED
    assert children[-1] == Text(text=".")


def test_read_also_inside_a_list_item_is_left_alone() -> None:
    from broadsheet.model import BulletList

    body = (BulletList(items=((paragraph("Читайте також: Назва"),),)),)
    article = Article(title="T", body=body)
    assert enrich(article) == article
