"""Whatever a ninjs document holds, reading it ends in an article or a BroadsheetError, never a crash."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import broadsheet
from broadsheet.errors import BroadsheetError
from seed_story import full_article

SEED: dict[str, Any] = json.loads(broadsheet.write(full_article(), "ninjs"))

_KEYS = st.sampled_from(
    [
        "uri",
        "name",
        "value",
        "role",
        "rel",
        "language",
        "headlines",
        "href",
        "type",
        "associations",
        "contentType",
        "renditions",
        "altIds",
        "infoSources",
        "bodies",
        "standard",
        "version",
        "width",
    ]
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)
_MARKUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<q data-speaker=''>",
            "</q>",
            "<blockquote>",
            "<footer>",
            "<cite>",
            "</cite>",
            "<cite class='mention' data-authors='[1,{\"name\":5}]'>",
            "<a href='javascript:x'>",
            "<a href=''>",
            "</a>",
            "<table>",
            "<tr>",
            "<td colspan='0'>",
            "<th rowspan='x'>",
            "<ol start='-3'>",
            "<li>",
            "<img src=''>",
            "<img>",
            "<figure class='embed'>",
            "<aside class='related'>",
            "<hr>",
            "x",
            "\x00",
            "\x0b",
            "&nbsp;",
            "&x;",
            "<!DOCTYPE html>",
            "<html>",
            "<?xml version='1.0'?>",
            "<nitf>",
            "<body.content>",
            "<bq>",
            "<credit>",
            "<media>",
            "<media-reference source='x'>",
            "<br>",
            " ",
            "\ud800",
        ]
    ),
    max_size=30,
).map("".join)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


PATHS = list(_paths(SEED))[1:]


@settings(max_examples=150)
@given(st.data())
def test_mutated_documents_read_or_fail_cleanly(data: st.DataObject) -> None:
    document = json.loads(json.dumps(SEED))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(PATHS))
        target = document
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = data.draw(st.one_of(_JSON, _MARKUP))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path
    raw = json.dumps(document).encode()  # ASCII escapes: lone surrogates and NULs are legal JSON
    with contextlib.suppress(BroadsheetError):
        broadsheet.read_document(raw, "ninjs")
