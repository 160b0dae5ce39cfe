"""Image downloads from a local server: in parallel, checked, cached on disk, refused when they are not images."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from broadsheet.formats._shared import downloads, raster
from broadsheet.formats._shared.image_cache import ImageCache, default_folder
from broadsheet.formats._shared.resources import Loader, Policy, Unavailable
from image_server import Server, jpeg, serve

PHOTO = jpeg(64, 48)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def _policy(tmp_path: Path | None = None, **kwargs: object) -> Policy:
    cache = ImageCache(folder=tmp_path / "images") if tmp_path is not None else None
    return Policy(fetch_images=True, cache=cache, **kwargs)  # type: ignore[arg-type]


def test_images_download_in_parallel(server: Server) -> None:
    urls = [server.route(f"/slow-{n}.jpg", PHOTO, delay=0.3) for n in range(8)]
    loader = Loader(_policy())
    start = time.monotonic()
    loader.prefetch((url, None) for url in urls)
    elapsed = time.monotonic() - start
    # Serially 8 × 0.3 s = 2.4 s; four at a time from one host, about 0.6 s.
    assert elapsed < 1.5, elapsed
    assert all(loader.load(url) == PHOTO for url in urls)
    assert server.total() == 8  # served from what was prefetched, not downloaded again


def test_a_host_gets_a_few_requests_at_a_time(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "PER_HOST", 2)
    urls = [server.route(f"/p-{n}.jpg", PHOTO, delay=0.2) for n in range(4)]
    start = time.monotonic()
    downloads.download_all(urls, max_bytes=10**6, timeout=5, cache=None)
    assert time.monotonic() - start >= 0.38  # two rounds of two, not one of four


def test_a_second_build_is_served_from_the_cache(server: Server, tmp_path: Path) -> None:
    url = server.route("/photo.jpg", PHOTO)
    relative = ("../photo.jpg", server.url("/news/story.html"))
    Loader(_policy(tmp_path)).prefetch([(url, None), relative])
    assert server.requests["/photo.jpg"] == 1  # the same image named twice is fetched once
    later = Loader(_policy(tmp_path))
    later.prefetch([(url, None)])
    assert later.load(url) == PHOTO
    assert server.total() == 1
    # Without the cache it is downloaded again.
    assert Loader(_policy()).load(url) == PHOTO
    assert server.total() == 2


def test_stale_and_corrupt_entries_are_fetched_again(server: Server, tmp_path: Path) -> None:
    url = server.route("/photo.jpg", PHOTO)
    cache = ImageCache(folder=tmp_path, max_age=3600)
    assert downloads.download(url, max_bytes=10**6, timeout=5, cache=cache) == PHOTO
    (entry,) = tmp_path.glob("*.img")
    raw = entry.read_bytes()
    assert cache.get(url, max_bytes=10**6) is not None
    for broken in (raw[:-10], raw.replace(b'"fetched"', b'"fetchet"'), b"garbage", raw[:40]):
        entry.write_bytes(broken)
        assert cache.get(url, max_bytes=10**6) is None
    # A well-formed entry whose bytes are not an image is not trusted either.
    entry.write_bytes(b"")
    ImageCache(folder=tmp_path).put(url, b"<html>login</html>", "image/jpeg")
    assert downloads.download(url, max_bytes=10**6, timeout=5, cache=cache) == PHOTO
    assert server.requests["/photo.jpg"] == 2
    assert cache.get(url, max_bytes=10**6) is not None  # refetched and stored again
    # Older than the maximum age: downloaded again.
    header = entry.read_bytes().split(b"\n")[1]
    fetched = json.loads(header)["fetched"]
    entry.write_bytes(entry.read_bytes().replace(str(fetched).encode(), str(fetched - 7200).encode()))
    assert cache.get(url, max_bytes=10**6) is None
    downloads.download(url, max_bytes=10**6, timeout=5, cache=cache)
    assert server.requests["/photo.jpg"] == 3


def test_the_cache_keeps_to_its_size(tmp_path: Path) -> None:
    cache = ImageCache(folder=tmp_path, max_bytes=2500)
    for n in range(5):
        assert cache.put(f"https://example.com/{n}.jpg", bytes(1000), "image/jpeg")
        entry = cache.folder / sorted(os.listdir(cache.folder))[0]
        os.utime(entry, (time.time() - 100 + n, time.time() - 100 + n))
    cache.trim()
    assert sum(path.stat().st_size for path in tmp_path.glob("*.img")) <= 2500
    assert cache.get("https://example.com/4.jpg", max_bytes=10**6) is not None  # the newest stay


def test_an_unwritable_cache_only_costs_time(server: Server, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    url = server.route("/photo.jpg", PHOTO)
    cache = ImageCache(folder=blocker / "images")
    assert downloads.download(url, max_bytes=10**6, timeout=5, cache=cache) == PHOTO


def test_the_cache_folder_is_chosen_by_option_then_environment_then_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert default_folder(str(tmp_path)) == tmp_path / "images"
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "env"))
    assert default_folder() == tmp_path / "env" / "images"
    monkeypatch.delenv("BROADSHEET_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "broadsheet" / "images"


def test_a_download_that_takes_too_long_is_abandoned(server: Server) -> None:
    url = server.route("/silent.jpg", PHOTO, delay=3)
    start = time.monotonic()
    with pytest.raises(Unavailable, match="within 0.5 s|timed out"):
        Loader(_policy(timeout=0.5)).load(url)
    assert time.monotonic() - start < 2


def test_a_download_past_the_size_limit_is_refused(server: Server) -> None:
    url = server.route("/big.jpg", jpeg(400, 300))
    with pytest.raises(Unavailable, match="limit"):
        Loader(_policy(max_bytes=1000)).load(url)


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (PHOTO, "text/html; charset=utf-8", "sent text/html, not an image"),
        (b"<html><body>Please log in</body></html>", "image/jpeg", "not an image"),
        (b"%!PS-Adobe-3.0 EPSF-3.0\n", "image/jpeg", "not an image"),
        (b"", "image/png", "not an image"),
    ],
)
def test_what_is_not_an_image_is_refused(server: Server, body: bytes, content_type: str, reason: str) -> None:
    url = server.route("/x.jpg", body, content_type=content_type)
    with pytest.raises(Unavailable, match=reason):
        Loader(_policy()).load(url)


@pytest.mark.parametrize("content_type", ["application/octet-stream", None, "image/pjpeg"])
def test_an_image_under_a_generic_type_is_accepted(server: Server, content_type: str | None) -> None:
    url = server.route("/x", PHOTO, content_type=content_type)
    assert Loader(_policy()).load(url) == PHOTO


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/photo.jpg"])
def test_a_redirect_away_from_the_web_is_refused(server: Server, target: str) -> None:
    url = server.route("/moved.jpg", status=302, location=target, content_type=None)
    with pytest.raises(Unavailable, match="redirected|not allowed"):
        Loader(_policy()).load(url)


def test_a_redirect_on_the_web_is_followed(server: Server) -> None:
    server.route("/photo.jpg", PHOTO)
    url = server.route("/moved.jpg", status=301, location="/photo.jpg", content_type=None)
    assert Loader(_policy()).load(url) == PHOTO


def test_a_failure_is_remembered_for_the_write(server: Server) -> None:
    url = server.route("/gone.jpg", b"", status=404, content_type="text/html")
    loader = Loader(_policy())
    loader.prefetch([(url, None)])
    for _ in range(3):  # the PDF writer lays its pages out several times
        with pytest.raises(Unavailable, match="HTTP 404"):
            loader.load(url)
    assert server.total() == 1


def test_nothing_is_requested_with_fetching_off(server: Server) -> None:
    url = server.route("/photo.jpg", PHOTO)
    loader = Loader(Policy())
    loader.prefetch([(url, None)])
    with pytest.raises(Unavailable, match="fetching is off"):
        loader.load(url)
    assert server.total() == 0


def test_a_saved_pages_copy_wins_over_the_download(server: Server, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(PHOTO)
    page = server.url("/news/story.html")
    loader = Loader(_policy(folders=(tmp_path,)))
    loader.prefetch([("/img/2024/photo.jpg", page)])
    assert loader.load("/img/2024/photo.jpg", base_url=page) == PHOTO
    assert server.total() == 0


def test_magic_bytes() -> None:
    assert raster.sniff(PHOTO) == "image/jpeg"
    assert raster.sniff(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert raster.sniff(b"GIF89a......") == "image/gif"
    assert raster.sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert raster.sniff(b"\xef\xbb\xbf<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>") == (
        "image/svg+xml"
    )
    for other in (b"", b"<html>", b"%PDF-1.7", b"BM", b"\x00\x00\x00\x1cftypavif"):
        assert raster.sniff(other) is None


def test_a_busy_host_does_not_hold_up_the_others(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads, "PER_HOST", 1)
    monkeypatch.setattr(downloads, "WORKERS", 2)
    # The same server under two host names: 127.0.0.1 and localhost.
    slow = [server.route(f"/s-{n}.jpg", PHOTO, delay=0.2) for n in range(4)]
    other = [
        server.route(f"/o-{n}.jpg", PHOTO, delay=0.2).replace("127.0.0.1", "localhost") for n in range(4)
    ]
    start = time.monotonic()
    results = downloads.download_all(slow + other, max_bytes=10**6, timeout=5, cache=None)
    assert all(value == PHOTO for value in results.values())
    # One at a time per host, two hosts side by side: 4 × 0.2 s, not 8 × 0.2 s.
    assert time.monotonic() - start < 1.3


@pytest.mark.parametrize(
    "url", ["http://exa mple.com/a.jpg", "http://[::1/a.jpg", "http://127.0.0.1:99999/a.jpg"]
)
def test_urls_urllib_cannot_send_are_reasons(url: str) -> None:
    loader = Loader(_policy(timeout=1))
    loader.prefetch([(url, None)])
    with pytest.raises(Unavailable):
        loader.load(url)


def test_a_broken_answer_is_a_reason(server: Server) -> None:
    url = server.route("/short.jpg", PHOTO)
    server.routes["/short.jpg"] = attrs.evolve(server.routes["/short.jpg"], content_length=len(PHOTO) + 500)
    with pytest.raises(Unavailable):
        Loader(_policy(timeout=2)).load(url)
