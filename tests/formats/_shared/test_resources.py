"""The one rule for what a writer may load, and the decoder that never hands bytes to an interpreter."""

from __future__ import annotations

import base64
import io
import os
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from broadsheet.formats._shared import raster, resources
from broadsheet.formats._shared.resources import Policy, Unavailable

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{ } loop\n"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inside = tmp_path / "images"
    inside.mkdir()
    (inside / "photo.png").write_bytes(_png())
    (tmp_path / "secret.png").write_bytes(b"secret")
    return inside


def test_no_local_file_without_a_named_folder(folder: Path) -> None:
    for url in (str(folder / "photo.png"), (folder / "photo.png").as_uri(), "photo.png"):
        with pytest.raises(Unavailable, match="named image folder"):
            resources.load(url, Policy())


def test_files_inside_the_folder_are_read(folder: Path) -> None:
    policy = Policy(folders=(folder,))
    for url in ("photo.png", str(folder / "photo.png"), (folder / "photo.png").as_uri()):
        assert resources.load(url, policy) == _png()


@pytest.mark.parametrize(
    "url", ["../secret.png", "images/../../secret.png", "/etc/passwd", "file:///etc/passwd"]
)
def test_nothing_outside_the_folder_is_read(folder: Path, url: str) -> None:
    with pytest.raises(Unavailable, match="outside the image folder"):
        resources.load(url, Policy(folders=(folder,)))


def test_a_symlink_out_of_the_folder_is_not_followed_out(folder: Path) -> None:
    (folder / "link.png").symlink_to(folder.parent / "secret.png")
    with pytest.raises(Unavailable, match="outside the image folder"):
        resources.load("link.png", Policy(folders=(folder,)))


def test_devices_and_fifos_are_refused_at_once(folder: Path) -> None:
    (folder / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.png")
    policy = Policy(folders=(folder, Path("/dev")))
    started = time.monotonic()
    with pytest.raises(Unavailable, match="not a regular file"):
        resources.load("/dev/zero", policy)
    with pytest.raises(Unavailable, match="not a regular file"):
        resources.load(str(folder / "pipe.png"), policy)  # no writer: must not wait for one
    assert time.monotonic() - started < 5


def test_reads_are_bounded(folder: Path) -> None:
    with pytest.raises(Unavailable, match="larger than 10 bytes"):
        resources.load("photo.png", Policy(folders=(folder,), max_bytes=10))
    big = "data:image/png;base64," + base64.b64encode(b"x" * 100).decode()
    with pytest.raises(Unavailable, match="larger than 10 bytes"):
        resources.load(big, Policy(max_bytes=10))


def test_a_saved_pages_images_are_found_beside_it_whatever_its_url(folder: Path) -> None:
    policy = Policy(folders=(folder,))
    page = "https://example.com/news/2024/story.html"
    assert resources.load("photo.png", policy, base_url=page) == _png()
    assert resources.load("https://cdn.example.com/a/b/photo.png", policy) == _png()
    with pytest.raises(Unavailable, match="fetching is off"):
        resources.load("other.png", policy, base_url=page)
    with pytest.raises(Unavailable, match="fetching is off"):
        resources.load("//cdn.example.com/x.png", Policy())


def test_remote_images_are_downloaded_only_with_the_network_allowed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from broadsheet.formats._shared.loaded import Loaded

    asked: list[str] = []

    def fake_fetch(url: str, *, max_bytes: int, timeout: float, **_: object) -> Loaded:
        asked.append(url)
        return Loaded(data=_png(), name=url, url=url)

    monkeypatch.setattr("broadsheet.formats._shared.fetch.fetch", fake_fetch)
    page = "//example.com/news/story.html"  # scheme-relative: still a web page, never local files
    assert resources.load("pic.png", Policy(fetch_images=True), base_url=page) == _png()
    assert asked == ["https://example.com/news/pic.png"]


@pytest.mark.parametrize("url", ["http://[::1", "ftp://example.com/a.png", "javascript:alert(1)"])
def test_odd_urls_are_reasons_not_crashes(url: str) -> None:
    with pytest.raises(Unavailable):
        resources.load(url, Policy(fetch_images=True))


def test_postscript_is_never_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def no_programs(*args: object, **kwargs: object) -> None:
        raise AssertionError("a program was started to decode an image")

    monkeypatch.setattr(subprocess, "Popen", no_programs)
    for data in (EPS, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", b"\xc5\xd0\xd3\xc6" + EPS):
        with pytest.raises(Unavailable, match="not a JPEG, PNG, GIF, WebP, BMP or SVG image"):
            raster.decode(data)


def test_allowed_rasters_decode() -> None:
    for kind in ("PNG", "JPEG", "GIF", "WEBP", "BMP"):
        out = io.BytesIO()
        Image.new("RGB", (5, 5)).save(out, kind)
        with raster.decode(out.getvalue()) as image:
            assert image.format == kind and image.size == (5, 5)


def test_a_decompression_bomb_is_refused() -> None:
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, "PNG")
    with pytest.raises(Unavailable, match="pixels"):
        raster.decode(out.getvalue())


def test_a_fifo_does_not_hang_a_writer(tmp_path: Path) -> None:
    import warnings

    import broadsheet
    from broadsheet.model import Article, Figure
    from broadsheet.model import Image as ModelImage

    os.mkfifo(tmp_path / "pipe.jpg")
    article = Article(title="Pipe", body=(Figure(image=ModelImage(url="pipe.jpg", caption="c")),))
    done: list[bool] = []

    def write_both() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for fmt in ("epub", "pdf"):
                broadsheet.write(article, fmt, image_dir=str(tmp_path))
        done.append(True)

    worker = threading.Thread(target=write_both, daemon=True)
    worker.start()
    worker.join(60)
    assert done == [True]
