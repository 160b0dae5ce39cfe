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


# (items, how many on the larger page): comments stop at the count limit; items that are no
# comments are each walked, on pages of up to 40 000 of them.
_ITEM_SHAPES = {
    # items named as comments, flat: the count limit stops the thread
    "named": ('<li class="comment"><div class="comment-content"><p>Reply {n}</p></div></li>', 100_000),
    # bare items shaped as comments (an author, a time, text)
    "shaped": (
        "<li><strong>Ann</strong><time datetime='2024-05-03T10:00:00Z'>3 May</time><div>Reply {n}</div></li>",
        100_000,
    ),
    # bare items that are no comments (no date): every one is walked, none is read
    "unshaped": ("<li><span>Ann {n}</span><span>Reply {n}</span></li>", 40_000),
    # comment boxes whose author and date are in their wrapper
    "wrapped": (
        '<div class="wrap"><p class="info"><span>Ann</span> <span class="date">3.5.2024</span></p>'
        '<div class="comment"><p>Reply {n}</p></div></div>',
        100_000,
    ),
    # boxes of repeated boxes, each box judged by its first children
    "boxes": (
        "<div><div><b>Ann</b><i>3.5.2024</i></div><div><div><b>Reply {n}</b></div><div>{n}</div></div></div>",
        40_000,
    ),
}


def _timed_comments(items: str, count: int) -> tuple[float, int]:
    import time

    import lxml.html

    from broadsheet.formats.html.comments import find_comments

    thread = "".join(items.format(n=n) for n in range(count))
    root = lxml.html.fromstring(
        f"<html><body><h1>Talks</h1><div id='comments'><ul>{thread}</ul></div></body></html>"
    )
    started = time.process_time()
    found = find_comments(root, "en")
    return time.process_time() - started, len(found)


@pytest.mark.parametrize("shape", sorted(_ITEM_SHAPES))
def test_a_hundred_thousand_comment_items_stay_linear(shape: str) -> None:
    # Judged by growth, not by a wall-clock limit a loaded machine breaks: four times the items may
    # take at most eight times as long (quadratic work takes sixteen); the ceiling catches a hang.
    items, count = _ITEM_SHAPES[shape]
    (small, _), (large, found) = _timed_comments(items, count // 4), _timed_comments(items, count)
    assert found == (0 if shape in ("unshaped", "boxes") else 500)
    assert large < 30.0, f"{large:.2f} s for {count} items"
    assert large < 8 * max(small, 0.02), f"{small:.3f} s for {count // 4} items, {large:.3f} s for {count}"
