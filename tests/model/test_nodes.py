"""Construction, validation and canonical form of articles and body nodes."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from broadsheet.errors import ModelError
from broadsheet.model import (
    Article,
    BulletList,
    Edition,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Section,
    Strong,
    Table,
    TableCell,
    Text,
    Translation,
)
from broadsheet.testing import articles, blocks


def test_nodes_are_frozen_and_compare_by_value() -> None:
    a = Paragraph(children=[Text(text="x")])
    b = Paragraph(children=(Text(text="x"),))
    assert a == b and hash(a) == hash(b)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.children = ()  # type: ignore[misc]
    assert attrs.evolve(a, children=(Text(text="y"),)) != a


def test_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Text("x")  # type: ignore[misc]


@pytest.mark.parametrize("title", ["", "   ", "\u200b", "\u00ad \n"])
def test_empty_titles_are_rejected(title: str) -> None:
    with pytest.raises(ModelError, match="empty"):
        Article(title=title)


@pytest.mark.parametrize("level", [0, 7, -1, True, 2.0])
def test_heading_levels_out_of_range_are_rejected(level: object) -> None:
    with pytest.raises(ModelError, match="heading level"):
        Heading(level=level, children=())  # type: ignore[arg-type]


def test_naive_dates_are_rejected_on_articles() -> None:
    with pytest.raises(ModelError, match="offset"):
        Article(title="t", published=dt.datetime(2022, 1, 21))


def test_wrong_node_types_are_rejected() -> None:
    with pytest.raises(ModelError, match=r"Paragraph.children\[0\] is a str"):
        Paragraph(children=["text"])  # type: ignore[list-item]
    with pytest.raises(ModelError, match="Article.body"):
        Article(title="t", body=[Text(text="inline where a block belongs")])  # type: ignore[list-item]
    with pytest.raises(ModelError):
        BulletList(items=[[Text(text="x")]])  # type: ignore[list-item]


def test_text_is_normalised_on_the_way_in() -> None:
    article = Article(title=" Cafe\u0301  news ", language="UK", tags=["a", "a", " "])
    assert article.title == "Café news"
    assert article.language == "uk"
    assert article.tags == ("a",)


def test_translations_one_per_language_and_consistent() -> None:
    with pytest.raises(ModelError, match="two translations"):
        Article(title="t", translations=[Translation(language="ru"), Translation(language="RU")])
    with pytest.raises(ModelError, match="holds an article in"):
        Translation(language="ru", article=Article(title="t", language="en"))


def test_related_box_needs_links_and_table_header_rows_fit() -> None:
    with pytest.raises(ModelError, match="must not be empty"):
        RelatedBox(links=())
    with pytest.raises(ModelError, match="header_rows"):
        Table(rows=[[TableCell()]], header_rows=2)


def test_edition_needs_an_article_and_a_date_not_datetime() -> None:
    with pytest.raises(ModelError, match="at least one article"):
        Edition(title="E", sections=[Section(articles=[])])
    with pytest.raises(ModelError, match="date"):
        Edition.of("E", [Article(title="a")], date=dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    edition = Edition.of("E", [Article(title="a"), Article(title="b")])
    assert [a.title for a in edition.articles] == ["a", "b"]


def test_inline_content_has_one_canonical_form() -> None:
    messy = Paragraph(
        children=[
            Text(text="  a "),
            Text(text=" b"),
            Emphasis(children=[]),
            Strong(children=[Text(text=" c ")]),
            Link(url="https://x.org", children=[Text(text="  ")]),
            Text(text=" d "),
            LineBreak(),
            Text(text=" e "),
        ]
    )
    assert messy.children == (
        Text(text="a b"),
        Strong(children=(Text(text=" c "),)),
        Text(text="d"),
        LineBreak(),
        Text(text="e"),
    )
    assert Paragraph(children=messy.children) == messy


@given(blocks())
def test_canonical_form_is_stable(block: object) -> None:
    rebuilt = type(block)(**{f.name: getattr(block, f.name) for f in attrs.fields(type(block))})
    assert rebuilt == block


def test_quotes_and_related_are_derived_from_the_body() -> None:
    speaker = Person(name="Ентоні Блінкен")
    inline = Quote(text="inline words", speaker=speaker)
    block = Quote(text="block words")
    read_also = RelatedLink(title="Read me")
    named = RelatedLink(
        title="Named", authors=[Person(name="Сергій Корсунський")], relation=Relation.MENTIONED
    )
    meta = RelatedLink(title="From metadata", relation=Relation.SEE_ALSO)
    article = Article(
        title="t",
        body=[
            Paragraph(children=[Text(text="He said "), InlineQuote(quote=inline)]),
            RelatedBox(links=[read_also]),
            QuoteBlock(quote=block),
            BulletList(items=[[Paragraph(children=[Mention(link=named, children=[Text(text="x")])])]]),
            Figure(image=Image(url="a.jpg")),
        ],
        see_also=[meta],
    )
    assert article.quotes == (inline, block)
    assert article.related == (read_also, named, meta)
    assert "quotes" not in attrs.fields_dict(Article)


@given(articles())
def test_generated_articles_are_valid_and_rebuild_equal(article: Article) -> None:
    assert attrs.evolve(article) == article


def test_absurdly_deep_inline_nesting_is_a_model_error() -> None:
    node: Inline = Text(text="x")
    for _ in range(1000):
        node = Emphasis(children=(node,))
    with pytest.raises(ModelError, match="nested more than"):
        Paragraph(children=(node,))


def test_line_breaks_at_block_ends_and_empty_blocks_show_nothing_and_go() -> None:
    paragraph = Paragraph(
        children=[
            LineBreak(),
            Text(text="a"),
            Strong(children=[LineBreak()]),
            LineBreak(),
            Text(text="b"),
            LineBreak(),
        ]
    )
    assert paragraph.children == (Text(text="a"), LineBreak(), Text(text="b"))
    inner = Paragraph(children=[Text(text="a"), Emphasis(children=[LineBreak(), Text(text="b")])])
    assert inner.children[1] == Emphasis(children=(LineBreak(), Text(text="b")))
    article = Article(
        title="t", body=[Paragraph(children=[LineBreak()]), Heading(level=2, children=[]), inner]
    )
    assert article.body == (inner,)
    assert BulletList(items=[[Paragraph(children=[])], [inner]]).items == ((inner,),)
    empty_list = BulletList(items=[[Paragraph(children=[])]])
    assert Article(title="t", body=[empty_list, inner]).body == (inner,)
