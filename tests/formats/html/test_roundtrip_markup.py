"""The general markup the HTML writer uses, read from pages any publisher could write.

Each rule is the reader's, not the writer's: the pages here are hand-written, with none
of the writer's class names or ``data-*`` attributes.
"""

from __future__ import annotations

import broadsheet
from broadsheet.formats._shared.plain_text import block_text
from broadsheet.model import Article, Person, QuoteBlock, RelatedBox

PROSE = (
    "The ministers met for three hours in a hotel by the lake and agreed on nothing but the date "
    "of their next meeting, officials on both sides said afterwards."
)


def read(body: str, *, head: str = "", url: str = "https://news.example/world/story.html") -> Article:
    page = f"""<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva</title>
<link rel="canonical" href="{url}">{head}</head><body><main><article>{body}</article></main></body></html>"""
    return broadsheet.read(page.encode(), format="html", enrich=False)


def _quotes(article: Article) -> list[QuoteBlock]:
    return [block for block in article.body if isinstance(block, QuoteBlock)]


def test_a_cite_in_the_footer_is_the_speaker_and_the_words_after_a_comma_the_role() -> None:
    article = read(
        f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>"
        "<blockquote><p>We will not revise our principles.</p>"
        "<footer>— <cite>Antony Blinken</cite>, Secretary of State</footer></blockquote>"
        f"<p>{PROSE}</p>"
    )
    [quote] = _quotes(article)
    assert quote.quote.text == "We will not revise our principles."
    assert quote.quote.speaker == Person(name="Antony Blinken", role="Secretary of State")


def test_a_footer_without_a_cite_names_the_speaker_as_printed() -> None:
    article = read(
        f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>"
        "<blockquote><p>We will not revise our principles.</p><footer>— Antony Blinken</footer></blockquote>"
    )
    [quote] = _quotes(article)
    assert quote.quote.speaker == Person(name="Antony Blinken")


def test_a_quotation_in_another_language_keeps_it() -> None:
    article = read(
        f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>"
        "<blockquote lang='uk' cite='https://example.org/s'><p>Ми не змінимо своїх принципів.</p></blockquote>"
    )
    [quote] = _quotes(article)
    assert quote.quote.language == "uk" and quote.quote.cite == "https://example.org/s"


def _jsonld(source: str, publisher: str = "Example News") -> str:
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Ministers meet in Geneva",'
        f'"publisher":{{"@type":"Organization","name":"{publisher}"}},'
        f'"sourceOrganization":{source}}}</script>'
    )


def test_the_source_organization_is_the_agency_credit() -> None:
    head = _jsonld('{"@type":"Organization","name":"Reuters","url":"https://www.reuters.com/"}')
    article = read(f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>", head=head)
    assert article.source is not None
    assert (article.source.name, article.source.url) == ("Reuters", "https://www.reuters.com/")


def test_a_source_organization_that_is_the_outlet_is_no_credit() -> None:
    by_name = _jsonld('{"@type":"NewsMediaOrganization","name":"Example News"}')
    by_host = _jsonld('{"@type":"Organization","name":"Example","url":"https://www.news.example/"}')
    for head in (by_name, by_host):
        assert read(f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>", head=head).source is None


def test_a_figure_in_the_articles_header_is_the_lead_image() -> None:
    article = read(
        "<header><h1>Ministers meet in Geneva</h1><figure><img src='/lead.jpg' alt='The hotel'>"
        "<figcaption><span class='caption'>The hotel by the lake</span> "
        "<span class='credit'>Photo: AP</span></figcaption></figure></header>"
        f"<p>{PROSE}</p><p>{PROSE}</p>",
        head='<meta property="og:image" content="https://news.example/lead.jpg?w=1200">'
        '<meta property="og:image:width" content="1200">',
    )
    assert [(i.url, i.alt, i.caption, i.credit, i.width) for i in article.images] == [
        ("https://news.example/lead.jpg", "The hotel", "The hotel by the lake", "Photo: AP", 1200)
    ]
    assert [type(block).__name__ for block in article.body] == ["Paragraph", "Paragraph"]


def test_a_related_box_takes_its_own_heading_for_its_label_and_cited_titles_for_links() -> None:
    article = read(
        f"<h1>Ministers meet in Geneva</h1><p>{PROSE}</p>"
        "<aside class='related'><h2>More on the talks</h2><ul>"
        "<li><a href='/geneva-talks.html'>What the two sides want from Geneva</a></li>"
        "<li><cite>The last round of talks ended without a date</cite></li></ul></aside>"
        f"<p>{PROSE}</p>"
    )
    [box] = [block for block in article.body if isinstance(block, RelatedBox)]
    assert box.label == "More on the talks"
    assert [(link.title, link.url) for link in box.links] == [
        ("What the two sides want from Geneva", "https://news.example/geneva-talks.html"),
        ("The last round of talks ended without a date", None),
    ]


def test_the_alternative_headline_in_the_headlines_group_is_the_subtitle_not_the_standfirst() -> None:
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet in Geneva",'
        '"alternativeHeadline":"No deal, but a date for the next round of talks"}</script>'
    )
    article = read(
        "<header><hgroup><h1>Ministers meet in Geneva</h1>"
        "<p class='subtitle'>No deal, but a date for the next round of talks</p></hgroup>"
        "<p class='lead'>The two sides spent three hours at the table and left with a date.</p></header>"
        f"<p>{PROSE}</p>",
        head=head,
    )
    assert article.subtitle == "No deal, but a date for the next round of talks"
    assert article.lead == "The two sides spent three hours at the table and left with a date."
    assert [type(block).__name__ for block in article.body] == ["Paragraph"]


def test_an_hgroup_line_the_metadata_does_not_name_stays_text() -> None:
    # Some outlets print the standfirst in the headline's group: without an alternativeHeadline
    # that names it, it is read as before.
    article = read(
        "<hgroup><h1>Ministers meet in Geneva</h1>"
        "<p>The two sides spent three hours at the table and left with a date for the next.</p></hgroup>"
        f"<p>{PROSE}</p>"
    )
    assert article.subtitle is None
    text = " ".join([article.lead or "", *(block_text(block) for block in article.body)])
    assert "three hours at the table" in text
