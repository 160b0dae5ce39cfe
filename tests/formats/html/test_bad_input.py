"""Bad pages end in a clear BroadsheetError or a documented partial Article, never a crash or a hang."""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import broadsheet
from broadsheet.errors import BroadsheetError, LimitError, OptionError, ReadError
from broadsheet.model import Article, collect


def read(data: bytes, **options: object) -> Article:
    return broadsheet.read(data, format="html", enrich=False, **options)


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", ReadError, "empty"),
        (b"  \n\t ", ReadError, "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), ReadError, "binary"),
        (bytes(range(256)) * 40, ReadError, "binary"),
        (b"just some words, no markup at all", ReadError, "not an HTML page"),
        (b"<html><body><div></div></body></html>", ReadError, "no article found"),
    ],
)
def test_not_a_page(data: bytes, error: type[BroadsheetError], message: str) -> None:
    with pytest.raises(error, match=message):
        read(data)


def test_random_bytes() -> None:
    junk = os.urandom(200_000)
    with pytest.raises(ReadError):
        read(junk)


def test_a_100_000_deep_nest_is_refused_quickly() -> None:
    data = b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000
    start = time.perf_counter()
    with pytest.raises(LimitError, match="nest deeper"):
        read(data)
    assert time.perf_counter() - start < 5


def test_a_page_over_the_size_limit_is_refused_before_parsing() -> None:
    data = b"<html><head><title>Big</title></head><body>" + b"<p>word word word</p>" * 2_500_000
    assert len(data) > 50_000_000
    start = time.perf_counter()
    with pytest.raises(LimitError, match="max_bytes"):
        read(data)
    assert time.perf_counter() - start < 2


def test_the_size_limit_is_an_option() -> None:
    page = b"<html><head><title>Small</title></head><body><p>" + b"text " * 1000 + b"</p></body></html>"
    with pytest.raises(LimitError):
        read(page, max_bytes=1000)
    assert read(page).title == "Small"
    with pytest.raises(OptionError):
        read(page, max_bytes=0)


def test_broken_encoding_declaration_does_not_give_mojibake() -> None:
    text = (
        "Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню політику."
    )
    page = f"<html><head><meta charset='koi8-u'><title>Заголовок новини</title></head><body><p>{text}</p></body></html>"
    article = read(page.encode("cp1251"))
    assert article.title == "Заголовок новини"


def test_scripts_styles_and_event_handlers_never_reach_the_model() -> None:
    page = (
        b"<html><head><title>Safe</title><script>alert('x')</script><style>p{color:red}</style></head><body>"
        b'<article><h1>Safe</h1><p onclick="steal()">A paragraph with a <a href="javascript:alert(1)">bad link</a>'
        b' and a <a href=" JaVa\tScRiPt:alert(2)">sneaky one</a>, long enough to be the article\'s text.</p>'
        b'<p>Another paragraph <img src=x onerror="steal()"> keeps the story going for the extractor.</p>'
        b"<script>document.write('<p>injected</p>')</script><noscript><p>Enable JavaScript</p></noscript>"
        b"</article></body></html>"
    )
    article = read(page)
    dumped = broadsheet.write(article, "json").decode()
    for needle in ("alert", "steal", "javascript", "JaVa", "color:red", "injected", "onclick", "onerror"):
        assert needle not in dumped


def test_unknown_profile_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="no site profile"):
        read(b"<html><head><title>x</title></head></html>", profile="no-such-site")


_PIECES = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<head>",
        "<body>",
        "<title>",
        "</title>",
        "<h1>",
        "</h1>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<article>",
        "<figure><img src='a.jpg'><figcaption>",
        "</figcaption></figure>",
        "<ul><li>",
        "<table><tr><td>",
        "<a href='/x'>",
        "<a href='javascript:x()'>",
        "</a>",
        "<br>",
        "<script>",
        "</script>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ',
        '"author": [{"name": "',
        '"datePublished": "2024-',
        "}",
        "]",
        "<meta property='og:title' content='",
        "<meta charset='koi8-r'>",
        "<time datetime='2024-13-45T99:99'>",
        "'>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "Держсекретар",
        "США",
        "«",
        "»",
        "Blinken said",
        "\u0000",
        "\ufffd",
        " ",
        "\n",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=60), st.sampled_from(["utf-8", "cp1251"]))
def test_any_markup_gives_an_article_or_a_clear_error(parts: list[str], codec: str) -> None:
    data = "".join(parts).encode(codec, "replace")
    try:
        article = broadsheet.read(data, format="html")  # with the text analysis too
    except BroadsheetError:
        return
    assert article.title
    # Text may mention "javascript:" (a <title> is text even when it looks like
    # markup); what must never happen is a script URL as a link or image target.
    targets = collect(article, lambda node: [node.url] if isinstance(getattr(node, "url", None), str) else [])
    assert not [
        url for url in targets if url.replace(" ", "").lower().startswith(("javascript:", "vbscript:"))
    ]
    broadsheet.write(article, "json")


def test_absurd_jsonld_is_ignored() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    many = "[" + ",".join('{"@type": "Thing", "name": "x"}' for _ in range(20_000)) + "]"
    page = (
        f'<html><head><title>Page title</title><script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{many}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Still read", '
        '"author": {"@id": "#a"}, "image": {"@id": "#a"}}</script></head><body><p>text</p></body></html>'
    )
    start = time.perf_counter()
    assert read(page.encode()).title == "Still read"  # the JSON-LD headline, after the junk
    assert time.perf_counter() - start < 5
