"""Small pieces of the EPUB writer: link targets, dates, labels, SVG cleaning, image checks."""

from __future__ import annotations

import datetime as dt

import pytest
from epub_samples import DATA
from hypothesis import given
from hypothesis import strategies as st

from broadsheet.formats._shared.wording import date_text, label, machine_datetime
from broadsheet.formats.epub.hrefs import external_href
from broadsheet.formats.epub.images import ImageUnavailable, _checked


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://zn.ua/ukr/POLITICS/x.html", None, "https://zn.ua/ukr/POLITICS/x.html"),
        ("/ukr/other.html", "https://zn.ua/ukr/POLITICS/x.html", "https://zn.ua/ukr/other.html"),
        ("other.html", "https://zn.ua/ukr/POLITICS/x.html", "https://zn.ua/ukr/POLITICS/other.html"),
        ("/ukr/other.html", None, None),
        ("#section", "https://zn.ua/", None),
        ("https://zn.ua/статті/a b", None, "https://zn.ua/%D1%81%D1%82%D0%B0%D1%82%D1%82%D1%96/a%20b"),
        ("https://example.com/100%", None, "https://example.com/100%25"),
        ("https://example.com/a%20b", None, "https://example.com/a%20b"),
        ("https://user:secret@example.com/", None, "https://example.com/"),
        ("https://пример.рф/", None, "https://xn--e1afmkfd.xn--p1ai/"),
        ("HTTPS://Example.COM:8443/x", None, "https://example.com:8443/x"),
        ("mailto:desk@example.com", None, "mailto:desk@example.com"),
        ("tel:+380441234567", None, "tel:+380441234567"),
        ("ftp://example.com/file", None, None),
        ("file:///etc/passwd", None, None),
        ("pdf:other.pdf", None, None),
        ("irc://example.com/chan", None, None),
        ("https:///no-host", None, None),
        ("https://exa mple.com/", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_external_href(url: str | None, base: str | None, expected: str | None) -> None:
    assert external_href(url, base) == expected


@given(st.text(max_size=60), st.sampled_from([None, "https://zn.ua/ukr/a/b.html"]))
def test_external_href_is_always_absolute_ascii_without_spaces(url: str, base: str | None) -> None:
    href = external_href(url, base)
    if href is not None:
        assert href.isascii()
        assert not any(ch.isspace() or ch in '<>"\\^`{|}' for ch in href)
        assert href.split(":", 1)[0] in {"http", "https", "mailto", "tel", "ftp"}


def test_dates_follow_the_language_not_the_locale() -> None:
    day = dt.date(2022, 1, 21)
    # CLDR's long dates (see tests/formats/_shared/test_wording.py for more languages).
    assert date_text(day, "uk", with_time=False) == "21 січня 2022\u00a0р."
    assert date_text(day, "en-GB", with_time=False) == "21 January 2022"
    assert date_text(day, "el", with_time=False) == "21 Ιανουαρίου 2022"
    moment = dt.datetime(2022, 1, 21, 19, 30, 15, 500, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert date_text(moment, "uk") == "21 січня 2022\u00a0р., 19:30"
    assert machine_datetime(moment) == "2022-01-21T19:30:15+02:00"


def test_labels_come_from_the_shared_table_then_ours_then_english() -> None:
    assert label("contents", "uk") == "Зміст"
    assert label("contents", "ar") == "المحتويات"
    assert label("landmarks", "uk-UA") == "Орієнтири"
    assert label("landmarks", "ja") == "ランドマーク"
    assert label("landmarks", "sw") == "Landmarks"
    assert label("read_also", "he") == "קראו גם"


def test_image_checks() -> None:
    assert _checked((DATA / "photo.jpg").read_bytes())[1] == "image/jpeg"
    assert _checked((DATA / "tile.webp").read_bytes())[1] == "image/webp"
    png, kind = _checked((DATA / "scan.bmp").read_bytes())
    assert kind == "image/png" and png.startswith(b"\x89PNG")
    for bad in ("broken.png", "unknown.img"):
        with pytest.raises(ImageUnavailable):
            _checked((DATA / bad).read_bytes())
    with pytest.raises(ImageUnavailable, match="not SVG"):
        _checked(b"<html><body>not an image</body></html>")
    with pytest.raises(ImageUnavailable):
        _checked(b"")


def test_svg_entities_are_not_expanded() -> None:
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text>&x;</text></svg>'
    )
    data, kind = _checked(svg)
    assert kind == "image/svg+xml"
    assert b"root:" not in data and b"ENTITY" not in data


@pytest.mark.parametrize(
    "payload",
    [
        b'<a href="#x"><animate attributeName="href" values="javascript:alert(1)"/></a>',
        b'<a><set attributeName="xlink:href" to="javascript:alert(1)"/></a>',
        b'<animateTransform attributeName="href" from="javascript:alert(1)"/>',
        b"<style>rect { fill: url(http://evil.example/track) }</style>",
        b"<style>@import 'http://evil.example/a.css';</style>",
        b"<style>rect { background: u\\72l(http://evil.example/x) }</style>",
        b'<rect style="fill: url( \'https://evil.example/t\' )" width="1" height="1"/>',
        b'<rect fill="url(http://evil.example/t#g)" width="1" height="1"/>',
    ],
)
def test_svg_animations_and_css_cannot_reach_out(payload: bytes) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' + payload
    data, kind = _checked(svg + b'<rect fill="url(#local)" width="1" height="1"/></svg>')
    assert kind == "image/svg+xml"
    assert b"javascript" not in data and b"evil.example" not in data
    assert b'fill="url(#local)"' in data  # a reference inside the image stays


def test_postscript_in_a_png_data_url_is_not_an_image() -> None:
    import base64
    import warnings

    import broadsheet
    from broadsheet.model import Article, Figure, Image

    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{ } loop\n"
    url = "data:image/png;base64," + base64.b64encode(eps).decode()
    article = Article(title="EPS", body=(Figure(image=Image(url=url, caption="c")),))
    for fmt in ("epub", "pdf"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            broadsheet.write(article, fmt)
        assert any("not a JPEG, PNG, GIF, WebP, BMP or SVG image" in str(w.message) for w in caught), fmt


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2200, 1, 1, tzinfo=dt.UTC),  # past the zip format's 2107
        dt.datetime(
            9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-23))
        ),  # past datetime.max in UTC
        dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=23))),  # before datetime.min
    ],
)
def test_extreme_dates_make_a_book(moment: dt.datetime) -> None:
    import broadsheet
    from broadsheet.model import Article

    data = broadsheet.write(Article(title="Far away", published=moment, modified=moment), "epub")
    assert data.startswith(b"PK")
