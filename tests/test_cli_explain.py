"""``broadsheet explain``: why a page's text was left out, for people and as JSON; errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.cli import main

PROSE = (
    "The ministers met for three hours in a hotel by the lake and agreed on nothing but the date "
    "of their next meeting, officials on both sides said afterwards."
)
PAGE = f"""<html lang="en"><head><title>Rain falls on the city</title></head><body>
<article><h1>Rain falls on the city</h1><p>{PROSE}</p><p>{PROSE}</p>
<button>Share this story</button></article>
<div class="legal">Copyright Example News, every right kept</div></body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_explain_prints_each_left_out_piece_by_stage(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title: Rain falls on the city\nbody: 2 blocks, ")
    assert "  drop junk (16 chars)\n    junk_tags: 16 chars  button" in out
    # The legal line is taken along with the story (short text beside it) and left out when read.
    assert (
        "  read blocks (40 chars)\n    boilerplate_text: 40 chars\n      Copyright Example News, every right kept\n"
        in out
    )
    assert "container (chosen by score):\n  html (/html)  score " in out


def test_explain_json_with_url_and_reader_options(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["explain", str(page), "--json", "--url", "https://news.example/rain", "-R", "enrich=false"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["url"] == "https://news.example/rain"
    rules = {(d["stage"], d["rule"]) for d in data["drops"]}
    assert {("drop junk", "junk_tags"), ("read header", "headline")} <= rules
    assert [c["chosen"] for c in data["candidates"]].count(True) == 1


def test_explain_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path / "missing.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("broadsheet: error: ") and err.count("\n") == 1 and "missing.html" in err
    assert main(["explain", str(tmp_path / "missing.html"), "-R", "nonsense=1"]) == 1
    assert "nonsense" in capsys.readouterr().err
