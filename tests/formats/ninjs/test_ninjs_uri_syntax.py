"""The writer's URI check never lets through what the schema's ``format: uri`` refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rfc3986_validator import validate_rfc3986

import broadsheet
from broadsheet.formats.ninjs.uri_syntax import as_uri, is_uri
from broadsheet.model import Article
from broadsheet.testing import urls

_PIECES = st.sampled_from(
    [*"abcXYZ019-._~:/?#[]@!$&'()*+,;=% \"<>\\^`{|}éї", "%2", "%zz", "%41", "//", "http:"]
)
_URI_LIKE = st.lists(_PIECES, max_size=16).map("".join)


@given(_URI_LIKE)
def test_is_uri_implies_rfc3986(text: str) -> None:
    if is_uri(text):
        assert validate_rfc3986(text, rule="URI")


@given(st.one_of(urls(), _URI_LIKE))
def test_as_uri_gives_valid_uris_or_none(text: str) -> None:
    uri = as_uri(text)
    if uri is not None:
        assert validate_rfc3986(uri, rule="URI")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://zn.ua/a%20b?q=1#x", True),
        ("urn:uuid:3f1c", True),
        ("tag:zn.ua,2022:1", True),
        ("mailto:a@b.c", True),
        ("12345", False),
        ("/relative/path", False),
        ("https://zn.ua/статья", False),
        ("http://host:port/", False),
        ("https://zn.ua/a b", False),
    ],
)
def test_known_cases(value: str, expected: bool) -> None:
    assert is_uri(value) is expected
    assert bool(validate_rfc3986(value, rule="URI")) is expected


def test_written_ninjs_is_detected_from_content(tmp_path: Path) -> None:
    article = Article(title="Detect me", id="urn:x:1")
    path = tmp_path / "story.json"  # .json is shared with the native format
    path.write_bytes(broadsheet.write(article, "ninjs"))
    assert broadsheet.read(path) == article
    native = tmp_path / "native.json"
    native.write_bytes(broadsheet.write(article, "json"))
    assert broadsheet.read(native) == article
