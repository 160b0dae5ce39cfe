"""Bad ninjs input ends in a BroadsheetError that says what and where; bad options too."""

from __future__ import annotations

import json

import pytest

import broadsheet
from broadsheet.errors import (
    BroadsheetError,
    LimitError,
    OptionError,
    ReadError,
    SchemaError,
    VersionError,
)
from broadsheet.model import Article


def _read(document: object) -> Article:
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return broadsheet.read(data, "ninjs")


GOOD = {"uri": "urn:x:1", "headlines": [{"role": "main", "value": "Headline"}]}


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b'{"uri": "urn:x", "headlines": [', ReadError, r"^line 1, column 32: not valid JSON"),
        (b"\xff\xfe{}", ReadError, "must be UTF-8"),
        (b"", ReadError, "not valid JSON"),
        (b"[1, 2]", SchemaError, r"^\$: a ninjs document is a JSON object"),
        (b'"uri"', SchemaError, r"^\$: a ninjs document is a JSON object"),
        (b'{"title": "no uri"}', SchemaError, "no uri"),
        (b"[" * 100_000 + b"]" * 100_000, (LimitError, SchemaError), "nested too deeply|JSON object"),
    ],
)
def test_malformed_or_foreign_json(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        _read(data)


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        ({"headlines": "Headline"}, "$.headlines", "expected an array, got a string"),
        ({"headlines": [42]}, "$.headlines[0]", "expected an object, got a number"),
        ({"headlines": [{"value": 42}]}, "$.headlines[0].value", "expected a string, got a number"),
        ({"versionCreated": "yesterday"}, "$.versionCreated", "not an RFC 3339 date-time"),
        ({"versioncreated": "2020-01-01T10:00:00"}, "$.versioncreated", "no UTC offset"),
        ({"language": "not a language tag"}, "$.language", "BCP 47"),
        ({"altIds": [{"role": "url", "value": "javascript:alert(1)"}]}, "$.altIds[0].value", "not allowed"),
        ({"renditions": [{"name": "web", "href": "javascript:x"}]}, "$.renditions[0].href", "not allowed"),
        ({"infoSources": [{"role": "author"}]}, "$.infoSources[0]", "has no name"),
        ({"renditions": {"web": {}}}, "$.renditions", "expected an array, got an object"),
        (
            {"associations": [{"name": "x", "uri": "urn:y", "headlines": [{"value": True}]}]},
            "$.associations[0].headlines[0].value",
            "expected a string, got a boolean",
        ),
        (
            {"associations": [{"name": "translation", "uri": "urn:y"}]},
            "$.associations[0]",
            "needs a language",
        ),
        (
            {"bodies": [{"contentType": "text/vnd.IPTC.NITF", "value": "<nitf><body"}]},
            "$.bodies[0].value",
            "NITF",
        ),
    ],
)
def test_wrong_types_name_the_json_path(change: dict[str, object], where: str, message: str) -> None:
    with pytest.raises(SchemaError) as caught:
        _read({**GOOD, **change})
    assert caught.value.where == where
    assert message in str(caught.value)
    assert str(caught.value).startswith(where)


def test_an_unknown_major_version_is_a_version_error() -> None:
    with pytest.raises(VersionError, match=r"\$\.standard\.version: ninjs 4\.0"):
        _read({**GOOD, "standard": {"name": "ninjs", "version": "4.0"}})


def test_deeply_nested_associations_are_refused() -> None:
    document: dict[str, object] = {"name": "translation", "uri": "urn:0", "language": "en"}
    for level in range(80):
        document = {
            "name": "article",
            "uri": f"urn:{level}",
            "headlines": [{"value": "x"}],
            "associations": [
                {"name": "translation", "uri": "urn:t", "language": "en", "associations": [document]}
            ],
        }
    with pytest.raises(LimitError, match="nest more than 64 levels"):
        _read(
            {
                **GOOD,
                "associations": [
                    {"name": "translation", "uri": "urn:t", "language": "en", "associations": [document]}
                ],
            }
        )


def test_every_error_is_a_broadsheet_error() -> None:
    for bad in (b"{", b"null", b'{"uri": 5}', b'{"uri": "u", "bodies": [{"value": 1}]}'):
        with pytest.raises(BroadsheetError):
            _read(bad)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"version": "4.0"}, "ninjs version must be one of 3.1, 3.0, 2.2, 2.1"),
        ({"indent": -1}, "indent"),
        ({"colour": "red"}, "has no option 'colour'"),
    ],
)
def test_bad_writer_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        broadsheet.write(Article(title="t"), "ninjs", **options)


def test_a_deeply_nested_html_body_is_refused_not_a_crash() -> None:
    body = "<div>" * 300 + "<p>x</p>" + "</div>" * 300
    with pytest.raises(LimitError, match=r"^\$\.bodies\[0\]\.value: the body is nested too deeply"):
        _read({**GOOD, "bodies": [{"contentType": "text/html", "value": body}]})


def _nested_list(depth: int) -> Article:
    from broadsheet.model import BulletList, Paragraph, Text

    block: BulletList | Paragraph = Paragraph(children=(Text(text="deep"),))
    for _ in range(depth):
        block = BulletList(items=((block,),))
    return Article(title="t", body=(block,))


def test_the_deepest_lists_the_model_allows_read_back_whole() -> None:
    """What the writer writes the reader reads: the model's bound is inside the reader's."""
    from broadsheet.errors import ModelError
    from broadsheet.model.nesting import MAX_NESTING

    deep = _nested_list(MAX_NESTING - 2)  # lists, the paragraph and its text
    assert broadsheet.read(broadsheet.write(deep, "ninjs"), "ninjs") == deep
    with pytest.raises(ModelError, match="nests more than"):
        _nested_list(1000)
