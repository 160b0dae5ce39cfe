"""Site profiles: declarative selectors per outlet, loaded from JSON, never required."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import broadsheet
from broadsheet.errors import OptionError
from broadsheet.formats.html import profiles

PAGE = b"""<!DOCTYPE html><html lang="en"><head><title>Weekly column | The Paper</title></head><body>
<div class="masthead">The Paper</div>
<div class="story">
  <h2 class="hed">Why the bridge matters</h2>
  <p class="by"><span class="who">Ann Writer</span> and <span class="who">Bob Editor</span></p>
  <span class="when" data-x="1">Published 3 March 2024, 09:30</span>
  <div class="txt">
    <p>The bridge carries forty thousand cars a day, and its closure would cut the town in two for years.</p>
    <div class="promo">Subscribe now for unlimited access to every column we publish.</div>
    <p>Engineers say repairs can wait a decade; the council is not so sure and wants a second opinion.</p>
  </div>
  <ul class="kw"><li>bridges</li><li>council</li></ul>
</div></body></html>"""

PROFILE = {
    "name": "the-paper",
    "domains": ["thepaper.example"],
    "body": ".txt",
    "drop": [".promo"],
    "title": ".hed",
    "authors": ".who",
    "published": ".when",
    "tags": ".kw li",
}


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "the-paper.json"
    path.write_text(json.dumps(PROFILE), encoding="utf-8")
    return path


def test_builtin_profiles_are_valid_and_named_uniquely() -> None:
    found = profiles.builtin()
    assert found
    assert len({p.name for p in found}) == len(found)
    assert all(p.domains for p in found)


def test_domains_match_with_subdomains() -> None:
    profile = profiles.from_mapping(PROFILE, where="test")
    assert profile.serves("https://thepaper.example/a")
    assert profile.serves("https://www.thepaper.example/a")
    assert profile.serves("https://news.thepaper.example/a")
    assert not profile.serves("https://notthepaper.example/a")
    assert not profile.serves(None)


def test_a_profile_file_sharpens_the_reading(profile_file: Path) -> None:
    article = broadsheet.read(PAGE, format="html", profile=str(profile_file), enrich=False)
    assert article.title == "Why the bridge matters"
    assert [p.name for p in article.authors] == ["Ann Writer", "Bob Editor"]
    assert article.published is not None
    assert article.published.replace(tzinfo=None) == dt.datetime(2024, 3, 3, 9, 30)
    assert article.tags == ("bridges", "council")
    text = broadsheet.write(article, "text").decode() if _has_text_writer() else repr(article.body)
    assert "forty thousand cars" in text
    assert "Subscribe now" not in text


def test_the_generic_reader_does_without(profile_file: Path) -> None:
    article = broadsheet.read(PAGE, format="html", profile="none", enrich=False)
    assert article.title  # a title is still found, from <title>
    assert "forty thousand cars" in repr(article.body)


def _has_text_writer() -> bool:
    try:
        broadsheet.formats.registry.get("text", can="write")
    except broadsheet.errors.BroadsheetError:
        return False
    return True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "unknown profile keys colour"),
        ({"name": ""}, "non-empty 'name'"),
        ({"domains": "thepaper.example"}, "'domains' must be a list"),
        ({"body": 3}, "'body' must be a CSS selector"),
        ({"title": "h1[["}, "bad CSS selector"),
    ],
)
def test_bad_profiles_are_option_errors(tmp_path: Path, change: dict[str, object], message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**PROFILE, **change}), encoding="utf-8")
    with pytest.raises(OptionError, match=message):
        broadsheet.read(PAGE, format="html", profile=str(path))


def test_a_profile_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{name: ", encoding="utf-8")
    with pytest.raises(OptionError, match="not valid JSON"):
        broadsheet.read(PAGE, format="html", profile=str(path))
