"""Hostile pages: URLs the standard library cannot parse, UTF-16 without a mark, oversized text runs."""

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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Рада ухвалила бюджет", "Депутати проголосували за бюджет на наступний рік після дебатів. "),
        ("東京で会議", "政府は新しい予算案を発表し、議会で長い議論が行われた。"),
    ],
)
def test_utf16_without_a_byte_order_mark_is_read(codec: str, title: str, sentence: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    page += f"<p>{sentence * 10}</p></article></body></html>"
    article = broadsheet.read(page.encode(codec), format="html")
    assert article.title == title


def test_an_oversized_text_run_is_named_as_such() -> None:
    from broadsheet.errors import LimitError

    page = b"<html><body><article><h1>Big</h1><p>" + b"word " * 2_100_000 + b"</p></article></body></html>"
    with pytest.raises(LimitError, match="single run of text is longer") as caught:
        broadsheet.read(page, format="html")
    assert "nest" not in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "reference", ["&#1l", "&#1;", "&#x1f;", "&#X8;", "&#0;", "&#xD800;", "&#1114112;", "&#127;"]
)
def test_references_to_characters_xml_cannot_hold_are_dropped(reference: str) -> None:
    # Found by the fuzzer: libxml2 turns "&#1l" into U+0001, and the reader's own tree edits then failed.
    page = (
        "<html><head><title>Council votes on the budget</title></head><body><article>"
        f"<h1>Council votes on the budget</h1><p>Before {reference}<link rel=x>\n after.</p>{STORY}"
        "</article></body></html>"
    )
    article = broadsheet.read(page.encode(), format="html")
    assert article.title == "Council votes on the budget"
    text = repr(article.body)
    assert "\\x01" not in text and "\\x1f" not in text and "\\x08" not in text
