"""Round trips: read(write(a)) == a for generated articles and editions, each written document schema-valid."""

from __future__ import annotations

import pytest
from hypothesis import given
from newsml_samples import edition
from newsml_schemas import assert_valid

import broadsheet
from broadsheet.model import Article, Edition
from broadsheet.testing import articles, editions
from seed_story import full_article, seed_article

pytestmark = pytest.mark.usefixtures("standards")


@given(articles())
def test_generated_articles_are_valid_and_survive_a_round_trip(article: Article) -> None:
    data = broadsheet.write(article, "newsml")
    assert_valid(data)
    assert broadsheet.read(data, "newsml") == article


@given(editions())
def test_generated_editions_are_valid_and_survive_a_round_trip(document: Edition) -> None:
    data = broadsheet.write(document, "newsml")
    assert_valid(data)
    assert broadsheet.read_edition(data, "newsml") == document


@pytest.mark.parametrize(
    "document", [seed_article(), full_article(), edition()], ids=["seed", "full", "edition"]
)
def test_hand_built_documents_survive_a_round_trip(document: Article | Edition) -> None:
    assert broadsheet.read_document(broadsheet.write(document, "newsml"), "newsml") == document


def test_an_edition_whose_articles_share_an_id_keeps_their_order() -> None:
    twin = Article(title="Twin", id="same")
    document = Edition.of("Twins", [twin, Article(title="Other twin", id="same")])
    assert broadsheet.read_edition(broadsheet.write(document, "newsml"), "newsml") == document
