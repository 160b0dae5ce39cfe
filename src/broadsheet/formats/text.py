"""Plain-text writer: the words a reader sees, with quotation marks in the article's language."""

from __future__ import annotations

import textwrap
from typing import assert_never

import attrs

from broadsheet.formats._shared.typography import plain_text, quote_marks
from broadsheet.formats._shared.wording import label
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Document,
    Edition,
    Embed,
    Figure,
    Heading,
    OrderedList,
    Paragraph,
    QuoteBlock,
    RelatedBox,
    Separator,
    Table,
)

__all__ = ["WriteOptions", "write"]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the plain-text writer."""

    width: int = 0
    """Wrap lines at this many characters; 0 leaves each paragraph on one line."""


def _blocks(nodes: tuple[Block, ...], language: str | None) -> list[str]:
    out: list[str] = []
    for node in nodes:
        match node:
            case Paragraph() | Heading():
                out.append(plain_text(node.children, language))
            case BulletList() | OrderedList():
                for number, item in enumerate(node.items):
                    marker = f"{node.start + number}." if isinstance(node, OrderedList) else "•"
                    out.append(f"{marker} " + "\n".join(_blocks(item, language)))
            case QuoteBlock():
                opening, closing = quote_marks(node.quote.language or language)
                speaker = f" — {node.quote.speaker.name}" if node.quote.speaker else ""
                out.append(f"{opening}{node.quote.text}{closing}{speaker}")
            case Figure():
                caption = " ".join(filter(None, (node.image.caption, node.image.credit)))
                if caption:
                    out.append(caption)
            case Table():
                rows = ["\t".join(plain_text(cell.children, language) for cell in row) for row in node.rows]
                out.append("\n".join(([node.caption] if node.caption else []) + rows))
            case RelatedBox():
                titles = "; ".join(link.title for link in node.links)
                out.append(f"{node.label or label('read_also', language)}: {titles}")
            case Embed():
                out.append(node.title or node.url)
            case Separator():
                out.append("* * *")
            case _:
                assert_never(node)
    return out


def _article(doc: Article) -> list[str]:
    parts = [doc.title]
    parts.extend(filter(None, (doc.subtitle, doc.lead)))
    return parts + _blocks(doc.body, doc.language)


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """An article or edition as UTF-8 text, paragraphs apart by blank lines."""
    options = options or WriteOptions()
    if isinstance(document, Edition):
        parts = [document.title]
        for section in document.sections:
            parts.extend(filter(None, (section.title,)))
            for doc in section.articles:
                parts.extend(_article(doc))
    else:
        parts = _article(document)
    if options.width > 0:
        parts = [textwrap.fill(part, options.width, break_on_hyphens=False) for part in parts]
    return ("\n\n".join(parts) + "\n").encode("utf-8")
