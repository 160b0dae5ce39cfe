"""Metadata from JSON-LD, OpenGraph, Twitter, Dublin Core, microdata and markup, with its precedence."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from broadsheet.formats.html import bylines, dates
from broadsheet.formats.html.document import parse
from broadsheet.formats.html.metadata import Metadata, extract
from broadsheet.model import Person


def meta_of(head: str = "", body: str = "", *, lang: str = "", url: str | None = None) -> Metadata:
    attr = f' lang="{lang}"' if lang else ""
    page = f"<!DOCTYPE html><html{attr}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    return extract(parse(page.encode()).root, url=url)


def ld(value: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(value, ensure_ascii=False)}</script>'


GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://news.example/#site", "name": "Example News"},
        {
            "@type": "Person",
            "@id": "https://news.example/#jane",
            "name": "Jane Roe",
            "jobTitle": "Political Editor",
        },
        {
            "@type": "ReportageNewsArticle",
            "headline": "Parliament passes the budget",
            "author": [{"@id": "https://news.example/#jane"}, {"@type": "Person", "name": "John Doe"}],
            "datePublished": "2024-05-03T15:47:42+02:00",
            "dateModified": "2024-05-03T18:00:00+02:00",
            "articleSection": ["Politics", "Home"],
            "keywords": "budget, parliament,  tax ",
            "inLanguage": "en-GB",
            "image": [
                {
                    "@type": "ImageObject",
                    "url": "https://news.example/a.jpg",
                    "caption": "MPs vote",
                    "creditText": "AP",
                },
                "https://news.example/a-square.jpg",
            ],
            "publisher": {
                "@type": "NewsMediaOrganization",
                "name": "Example News",
                "logo": {"url": "/logo.png"},
            },
        },
    ],
}


def test_jsonld_graph_with_references() -> None:
    meta = meta_of(ld(GRAPH), url="https://news.example/politics/budget-2024")
    assert meta.title == "Parliament passes the budget"
    assert meta.authors == (Person(name="Jane Roe", role="Political Editor"), Person(name="John Doe"))
    assert meta.published == dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert meta.modified is not None and meta.modified.hour == 18
    assert meta.section == "Politics"
    assert meta.tags == ("budget", "parliament", "tax")
    assert meta.language == "en-GB"
    assert meta.genre == "reportage"
    assert meta.publisher is not None and meta.publisher.name == "Example News"
    assert meta.publisher.logo == "https://news.example/logo.png"
    assert len(meta.images) == 1
    assert meta.images[0].url == "https://news.example/a.jpg"
    assert meta.images[0].caption == "MPs vote"
    assert meta.images[0].credit == "AP"


def test_jsonld_array_and_damaged_json() -> None:
    damaged = (
        '<script type="application/ld+json"><!--\n[{"@type": "WebPage", "name": "Home"},\n'
        '{"@type": "OpinionNewsArticle", "headline": "Why budgets matter",\n'
        '"author": "By Jane Roe and John Doe", "datePublished": "2024-05-03",}]\n--></script>'
    )
    meta = meta_of(damaged)
    assert meta.title == "Why budgets matter"
    assert [p.name for p in meta.authors] == ["Jane Roe", "John Doe"]
    assert meta.genre == "opinion"
    assert meta.published is not None and meta.published.date() == dt.date(2024, 5, 3)


def test_the_article_node_beats_other_nodes() -> None:
    blocks = ld({"@type": "NewsArticle", "headline": "The story", "url": "https://a.example/story"}) + ld(
        {"@type": "WebPage", "headline": "Section front", "datePublished": "2020-01-01"}
    )
    assert meta_of(blocks).title == "The story"


def test_opengraph_and_article_meta_when_there_is_no_jsonld() -> None:
    head = (
        '<meta property="og:title" content="Storm hits the coast">'
        '<meta property="og:site_name" content="Coast Times">'
        '<meta property="og:locale" content="uk_UA">'
        '<meta property="og:image" content="/img/storm.jpg"><meta property="og:image:alt" content="Waves">'
        '<meta property="og:image:width" content="800">'
        '<meta property="article:published_time" content="2024-01-07T01:20:00Z">'
        '<meta property="article:author" content="https://coast.example/staff/ann">'
        '<meta name="author" content="Ann Smith">'
        '<meta property="article:section" content="Weather">'
        '<meta property="article:tag" content="storm"><meta property="article:tag" content="coast">'
    )
    meta = meta_of(head, url="https://coast.example/2024/01/07/storm")
    assert meta.title == "Storm hits the coast"
    assert meta.language == "uk-UA"
    assert meta.images[0].url == "https://coast.example/img/storm.jpg"
    assert meta.images[0].alt == "Waves"
    assert meta.images[0].width == 800
    assert meta.published == dt.datetime(2024, 1, 7, 1, 20, tzinfo=dt.UTC)
    assert [p.name for p in meta.authors] == ["Ann Smith"]
    assert meta.section == "Weather"
    assert meta.tags == ("storm", "coast")
    assert meta.publisher is not None and meta.publisher.name == "Coast Times"
    assert meta.publisher.url == "https://coast.example/"


def test_twitter_dublin_core_and_microdata() -> None:
    head = (
        '<meta name="twitter:title" content="A tweetable title">'
        '<meta name="DC.creator" content="Maria Muster">'
        '<meta name="DC.date" content="2023-04-28T10:00:00+02:00">'
        '<meta name="DC.language" content="de">'
    )
    meta = meta_of(head)
    assert meta.title == "A tweetable title"
    assert [p.name for p in meta.authors] == ["Maria Muster"]
    assert meta.published is not None and meta.published.utcoffset() == dt.timedelta(hours=2)
    assert meta.language == "de"
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Micro title</h1>'
        '<span itemprop="author" itemscope><span itemprop="name">Karl Beispiel</span></span>'
        '<time itemprop="datePublished" datetime="2023-04-28T08:30:00+02:00">28.4.</time></article>'
    )
    micro = meta_of(body=body)
    assert micro.title == "Micro title"
    assert [p.name for p in micro.authors] == ["Karl Beispiel"]
    assert micro.published is not None and micro.published.hour == 8


def test_precedence_jsonld_over_opengraph_over_meta() -> None:
    head = (
        ld({"@type": "NewsArticle", "headline": "From JSON-LD", "datePublished": "2024-02-02T10:00:00+01:00"})
        + '<meta property="og:title" content="From OpenGraph">'
        + '<meta property="article:published_time" content="2024-02-01T10:00:00+01:00">'
    )
    meta = meta_of(head)
    assert meta.title == "From JSON-LD"
    assert meta.published is not None and meta.published.day == 2


def test_visible_headline_wins_over_a_shortened_metadata_title() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Chelsea send clear message of intent on proud day"})
    body = "<h1>Chelsea send clear message of intent on proud day at Cobham in battling win</h1>"
    assert (
        meta_of(head, body).title
        == "Chelsea send clear message of intent on proud day at Cobham in battling win"
    )


@pytest.mark.parametrize(
    ("og", "h1", "expected"),
    [
        # a kicker in the visible headline
        (
            "Judy Lybke, ganz und gar nicht eigenartig",
            "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig",
            "Judy Lybke, ganz und gar nicht eigenartig",
        ),
        # a kicker in the shared title only
        (
            "Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden",
            "Trump-Anwältin soll Justizministerin werden",
            "Nach Gaetz-Rückzug: Trump-Anwältin soll Justizministerin werden",
        ),
        # a section name trailing the shared title
        (
            "Russia hits Kyiv with ballistic missile - National",
            "Russia hits Kyiv with ballistic missile",
            "Russia hits Kyiv with ballistic missile",
        ),
    ],
)
def test_opengraph_title_against_the_visible_headline(og: str, h1: str, expected: str) -> None:
    assert meta_of(f'<meta property="og:title" content="{og}">', f"<h1>{h1}</h1>").title == expected


def test_site_name_is_stripped_from_the_title() -> None:
    head = '<title>Storm hits the coast | Coast Times</title><meta property="og:site_name" content="Coast Times">'
    assert meta_of(head).title == "Storm hits the coast"
    head = '<meta property="og:title" content="Storm hits the coast – Coast Times">' + head
    assert meta_of(head).title == "Storm hits the coast"
    # without a declared site name, the host names the site
    bare = '<meta property="og:title" content="Storm hits the coast - Coast Times">'
    assert meta_of(bare, url="https://www.coasttimes.example/storm").title == "Storm hits the coast"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        (
            "Von Birgit Baumann, Anna Giulia Fink und Jan Michael Marchart",
            ["Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"],
        ),
        ("Автор: Олексій Іжак", ["Олексій Іжак"]),
        ("Jane Roe, Political Correspondent", ["Jane Roe"]),
        ("Jane Roe | Email the author", ["Jane Roe"]),
        ("Email the author", []),
        ("@janeroe", []),
        ("https://news.example/authors/jane-roe", []),
        ("Jane Roe (AP)", ["Jane Roe"]),
        ("신현주 기자", ["신현주"]),
    ],
)
def test_bylines_become_separate_names(byline: str, names: list[str]) -> None:
    assert [b.name for b in bylines.split(byline)] == names


def test_job_titles_become_roles_not_names() -> None:
    assert bylines.split("Jane Roe, Political Correspondent") == [
        bylines.Byline("Jane Roe", "Political Correspondent")
    ]


def test_an_outlet_as_author_gives_way_to_people() -> None:
    head = ld(
        {"@type": "NewsArticle", "headline": "x", "author": {"@type": "Organization", "name": "STERN.de"}}
    )
    head += '<meta name="author" content="Jemima Kelly">'
    meta = meta_of(head)
    assert [p.name for p in meta.authors] == ["Jemima Kelly"]
    assert not meta.authors_are_outlets
    only = meta_of(ld({"@type": "NewsArticle", "headline": "x", "author": {"name": "ORF.at"}}))
    assert [p.name for p in only.authors] == ["ORF.at"]
    assert only.authors_are_outlets


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("2024-05-03T15:47:42.389Z", dt.datetime(2024, 5, 3, 15, 47, 42, 389000, tzinfo=dt.UTC), True),
        (
            "2024-05-03T15:47:42+0200",
            dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            True,
        ),
        ("2024-05-03 15:47", dt.datetime(2024, 5, 3, 15, 47), True),
        ("2024-05-03", dt.datetime(2024, 5, 3), False),
        ("Fri, 03 May 2024 15:47:42 GMT", dt.datetime(2024, 5, 3, 15, 47, 42, tzinfo=dt.UTC), True),
    ],
)
def test_dates_keep_time_and_offset(text: str, expected: dt.datetime, has_time: bool) -> None:
    stamp = dates.parse(text)
    assert stamp is not None
    assert stamp.value == expected
    assert stamp.value.tzinfo == expected.tzinfo
    assert stamp.has_time is has_time


def test_a_naive_time_takes_the_offset_the_page_states_elsewhere() -> None:
    head = (
        ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2024-05-03T15:47:00"})
        + '<meta property="article:modified_time" content="2024-05-03T18:00:00+03:00">'
    )
    meta = meta_of(head)
    assert meta.published == dt.datetime(2024, 5, 3, 15, 47, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def test_a_more_precise_date_of_the_same_day_wins() -> None:
    head = ld({"@type": "NewsArticle", "headline": "x", "datePublished": "2024-05-03"})
    head += '<meta property="article:published_time" content="2024-05-03T09:15:00+02:00">'
    meta = meta_of(head)
    assert meta.published is not None and (meta.published.hour, meta.published.minute) == (9, 15)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '<div class="meta_date">erstellt: 01. April 2025, 15:25 in: Gesellschaft</div>',
            (2025, 4, 1, 15, 25),
        ),
        ('<li class="date-full-format">Veröffentlicht am 13. Mai 2026 um 15:44</li>', (2026, 5, 13, 15, 44)),
        ('<span class="date">24.04.2024 14:07</span>', (2024, 4, 24, 14, 7)),
        ('<span class="time">2026.01.29 18:40</span>', (2026, 1, 29, 18, 40)),
        ('<p class="byline-date">January 7, 2024 1:20 pm</p>', (2024, 1, 7, 13, 20)),
    ],
)
def test_printed_dates_when_metadata_has_none(body: str, expected: tuple[int, ...]) -> None:
    meta = meta_of("<title>x</title>", body)
    assert meta.published is not None
    assert meta.published.timetuple()[:5] == expected


def test_date_from_the_url_as_a_last_resort() -> None:
    meta = meta_of("<title>x</title>", url="http://politics.people.com.cn/n1/2024/0424/c1001-40223222.html")
    assert meta.published is not None and meta.published.date() == dt.date(2024, 4, 24)


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        ("uk", "", "uk"),
        ("ua", "", "uk"),
        ("", '<meta property="og:locale" content="ru_RU">', "ru-RU"),
        ("en-us", "", "en-US"),
        ("", '<meta http-equiv="content-language" content="de-AT">', "de-AT"),
        ("", "", None),
    ],
)
def test_language(lang: str, head: str, expected: str | None) -> None:
    assert meta_of(head, lang=lang).language == expected


def test_hreflang_alternates_become_translations_but_not_the_page_itself() -> None:
    head = (
        '<link rel="canonical" href="https://zn.ua/ukr/POLITICS/story-123.html">'
        '<link rel="alternate" hreflang="uk" href="https://zn.ua/ukr/POLITICS/story-123.html">'
        '<link rel="alternate" hreflang="ru" href="https://zn.ua/POLITICS/story-123.html">'
        '<link rel="alternate" hreflang="en-GB" href="https://zn.ua/eng/POLITICS/story-123.html">'
        '<link rel="alternate" hreflang="x-default" href="https://zn.ua/POLITICS/story-123.html">'
    )
    meta = meta_of(head, lang="uk")
    assert [(t.language, t.url) for t in meta.translations] == [
        ("ru", "https://zn.ua/POLITICS/story-123.html"),
        ("en-GB", "https://zn.ua/eng/POLITICS/story-123.html"),
    ]


def test_language_switch_links_become_translations() -> None:
    body = (
        '<div class="lang"><a href="/ukr/POLITICS/story-123.html">UA</a> / '
        '<a href="/POLITICS/story-123.html">RU</a></div>'
    )
    meta = meta_of(body=body, lang="uk", url="https://zn.ua/ukr/POLITICS/story-123.html")
    assert [(t.language, t.url) for t in meta.translations] == [
        ("ru", "https://zn.ua/POLITICS/story-123.html")
    ]


def test_switch_links_to_home_pages_are_not_translations() -> None:
    body = '<div class="lang-switch"><a href="/ukr/">UA</a> <a href="/">RU</a> <a href="/eng/">EN</a></div>'
    assert meta_of(body=body, lang="uk", url="https://zn.ua/ukr/POLITICS/story-123.html").translations == ()


def test_canonical_url_and_relative_links() -> None:
    head = '<link rel="canonical" href="/news/story-1.html">'
    meta = meta_of(head, url="https://news.example/news/story-1.html?utm_source=x")
    assert meta.url == "https://news.example/news/story-1.html"


def test_no_metadata_at_all() -> None:
    meta = meta_of(body="<p>Some text</p>")
    assert meta.title is None
    assert meta.authors == ()
    assert meta.published is None


def test_a_translation_keeps_the_title_its_link_gives() -> None:
    head = (
        '<link rel="alternate" hreflang="ru" href="/ru/story-12345" title="Блинкен: США не будут обсуждать">'
    )
    meta = meta_of(head, lang="uk", url="https://news.example/uk/story-12345")
    assert [(t.language, t.url, t.title) for t in meta.translations] == [
        ("ru", "https://news.example/ru/story-12345", "Блинкен: США не будут обсуждать")
    ]


def test_language_named_links_elsewhere_are_not_a_switch() -> None:
    body = "<p>Read the <a href='/en/report-on-energy-2024'>English</a> report.</p>"
    assert meta_of(body=body, lang="uk", url="https://news.example/uk/story-12345").translations == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"datePublished": ["2024-05-03T10:00:00+02:00", "2024-05-04"]', (2024, 5, 3, 10, 0)),
        ('"datePublished": {"@value": "2024-05-03T10:00:00Z", "@type": "DateTime"}', (2024, 5, 3, 10, 0)),
        ('"datePublished": "03.05.2024 10:00"', (2024, 5, 3, 10, 0)),
    ],
)
def test_unusual_jsonld_dates(value: str, expected: tuple[int, ...]) -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", ' + value + "}</script>"
    )
    published = meta_of(head).published
    assert published is not None and published.timetuple()[:5] == expected


def test_related_stories_listed_in_jsonld_never_outrank_the_story() -> None:
    page = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "The story itself",
                "mainEntityOfPage": "https://a.example/story-1",
            },
            {
                "@type": "ItemList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "item": {
                            "@type": "NewsArticle",
                            "headline": "Another story",
                            "datePublished": "2020-01-01",
                            "author": "Someone Else",
                        },
                    },
                ],
            },
        ],
    }
    assert meta_of(ld(page)).title == "The story itself"
    assert meta_of(ld(page), url="https://a.example/story-1").title == "The story itself"


def test_a_byline_element_is_the_last_resort_for_authors() -> None:
    body = (
        '<div class="ArticleTeaser_authorSection"><span>Von</span><a href="/autoren/br">BR24 Redaktion</a></div>'
        '<ul class="related_authorList"><li>Someone Else</li></ul>'
    )
    meta = meta_of("<title>x</title>", body)
    assert meta.authors == ()
    assert [p.name for p in meta.printed_authors] == ["BR24 Redaktion"]


def test_a_switch_with_only_the_other_language_linked() -> None:
    body = '<div class="top"><span>UA</span> / <a href="/POLITICS/story-123.html">RU</a></div>'
    meta = meta_of(body=body, lang="uk", url="https://zn.ua/ukr/POLITICS/story-123.html")
    assert [(t.language, t.url) for t in meta.translations] == [
        ("ru", "https://zn.ua/POLITICS/story-123.html")
    ]


@pytest.mark.parametrize(
    "href", ["https://asia.example.com/?n_cid=X1002", "/en/news-in-english", "/pl/wiadomosci", "/?IR=C"]
)
def test_alternates_to_section_and_home_pages_are_not_translations(href: str) -> None:
    head = f'<link rel="alternate" hreflang="en" href="{href}">'
    assert (
        meta_of(head, lang="lt", url="https://www.lrt.lt/naujienos/lietuvoje/2/2231555/story").translations
        == ()
    )
