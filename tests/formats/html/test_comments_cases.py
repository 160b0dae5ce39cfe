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


def test_a_huge_thread_is_bounded_in_count_and_depth() -> None:
    item = '<li class="comment"><div class="comment-content"><p>Reply {n}</p></div><ul class="children">'
    nested = "".join(item.format(n=n) for n in range(80)) + "</ul></li>" * 80  # the parser allows 255 levels
    flat = "".join(item.format(n=n) + "</ul></li>" for n in range(2000))
    for thread, count, deepest in ((nested, 80, 50), (flat, 500, 0)):
        data = (
            f"<html><body><h1>Talks</h1><p>{'Words of the story. ' * 20}</p><ol id='comments'>{thread}</ol>"
        )
        article = broadsheet.read(data.encode(), format="html", comments=True, enrich=False)
        assert len(article.comments) == count
        assert max(comment.depth for comment in article.comments) == deepest
        assert article.comments[0].text == "Reply 0"
