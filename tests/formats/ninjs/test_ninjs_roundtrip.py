"""Written ninjs is valid against the official schemas and reads back to the same article."""

from __future__ import annotations

import json
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from ninjs_support import projection, schema_errors

import broadsheet
from broadsheet.model import Article, Comment, Edition, Embed, Person, RelatedLink
from broadsheet.testing import articles, editions
from seed_story import full_article, seed_article

VERSIONS = ("3.1", "3.0", "2.2", "2.1")


def _write(document: Article | Edition, version: str = "3.1", **options: object) -> bytes:
    return broadsheet.write(document, "ninjs", version=version, **options)


def _read(data: bytes) -> Article | Edition:
    return broadsheet.read_document(data, "ninjs")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("plain_text", [False, True])
@pytest.mark.parametrize("make", [seed_article, full_article], ids=["seed", "full"])
def test_seed_article_is_valid_and_reads_back(
    version: str, plain_text: bool, make: Callable[[], Article]
) -> None:
    article = make()
    data = _write(article, version, plain_text=plain_text)
    document = json.loads(data)
    assert schema_errors(document, version) == []
    assert document["standard"]["version"] == version
    assert _read(data) == projection(article)


def test_seed_article_fields_land_where_the_docs_say() -> None:
    article = full_article()
    document = json.loads(_write(article))
    assert document["headlines"][0] == {"role": "main", "value": article.title}
    assert document["descriptions"][0]["role"] == "summary"
    assert document["by"] == "Олена Кравченко, Редакція ZN.ua"
    assert document["located"] == article.dateline == "ЖЕНЕВА, 21 січня"
    assert [s["role"] for s in document["infoSources"]] == ["author", "author", "source", "publisher"]
    names = [(a["name"], a.get("profile")) for a in document["associations"]]
    in_body = "broadsheet-in-body"  # the body's links, repeated for consumers of associations
    assert names == [
        ("image", None),
        ("read-also", in_body),
        *[("mentioned", in_body)] * 4,
        ("more-on-topic", None),  # see_also, with their relations
        ("read-also", None),
        ("translation", None),
        ("translation", None),
    ]
    translations = [a["language"] for a in document["associations"] if a["name"] == "translation"]
    assert translations == ["ru", "en"]
    body = document["bodies"][0]
    assert body["contentType"] == "text/html"
    assert '<q data-speaker="Ентоні Блінкен" data-speaker-role="Держсекретар США">' in body["value"]
    assert "<footer>— <cite>Ентоні Блінкен</cite>, Держсекретар США</footer>" in body["value"]


def test_two_x_uses_lower_case_keys_and_no_rel() -> None:
    document = json.loads(_write(full_article(), "2.2"))
    keys: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(document)
    assert "versioncreated" in keys and "infosources" in keys and "contenttype" in keys
    assert all(key == key.lower() for key in keys)
    assert all("rel" not in association for association in document["associations"])


def test_output_is_deterministic_and_honours_indent() -> None:
    article = full_article()
    assert _write(article) == _write(article)
    one_line = _write(article, indent=None)
    assert one_line.count(b"\n") == 1 and json.loads(one_line) == json.loads(_write(article))


def test_projection_drops_only_author_roles_and_comments() -> None:
    """The projection is exact: author roles and readers' comments are what ninjs loses, and they really are lost."""
    writer = Person(name="A. Writer", role="correspondent", url="https://example.com/a b")
    article = Article(title="t", authors=(writer,), see_also=(RelatedLink(title="x", authors=(writer,)),))
    back = _read(_write(article))
    assert isinstance(back, Article)
    assert back != article
    assert back == projection(article)
    assert back.authors == (attrs.evolve(writer, role=None),)
    assert projection(full_article()).body == full_article().body
    commented = Article(title="t", comments=(Comment(text="First!", author=writer),))
    assert _read(_write(commented)) == projection(commented) == Article(title="t")


def test_the_text_of_an_embedded_post_survives() -> None:
    embed = Embed(url="https://x.com/a/status/1", provider="X", text="Talks over.\nJanuary 21")
    back = _read(_write(Article(title="t", body=(embed,))))
    assert isinstance(back, Article) and back.body == (embed,)


@given(articles())
def test_generated_articles_are_valid_and_read_back(article: Article) -> None:
    for version in ("3.1", "2.2"):
        data = _write(article, version)
        assert schema_errors(json.loads(data), version) == []
        assert _read(data) == projection(article)


@settings(max_examples=25)  # editions hold up to nine articles each: fewer examples, same coverage per node
@given(editions())
def test_generated_editions_are_valid_packages_and_read_back(edition: Edition) -> None:
    data = _write(edition)
    document = json.loads(data)
    assert schema_errors(document, "3.1") == []
    assert document["type"] == "composite"
    back = _read(data)
    assert isinstance(back, Edition)
    expected = attrs.evolve(
        edition,
        sections=tuple(
            attrs.evolve(section, articles=tuple(projection(a) for a in section.articles))
            for section in edition.sections
        ),
    )
    assert back == expected


def test_datetimes_with_second_offsets_are_written_in_utc() -> None:
    import datetime as dt

    odd = dt.timezone(dt.timedelta(hours=2, seconds=30))
    article = Article(title="t", published=dt.datetime(2022, 1, 21, 12, 0, tzinfo=odd))
    document = json.loads(_write(article))
    assert document["firstCreated"] == "2022-01-21T09:59:30Z"
    assert schema_errors(document, "3.1") == []
    back = _read(_write(article))
    assert isinstance(back, Article) and back.published == article.published


def test_ids_and_urls_that_are_not_uris_are_kept_in_alt_ids() -> None:
    article = Article(title="t", id="12345", url="/news/ukr/статья a")
    document = json.loads(_write(article))
    assert document["uri"].startswith("urn:broadsheet:anonymous:")
    assert {"role": "id", "value": "12345"} in document["altIds"]
    assert {"role": "url", "value": "/news/ukr/статья a"} in document["altIds"]
    assert "renditions" not in document
    assert schema_errors(document, "3.1") == []
    assert _read(_write(article)) == article


def test_non_ascii_urls_get_an_encoded_rendition_and_the_exact_url() -> None:
    article = Article(title="t", url="https://zn.ua/статья")
    document = json.loads(_write(article))
    assert document["renditions"][0]["href"] == "https://zn.ua/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F"
    assert document["altIds"] == [{"role": "url", "value": "https://zn.ua/статья"}]
    assert _read(_write(article)) == article


@pytest.mark.parametrize("version", VERSIONS)
def test_an_edition_of_the_seed_is_a_valid_package_in_every_version(version: str) -> None:
    import datetime as dt

    from broadsheet.model import Image, Publisher

    edition = Edition.of(
        "ZN.ua — ранковий випуск",
        [seed_article(), Article(title="Друга стаття")],
        date=dt.date(2022, 1, 22),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua/"),
        language="uk",
        cover=Image(url="cover.png", alt="Обкладинка"),
        id="edition-2022-01-22",
    )
    data = _write(edition, version)
    assert schema_errors(json.loads(data), version) == []
    back = broadsheet.read_edition(data, "ninjs")
    assert back == attrs.evolve(
        edition,
        sections=(attrs.evolve(edition.sections[0], articles=tuple(map(projection, edition.articles))),),
    )
