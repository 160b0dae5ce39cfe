"""Bad native JSON: every problem is a BroadsheetError naming the JSON path."""

from __future__ import annotations

import json
from typing import Any

import pytest

import broadsheet
from broadsheet.errors import LimitError, ReadError, SchemaError, VersionError


def doc(article: Any) -> bytes:
    return json.dumps({"format": "broadsheet", "version": 1, "article": article}).encode()


def para(*children: Any) -> dict[str, Any]:
    return {"type": "paragraph", "children": list(children)}


@pytest.mark.parametrize(
    ("data", "error", "where", "problem"),
    [
        (
            b'{"format": "broadsheet", "version": 1, "article": {"title": "x",',
            ReadError,
            "line 1",
            "not valid JSON",
        ),
        (b"\xff\xfe\x00junk", ReadError, None, ""),
        (b"[]", SchemaError, "$", "JSON object"),
        (b'{"format": "ninjs", "version": 1}', SchemaError, "$.format", "'broadsheet'"),
        (
            b'{"format": "broadsheet", "version": 2, "article": {"title": "x"}}',
            VersionError,
            "$.version",
            "version 2",
        ),
        (
            b'{"format": "broadsheet", "version": "1", "article": {"title": "x"}}',
            VersionError,
            "$.version",
            "",
        ),
        (b'{"format": "broadsheet", "version": 1}', SchemaError, "$", "exactly one"),
        (doc({}), SchemaError, "$.article", "missing required field 'title'"),
        (doc({"title": 3}), SchemaError, "$.article.title", "expected a string, got a number"),
        (doc({"title": "x", "colour": "red"}), SchemaError, "$.article", "unknown field 'colour'"),
        (
            doc({"title": "x", "published": "2022-01-21T10:00"}),
            SchemaError,
            "$.article.published",
            "no UTC offset",
        ),
        (doc({"title": "x", "published": "soon"}), SchemaError, "$.article.published", "ISO 8601"),
        (doc({"title": "x", "language": "english!"}), SchemaError, "$.article.language", "BCP 47"),
        (doc({"title": "x", "body": {}}), SchemaError, "$.article.body", "expected an array, got an object"),
        (
            doc({"title": "x", "body": [para(), para(), para(), para({"type": "text"})]}),
            SchemaError,
            "$.article.body[3].children[0]",
            "missing required field 'text'",
        ),
        (
            doc({"title": "x", "body": [para({"type": "marquee"})]}),
            SchemaError,
            "$.article.body[0].children[0]",
            "unknown type 'marquee'",
        ),
        (
            doc({"title": "x", "body": [para({"text": "no tag"})]}),
            SchemaError,
            "$.article.body[0].children[0]",
            'missing "type"',
        ),
        (
            doc({"title": "x", "body": [{"type": "heading", "level": 9, "children": []}]}),
            SchemaError,
            "$.article.body[0].level",
            "from 1 to 6",
        ),
        (
            doc({"title": "x", "body": [{"type": "heading", "level": True, "children": []}]}),
            SchemaError,
            "$.article.body[0].level",
            "expected an integer, got a boolean",
        ),
        (
            doc(
                {"title": "x", "body": [para({"type": "link", "url": "javascript:alert(1)", "children": []})]}
            ),
            SchemaError,
            "$.article.body[0].children[0].url",
            "javascript",
        ),
        (
            doc({"title": "x", "see_also": [{"title": "y", "relation": "liked"}]}),
            SchemaError,
            "$.article.see_also[0].relation",
            "'read-also'",
        ),
        (
            doc({"title": "x", "body": [{"type": "text", "text": "inline at block level"}]}),
            SchemaError,
            "$.article.body[0]",
            "unknown type 'text'",
        ),
    ],
)
def test_bad_documents_name_the_path(
    data: bytes, error: type[Exception], where: str | None, problem: str
) -> None:
    with pytest.raises(error) as caught:
        broadsheet.read(data, "json")
    assert isinstance(caught.value, broadsheet.BroadsheetError)
    if where is not None:
        assert caught.value.where is not None and caught.value.where.startswith(where)  # type: ignore[attr-defined]
    assert problem in str(caught.value)


def test_absurd_nesting_is_a_limit_error_not_a_crash() -> None:
    deep: dict[str, Any] = {"type": "text", "text": "x"}
    for _ in range(300):
        deep = {"type": "emphasis", "children": [deep]}
    with pytest.raises(LimitError):
        broadsheet.read(doc({"title": "x", "body": [para(deep)]}), "json")
    with pytest.raises(LimitError):
        broadsheet.read(b"[" * 100_000 + b"]" * 100_000, "json")


def test_an_edition_is_not_an_article() -> None:
    data = json.dumps(
        {
            "format": "broadsheet",
            "version": 1,
            "edition": {"title": "E", "sections": [{"articles": [{"title": "a"}]}]},
        }
    ).encode()
    with pytest.raises(ReadError, match="read_edition"):
        broadsheet.read(data, "json")
    assert broadsheet.read_edition(data, "json").articles[0].title == "a"


def _example_with(version_text: str) -> bytes:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "examples" / "zn-blinken.json").read_text(encoding="utf-8")
    assert '"version": 1' in text
    return text.replace('"version": 1', f'"version": {version_text}', 1).encode()


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "9" * 5000, "NaN", "Infinity"])
def test_only_the_integer_version_is_read(version: str) -> None:
    with pytest.raises(broadsheet.BroadsheetError):
        broadsheet.read(_example_with(version), format="json")


def test_a_huge_number_is_a_limit_error_not_a_crash() -> None:
    from broadsheet.errors import LimitError

    with pytest.raises(LimitError, match="5,000 digits"):
        broadsheet.read(b'{"format": "broadsheet", "x": ' + b"9" * 5000 + b"}", format="json")
