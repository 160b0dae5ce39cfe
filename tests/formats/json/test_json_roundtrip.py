"""Native JSON: lossless round trips, schema validity, determinism."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import broadsheet
from broadsheet.formats.json import schema as schema_module
from broadsheet.model import Article, Comment, Edition, Embed, Mention, Paragraph, Person, RelatedLink
from broadsheet.testing import articles, editions

REPO = Path(__file__).resolve().parents[3]
SCHEMA = json.loads(schema_module.SHIPPED.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


@given(articles())
def test_articles_survive_a_round_trip(article: Article) -> None:
    data = broadsheet.write(article, "json")
    assert broadsheet.read(data, "json") == article


@given(editions())
def test_editions_survive_a_round_trip(edition: Edition) -> None:
    assert broadsheet.read_edition(broadsheet.write(edition, "json"), "json") == edition


@given(articles())
def test_the_schema_validates_every_written_article(article: Article) -> None:
    VALIDATOR.validate(json.loads(broadsheet.write(article, "json")))


@given(editions())
def test_the_schema_validates_every_written_edition(edition: Edition) -> None:
    VALIDATOR.validate(json.loads(broadsheet.write(edition, "json")))


def test_the_shipped_schema_matches_the_model() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert schema_module.schema_text() == schema_module.SHIPPED.read_text(encoding="utf-8"), (
        "regenerate: python -m broadsheet.formats.json.schema "
        "src/broadsheet/formats/json/broadsheet-1.schema.json docs/schema/broadsheet-1.schema.json"
    )
    assert (REPO / "docs" / "schema" / "broadsheet-1.schema.json").read_text(
        encoding="utf-8"
    ) == schema_module.schema_text()


def test_the_schema_rejects_what_the_model_rejects() -> None:
    for bad in (
        {"format": "broadsheet", "version": 1, "article": {}},
        {
            "format": "broadsheet",
            "version": 1,
            "article": {"title": "t", "body": [{"type": "heading", "level": 9, "children": []}]},
        },
        {"format": "broadsheet", "version": 2, "article": {"title": "t"}},
        {"format": "broadsheet", "version": 1, "article": {"title": "t", "colour": "red"}},
        {"format": "broadsheet", "version": 1, "article": {"title": "t", "published": "yesterday"}},
        {"format": "broadsheet", "version": 1, "article": {"title": "t", "comments": [{"text": ""}]}},
        {
            "format": "broadsheet",
            "version": 1,
            "article": {"title": "t", "comments": [{"text": "a", "depth": -1}]},
        },
    ):
        assert not VALIDATOR.is_valid(bad), bad


def test_output_is_deterministic_pretty_and_ordered() -> None:
    article = broadsheet.read(REPO / "examples" / "zn-blinken.json")
    first = broadsheet.write(article, "json")
    assert first == broadsheet.write(broadsheet.read(first, "json"), "json")
    text = first.decode("utf-8")
    assert text.startswith('{\n  "format": "broadsheet",\n  "version": 1,\n  "article": {\n    "title": ')
    assert "Блінкен" in text  # UTF-8, not \u escapes
    assert text.endswith("}\n")
    compact = broadsheet.write(article, "json", indent=None, ascii=True)
    assert b"\n" not in compact.rstrip(b"\n") and compact.isascii()
    assert broadsheet.read(compact, "json") == article


def test_fields_at_their_default_are_left_out() -> None:
    data = json.loads(broadsheet.write(Article(title="t"), "json"))
    assert data["article"] == {"title": "t"}


def test_the_seed_example_keeps_every_fact() -> None:
    article = broadsheet.read(REPO / "examples" / "zn-blinken.json")
    assert article.language == "uk"
    assert article.source is not None and article.source.name == "Інтерфакс-Україна"
    assert article.quotes[0].speaker is not None and article.quotes[0].speaker.name == "Ентоні Блінкен"
    assert [link.authors[0].name for link in article.related if link.authors] == [
        "Сергій Корсунський",
        "Олексій Іжак",
        "Олександр Хара",
    ]
    assert [t.language for t in article.translations] == ["ru"]


@pytest.mark.parametrize("indent", [0, 1, 4])
def test_indent_option(indent: int) -> None:
    data = broadsheet.write(Article(title="t", tags=("a",)), "json", indent=indent)
    assert broadsheet.read(data, "json") == Article(title="t", tags=("a",))


def test_required_fields_are_written_even_when_empty() -> None:
    mention = Mention(link=RelatedLink(title="Named"), children=())
    article = Article(title="t", body=(Paragraph(children=(mention,)),))
    data = json.loads(broadsheet.write(article, "json"))
    assert data["article"]["body"][0]["children"][0]["children"] == []
    assert broadsheet.read(broadsheet.write(article, "json"), "json") == article


def test_comments_and_an_embedded_post_s_text_are_written_and_read_back() -> None:
    article = Article(
        title="t",
        body=(Embed(url="https://x.com/a/status/1", provider="X", text="Talks over.\nJanuary 21"),),
        comments=(
            Comment(text="First!\nSecond line.", author=Person(name="Anna"), id="c1"),
            Comment(text="A reply.", depth=1, published=dt.datetime(2024, 5, 3, 20, tzinfo=dt.UTC)),
        ),
    )
    document = json.loads(broadsheet.write(article, "json"))
    VALIDATOR.validate(document)
    assert document["article"]["body"][0]["text"] == "Talks over.\nJanuary 21"
    assert document["article"]["comments"] == [
        {"text": "First!\nSecond line.", "author": {"name": "Anna"}, "id": "c1"},
        {"text": "A reply.", "published": "2024-05-03T20:00:00+00:00", "depth": 1},
    ]
    assert broadsheet.read(broadsheet.write(article, "json"), "json") == article
    assert "comments" not in json.loads(broadsheet.write(Article(title="t"), "json"))["article"]
