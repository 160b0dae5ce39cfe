"""The official IPTC ninjs examples (1.6, 2.1, 2.2, 3.0, 3.1) read into sensible articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from ninjs_support import EXAMPLES, NINJS, schema_errors

import broadsheet
from broadsheet.model import Article, Figure, Heading, Link, Paragraph, QuoteBlock, Text

ALL = sorted(EXAMPLES.rglob("*.json")) + sorted((NINJS / "tests").rglob("should_pass/*.json"))
CAPTAIN = "Captain of wrecked cruise ship on trial in Italy"


def _read(relative: str) -> Article:
    return broadsheet.read(EXAMPLES / relative)


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(NINJS)))
def test_every_example_reads_and_is_detected_from_content(path: Path) -> None:
    article = broadsheet.read(path)  # no format=: the registry tells ninjs from the content
    assert article.title.strip()
    assert broadsheet.read(path.read_bytes()) == article  # without a file name too
    assert isinstance(article, Article)


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_user_guide_complex_article(version: str) -> None:
    article = _read(f"{version}/005_complex_text_article.json")
    assert article.title == CAPTAIN
    assert article.id == "http://ninjs.example.com/newsitems/20130709med123"
    assert article.language == "en"
    assert [p.name for p in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert article.modified == dt.datetime(2013, 7, 9, 10, 37, tzinfo=dt.UTC)
    assert article.dateline == "Grossetto, Italy"
    assert article.rights is not None and article.rights.startswith("Copyright 2013 The News Agency")
    # The richtext body wins over the plain one: four paragraphs.
    assert [type(b) for b in article.body] == [Paragraph] * 4
    first = article.body[0]
    assert isinstance(first, Paragraph) and isinstance(first.children[0], Text)
    assert first.children[0].text.startswith("GROSSETO, Italy (AP) -- The trial")


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_user_guide_multimedia_associations_become_images(version: str) -> None:
    article = _read(f"{version}/007_multimedia.json")
    assert [image.url for image in article.images] == [
        "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg",
        "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904xyz000-big.jpg",
    ]
    main = article.images[0]
    assert (main.width, main.height, main.media_type, main.credit) == (
        429,
        281,
        "image/jpg",
        "Paulo Santalucia",
    )
    assert main.caption is not None and main.caption.startswith("The Costa Concordia cruise ship lies")


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_a_photo_item_is_an_article_with_its_image(version: str) -> None:
    article = _read(f"{version}/006_photo_only.json")
    assert article.title == "Costa Concordia cruise ship"
    assert article.images[0].url.endswith("-big.jpg") and article.images[0].credit == "Paulo Santalucia"
    assert article.lead is None  # a picture's description is its caption, not a standfirst


def test_dpa_html_body_with_guillemets() -> None:
    article = _read("3.0/dpa_text.json")
    assert article.title == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert article.language == "de"
    assert article.id == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert article.modified == dt.datetime(2019, 5, 10, 14, 2, 28, tzinfo=dt.UTC)
    assert [p.name for p in article.authors] == ["Christian Hollmann", "dpa"]
    assert len(article.body) == 9 and all(isinstance(b, Paragraph) for b in article.body)
    assert article.rights == "Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten"


def test_ntb_lead_subjects_and_dates() -> None:
    article = _read("3.0/ntb_text.json")
    assert article.language == "nb-NO"
    assert article.lead is not None and article.lead.startswith("IT-giganten Google har kjøpt en tomt")
    assert article.tags == ("Innenriks", "Teknologi", "Industri", "Olje og energi")
    assert article.published == dt.datetime(2019, 8, 9, 9, 30, 4, tzinfo=dt.UTC)
    assert article.body == ()


@pytest.mark.parametrize("relative", ["2.1/tt_text_image_2.json", "3.0/tt_text_image_3.json"])
def test_tt_html5_body_quotes_links_and_figure(relative: str) -> None:
    article = _read(relative)
    assert article.genre == "Inrikes"
    assert isinstance(article.body[0], Heading)
    quotes = [b for b in article.body if isinstance(b, QuoteBlock)]
    assert len(quotes) == 2 and quotes[0].quote.text.startswith("Aurora 2023 kommer att genomföras")
    links = [c for b in article.body if isinstance(b, Paragraph) for c in b.children if isinstance(c, Link)]
    assert links[0].url.startswith("https://www.sydostran.se/")
    figure = next(b for b in article.body if isinstance(b, Figure))
    assert figure.image.credit == "Karl Melander/TT"
    assert figure.image.caption is not None and figure.image.caption.startswith("En stor internationell")
    assert article.images[0].url.endswith("a001_NormalHires.jpg") and article.images[0].width == 4724


def test_addb_nitf_body() -> None:
    article = _read(
        "3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"
    )
    assert article.title == "Anti-doping measures at the 'Tour Down Under' will be the toughest ever"
    assert article.genre == "Actuality"
    assert article.tags == ("Sport", "drug abuse in sport", "Cycling")
    assert article.lead is not None and article.lead.startswith("The Australian Sports Anti-Doping Authority")
    assert all(isinstance(b, Paragraph) for b in article.body)
    texts = [b.children[0].text for b in article.body if isinstance(b, Paragraph)]
    assert len(texts) == 18
    assert texts[-1] == "Email: media@asada.gov.au"  # NITF whitespace collapsed
    assert not any("Anti-doping measures" in t for t in texts)  # body.head (headline, byline) is metadata


def test_associations_example_reads_both_pictures() -> None:
    article = _read("3.1/003_associations_example.json")
    assert [image.url for image in article.images] == [
        "http://mms.businesswire.com/media/newsItemId/en/221373/3/dell_blue_rgb.jpg",
        "http://mms.businesswire.com/media/newsItemId/en/369394/3/0025lf.jpg",
    ]


def test_the_official_examples_of_the_writable_versions_are_valid_here_too() -> None:
    """Guards the validator set-up: the user-guide 3.1 and 2.2 examples that IPTC ships as valid are."""
    for version in ("3.1", "2.2"):
        for name in ("001_simple_example.json", "005_complex_text_article.json", "007_multimedia.json"):
            document = json.loads((EXAMPLES / version / name).read_text("utf-8"))
            assert schema_errors(document, version) == []


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_the_validator_rejects_the_official_should_fail_fixtures(version: str) -> None:
    for path in (NINJS / "tests" / version / "should_fail").glob("*.json"):
        assert schema_errors(json.loads(path.read_text("utf-8")), version)


@pytest.mark.parametrize(
    ("by", "names"),
    [
        ("Von Christian Hollmann, dpa", ["Christian Hollmann", "dpa"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Ірина Кузнєцова та Олег Петренко", ["Ірина Кузнєцова", "Олег Петренко"]),
        ("Іван і Марія", ["Іван", "Марія"]),
        ("Andrea de la Iglesia", ["Andrea de la Iglesia"]),
    ],
)
def test_a_by_line_without_info_sources_gives_the_authors(by: str, names: list[str]) -> None:
    article = broadsheet.read(json.dumps({"uri": "urn:x", "by": by}).encode(), "ninjs")
    assert [person.name for person in article.authors] == names
