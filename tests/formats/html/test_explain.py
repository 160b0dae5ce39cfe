"""broadsheet.explain: every piece of a page's text that misses the body is told with its stage and
rule, and the chosen container with the ones it beat, on synthetic pages where the answer is known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from html_cases import PROSE

import broadsheet
from broadsheet.formats.html import pipeline, tracing
from broadsheet.formats.html.explain import Explanation

STORY = f"<p>{PROSE}</p><p>{PROSE.replace('ministers', 'envoys')}</p><p>{PROSE.replace('hotel', 'villa')}</p>"
SIDEBAR = (
    "A paragraph of the sidebar that is long enough to read as prose and so makes the sidebar a "
    "candidate for the story's container, though it is not the story."
)
NAV = " ".join(f'<a href="/{n}">Section number {n}</a>' for n in range(12))
PAGE = f"""<html lang="en"><head><title>Rain falls on the city</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World news</a> {NAV}</nav>
<div class="promo">Buy our paper today for half the price</div>
<article><h1>Rain falls on the city</h1>{STORY}<button>Share this story</button></article>
<div class="column"><p>{SIDEBAR}</p></div>
<div class="legal">Copyright Example News, every right kept by the owners of the site</div>
</body></html>"""


def drops(explanation: Explanation) -> dict[str, tuple[str, str]]:
    """Each dropped text's (stage, rule), by the text's first words."""
    return {drop.text[:30]: (drop.stage, drop.rule) for drop in explanation.trace.drops}


def find(explanation: Explanation, words: str) -> tuple[str, str]:
    found = [(d.stage, d.rule) for d in explanation.trace.drops if words in d.text]
    assert found, f"{words!r} is not among the drops: {drops(explanation)}"
    return found[0]


def test_explain_reads_the_page_as_read_does() -> None:
    explanation = broadsheet.explain(PAGE.encode())
    assert explanation.article == broadsheet.read(PAGE.encode(), format="html")
    assert [stage.name for stage in pipeline.STAGES] == explanation.trace.stages


def test_each_left_out_piece_has_its_stage_and_rule() -> None:
    explanation = broadsheet.explain(PAGE.encode())
    assert find(explanation, "Share this story") == ("drop junk", "junk_tags")
    assert find(explanation, "Rain falls on the city") == ("read header", "headline")
    # Nothing names these, so the account at the end charges them to the container choice.
    assert find(explanation, "Copyright Example News") == ("choose container", "outside_container")
    assert find(explanation, "A paragraph of the sidebar")[0] == "choose container"
    assert find(explanation, "Buy our paper")[0] == "choose container"


def test_the_account_is_complete_and_never_counts_body_text() -> None:
    explanation = broadsheet.explain(PAGE.encode())
    texts = " ".join(drop.text for drop in explanation.trace.drops)
    for words in ("Home", "World news", "Buy our paper", "Share this story", "Copyright", "sidebar"):
        assert words in texts
    assert "ministers met" not in texts and "envoys met" not in texts


def test_the_chosen_container_is_shown_over_its_rivals_with_scores() -> None:
    explanation = broadsheet.explain(PAGE.encode())
    chosen = [c for c in explanation.trace.candidates if c.chosen]
    rivals = [c for c in explanation.trace.candidates if not c.chosen]
    assert len(chosen) == 1 and chosen[0].where.startswith("article")
    assert any(r.where.startswith("div.column") for r in rivals)
    assert all(chosen[0].score > r.score > 0 for r in rivals)
    assert chosen[0].length >= 3 * len(PROSE)


def test_a_profile_drop_is_told_by_its_selector(tmp_path: Path) -> None:
    profile = tmp_path / "site.json"
    profile.write_text(json.dumps({"name": "site", "drop": [".promo"]}), encoding="utf-8")
    explanation = broadsheet.explain(PAGE.encode(), profile=str(profile))
    assert find(explanation, "Buy our paper") == ("apply profile", "profile drop .promo")


def test_a_second_story_below_is_told_as_another_story() -> None:
    other = PROSE.replace("ministers", "players").replace("meeting", "match")
    page = f"""<html><body><main>
    <div class="story"><h1>Rain falls on the city</h1>{STORY}</div>
    <div class="story"><h1>Next story</h1><p>{other}</p><p>{other}</p></div></main></body></html>"""
    explanation = broadsheet.explain(page.encode())
    assert find(explanation, "players met") == ("choose container", "one_story")
    chosen = [c for c in explanation.trace.candidates if c.chosen]
    assert len(chosen) == 1 and "next story" in chosen[0].note


def test_text_and_json_renderings() -> None:
    explanation = broadsheet.explain(PAGE.encode(), url="https://news.example/rain")
    text = explanation.text()
    assert text.startswith("title: Rain falls on the city\n")
    assert "container (chosen by score):" in text and "  over:" in text
    assert "  drop junk (16 chars)\n    junk_tags: 16 chars  button" in text
    assert "      Share this story\n" in text
    data = explanation.json()
    assert data["url"] == "https://news.example/rain"
    assert data["stages"][0] == "drop junk"
    assert {"stage", "rule", "where", "text", "length"} == set(data["drops"][0])
    assert data["dropped_length"] == sum(drop["length"] for drop in data["drops"])
    json.dumps(data)


def test_nothing_is_recorded_unless_someone_records() -> None:
    assert tracing.active() is None
    broadsheet.read(PAGE.encode(), format="html")
    assert tracing.active() is None
    with tracing.recording() as trace:
        tracing.dropped("rule", "some text")
    tracing.dropped("rule", "more text")  # no recorder: nothing happens
    assert [d.text for d in trace.drops] == ["some text"]


@pytest.mark.parametrize("depth", [250])
def test_a_deep_and_wide_page_is_accounted_for(depth: int) -> None:
    wide = "".join(f"<div><a href='/{n}'>link {n}</a></div>" for n in range(20_000))
    page = f"<html><body><h1>Deep</h1>{'<div>' * depth}<p>{PROSE}</p>{'</div>' * depth}{wide}</body></html>"
    explanation = broadsheet.explain(page.encode())
    assert find(explanation, "link 0 link 1 link 2") == ("choose container", "outside_container")
    links = " ".join(f"link {n}" for n in range(20_000))
    assert explanation.trace.dropped_length() >= len(links)
