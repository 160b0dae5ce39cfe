"""The plain text of body content: the one walk over the model's blocks and inlines.

Every format and the analysis that needs the words of a body without markup
calls this walk; what they want differently (quotation marks added or not,
how lists, quotes, tables and boxes read, what separates blocks) is a
:class:`PlainText` value, not another walk. Both ``match`` statements end in
``assert_never``, so a node type added to the model and forgotten here fails
``mypy --strict``.

    >>> from broadsheet.model import InlineQuote, Paragraph, Quote, Text
    >>> body = (Paragraph(children=(Text(text="He said "), InlineQuote(quote=Quote(text="yes")))),)
    >>> body_text(body, "uk")
    'He said «yes»'
    >>> body_text(body, "uk", PlainText(quotes=Quoting.BARE))
    'He said yes'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import assert_never

import attrs

from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats._shared.wording import label
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
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Separator,
    Strong,
    Table,
    Text,
)

__all__ = [
    "OPAQUE",
    "RUNNING_TEXT",
    "Boxes",
    "PlainText",
    "Quoting",
    "block_text",
    "body_text",
    "inline_pieces",
    "inline_text",
]

OPAQUE = "\ufffc"
"""Stands for an inline quote or mention with :attr:`Quoting.OPAQUE` (U+FFFC OBJECT REPLACEMENT CHARACTER)."""


class Quoting(enum.Enum):
    """How an inline quotation reads (the model holds its words without quotation marks)."""

    MARKED = "marked"
    """In the quotation marks of its language (or the text's): ``«так»``."""
    BARE = "bare"
    """Its words alone."""
    APART = "apart"
    """Its words on a line of their own (to find names beside it, not across it)."""
    OPAQUE = "opaque"
    """One :data:`OPAQUE` character, so that recognisers pass over what was recognised before."""


class Boxes(enum.Enum):
    """How a read-also box reads: its label (or "Read also" in the text's language), then the titles."""

    INLINE = "inline"
    """On one line: ``Read also: First; Second``."""
    LINES = "lines"
    """The label, then each title on a line of its own."""


@attrs.frozen(kw_only=True)
class PlainText:
    """What the walk makes of nodes that have no single plain form; the defaults are the text writer's."""

    quotes: Quoting = Quoting.MARKED
    """How inline quotations read."""
    opaque_mentions: bool = False
    """Whether a mention of another article stands as one :data:`OPAQUE` character instead of its words."""
    running_only: bool = False
    """Only the running text counts: paragraphs, headings, list items (without markers), the words of
    block quotes (without marks or speaker) and table cells. Figures, embeds, read-also boxes,
    separators and table captions give nothing."""
    block_separator: str = "\n\n"
    """Between the blocks of a body (blocks that give no text are left out)."""
    item_separator: str = "\n\n"
    """Between the items of a list in the body (the items of a list inside a list item are a line apart)."""
    item_block_separator: str = "\n"
    """Between the blocks of one list item."""
    speaker_separator: str = " — "
    """Between a block quote and its speaker's name."""
    cell_separator: str = "\t"
    """Between the cells of a table row (rows are lines)."""
    boxes: Boxes = Boxes.INLINE
    """How read-also boxes read."""


RUNNING_TEXT = PlainText(
    running_only=True,
    item_separator="\n",
    cell_separator=" ",
)
"""The running text of a story, a block a line: what the HTML reader weighs and the corpus truth holds."""

_DEFAULT = PlainText()


def inline_text(children: Iterable[Inline], language: str | None = None, style: PlainText = _DEFAULT) -> str:
    """The text of inline content; quotation marks are those of ``language`` unless a quote has its own."""
    return "".join(inline_pieces(children, language, style))


def inline_pieces(
    children: Iterable[Inline], language: str | None = None, style: PlainText = _DEFAULT
) -> Iterator[str]:
    """The text of inline content piece by piece: one string per text, line break or quotation.

    Joined, the pieces are :func:`inline_text`; kept apart, they tell where one
    node's text ends (a word cut by two nodes is two pieces).
    """
    for node in children:
        match node:
            case Text(text=text):
                yield text
            case Emphasis(children=inner) | Strong(children=inner) | Link(children=inner):
                yield from inline_pieces(inner, language, style)
            case Mention(children=inner):
                if style.opaque_mentions:
                    yield OPAQUE
                else:
                    yield from inline_pieces(inner, language, style)
            case InlineQuote(quote=quote):
                yield _inline_quote(quote, language, style.quotes)
            case LineBreak():
                yield "\n"
            case _:
                assert_never(node)


def _inline_quote(quote: Quote, language: str | None, quoting: Quoting) -> str:
    match quoting:
        case Quoting.MARKED:
            opening, closing = quote_marks(quote.language or language)
            return f"{opening}{quote.text}{closing}"
        case Quoting.BARE:
            return quote.text
        case Quoting.APART:
            return f"\n{quote.text}\n"
        case Quoting.OPAQUE:
            return OPAQUE
        case _:
            assert_never(quoting)


def body_text(blocks: Iterable[Block], language: str | None = None, style: PlainText = _DEFAULT) -> str:
    """The text of ``blocks``, each apart by ``style.block_separator``; blocks without text are left out."""
    return style.block_separator.join(
        text for block in blocks if (text := block_text(block, language, style))
    )


def block_text(node: Block, language: str | None = None, style: PlainText = _DEFAULT) -> str:
    """The text of one block; ``""`` for a block that gives none in ``style``."""
    return _block(node, language, style, nested=False)


def _block(node: Block, language: str | None, style: PlainText, *, nested: bool) -> str:
    running = style.running_only
    match node:
        case Paragraph(children=children) | Heading(children=children):
            return inline_text(children, language, style)
        case BulletList(items=items):
            return _list(items, ["•"] * len(items), language, style, nested=nested)
        case OrderedList(items=items, start=start):
            markers = [f"{start + n}." for n in range(len(items))]
            return _list(items, markers, language, style, nested=nested)
        case QuoteBlock(quote=quote):
            if running:
                return quote.text
            opening, closing = quote_marks(quote.language or language)
            said = f"{opening}{quote.text}{closing}"
            return f"{said}{style.speaker_separator}{quote.speaker.name}" if quote.speaker else said
        case Figure(image=image):
            return "" if running else " ".join(part for part in (image.caption, image.credit) if part)
        case Table(rows=rows, caption=caption):
            cells = style.cell_separator
            lines = [cells.join(inline_text(cell.children, language, style) for cell in row) for row in rows]
            return "\n".join(([caption] if caption and not running else []) + lines)
        case RelatedBox(links=links, label=box_label):
            return "" if running else _box(box_label or label("read_also", language), links, style.boxes)
        case Embed(url=url, title=title, text=text):
            if running:
                return ""
            # A post the page quotes reads as its words, then where it is; else what it is.
            return f"{text}\n{title or url}" if text else title or url
        case Separator():
            return "" if running else "* * *"
        case _:
            assert_never(node)


def _list(
    items: tuple[tuple[Block, ...], ...],
    markers: list[str],
    language: str | None,
    style: PlainText,
    *,
    nested: bool,
) -> str:
    texts = []
    for item, marker in zip(items, markers, strict=True):
        text = style.item_block_separator.join(
            inner for block in item if (inner := _block(block, language, style, nested=True))
        )
        if not style.running_only:
            texts.append(f"{marker} {text}")
        elif text:
            texts.append(text)
    # A list inside a list item has its items a line apart, whatever the body's lists have.
    return ("\n" if nested else style.item_separator).join(texts)


def _box(heading: str, links: tuple[RelatedLink, ...], boxes: Boxes) -> str:
    match boxes:
        case Boxes.INLINE:
            return f"{heading}: " + "; ".join(link.title for link in links)
        case Boxes.LINES:
            return "\n".join([heading + ":"] + [link.title for link in links])
        case _:
            assert_never(boxes)
