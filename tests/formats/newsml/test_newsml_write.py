"""The NewsML-G2 writer: schema-valid items and messages, every field in its place, deterministic bytes."""

from __future__ import annotations

import attrs
import pytest
from lxml import etree
from newsml_samples import edition
from newsml_schemas import NAR, NITF, assert_valid

import broadsheet
from broadsheet.errors import OptionError
from broadsheet.model import Article, Emphasis, Paragraph, Person, RelatedBox, RelatedLink, Strong, Text
from data_paths import DATA, NEWSML_G2
from seed_story import full_article, seed_article

GOLDEN = DATA / "newsml" / "full-article.xml"
IPTC_CATALOG = NEWSML_G2 / "catalogs" / "catalog.IPTC-G2-Standards_41.xml"


@pytest.mark.usefixtures("standards")
@pytest.mark.parametrize(
    "document", [seed_article(), full_article(), edition()], ids=["seed", "full", "edition"]
)
def test_written_documents_are_valid_newsml_and_nitf(document: object) -> None:
    assert_valid(broadsheet.write(document, "newsml"))  # type: ignore[arg-type]


def test_the_full_article_matches_the_golden_file() -> None:
    # Regenerate with: python -c "..." (see tests/data/newsml/README.md)
    assert broadsheet.write(full_article(), "newsml") == GOLDEN.read_bytes()


def test_output_is_deterministic_and_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = Article(title="No dates")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = broadsheet.write(undated, "newsml")
    assert first == broadsheet.write(undated, "newsml")
    assert b"<versionCreated>1970-01-01T00:00:00Z</versionCreated>" in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1642790700")
    assert b"<versionCreated>2022-01-21T18:45:00Z</versionCreated>" in broadsheet.write(undated, "newsml")


def _root() -> etree._Element:
    return etree.fromstring(broadsheet.write(full_article(), "newsml"))


def test_fields_land_where_design_section_5_puts_them() -> None:
    root = _root()
    article = full_article()
    meta, content = root.find(f"{NAR}itemMeta"), root.find(f"{NAR}contentMeta")
    assert root.get("guid") == article.id
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    assert content.find(f"{NAR}language").get("tag") == "uk"
    assert content.find(f"{NAR}description[@role='drol:summary']") is not None
    assert content.find(f"{NAR}infoSource/{NAR}name").text == "Інтерфакс-Україна"
    assert [c.findtext(f"{NAR}name") for c in content.findall(f"{NAR}creator")] == [
        "Олена Кравченко",
        "Редакція ZN.ua",
    ]
    assert content.findtext(f"{NAR}by") == "Олена Кравченко, Редакція ZN.ua"
    assert content.findtext(f"{NAR}dateline") == article.dateline
    assert [k.text for k in content.findall(f"{NAR}keyword")] == list(article.tags)
    assert meta.findtext(f"{NAR}firstCreated") == "2022-01-21T19:45:00+02:00"
    assert content.findtext(f"{NAR}contentModified") == "2022-01-21T21:05:30+02:00"
    assert meta.find(f"{NAR}link[@rel='irel:seeAlso']").get("href") == "https://zn.ua/ukr/bilyj-dim.html"
    translation = meta.find(f"{NAR}link[@rel='bsrel:translation']")
    assert translation.find(f"{NAR}language").get("tag") == "ru"
    assert translation.find(f"{NAR}newsItem") is not None
    # itemMeta/link is last in itemMeta; creators come before the headline.
    names = [etree.QName(e).localname for e in meta]
    assert names[-4:] == ["link"] * 4
    kids = [etree.QName(e).localname for e in content]
    assert kids.index("creator") < kids.index("headline")


def test_quotes_carry_their_speakers_in_nitf() -> None:
    root = _root()
    body = root.find(f"{NAR}contentSet/{NAR}inlineXML/{NITF}nitf")
    q = body.find(f".//{NITF}q")
    assert q.get("quote-source") == "Ентоні Блінкен"
    bq = body.find(f".//{NITF}bq")
    assert bq.get("quote-source") == "Ентоні Блінкен"
    assert bq.findtext(f"{NITF}credit/{NITF}a/{NITF}person/{NITF}function") == "Держсекретар США"
    assert [p.text for p in bq.findall(f"{NITF}block/{NITF}p")] == [
        "Ми не переглядатимемо фундаментальні принципи.",
        "Одним із них є принцип «відкритих дверей».",
    ]


def test_every_qcode_scheme_is_declared() -> None:
    catalog = etree.parse(str(IPTC_CATALOG)).getroot()
    iptc = {scheme.get("alias") for scheme in catalog.iter(f"{NAR}scheme")}
    for data in (broadsheet.write(full_article(), "newsml"), broadsheet.write(edition(), "newsml")):
        root = etree.fromstring(data)
        inline = {s.get("alias") for s in root.iter(f"{NAR}scheme")}
        for element in root.iter(f"{NAR}*"):
            for attribute in ("qcode", "rel", "role", "type"):
                value = element.get(attribute)
                if value is None or (attribute == "type" and etree.QName(element).localname == "inlineXML"):
                    continue
                alias = value.split(":", 1)[0]
                assert alias in iptc or alias in inline, f"{value} on <{etree.QName(element).localname}>"


def test_an_edition_is_a_news_message_with_a_package_first() -> None:
    root = etree.fromstring(broadsheet.write(edition(), "newsml"))
    assert root.tag == f"{NAR}newsMessage"
    items = list(root.find(f"{NAR}itemSet"))
    assert [etree.QName(i).localname for i in items] == ["packageItem", "newsItem", "newsItem", "newsItem"]
    refs = [ref.get("residref") for ref in items[0].iter(f"{NAR}itemRef")]
    assert refs == [item.get("guid") for item in items[1:]]


def test_bad_write_options_are_option_errors() -> None:
    with pytest.raises(OptionError):
        broadsheet.write(seed_article(), "newsml", version=0)
    with pytest.raises(OptionError):
        broadsheet.write(seed_article(), "newsml", colour="red")


def test_compact_output_reads_back_the_same() -> None:
    article = full_article()
    compact = broadsheet.write(article, "newsml", pretty=False)
    assert b"\n <" not in compact
    assert broadsheet.read(compact, "newsml") == article
    assert attrs.evolve(article) == article


def test_pretty_printing_never_touches_running_text() -> None:
    box = RelatedBox(
        links=(
            RelatedLink(
                title="Title", url="https://x.example/a", authors=(Person(name="A"), Person(name="B"))
            ),
        )
    )
    article = Article(
        title="T",
        body=(
            box,
            Paragraph(children=(Emphasis(children=(Text(text="a"),)), Strong(children=(Text(text="b"),)))),
        ),
    )
    data = broadsheet.write(article, "newsml")
    assert b"Title</a> \xe2\x80\x94 <person>A</person>, <person>B</person></li>" in data
    assert b'<p><em>a</em><em class="strong">b</em></p>' in data
    assert broadsheet.read(data, "newsml") == article
