"""Bad NewsML-G2 input: refused with a BroadsheetError naming the element and line, never half-read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from newsml_schemas import STANDARDS

import broadsheet
from broadsheet.errors import LimitError, ReadError, SchemaError
from data_paths import DATA
from seed_story import full_article

GOOD = (DATA / "newsml" / "full-article.xml").read_bytes()


def test_billion_laughs_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE newsItem [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">&lol3;</newsItem>'
    )
    with pytest.raises(ReadError, match="declares entities"):
        broadsheet.read(bomb, "newsml")


def test_external_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><itemMeta>&xxe;</itemMeta></newsItem>'
    ).encode()
    with pytest.raises(ReadError, match="XXE") as caught:
        broadsheet.read(xxe, "newsml")
    assert "TOP SECRET" not in str(caught.value)


def test_network_entities_are_never_fetched() -> None:
    # A parameter entity would be fetched while parsing the DTD: no_network stops it.
    remote = (
        b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">'
        b"%remote;]><newsItem/>"
    )
    with pytest.raises(ReadError):
        broadsheet.read(remote, "newsml")


def test_truncated_input_names_the_element_and_line() -> None:
    cut = GOOD[: GOOD.index(b"</p>", len(GOOD) // 2)]
    with pytest.raises(ReadError) as caught:
        broadsheet.read(cut, "newsml")
    assert re.search(
        r"^line \d+: NewsML-G2 input is not well-formed: Premature end of data in tag p", str(caught.value)
    )
    with pytest.raises(ReadError, match=r"line \d+: .*not well-formed"):
        broadsheet.read(GOOD[: len(GOOD) // 3], "newsml")


def test_a_document_that_is_not_newsml_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match=r"<rss> at line 1: not NewsML-G2"):
        broadsheet.read(b'<rss version="2.0"><channel/></rss>', "newsml")


def test_a_concept_item_is_refused_by_name() -> None:
    with pytest.raises(SchemaError, match="conceptItem"):
        broadsheet.read(b'<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="c"/>', "newsml")


def test_iptc_incomplete_file_is_a_schema_error() -> None:
    data = (STANDARDS / "tests" / "should_fail" / "2.29_001_incomplete_file.xml").read_bytes()
    with pytest.raises(SchemaError, match=r"<newsItem> at line \d+: .*no <itemMeta>"):
        broadsheet.read(data, "newsml")


@pytest.mark.parametrize(
    "name",
    ["2.30_CR00212_02_residrefformaturi_badly_formatted.xml", "2.34_CR00218_too_many_nested_related.xml"],
)
def test_schema_option_refuses_invalid_documents(name: str) -> None:
    data = (STANDARDS / "tests" / "should_fail" / name).read_bytes()
    schema = str(STANDARDS / "NewsML-G2_2.35-spec-All-Power.xsd")
    with pytest.raises(SchemaError, match=r"line \d+: NewsML-G2 input is not valid: Element"):
        broadsheet.read(data, "newsml", schema=schema)


def test_schema_option_accepts_our_output() -> None:
    schema = str(STANDARDS / "NewsML-G2_2.35-spec-All-Power.xsd")
    assert broadsheet.read(GOOD, "newsml", schema=schema) == full_article()


def test_bad_dates_and_values_name_their_element() -> None:
    bad_date = GOOD.replace(b"<firstCreated>2022-01-21T19:45:00+02:00", b"<firstCreated>yesterday")
    with pytest.raises(SchemaError, match=r"<firstCreated> at line \d+: 'yesterday' is not a date"):
        broadsheet.read(bad_date, "newsml")
    script = GOOD.replace(b'href="https://www.nato.int/"', b'href="javascript:alert(1)"')
    with pytest.raises(SchemaError, match=r"<a> at line \d+: Link: javascript: URLs are not allowed"):
        broadsheet.read(script, "newsml")
    no_guid = GOOD.replace(b'guid="tag:zn.ua,2022:ssha-ne-obhovorjuvatimut" ', b"")
    with pytest.raises(SchemaError, match=r"<newsItem> at line 2: <newsItem> has no guid"):
        broadsheet.read(no_guid, "newsml")


def test_limits() -> None:
    with pytest.raises(LimitError):
        broadsheet.read(GOOD, "newsml", max_bytes=1000)
    deep = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'
        + b"<a>" * 300
        + b"</a>" * 300
        + b"</newsItem>"
    )
    with pytest.raises(LimitError):
        broadsheet.read(deep, "newsml")


@pytest.mark.parametrize("version", ["9.99", "3.0", "two", "", "2.35.1x"])
def test_a_version_that_is_not_2x_is_refused(version: str) -> None:
    import broadsheet
    from broadsheet.errors import VersionError

    data = broadsheet.write(broadsheet.model.Article(title="Versioned"), "newsml")
    assert b'standardversion="2.35"' in data
    with pytest.raises(VersionError, match="standardversion"):
        broadsheet.read(
            data.replace(b'standardversion="2.35"', f'standardversion="{version}"'.encode()), format="newsml"
        )
    older = data.replace(b'standardversion="2.35"', b'standardversion="2.24"')
    assert broadsheet.read(older, format="newsml").title == "Versioned"
