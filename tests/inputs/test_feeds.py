"""Reading feeds and sitemaps: their article URLs, titles and dates; what is not a feed is an error."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from input_samples import atom, rss, sitemap

from broadsheet.errors import LimitError, ReadError
from broadsheet.inputs.feeds import looks_like_feed, read_feed

UTC = dt.UTC


def test_rss_items_in_order_with_dates() -> None:
    feed = read_feed(
        rss(
            "World",
            [("https://n.example/1", "Tue, 01 Dec 2026 06:00:00 +0200"), ("https://n.example/2", None)],
        )
    )
    assert (feed.kind, feed.title) == ("rss", "World")
    assert [entry.url for entry in feed.entries] == ["https://n.example/1", "https://n.example/2"]
    assert feed.entries[0].published == dt.datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
    assert feed.entries[0].title == "Item 0" and feed.entries[1].published is None


def test_rss_guid_permalink_stands_for_a_missing_link() -> None:
    data = (
        b'<rss version="2.0"><channel><title>T</title><item><guid>https://n.example/g</guid></item>'
        b'<item><guid isPermaLink="false">tag:1</guid></item></channel></rss>'
    )
    assert [entry.url for entry in read_feed(data).entries] == ["https://n.example/g"]


def test_rss_1_rdf() -> None:
    data = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Old</title></channel>'
        b"<item><title>x</title><link>https://n.example/r</link><dc:date>2026-12-01T05:00:00Z</dc:date></item></rdf:RDF>"
    )
    feed = read_feed(data)
    assert feed.title == "Old" and feed.entries[0].url == "https://n.example/r"
    assert feed.entries[0].published == dt.datetime(2026, 12, 1, 5, tzinfo=UTC)


def test_atom_alternate_links_and_dates() -> None:
    data = atom("Sport", [("https://n.example/a", "2026-12-01T07:30:00Z")]).replace(
        b'<link rel="alternate"', b'<link rel="self" href="https://n.example/feed"/><link rel="alternate"'
    )
    feed = read_feed(data)
    assert (feed.kind, feed.title) == ("atom", "Sport")
    assert feed.entries[0].url == "https://n.example/a"
    assert feed.entries[0].published == dt.datetime(2026, 12, 1, 7, 30, tzinfo=UTC)


def test_sitemaps_plain_news_gzip_and_index() -> None:
    feed = read_feed(gzip.compress(sitemap(["https://n.example/1", "https://n.example/2"])))
    assert feed.kind == "urlset" and [entry.url for entry in feed.entries] == [
        "https://n.example/1",
        "https://n.example/2",
    ]
    index = read_feed(sitemap(["https://n.example/s1.xml"], index=True))
    assert index.kind == "sitemapindex" and index.entries[0].url == "https://n.example/s1.xml"
    news = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://n.example/n</loc>'
        b"<news:news><news:publication_date>2026-12-01</news:publication_date><news:title>N</news:title>"
        b"</news:news></url></urlset>"
    )
    entry = read_feed(news).entries[0]
    assert (entry.title, entry.published) == ("N", dt.datetime(2026, 12, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    "data",
    [b"<html><body><p>a page</p></body></html>", b"not XML at all", b'{"json": true}', b"<rss><channel>"],
)
def test_what_is_not_a_feed_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError, match="not a feed or sitemap"):
        read_feed(data, where="news.rss")


def test_entities_are_refused_not_expanded() -> None:
    data = b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]><rss><channel><title>&a;&a;</title></channel></rss>'
    with pytest.raises(ReadError, match="entit"):
        read_feed(data)


def test_a_gzip_bomb_stops_at_the_limit() -> None:
    with pytest.raises(LimitError):
        read_feed(gzip.compress(b"<urlset>" + b" " * 100_000 + b"</urlset>"), max_bytes=10_000)


def test_looks_like_feed_names_the_root_only() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- a comment --><rss version="2.0">')
    assert looks_like_feed(b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert looks_like_feed(gzip.compress(sitemap(["https://n.example/1"])))
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><rss>")
    assert not looks_like_feed(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
    assert not looks_like_feed(b"\x1f\x8b not really gzip")


def test_rss_091_with_netscape_doctype_latin1_and_cdata() -> None:
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>Caf\xe9</title><item><title><![CDATA[A <b>x</b>]]></title>'
        b"<link> https://n.example/1 </link></item></channel></rss>"
    )
    feed = read_feed(data)
    assert feed.title == "Café" and feed.entries[0].url == "https://n.example/1"
    assert feed.entries[0].title == "A <b>x</b>"
    with_subset = data.replace(b'.dtd">', b'.dtd" [<!ENTITY e "x">]>')
    with pytest.raises(ReadError, match="entit"):
        read_feed(with_subset)


def test_html_entities_of_a_hand_written_feed_are_read_as_their_characters() -> None:
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel>'
        b"<title>Caf&eacute;&nbsp;du&nbsp;matin &amp; &lt;soir&gt; &#8212; &hellip;</title>"
        b"<item><title><![CDATA[Kept &nbsp; as written]]></title><link>https://n.example/1?a=1&amp;b=2</link>"
        b"</item></channel></rss>"
    )
    feed = read_feed(data)
    assert feed.title == "Café du matin & <soir> — …"  # no-break spaces are spaces in a title
    assert feed.entries[0].title == "Kept &nbsp; as written"
    assert feed.entries[0].url == "https://n.example/1?a=1&b=2"


def test_a_billion_laughs_is_still_refused_with_html_entity_names_too() -> None:
    lol = b"".join(b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10))
    laughs = (
        b'<!DOCTYPE rss [<!ENTITY lol0 "lol">'
        + lol
        + b"]><rss><channel><title>&lol9;</title></channel></rss>"
    )
    with pytest.raises(ReadError, match="entit"):
        read_feed(laughs)
    nbsp = b'<!DOCTYPE rss [<!ENTITY nbsp "&nbsp;&nbsp;&nbsp;&nbsp;">]><rss><channel><title>&nbsp;</title></channel></rss>'
    with pytest.raises(ReadError, match="entit"):
        read_feed(nbsp)
    with pytest.raises(ReadError, match="nosuchname"):
        read_feed(b"<rss><channel><title>&nosuchname;</title></channel></rss>")


def test_replacing_entities_is_linear_on_unclosed_cdata() -> None:
    import time

    data = b"<rss><channel><title>" + b"<![CDATA[&nbsp;" * 100_000 + b"</title></channel></rss>"
    start = time.perf_counter()
    with pytest.raises(ReadError):
        read_feed(data)
    assert time.perf_counter() - start < 5
