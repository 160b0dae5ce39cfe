"""Reading other providers' NewsML-G2: IPTC's official examples and unit-test files, XHTML and text bodies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import broadsheet
from broadsheet.model import (
    BulletList,
    Edition,
    Figure,
    Heading,
    Paragraph,
    QuoteBlock,
    Relation,
    Strong,
    Text,
)
from data_paths import DATA as ALL_DATA

pytestmark = pytest.mark.usefixtures("standards")
DATA = ALL_DATA / "newsml"


def _read(standards: Path, name: str) -> broadsheet.model.Article:
    return broadsheet.read(standards / name, format="newsml")


def test_listing_1_news_item(standards: Path) -> None:
    article = _read(standards, "examples/LISTING_1_A_NewsML-G2_News_Item.xml")
    assert article.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert article.title == 'Fed to halt QE to avert "bubble"'
    assert article.language == "en-GB"
    assert [p.name for p in article.authors] == ["Meredith Jameson"]
    assert article.authors[0].url == "http://www.example.com/staff/mjameson"
    assert article.genre == "Interview"
    assert article.tags == ("economy, business and finance", "labour market")
    assert article.published == dt.datetime(
        2016, 10, 18, 13, 12, 21, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.modified == dt.datetime(
        2018, 10, 21, 16, 22, 45, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.rights == "Copyright 2017-18 Example Enews LLP, all rights reserved"
    assert article.publisher is not None and article.publisher.name == "REUTERS"
    assert len(article.see_also) == 1
    assert article.see_also[0].url == "http://www.example.com/video/20081222-PNN-1517-407624/index.html"
    assert article.see_also[0].relation is Relation.READ_ALSO
    assert article.body == ()


def test_listing_2_text_with_nitf_body(standards: Path) -> None:
    article = _read(standards, "examples/LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.source is not None and article.source.name == "Associated Press"
    assert article.language == "en-US"
    assert len(article.body) == 2
    first = article.body[0]
    assert isinstance(first, Paragraph) and isinstance(first.children[0], Text)
    assert first.children[0].text.startswith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim")
    assert "  " not in first.children[0].text and "\n" not in first.children[0].text


def test_listing_22_sports_story(standards: Path) -> None:
    article = _read(standards, "examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.title.startswith("Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24)")
    assert article.lead is not None and article.lead.startswith(
        "A pair of teams coming off big weekend sweeps will square"
    )
    assert "\n" not in article.lead
    assert article.genre == "Game Preview"
    assert [p.name for p in article.authors] == ["The Sports Network"]
    assert len(article.body) == 6 and all(isinstance(b, Paragraph) for b in article.body)
    assert "Doug Davis" in article.tags


def test_listing_29_item_without_headline_or_content(standards: Path) -> None:
    article = _read(standards, "examples/LISTING_29_Hop_History.xml")
    # No headline anywhere: the guid stands in as the title.
    assert article.title == article.id == "urn:newsml:acmenews.com:20161019T1205:HOP-HISTORY-EXAMPLE"
    assert article.body == ()


@pytest.mark.parametrize(
    "name",
    [
        "2.29_001_simplest_file.xml",
        "2.29_CR00213_01_attribute_cardinality_newsitem.xml",
        "2.30_CR00211_01_newsitem_with_no_catalog.xml",
        "2.33_CR00217_digitalSourceType_on_contentMeta_newsItem.xml",
    ],
)
def test_iptc_should_pass_files_read(standards: Path, name: str) -> None:
    article = _read(standards, f"tests/should_pass/{name}")
    assert article.id
    assert article.title


def test_a_photo_item_gives_its_picture(standards: Path) -> None:
    article = _read(standards, "examples/LISTING_3_Photo_in_NewsML-G2.xml")
    assert article.images[0].url == "./GYI0062134533.jpg"
    assert article.images[0].width == 1500 and article.images[0].media_type == "image/jpeg"


def test_a_bare_package_gives_an_edition_of_its_references(standards: Path) -> None:
    document = broadsheet.read_edition(
        standards / "examples/LISTING_6_Simple_NewsML-G2_Package.xml", format="newsml"
    )
    assert document.title == "UK"
    assert [a.title for a in document.articles] == [
        "Obama annonce son équipe",
        "Barack Obama arrive à Washington",
    ]
    assert document.articles[0].lead is not None and document.articles[0].lead.startswith("Le rachat")


def test_an_xhtml_body_is_read() -> None:
    article = broadsheet.read(DATA / "xhtml-body.xml", format="newsml")
    assert article.title == "Storm hits the coast"
    kinds = [type(b) for b in article.body]
    assert kinds == [Heading, Paragraph, BulletList, QuoteBlock, Figure]
    assert isinstance(article.body[0], Heading) and article.body[0].level == 2
    paragraph = article.body[1]
    assert isinstance(paragraph, Paragraph) and isinstance(paragraph.children[1], Strong)
    figure = article.body[4]
    assert isinstance(figure, Figure) and figure.image.caption == "The harbour at noon"


def test_a_plain_text_body_is_read() -> None:
    article = broadsheet.read(DATA / "inline-data.xml", format="newsml")
    assert [b.children[0].text for b in article.body if isinstance(b, Paragraph)] == [  # type: ignore[union-attr]
        "First paragraph, over two lines.",
        "Second paragraph.",
    ]


def test_a_message_of_items_without_package_is_an_edition() -> None:
    one = broadsheet.write(broadsheet.model.Article(title="One"), "newsml").split(b"?>", 1)[1]
    two = broadsheet.write(broadsheet.model.Article(title="Two"), "newsml").split(b"?>", 1)[1]
    message = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2022-01-21T10:00:00Z</sent>'
        b"</header><itemSet>" + one + two + b"</itemSet></newsMessage>"
    )
    document = broadsheet.read_edition(message, format="newsml")
    assert isinstance(document, Edition)
    assert [a.title for a in document.articles] == ["One", "Two"]


def test_content_detection_picks_newsml(tmp_path: Path) -> None:
    path = tmp_path / "story.xml"
    path.write_bytes((DATA / "full-article.xml").read_bytes())
    assert broadsheet.read(path).title.startswith("США не обговорюватимуть")
    odd = tmp_path / "story.dat"
    odd.write_bytes((DATA / "inline-data.xml").read_bytes())
    assert broadsheet.read(odd).title == "Plain text item"


@pytest.mark.parametrize(
    "name",
    [
        "examples/LISTING_1_A_NewsML-G2_News_Item.xml",
        "examples/LISTING_2_NewsML-G2_Text_Document.xml",
        "examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        "examples/LISTING_29_Hop_History.xml",
    ],
)
def test_examples_read_the_same_with_schema_validation(standards: Path, name: str) -> None:
    schema = str(standards / "NewsML-G2_2.35-spec-All-Power.xsd")
    assert broadsheet.read(standards / name, format="newsml", schema=schema) == _read(standards, name)


@pytest.mark.parametrize("name", ["xhtml-body.xml", "inline-data.xml"])
def test_hand_written_provider_items_are_valid_newsml(standards: Path, name: str) -> None:
    schema = str(standards / "NewsML-G2_2.35-spec-All-Power.xsd")
    assert broadsheet.read(DATA / name, format="newsml", schema=schema).title
