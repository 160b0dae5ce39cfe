"""Readers' comments in the model: validated at the boundary, kept apart from the body."""

from __future__ import annotations

import datetime as dt

import pytest

from broadsheet.errors import ModelError
from broadsheet.model import Article, Comment, Embed, Paragraph, Person, Text


def test_a_comment_holds_cleaned_text_and_its_place_in_the_thread() -> None:
    comment = Comment(text="  First!\n\n  Second line. ", author=Person(name="Anna"), depth=2)
    assert comment.text == "First!\nSecond line."
    assert (comment.depth, comment.published, comment.url, comment.id) == (2, None, None, None)


@pytest.mark.parametrize(
    "bad",
    [
        {"text": " \n "},
        {"text": "a", "depth": -1},
        {"text": "a", "depth": 51},
        {"text": "a", "depth": True},
        {"text": "a", "author": "Anna"},
        {"text": "a", "published": dt.datetime(2024, 5, 3)},  # no offset
    ],
)
def test_what_a_comment_cannot_be(bad: dict[str, object]) -> None:
    with pytest.raises(ModelError):
        Comment(**bad)  # type: ignore[arg-type]


def test_an_article_s_comments_are_comments_and_not_its_text() -> None:
    article = Article(
        title="t", body=(Paragraph(children=(Text(text="Story."),)),), comments=[Comment(text="Hi")]
    )
    assert article.comments == (Comment(text="Hi"),)
    assert Article(title="t").comments == ()
    with pytest.raises(ModelError, match=r"Article\.comments\[0\]"):
        Article(title="t", comments=("Hi",))


def test_an_embedded_post_s_text_is_cleaned_and_optional() -> None:
    assert Embed(url="https://x.com/a/status/1").text is None
    assert (
        Embed(url="https://x.com/a/status/1", text=" Talks over. \n\n January 21 ").text
        == "Talks over.\nJanuary 21"
    )
    assert Embed(url="https://x.com/a/status/1", text="  ").text is None
