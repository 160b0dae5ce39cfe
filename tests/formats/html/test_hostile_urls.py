"""URLs in a page that the standard library cannot even parse are dropped, never a crash."""

from __future__ import annotations

import pytest

import broadsheet

STORY = "<p>" + "The council met on Tuesday and voted on the budget for next year. " * 6 + "</p>"


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="http://[::1">',
        '<meta property="og:url" content="http://[::1/story">',
        '<base href="http://[::1/">',
        '<link rel="alternate" hreflang="ru" href="http://[::1/ru">',
    ],
)
def test_an_unparseable_url_in_the_head_is_dropped(head: str) -> None:
    page = f"<html><head><title>Council votes on the budget</title>{head}</head><body><article>"
    page += f'<h1>Council votes on the budget</h1>{STORY}<p><a href="http://[::1/a">a link</a> and '
    page += '<img src="http://[::1/x.jpg" alt="x"> more words.</p></article></body></html>'
    article = broadsheet.read(page.encode(), format="html")
    assert article.title == "Council votes on the budget"
    assert "[::1" not in (article.url or "")
    assert all("[::1" not in t.url for t in article.translations if t.url)
