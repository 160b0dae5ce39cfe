"""Photos in the PDF from a local server: fetched once per write, resampled to the column, failures are warnings."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

import broadsheet
from broadsheet.errors import PdfWarning
from broadsheet.formats.pdf.layout import Geometry
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Article, Edition, Figure, Image, Paragraph, Section, Text
from image_server import Server, jpeg, serve, transparent_png

WORDS = "Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір. " * 12


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def _article(title: str, *urls: str, url: str | None = None) -> Article:
    body: list[Paragraph | Figure] = [Paragraph(children=(Text(text=WORDS),))]
    for n, image_url in enumerate(urls):
        body.append(Figure(image=Image(url=image_url, caption=f"Picture {n + 1}")))
        body.append(Paragraph(children=(Text(text=WORDS),)))
    return Article(title=title, url=url, language="uk", body=tuple(body))


def _images(pdf: bytes) -> list[tuple[int, int, object]]:
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for found in page.images:
            out.append((found.image.width, found.image.height, found.image))
    return out


def test_a_big_photo_is_fetched_and_scaled_to_the_column(server: Server, tmp_path: Path) -> None:
    url = server.route("/huge.jpg", jpeg(6000, 4000))
    for columns, dpi in ((1, 300), (2, 300), (1, 150)):
        options = {"fetch_images": True, "cache_dir": str(tmp_path), "columns": columns, "max_image_dpi": dpi}
        pdf = broadsheet.write(_article("Photo", url), "pdf", **options)
        ((width, height, _),) = _images(pdf)
        column = Geometry.of(WriteOptions(columns=columns)).column_width
        assert width <= column / 72 * dpi + 1 and width >= column / 72 * dpi * 0.9
        assert abs(width / height - 1.5) < 0.01  # the aspect kept
    assert server.requests["/huge.jpg"] == 1  # then from the disk cache


def test_each_image_is_fetched_once_however_often_the_pages_are_laid_out(server: Server) -> None:
    urls = [server.route(f"/p{n}.jpg", jpeg(800, 600), delay=0.05) for n in range(6)]
    edition = Edition(
        title="Ранковий випуск",
        sections=(
            Section(articles=tuple(_article(f"Стаття {n}", urls[n], urls[(n + 1) % 6]) for n in range(6))),
        ),
    )
    pdf = broadsheet.write(edition, "pdf", fetch_images=True, image_cache=False, columns=2)
    assert len(_images(pdf)) == 6  # each picture embedded once (reportlab shares an image used twice)
    assert all(server.requests[f"/p{n}.jpg"] == 1 for n in range(6)), server.requests


def test_transparency_prints_as_the_paper(server: Server) -> None:
    url = server.route("/logo.png", transparent_png(400, 200), content_type="image/png")
    pdf = broadsheet.write(_article("Logo", url), "pdf", fetch_images=True, image_cache=False)
    ((width, height, image),) = _images(pdf)
    rgb = image.convert("RGB")  # type: ignore[attr-defined]
    left, right = rgb.getpixel((width // 4, height // 2)), rgb.getpixel((width * 3 // 4, height // 2))
    assert left[0] > 180 and left[1] < 80  # red stays red
    assert min(right) > 240  # transparent is white paper, not black


def test_failed_downloads_are_one_warning_each_and_the_build_stands(server: Server) -> None:
    good = server.route("/good.jpg", jpeg(300, 200))
    bad = [
        server.route("/page.jpg", b"<html>login</html>", content_type="text/html"),
        server.route("/gone.jpg", status=404, content_type="text/plain"),
        server.route("/fake.jpg", b"not really a jpeg"),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pdf = broadsheet.write(_article("Mixed", good, *bad), "pdf", fetch_images=True, image_cache=False)
    messages = [str(w.message) for w in caught if issubclass(w.category, PdfWarning)]
    assert len(_images(pdf)) == 1
    for url in bad:
        assert sum(url in message for message in messages) == 1, messages
    assert "Picture 2" in "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_network_is_the_old_name_and_off_means_no_request(server: Server) -> None:
    url = server.route("/photo.jpg", jpeg(300, 200))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PdfWarning)
        assert _images(broadsheet.write(_article("Off", url), "pdf")) == []
    assert server.total() == 0
    assert len(_images(broadsheet.write(_article("Old", url), "pdf", network=True, image_cache=False))) == 1


def test_a_saved_pages_photo_is_found_beside_it_whatever_its_url(server: Server, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(jpeg(300, 200))
    article = _article("Saved", "https://cdn.example.com/2024/05/photo.jpg", url="https://example.com/a.html")
    pdf = broadsheet.write(article, "pdf", image_dir=str(tmp_path), fetch_images=True, image_cache=False)
    assert len(_images(pdf)) == 1


@pytest.mark.parametrize("size", [(300, 200), (6000, 4000)])
def test_a_cameras_orientation_is_applied(server: Server, size: tuple[int, int]) -> None:
    from PIL import Image as Pillow

    stored = Pillow.new("RGB", size, (10, 120, 200))
    exif = Pillow.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    out = io.BytesIO()
    stored.save(out, "JPEG", exif=exif.tobytes())
    url = server.route("/upright.jpg", out.getvalue())
    pdf = broadsheet.write(_article("Camera", url), "pdf", fetch_images=True, image_cache=False, columns=3)
    ((width, height, _),) = _images(pdf)
    assert abs(width / height - size[1] / size[0]) < 0.01  # upright: taller than wide
    column = Geometry.of(WriteOptions(columns=3)).column_width
    assert width <= min(size[1], column / 72 * 300 + 1)
    # A big one is decoded smaller (a JPEG draft) but never below what the column needs.
    assert size[0] < 1000 or width >= column / 72 * 300 * 0.9
