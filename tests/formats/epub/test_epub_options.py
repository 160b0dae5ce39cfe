"""Writer options: images and network, cover, stylesheets, and parsing from command-line strings."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import attrs
import pytest
from epub_samples import DATA, with_images

import broadsheet
from broadsheet.formats._shared.options import parse_value
from broadsheet.formats._shared.sources import Loaded
from broadsheet.formats.epub import WriteOptions
from broadsheet.model import Article, Figure, Image
from seed_story import seed_article


def unpack(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


def quiet_write(document: object, **options: object) -> dict[str, bytes]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return unpack(broadsheet.write(document, "epub", **options))  # type: ignore[arg-type]


def test_images_are_embedded_once_converted_cleaned_or_left_to_their_captions() -> None:
    files = quiet_write(with_images(), image_dir=str(DATA))
    images = sorted(name for name in files if name.startswith("EPUB/img-"))
    # jpg (twice, stored once), gif, data: png and bmp → png (the same pixels: one file), svg, webp
    assert [Path(name).suffix for name in images] == [".jpg", ".gif", ".png", ".svg", ".webp"]
    svg = files[next(name for name in images if name.endswith(".svg"))].decode()
    assert "script" not in svg and "onload" not in svg and "onclick" not in svg
    assert "javascript:" not in svg and "tracker.png" not in svg
    chapter = files["EPUB/article-001.xhtml"].decode()
    assert chapter.count("<img ") == 7
    assert 'alt="A blue square on sand"' in chapter
    for caption in (
        "Remote: kept as a caption",
        "Missing file: kept as a caption",
        "Broken PNG: kept as a caption",
        "Unknown type: kept as a caption",
    ):
        assert caption in chapter
    assert chapter.count('class="figure missing"') == 4


def test_webp_is_a_core_type() -> None:
    article = Article(title="WebP", body=(Figure(image=Image(url=str(DATA / "tile.webp"), alt="tile")),))
    files = quiet_write(article, image_dir=str(DATA))
    assert any(name.endswith(".webp") for name in files)


def test_images_off_keeps_captions() -> None:
    files = quiet_write(with_images(), images=False)
    assert not [name for name in files if name.startswith("EPUB/img-")]
    assert "The lead picture" in files["EPUB/article-001.xhtml"].decode()


def test_network_images_are_fetched_only_when_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_fetch(url: str, *, max_bytes: int, timeout: float, **_: object) -> Loaded:
        calls.append(url)
        return Loaded(data=(DATA / "chart.png").read_bytes(), name=url, url=url)

    monkeypatch.setattr("broadsheet.formats._shared.fetch.fetch", fake_fetch)
    article = Article(
        title="Remote",
        url="https://example.com/news/story.html",
        body=(Figure(image=Image(url="/img/chart.png", alt="chart")),),
    )
    files = quiet_write(article)
    assert calls == [] and not any(name.startswith("EPUB/img-") for name in files)
    files = quiet_write(article, network=True)
    assert calls == ["https://example.com/img/chart.png"]
    assert "EPUB/img-001.png" in files


def test_web_articles_never_read_local_files_by_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(url: str, *, max_bytes: int, timeout: float, **_: object) -> Loaded:
        raise broadsheet.SourceError(f"{url}: offline")

    monkeypatch.setattr("broadsheet.formats._shared.fetch.fetch", no_network)
    local = DATA / "photo.jpg"
    article = Article(
        title="Hostile page",
        url="https://example.com/news/story.html",
        body=(
            Figure(image=Image(url=str(local), alt="absolute path")),
            Figure(image=Image(url=local.as_uri(), alt="file URL")),
            Figure(image=Image(url="../../../" + str(local), alt="climbing out")),
        ),
    )
    files = quiet_write(article, network=True)
    assert not any(name.startswith("EPUB/img-") for name in files)
    # Nor when the caller names no image folder; the same references are embedded when the caller
    # names the folder they lie in.
    assert not any(name.startswith("EPUB/img-") for name in quiet_write(attrs.evolve(article, url=None)))
    files = quiet_write(attrs.evolve(article, url=None), image_dir=str(DATA))
    assert "EPUB/img-001.jpg" in files


def test_web_article_images_found_inside_image_dir() -> None:
    article = Article(
        title="Saved page",
        url="https://example.com/news/story.html",
        body=(Figure(image=Image(url="/photo.jpg?w=300", alt="photo")),),
    )
    assert "EPUB/img-001.jpg" in quiet_write(article, image_dir=str(DATA))


def test_relative_image_paths_resolve_against_image_dir() -> None:
    article = Article(title="Base", body=(Figure(image=Image(url="photo.jpg", alt="photo")),))
    assert "EPUB/img-001.jpg" in quiet_write(article, image_dir=str(DATA))


def test_cover_image_option_replaces_the_generated_cover() -> None:
    files = quiet_write(seed_article(), cover_image=str(DATA / "photo.jpg"))
    assert "EPUB/cover.jpg" in files and "EPUB/cover.svg" not in files


def test_no_cover() -> None:
    files = quiet_write(seed_article(), cover=False)
    assert "EPUB/cover.xhtml" not in files and "EPUB/cover.svg" not in files


def test_user_stylesheet_from_text_and_file(tmp_path: Path) -> None:
    files = quiet_write(seed_article(), stylesheet="body { font-size: 120%; }")
    assert files["EPUB/user.css"] == b"body { font-size: 120%; }"
    chapter = files["EPUB/article-001.xhtml"].decode()
    assert chapter.index("broadsheet.css") < chapter.index("user.css")
    sheet = tmp_path / "mine.css"
    sheet.write_text("p { margin: 0 }", encoding="utf-8")
    files = quiet_write(seed_article(), stylesheet=str(sheet), replace_stylesheet=True)
    assert "EPUB/broadsheet.css" not in files and files["EPUB/user.css"] == b"p { margin: 0 }"


@pytest.mark.parametrize(
    "css", ["@import 'x.css';", "p { background: url(http://example.com/x.png) }", "/no/such/file.css"]
)
def test_unusable_stylesheet_is_an_option_error(css: str) -> None:
    with pytest.raises(broadsheet.OptionError):
        broadsheet.write(seed_article(), "epub", stylesheet=css)


def test_data_urls_in_user_css_are_allowed() -> None:
    css = "p { background: url(data:image/png;base64,AAAA) }"
    assert quiet_write(seed_article(), stylesheet=css)["EPUB/user.css"] == css.encode()


def test_bad_option_values_are_option_errors() -> None:
    with pytest.raises(broadsheet.OptionError):
        broadsheet.write(seed_article(), "epub", timeout=0)
    with pytest.raises(broadsheet.OptionError):
        broadsheet.write(seed_article(), "epub", language="not a language!")
    with pytest.raises(broadsheet.OptionError):
        broadsheet.write(seed_article(), "epub", colour="red")


def test_every_option_parses_from_a_command_line_string() -> None:
    samples = {
        "language": "uk",
        "cover": "false",
        "cover_image": "cover.jpg",
        "contents_page": "no",
        "translations": "no",
        "images": "off",
        "fetch_images": "true",
        "network": "true",
        "image_cache": "false",
        "cache_dir": "/tmp/cache",
        "cache_max_age": "60",
        "cache_max_bytes": "1000000",
        "max_image_size": "800",
        "image_dir": "/tmp",
        "max_image_bytes": "1000",
        "timeout": "2.5",
        "stylesheet": "p{}",
        "replace_stylesheet": "yes",
    }
    assert set(samples) == {field.name for field in attrs.fields(WriteOptions)}
    values = {name: parse_value(WriteOptions, name, text, what="epub") for name, text in samples.items()}
    options = WriteOptions(**values)
    assert options.cover is False and options.network is True and options.timeout == 2.5
    assert options.fetch_images is True and options.image_cache is False and options.cache_max_age == 60


def test_language_option_overrides_the_articles() -> None:
    files = quiet_write(seed_article(), language="en")
    assert b'xml:lang="en"' in files["EPUB/content.opf"]
    assert b"<h2>Contents</h2>" in files["EPUB/nav.xhtml"]
