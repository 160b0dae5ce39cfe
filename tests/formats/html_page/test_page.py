"""The article page: structure, metadata, escaping."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

import broadsheet
from broadsheet.model import Article, Comment, Embed, Paragraph, Person, Quote, QuoteBlock, Text, Translation

SEED = Path(__file__).resolve().parents[3] / "examples" / "zn-blinken.json"


def _page(article: Article) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(broadsheet.write(article, "html"))


def test_the_seed_page_has_the_semantic_parts_and_metadata() -> None:
    seed = broadsheet.read(SEED)
    root = _page(seed)
    assert root.get("lang") == "uk" and root.get("dir") == "ltr"
    assert root.xpath("//main/article/header/hgroup/h1")[0].text_content() == seed.title
    assert root.xpath("//link[@rel='canonical']/@href") == [seed.url]
    assert root.xpath("//link[@rel='alternate']/@hreflang") == ["ru"]
    assert root.xpath("//time/@datetime") == ["2022-01-21T19:45:00+02:00"]
    assert root.xpath("//aside[@class='related']/p")[0].text == "Читайте також"
    (script,) = root.xpath("//script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle" and data["headline"] == seed.title
    assert data["inLanguage"] == "uk" and data["sourceOrganization"]["name"] == "Інтерфакс-Україна"
    assert len(root.xpath("//style")) == 1 and not root.xpath("//script[not(@type='application/ld+json')]")


def test_text_that_looks_like_markup_stays_text() -> None:
    evil = '</script><script>alert(1)</script> & "quotes" <b onclick=x>'
    article = Article(
        title=evil,
        lead=evil,
        authors=[Person(name=evil)],
        body=[
            Paragraph(children=[Text(text=evil)]),
            QuoteBlock(quote=Quote(text=evil, speaker=Person(name=evil))),
        ],
        translations=[Translation(language="ru", url="https://x.example/?a=1&b=2", title=evil)],
    )
    root = _page(article)
    assert len(root.xpath("//script")) == 1 and not root.xpath("//b") and not root.xpath("//@onclick")
    assert json.loads(root.xpath("//script")[0].text)["headline"] == evil
    assert root.xpath("//h1")[0].text_content() == evil
    assert root.xpath("//link[@rel='alternate']/@href") == ["https://x.example/?a=1&b=2"]


def test_a_quote_in_another_language_is_marked_and_labels_follow_the_article() -> None:
    article = Article(
        title="Заголовок",
        language="uk",
        authors=[Person(name="Ім'я")],
        body=[QuoteBlock(quote=Quote(text="مرحبا", language="ar", speaker=Person(name="X")))],
    )
    root = _page(article)
    (quote,) = root.xpath("//blockquote")
    assert quote.get("lang") == "ar" and quote.get("dir") == "rtl"
    assert root.xpath("//footer/cite")[0].text == "X"
    assert root.xpath("//p[@class='byline']")[0].text.startswith("Автор:")


def test_an_embedded_post_shows_its_words_and_readers_comments_are_left_out() -> None:
    embed = Embed(url="https://x.com/a/status/1", provider="X", text="Talks over.\nNext round in May.")
    root = _page(Article(title="t", body=[embed], comments=[Comment(text="A reader's word.")]))
    (figure,) = root.xpath("//figure[@class='embed']")
    assert [p.text for p in figure.xpath("blockquote/p")] == ["Talks over.", "Next round in May."]
    assert figure.xpath("a/@href") == ["https://x.com/a/status/1"]
    assert "A reader's word." not in root.text_content()
