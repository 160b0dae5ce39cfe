"""Each rule inside the story's container reports what it keeps out of the body, under its name."""

from __future__ import annotations

import lxml.html
import pytest
from html_cases import BASE, HEADLINE, PROSE, page

from broadsheet.formats.html import tracing
from broadsheet.formats.html.body import extract_body

CASES = [
    ("hidden", f"<p>{PROSE}</p><p>{PROSE}</p><div hidden><p>Hidden words of the site.</p></div>", "Hidden words"),
    ("comments", f"<p>{PROSE}</p><div class='comments'><p>Great article. First!</p></div><p>{PROSE}</p>", "First!"),
    ("chrome_name", f"<p>{PROSE}</p><div class='share-bar'>Share on the networks</div><p>{PROSE}</p>", "Share on"),
    ("story_feed", f"<p>{PROSE}</p><p>{PROSE}</p><ul>"
     + "".join(f"<li><time>12:0{i}</time> <a href='/n{i}'>Another story number {i} of the day</a></li>" for i in range(3))
     + f"</ul><p>{PROSE}</p>", "Another story number 0"),
    ("link_list", f"<p>{PROSE}</p><ul><li><a href='/w'>World</a></li><li><a href='/s'>Sport</a></li></ul><p>{PROSE}</p>", "World"),
    ("stray_line", f"<p>{PROSE}</p><p>REKLAM</p><p>{PROSE}</p>", "REKLAM"),
    ("closing_lines", f"<p>{PROSE}</p><p>{PROSE}</p><p>Kommentare geschlossen</p>", "Kommentare geschlossen"),
    ("author_bio", f"<p>{PROSE}</p><p>{PROSE}</p><p>Jane Doe is a staff writer at Example News.</p>", "Jane Doe is"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "markup", "words"), CASES, ids=[case[0] for case in CASES])
def test_drop_is_reported_under_its_rule(rule: str, markup: str, words: str) -> None:
    root = lxml.html.document_fromstring(page(markup))
    with tracing.recording() as trace:
        body = extract_body(root, base_url=BASE, title=HEADLINE)
    kept = " ".join(str(block) for block in body.blocks)
    assert words not in kept
    assert any(drop.rule == rule and words in drop.text for drop in trace.drops), trace.drops


def test_nothing_is_recorded_when_nobody_records() -> None:
    root = lxml.html.document_fromstring(page(f"<p>{PROSE}</p><div hidden>Hidden words</div>"))
    extract_body(root, base_url=BASE, title=HEADLINE)
    assert tracing.active() is None
