"""``broadsheet edition --feed``: editions from RSS/Atom feeds and sitemaps served on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import broadsheet
from broadsheet.cli import main
from image_server import Server, serve

sys.path.insert(0, str(Path(__file__).resolve().parent / "inputs"))

from input_samples import atom, page, rss, sitemap

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def story(server: Server, name: str, canonical: str | None = None, **route: object) -> str:
    url = server.url(f"/{name}")
    return server.route(f"/{name}", page(name.title(), canonical or url), content_type=HTML, **route)


def edition(tmp_path: Path, *args: str) -> broadsheet.Edition:
    out = tmp_path / "today.json"
    assert main(["edition", *args, "-o", str(out), "--title", "Today"]) == 0
    return broadsheet.read_edition(out)


def titles(result: broadsheet.Edition) -> list[tuple[str | None, list[str]]]:
    return [(section.title, [article.title for article in section.articles]) for section in result.sections]


def test_one_section_per_feed_titled_with_the_feed_articles_in_feed_order(
    server: Server, tmp_path: Path
) -> None:
    world = server.route(
        "/world.rss", rss("World", [(story(server, "b"), None), (story(server, "a"), None)]), content_type=RSS
    )
    sport = server.route(
        "/sport.atom", atom("Sport", [(story(server, "c"), None)]), content_type="application/atom+xml"
    )
    assert titles(edition(tmp_path, "--feed", world, "--feed", sport)) == [
        ("World", ["B", "A"]),
        ("Sport", ["C"]),
    ]


def test_duplicates_across_feeds_are_removed_by_url_final_url_and_canonical(
    server: Server, tmp_path: Path
) -> None:
    shared = story(server, "shared")
    moved = server.route("/old-address", b"", status=301, location=shared)
    twin = story(server, "twin", canonical=shared)  # another address, the same article
    first = server.route("/1.rss", rss("One", [(shared, None)]), content_type=RSS)
    second = server.route(
        "/2.rss",
        rss("Two", [(shared, None), (moved, None), (twin, None), (story(server, "own"), None)]),
        content_type=RSS,
    )
    assert titles(edition(tmp_path, "--feed", first, "--feed", second)) == [
        ("One", ["Shared"]),
        ("Two", ["Own"]),
    ]


def test_max_articles_and_since(server: Server, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    recent, old = (
        when.strftime("%a, %d %b %Y %H:%M:%S +0000")
        for when in (now - dt.timedelta(hours=1), now - dt.timedelta(days=3))
    )
    entries = [
        (story(server, "old"), old),
        (story(server, "new1"), recent),
        (story(server, "new2"), recent),
        (story(server, "new3"), None),
    ]
    feed = server.route("/f.rss", rss("F", entries), content_type=RSS)
    assert titles(edition(tmp_path, "--feed", feed, "--since", "24h")) == [("F", ["New1", "New2", "New3"])]
    assert titles(edition(tmp_path, "--feed", feed, "--since", "24h", "--max-articles", "2")) == [
        ("F", ["New1", "New2"])
    ]
    day = (now - dt.timedelta(days=5)).date().isoformat()
    assert len(edition(tmp_path, "--feed", feed, "--since", day).articles) == 4


def test_section_takes_feeds_feed_files_pages_and_files(server: Server, tmp_path: Path) -> None:
    feed = server.route("/f.rss", rss("Ignored title", [(story(server, "x"), None)]), content_type=RSS)
    (tmp_path / "local.atom").write_bytes(atom("L", [(story(server, "y"), None)]))
    (tmp_path / "saved.html").write_bytes(page("Saved", "https://n.example/saved"))
    sitemap_url = server.route("/sitemap.xml", sitemap([story(server, "z")]), content_type="application/xml")
    spec = (
        f"Mixed:{feed},{tmp_path / 'local.atom'},{story(server, 'w')},{tmp_path / 'saved.html'},{sitemap_url}"
    )
    assert titles(edition(tmp_path, "--section", spec)) == [("Mixed", ["X", "Y", "W", "Saved", "Z"])]


def test_a_failing_page_or_feed_is_a_warning_and_the_edition_goes_on(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = server.route("/big", b"<p>x</p>", content_type=HTML, content_length=40_000_000)  # says 40 MB
    feed = server.route(
        "/f.rss",
        rss("F", [(server.url("/missing"), None), (big, None), (story(server, "fine"), None)]),
        content_type=RSS,
    )
    broken = server.route("/broken.rss", b"<html>not a feed", content_type=RSS)
    result = edition(tmp_path, "--feed", feed, "--feed", broken, "--feed", server.url("/nofeed.rss"))
    assert titles(result) == [("F", ["Fine"])]
    errors = capsys.readouterr().err
    assert "/missing: HTTP 404" in errors and "limit" in errors
    assert "broken.rss" in errors and "nofeed.rss" in errors


def test_an_edition_of_feeds_with_no_articles_is_an_error(server: Server, tmp_path: Path) -> None:
    feed = server.route("/empty.rss", rss("Empty", []), content_type=RSS)
    out = tmp_path / "today.json"
    assert main(["edition", "--feed", feed, "-o", str(out), "--title", "T"]) != 0
    assert not out.exists()


@pytest.mark.parametrize("since", ["yesterday", "24x"])
def test_since_that_is_neither_date_nor_duration_is_refused(
    since: str, server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = server.route("/f.rss", rss("F", [(story(server, "a"), None)]), content_type=RSS)
    assert (
        main(["edition", "--feed", feed, "--since", since, "-o", str(tmp_path / "o.json"), "--title", "T"])
        != 0
    )
    assert "--since wants" in capsys.readouterr().err


def test_an_epub_edition_from_a_feed(server: Server, tmp_path: Path) -> None:
    feed = server.route(
        "/f.rss", rss("World", [(story(server, "a"), None), (story(server, "b"), None)]), content_type=RSS
    )
    out = tmp_path / "today.epub"
    assert main(["edition", "--feed", feed, "-o", str(out), "--title", "Today"]) == 0
    import zipfile

    with zipfile.ZipFile(out) as book:
        text = " ".join(book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml"))
    assert "World" in text and "council met" in text


def test_reader_options_apply_to_the_pages_of_a_feed(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = server.route(
        "/f.rss", rss("F", [(story(server, "a"), None), (story(server, "b"), None)]), content_type=RSS
    )
    out = tmp_path / "o.json"
    assert main(["edition", "--feed", feed, "-R", "no_such_option=1", "-o", str(out), "--title", "T"]) != 0
    errors = capsys.readouterr().err
    assert errors.count("no_such_option") == 1 and "left out" not in errors
    assert main(["edition", "--feed", feed, "-R", "profile=none", "-o", str(out), "--title", "T"]) == 0
