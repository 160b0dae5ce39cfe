"""Golden pages: each ``tests/data/html/golden/<name>.html`` is extracted and compared with the block
summary in ``<name>.json``.

The pages were written for these tests: small but realistic, in several languages, each with a
trap (chrome inside the story, a wrapper named like a sidebar, text in a layout table, teasers that
outweigh the story, read-also boxes, consent placeholders).  After a deliberate change, rewrite the
summaries with ``BROADSHEET_UPDATE_GOLDEN=1 pytest tests/formats/html/test_golden.py`` and review
the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from broadsheet.formats.html.body import Body, extract_body
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    OrderedList,
    Paragraph,
    QuoteBlock,
    RelatedBox,
    Separator,
    Strong,
    Table,
    Text,
)

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "html" / "golden"
PAGES = sorted(GOLDEN.glob("*.html"))
BASE_URL = "https://news.example/section/2024/story.html"


def inline_summary(nodes: tuple[Inline, ...]) -> str:
    """Inline content as compact text: _emphasis_, **strong**, [link](url), “quote”."""
    out: list[str] = []
    for node in nodes:
        match node:
            case Text():
                out.append(node.text)
            case Emphasis():
                out.append(f"_{inline_summary(node.children)}_")
            case Strong():
                out.append(f"**{inline_summary(node.children)}**")
            case Link():
                out.append(f"[{inline_summary(node.children)}]({node.url})")
            case InlineQuote():
                out.append(f"“{node.quote.text}”")
            case Mention():
                out.append(inline_summary(node.children))
            case LineBreak():
                out.append("\n")
    return "".join(out)


def block_summary(block: Block) -> dict[str, Any]:
    """One block as a small JSON object."""
    match block:
        case Paragraph():
            return {"p": inline_summary(block.children)}
        case Heading():
            return {"h": block.level, "text": inline_summary(block.children)}
        case BulletList() | OrderedList():
            key = "ul" if isinstance(block, BulletList) else "ol"
            return {key: [[block_summary(inner) for inner in item] for item in block.items]}
        case QuoteBlock():
            speaker = block.quote.speaker.name if block.quote.speaker else None
            return {"quote": block.quote.text, "speaker": speaker}
        case Figure():
            image = block.image
            return {"figure": image.url, "caption": image.caption, "credit": image.credit}
        case Table():
            rows = [[inline_summary(cell.children) for cell in row] for row in block.rows]
            return {"table": rows, "header_rows": block.header_rows, "caption": block.caption}
        case RelatedBox():
            return {"related": block.label, "links": [[link.title, link.url] for link in block.links]}
        case Embed():
            return {"embed": block.url, "provider": block.provider}
        case Separator():
            return {"separator": True}
    raise AssertionError(f"unexpected block {block!r}")


def summary(body: Body) -> dict[str, Any]:
    """What the golden files hold for a body."""
    return {
        "lead": body.lead,
        "authors": list(body.authors),
        "blocks": [block_summary(block) for block in body.blocks],
    }


def extract(path: Path) -> Body:
    root = lxml.html.document_fromstring(path.read_text("utf-8"))
    title_element = root.find(".//title")
    title = title_element.text_content().split(" | ")[0] if title_element is not None else None
    return extract_body(root, base_url=BASE_URL, title=title)


def test_there_are_a_dozen_golden_pages() -> None:
    assert len(PAGES) >= 12


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_page(page: Path) -> None:
    got = summary(extract(page))
    expected_path = page.with_suffix(".json")
    if os.environ.get("BROADSHEET_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(expected_path.read_text("utf-8"))
    assert got == expected
