"""The two traversal verbs: collect and rebuild."""

from __future__ import annotations

from hypothesis import given

from broadsheet.model import (
    Article,
    BulletList,
    Emphasis,
    Paragraph,
    Quote,
    QuoteBlock,
    Text,
    Translation,
    collect,
    rebuild,
)
from broadsheet.testing import articles


def test_collect_visits_in_reading_order() -> None:
    body = (
        Paragraph(children=(Text(text="one"), Emphasis(children=(Text(text="two"),)))),
        BulletList(items=((Paragraph(children=(Text(text="three"),)),),)),
        QuoteBlock(quote=Quote(text="four")),
    )
    assert collect(body, lambda n: [n.text] if isinstance(n, (Text, Quote)) else []) == [
        "one",
        "two",
        "three",
        "four",
    ]


def test_rebuild_replaces_bottom_up_and_shares_untouched_nodes() -> None:
    untouched = QuoteBlock(quote=Quote(text="keep"))
    body = (Paragraph(children=(Text(text="a"),)), untouched)
    upper = rebuild(body, lambda n: Text(text=n.text.upper()) if isinstance(n, Text) else n)
    assert upper[0] == Paragraph(children=(Text(text="A"),))
    assert upper[1] is untouched


def test_traversal_does_not_enter_translations() -> None:
    translated = Article(title="t", language="ru", body=(QuoteBlock(quote=Quote(text="ru")),))
    article = Article(title="t", translations=(Translation(language="ru", article=translated),))
    assert collect(article, lambda n: [n] if isinstance(n, Quote) else []) == []


@given(articles())
def test_identity_rebuild_returns_the_same_object(article: Article) -> None:
    assert rebuild(article, lambda n: n) is article
