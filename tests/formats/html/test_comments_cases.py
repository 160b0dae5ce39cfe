"""Readers' comments, one fixture case each (tests/data/html/cases/comments.txt).

A case's input is a body set in :data:`html_cases.PAGE` (or a whole page), read by
``broadsheet.read`` with ``comments=True``; the expected text is one line per comment,
``COMMENT(depth=N): text | field=value …`` for the fields that are set, or ``no comments``.
Every case also checks that the body is the same as without comments.
"""

from __future__ import annotations

import pytest
from html_cases import Case, check, page, params
from html_outline import value

import broadsheet
from broadsheet.model import Comment


def _line(comment: Comment) -> str:
    fields = [
        f"{name}={value(getattr(comment, name))}"
        for name in ("author", "published", "url", "id")
        if getattr(comment, name) is not None
    ]
    return f"COMMENT(depth={comment.depth}): " + " | ".join([value(comment.text), *fields])


@pytest.mark.parametrize("case", params("comments.txt"))
def test_comments(case: Case) -> None:
    data = page(case.input).encode()
    url = "https://news.example/world/2024/story.html"
    article = broadsheet.read(data, format="html", url=url, enrich=False, comments=True)
    found = "\n".join(_line(comment) for comment in article.comments) or "no comments"
    check(case, found)
    without = broadsheet.read(data, format="html", url=url, enrich=False)
    assert without.comments == ()
    assert article.body == without.body
