"""``--comments``: the CLI reads readers' comments of web pages into JSON; without it, none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.cli import main

STORY = "The ministers met for three hours in a hotel by the lake and agreed on nothing but the date. " * 3
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Talks</title></head><body>
<article><h1>Talks</h1><p>{STORY}</p></article>
<div id="comments"><ol class="comment-list"><li class="comment" id="comment-1">
<div class="comment-author"><b class="fn">Anna</b></div>
<div class="comment-content"><p>Nothing but the date again.</p></div></li></ol></div>
</body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "talks.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def _article(path: Path) -> dict[str, object]:
    article = json.loads(path.read_text("utf-8"))["article"]
    assert isinstance(article, dict)
    return article


def test_comments_are_read_only_with_the_flag(page: Path, tmp_path: Path) -> None:
    plain, commented = tmp_path / "plain.json", tmp_path / "commented.json"
    assert main(["convert", str(page), "-o", str(plain)]) == 0
    assert main(["convert", str(page), "-o", str(commented), "--comments"]) == 0
    without, with_comments = _article(plain), _article(commented)
    assert "comments" not in without
    assert with_comments["comments"] == [
        {"text": "Nothing but the date again.", "author": {"name": "Anna"}, "id": "comment-1"}
    ]
    assert with_comments["body"] == without["body"]


def test_the_flag_leaves_other_readers_alone(page: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["convert", str(page), "-o", str(first), "--comments"]) == 0
    # A JSON input has no comments option: the flag is the web page reader's only.
    assert main(["convert", str(first), "-o", str(second), "--comments"]) == 0
    assert second.read_bytes() == first.read_bytes()


def test_explain_reads_with_comments(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(page), "--comments", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
