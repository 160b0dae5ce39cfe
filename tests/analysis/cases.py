"""Reading the analysis fixture tables: one case per block of ``key: value`` lines.

A case starts with ``## name``. ``context:`` lines are paragraphs that come
before; ``text:`` is the paragraph under test, where ``[words](url)`` makes a
link. Expectations: ``quote: text | speaker`` (``-`` for no speaker),
``mention: title | author; author | url``, ``box: label | title | url``
(``-`` for no URL), ``source: name``; ``quotes: none``, ``mentions: none``,
``box: none`` and ``source: none`` say nothing of that kind is found. Keys
not given are not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from broadsheet.analysis import enrich
from broadsheet.model import (
    Article,
    Block,
    InlineQuote,
    Link,
    Mention,
    Paragraph,
    RelatedBox,
    Text,
    collect,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "analysis"
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@attrs.frozen
class Case:
    """One fixture case."""

    name: str
    context: tuple[str, ...]
    text: str
    expect: dict[str, list[str]]
    title: str = "Новина"


def paragraph(text: str) -> Paragraph:
    """A paragraph from fixture text, ``[words](url)`` becoming links."""
    children: list[Text | Link] = []
    position = 0
    for match in _LINK.finditer(text):
        if match.start() > position:
            children.append(Text(text=text[position : match.start()]))
        children.append(Link(url=match.group(2), children=(Text(text=match.group(1)),)))
        position = match.end()
    if position < len(text):
        children.append(Text(text=text[position:]))
    return Paragraph(children=tuple(children))


def load(name: str) -> list[Case]:
    """The cases of ``tests/data/analysis/<name>``."""
    cases: list[Case] = []
    for block in re.split(r"\n(?=## )", (DATA / name).read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if line.strip() and not line.startswith("#!")]
        if not lines or not lines[0].startswith("## "):
            continue
        context: list[str] = []
        text = ""
        title = "Новина"
        expect: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "context":
                context.append(value)
            elif key == "text":
                text = value
            elif key == "title":
                title = value
            else:
                expect.setdefault(key, []).append(value)
        cases.append(
            Case(name=lines[0][3:].strip(), context=tuple(context), text=text, expect=expect, title=title)
        )
    return cases


def params(name: str) -> list[object]:
    """The cases of a fixture file as pytest parameters named after them."""
    return [pytest.param(case, id=case.name) for case in load(name)]


def run(case: Case) -> tuple[Article, Block]:
    """The enriched article and its last block (the paragraph under test, as recognised)."""
    body = [paragraph(text) for text in case.context] + [paragraph(case.text)]
    article = enrich(Article(title=case.title, body=tuple(body)))
    return article, article.body[-1]


def found_quotes(block: Block) -> list[str]:
    """``text | speaker`` for every inline quote in the block."""
    return [
        f"{node.quote.text} | {node.quote.speaker.name if node.quote.speaker else '-'}"
        for node in collect(block, lambda n: [n] if isinstance(n, InlineQuote) else [])
    ]


def found_mentions(block: Block) -> list[str]:
    """``title | authors | url`` for every mention in the block."""
    out = []
    for node in collect(block, lambda n: [n] if isinstance(n, Mention) else []):
        authors = "; ".join(person.name for person in node.link.authors) or "-"
        out.append(f"{node.link.title} | {authors} | {node.link.url or '-'}")
    return out


def found_box(block: Block) -> list[str]:
    """``label | title | url`` for each link of a read-also box."""
    if not isinstance(block, RelatedBox):
        return []
    return [f"{block.label} | {link.title} | {link.url or '-'}" for link in block.links]


def expected(case: Case, key: str, none_key: str) -> list[str] | None:
    """What the case expects under ``key`` (``[]`` when ``none_key: none``), or ``None`` if it says nothing."""
    if case.expect.get(none_key) == ["none"] or case.expect.get(key) == ["none"]:
        return []
    return case.expect.get(key)
