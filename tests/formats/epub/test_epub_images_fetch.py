"""Photos in the EPUB from a local server: fetched together, cached, resampled to the size budget."""

from __future__ import annotations

import io
import time
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from PIL import Image as Pillow

import broadsheet
from broadsheet.errors import ImageWarning
from broadsheet.model import Article, Edition, Figure, Image, Paragraph, Section, Text, Translation
from image_server import Server, jpeg, serve, transparent_png


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def _article(title: str, *urls: str, url: str | None = None) -> Article:
    body: list[Paragraph | Figure] = [Paragraph(children=(Text(text="Перший абзац статті."),))]
    body.extend(
        Figure(image=Image(url=image_url, caption=f"Picture {n + 1}")) for n, image_url in enumerate(urls)
    )
    return Article(title=title, url=url, language="uk", body=tuple(body))


def _pictures(epub: bytes) -> dict[str, Pillow.Image]:
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        return {
            name: Pillow.open(io.BytesIO(book.read(name)))
            for name in book.namelist()
            if name.startswith("EPUB/img-")
        }


def test_an_edition_fetches_its_images_in_parallel(server: Server) -> None:
    urls = [server.route(f"/p{n}.jpg", jpeg(200 + n, 100), delay=0.3) for n in range(8)]
    edition = Edition(
        title="Випуск",
        sections=(Section(articles=tuple(_article(f"Стаття {n}", urls[n]) for n in range(8))),),
    )
    start = time.monotonic()
    epub = broadsheet.write(edition, "epub", fetch_images=True, image_cache=False)
    assert time.monotonic() - start < 8 * 0.3 * 0.75
    assert len(_pictures(epub)) == 8
    assert server.total() == 8


def test_big_images_are_resampled_and_transparency_kept(server: Server) -> None:
    photo = server.route("/huge.jpg", jpeg(6000, 4000))
    logo = server.route("/logo.png", transparent_png(3200, 800), content_type="image/png")
    small = server.route("/small.jpg", jpeg(640, 480))
    epub = broadsheet.write(_article("Big", photo, logo, small), "epub", fetch_images=True, image_cache=False)
    pictures = sorted(_pictures(epub).items())
    assert [(name.rsplit(".")[-1], image.size) for name, image in pictures] == [
        ("jpg", (1600, 1067)),
        ("png", (1600, 400)),
        ("jpg", (640, 480)),
    ]
    alpha = pictures[1][1].convert("RGBA")
    assert alpha.getpixel((1200, 200))[3] == 0 and alpha.getpixel((400, 200))[3] == 255
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        assert book.getinfo(pictures[0][0]).file_size < 1_000_000
    smaller = broadsheet.write(_article("Big", photo), "epub", fetch_images=True, max_image_size=500)
    assert [image.size for image in _pictures(smaller).values()] == [(500, 333)]


def test_a_rebuild_is_served_from_the_cache(server: Server, tmp_path: Path) -> None:
    url = server.route("/photo.jpg", jpeg(300, 200))
    article = _article("Cached", url)
    for _ in range(2):
        epub = broadsheet.write(article, "epub", fetch_images=True, cache_dir=str(tmp_path))
        assert len(_pictures(epub)) == 1
    assert server.total() == 1
    broadsheet.write(article, "epub", fetch_images=True, cache_dir=str(tmp_path), image_cache=False)
    assert server.total() == 2


def test_translations_images_are_fetched_with_the_rest(server: Server) -> None:
    original, translated = server.route("/uk.jpg", jpeg(300, 200)), server.route("/en.jpg", jpeg(200, 300))
    english = attrs.evolve(_article("In English", translated), language="en")
    article = Article(
        title="Українською",
        language="uk",
        body=_article("x", original).body,
        translations=(Translation(language="en", title="In English", article=english),),
    )
    epub = broadsheet.write(article, "epub", fetch_images=True, image_cache=False)
    assert len(_pictures(epub)) == 2 and server.total() == 2


def test_failures_warn_once_each_and_nothing_is_requested_when_off(server: Server) -> None:
    good = server.route("/good.jpg", jpeg(300, 200))
    bad = server.route("/bad.jpg", b"<html>", content_type="text/html")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        broadsheet.write(_article("Off", good, bad), "epub")
        assert server.total() == 0
        caught.clear()
        epub = broadsheet.write(_article("On", good, bad), "epub", fetch_images=True, image_cache=False)
    assert len(_pictures(epub)) == 1
    messages = [str(w.message) for w in caught if issubclass(w.category, ImageWarning)]
    assert len(messages) == 1 and "bad.jpg" in messages[0] and "text/html" in messages[0]
    assert "Picture 2" in zipfile.ZipFile(io.BytesIO(epub)).read("EPUB/article-001.xhtml").decode()


def test_a_book_of_resampled_downloads_passes_epubcheck(server: Server, tmp_path: Path) -> None:
    from epubcheck_runner import check_many, jar

    if jar() is None:
        pytest.skip("EPUBCheck or Java is not installed")
    photo = server.route("/huge.jpg", jpeg(4000, 3000))
    logo = server.route("/logo.png", transparent_png(2400, 600), content_type="image/png")
    path = tmp_path / "fetched.epub"
    path.write_bytes(broadsheet.write(_article("Fetched", photo, logo), "epub", fetch_images=True))
    ((status, report),) = check_many([path]).values()
    assert status == 0 and "No errors or warnings detected" in report, report
