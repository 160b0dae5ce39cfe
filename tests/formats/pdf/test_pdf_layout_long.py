"""A paragraph of many pages: the same lines as reportlab's own split, and line breaking in linear time."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from pdf_checks import text
from pdf_seed import seed_article
from reportlab.platypus import Paragraph

import broadsheet
from broadsheet.formats.pdf import flow
from broadsheet.model import Article, Link, Text
from broadsheet.model import Paragraph as ParagraphNode

PLAIN = {"page_numbers": False, "running_heads": False}


def _article(chars: int, *, link: bool, entity: bool = False) -> Article:
    words = "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ РФ. "
    if entity:  # reportlab's parser cuts a run at &amp; and &lt;: one run again for the windows
        words = words.replace("з міністром", "з AT&T, <NATO> & міністром")
    body = (words * (chars // len(words) + 1))[:chars].rstrip()
    half = len(body) // 2
    children: tuple[Any, ...] = (Text(text=body),)
    if link:  # fragments of several fonts and a link: reportlab's other way of breaking lines
        children = (
            Text(text=body[:half] + " "),
            Link(url="https://zn.ua/", children=(Text(text="посилання"),)),
            Text(text=" " + body[half:]),
        )
    base = seed_article()
    return attrs.evolve(base, body=(ParagraphNode(children=children),), see_also=(), images=())


@pytest.mark.parametrize(("link", "entity"), [(False, False), (True, False), (False, True)])
def test_long_paragraph_sets_the_same_lines(
    link: bool, entity: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article(40_000, link=link, entity=entity)
    windowed = text(broadsheet.write(article, "pdf", **PLAIN))
    monkeypatch.setattr(
        flow, "LONG_CHARS", 10**9
    )  # reportlab's own split, re-breaking the rest on every page
    whole = text(broadsheet.write(article, "pdf", **PLAIN))
    # Same lines; only a hyphen at a page's last line may differ: reportlab's own split of a
    # paragraph of mixed fonts drops it there, the window keeps it.
    assert windowed.replace("-\n", "\n") == whole.replace("-\n", "\n")
    assert windowed.count("\n") > 200  # many lines over several pages
    if entity:
        assert windowed.count("AT&T, <NATO> & міністром") > 100


def test_long_paragraph_breaks_lines_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = [0]
    original = Paragraph.breakLines

    def counting(self: Paragraph, width: Any) -> Any:
        broken[0] += sum(
            len(getattr(f, "text", "") or "") + sum(len(w) + 1 for w in getattr(f, "words", ()))
            for f in self.frags
        )
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    article = _article(120_000, link=False)
    data = broadsheet.write(article, "pdf", **PLAIN)
    assert len(text(data)) > 110_000
    # Re-breaking the rest on every page costs about (pages / 2) times the text: a window
    # costs the first page's full break, then a page or two per page.
    assert broken[0] < 4 * 120_000, broken[0]
