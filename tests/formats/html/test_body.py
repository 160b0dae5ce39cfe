"""Body extraction cases that need Python: generated input, errors. The rule cases are fixtures (test_body_cases)."""

from __future__ import annotations

import json

import lxml.html
import pytest
from html_cases import BASE, HEADLINE, PROSE, page

from broadsheet.errors import OptionError
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats.html.body import Body, extract_body
from broadsheet.model import Heading, Paragraph


def extract(markup: str, **options: object) -> Body:
    root = lxml.html.document_fromstring(page(markup))
    options.setdefault("base_url", BASE)
    options.setdefault("title", HEADLINE)
    return extract_body(root, **options)  # type: ignore[arg-type]


def texts(body: Body) -> list[str]:
    return [inline_text(b.children) for b in body.blocks if isinstance(b, (Paragraph, Heading))]


def test_bad_selector_is_a_clear_error() -> None:
    with pytest.raises(OptionError, match="not valid"):
        extract(f"<p>{PROSE}</p>", body_selector="div[")


def test_deep_nesting_is_read_without_crashing() -> None:
    body = extract("<div>" * 3000 + PROSE + "</div>" * 3000)
    assert isinstance(body, Body)


def test_story_shipped_only_as_script_data_is_recovered() -> None:
    story = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(3)) + "<script>steal()</script>"
    # As Next.js writes it: JSON inside a JavaScript string, "<" escaped so no tag closes the script.
    inner = json.dumps(["$", "article", {"body": "ID$$" + story}]).replace("<", "\\u003c")
    payload = json.dumps(inner)
    markup = (
        "<html><head><title>Ministers meet in Geneva</title></head><body><div id='root'></div>"
        f"<script>self.__next_f.push([1,{payload}])</script></body></html>"
    )
    assert texts(extract(markup)) == [f"{PROSE} Part {i}." for i in range(3)]
