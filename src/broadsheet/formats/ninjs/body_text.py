"""Writing an article body as plain text, for the optional ``text/plain`` body and the body counts.

Paragraphs are separated by blank lines; quotations get the marks of their
language; lists, tables, figures and boxes become readable lines.
"""

from __future__ import annotations

from typing import assert_never

from broadsheet.formats._shared.typography import plain_text, quote_marks
from broadsheet.formats._shared.wording import label
from broadsheet.model import (
    Block,
    BulletList,
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


def body_text(blocks: tuple[Block, ...], language: str | None) -> str:
    """The plain text of ``blocks`` in ``language``'s typography."""
    return "\n\n".join(text for block in blocks if (text := _block(block, language)))


def _block(node: Block, language: str | None) -> str:
    match node:
        case Paragraph(children=children) | Heading(children=children):
            return plain_text(children, language)
        case BulletList(items=items):
            return "\n".join("• " + _item(item, language) for item in items)
        case OrderedList(items=items, start=start):
            return "\n".join(f"{start + n}. " + _item(item, language) for n, item in enumerate(items))
        case QuoteBlock(quote=quote):
            opening, closing = quote_marks(quote.language or language)
            said = f"{opening}{quote.text}{closing}"
            return f"{said}\n— {quote.speaker.name}" if quote.speaker else said
        case Figure(image=image):
            return " ".join(part for part in (image.caption, image.credit) if part)
        case Table(rows=rows, caption=caption):
            lines = [" | ".join(plain_text(cell.children, language) for cell in row) for row in rows]
            return "\n".join(([caption] if caption else []) + lines)
        case RelatedBox(links=links, label=box_label):
            heading = box_label or label("read_also", language)
            return "\n".join([heading + ":"] + [link.title for link in links])
        case Embed(url=url, title=title):
            return title or url
        case Separator():
            return "* * *"
        case _:
            assert_never(node)


def _item(blocks: tuple[Block, ...], language: str | None) -> str:
    return " ".join(text for block in blocks if (text := _block(block, language)))
