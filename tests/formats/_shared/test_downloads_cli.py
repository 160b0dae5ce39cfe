"""The command line's image flags: --fetch-images (and its old name --network), --no-cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import broadsheet
from broadsheet.cli import main
from broadsheet.model import Article, Figure, Image, Paragraph, Text
from image_server import Server, jpeg, serve


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def _story(tmp_path: Path, server: Server) -> str:
    url = server.route("/photo.jpg", jpeg(300, 200))
    article = Article(
        title="Story",
        body=(Paragraph(children=(Text(text="Words."),)), Figure(image=Image(url=url, caption="A photo"))),
    )
    path = tmp_path / "story.json"
    path.write_bytes(broadsheet.write(article, "json"))
    return str(path)


def test_fetch_images_downloads_once_for_every_output_and_rebuild(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(tmp_path, server)
    outputs = ["-o", str(tmp_path / "a.pdf"), "-o", str(tmp_path / "a.epub")]
    assert main(["convert", story, *outputs, "-O", f"cache_dir={tmp_path / 'cache'}"]) == 0
    assert server.total() == 0 and "fetching is off" in capsys.readouterr().err
    for flag in ("--fetch-images", "--network"):
        assert main(["convert", story, *outputs, flag, "-O", f"cache_dir={tmp_path / 'cache'}"]) == 0
    assert server.total() == 1  # the PDF fetched it; the EPUB and the second run used the cache
    assert "warning" not in capsys.readouterr().err
    assert main(["convert", story, *outputs, "--fetch-images", "--no-cache"]) == 0
    assert server.total() == 3  # without the cache, each output fetches its own


def test_fetch_images_does_not_apply_to_json(tmp_path: Path, server: Server) -> None:
    story = _story(tmp_path, server)
    assert main(["convert", story, "-o", str(tmp_path / "b.json"), "--fetch-images"]) == 1
