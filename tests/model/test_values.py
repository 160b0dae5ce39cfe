"""Text normalisation, language tags, URLs and datetimes at the model's boundary."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadsheet.errors import ModelError
from broadsheet.model import values


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Київ", "Київ"),
        ("  spaced\t\nout  ", "spaced out"),
        ("soft\u00adhyphen", "softhyphen"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("e\u0301", "é"),  # NFD to NFC
        ("10\u00a0000", "10\u00a0000"),  # no-break space is typography: kept
        ("ctrl\x07char", "ctrlchar"),
        ("ZWNJ\u200cstays", "ZWNJ\u200cstays"),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert values.clean_line(raw) == clean


def test_clean_inline_keeps_edge_spaces_but_collapses_runs() -> None:
    assert values.clean_inline("  a \n\n b ") == " a b "


def test_clean_lines_keeps_paragraphs_apart() -> None:
    assert values.clean_lines(" one \n\n  two\r\nthree ") == "one\ntwo\nthree"


@given(st.text())
def test_cleaning_is_idempotent_and_nfc(raw: str) -> None:
    for clean in (values.clean_line, values.clean_inline, values.clean_lines):
        once = clean(raw)
        assert clean(once) == once
        assert unicodedata.is_normalized("NFC", once)
        assert "\u00ad" not in once and "\u200b" not in once


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("uk", "uk"),
        ("UK", "uk"),
        ("en-gb", "en-GB"),
        ("sr_latn_rs", "sr-Latn-RS"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-CH-1996", "de-CH-1996"),
        ("x-private", "x-private"),
        ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc"),
    ],
)
def test_language_tags_are_put_in_canonical_case(tag: str, canonical: str) -> None:
    assert values.language_tag(tag) == canonical


@pytest.mark.parametrize("tag", ["", "english!", "u", "uk-", "uk--UA", "toolongtag1", "12", "uk UA"])
def test_malformed_language_tags_are_rejected(tag: str) -> None:
    with pytest.raises(ModelError, match="BCP 47"):
        values.language_tag(tag)


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ModelError, match="time zone"):
        values.aware_datetime(dt.datetime(2022, 1, 21, 19, 45))
    aware = dt.datetime(2022, 1, 21, 19, 45, tzinfo=dt.UTC)
    assert values.aware_datetime(aware) is aware


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " vbscript:x",
        "data:text/html,<b>",
        "javascript&#58;alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#x3a;alert(1)",
        "javascript&#X3A;alert(1)",
        "java&#x09;script:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        "\u00a0javascript:alert(1)",
        "\u200bjavascript:alert(1)",
        "%6Aavascript:alert(1)",
        "javascript%3Aalert(1)",
        "javascript&amp;#58;alert(1)",
        "data&colon;text/html,<b>",
    ],
)
def test_script_urls_are_refused(url: str) -> None:
    with pytest.raises(ModelError):
        values.url(url)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/a?b=1&amp;c=2", "/path/with%3Acolon", "report%20javascript.html", "#top", "?q=x:y"],
)
def test_ordinary_urls_pass_the_probe(url: str) -> None:
    assert values.url(url) == url


def test_a_lone_surrogate_is_not_a_url() -> None:
    with pytest.raises(ModelError, match="surrogate"):
        values.url("https://example.com/\ud800")


def test_data_urls_only_for_images() -> None:
    assert values.image_url("data:image/png;base64,AAAA").startswith("data:image/png")
    with pytest.raises(ModelError):
        values.image_url("data:text/html;base64,AAAA")
    with pytest.raises(ModelError):
        values.url("data:image/png;base64,AAAA")


def test_relative_and_absolute_urls_pass() -> None:
    for url in ("https://zn.ua/ukr/", "/path?q=1", "#frag", "mailto:a@b.c", "images/photo.jpg"):
        assert values.url(url) == url


def test_line_tuple_drops_blanks_and_repeats() -> None:
    assert values.line_tuple(["НАТО", " НАТО ", "", "США"]) == ("НАТО", "США")
    with pytest.raises(ModelError):
        values.line_tuple("НАТО")
