"""Round trips: read(write(a)) == a for generated articles and editions, each written document schema-valid."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from newsml_samples import edition
from newsml_schemas import assert_valid

import broadsheet
from broadsheet.model import Article, Comment, Edition, Embed, Section
from broadsheet.testing import articles, editions
from seed_story import full_article, seed_article

pytestmark = pytest.mark.usefixtures("standards")


def _without_comments(article: Article) -> Article:
    """What NewsML-G2 holds of ``article``: all but readers' comments, which a news item has no place for."""
    return attrs.evolve(
        article,
        comments=(),
        translations=tuple(
            attrs.evolve(t, article=_without_comments(t.article) if t.article else None)
            for t in article.translations
        ),
    )


def _edition_without_comments(edition: Edition) -> Edition:
    sections = tuple(
        Section(articles=tuple(_without_comments(a) for a in s.articles), title=s.title)
        for s in edition.sections
    )
    return attrs.evolve(edition, sections=sections)


@given(articles())
def test_generated_articles_are_valid_and_survive_a_round_trip(article: Article) -> None:
    data = broadsheet.write(article, "newsml")
    assert_valid(data)
    assert broadsheet.read(data, "newsml") == _without_comments(article)


@given(editions())
def test_generated_editions_are_valid_and_survive_a_round_trip(document: Edition) -> None:
    data = broadsheet.write(document, "newsml")
    assert_valid(data)
    assert broadsheet.read_edition(data, "newsml") == _edition_without_comments(document)


@pytest.mark.parametrize(
    "document", [seed_article(), full_article(), edition()], ids=["seed", "full", "edition"]
)
def test_hand_built_documents_survive_a_round_trip(document: Article | Edition) -> None:
    assert broadsheet.read_document(broadsheet.write(document, "newsml"), "newsml") == document


def test_an_edition_whose_articles_share_an_id_keeps_their_order() -> None:
    twin = Article(title="Twin", id="same")
    document = Edition.of("Twins", [twin, Article(title="Other twin", id="same")])
    assert broadsheet.read_edition(broadsheet.write(document, "newsml"), "newsml") == document


def test_readers_comments_are_lost_and_the_text_of_an_embedded_post_is_kept() -> None:
    embed = Embed(url="https://x.com/a/status/1", provider="X", text="Talks over.\nJanuary 21")
    article = Article(title="t", body=(embed,), comments=(Comment(text="First!"),))
    data = broadsheet.write(article, "newsml")
    assert_valid(data)
    assert broadsheet.read(data, "newsml") == Article(title="t", body=(embed,))
