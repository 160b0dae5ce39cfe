"""Reading a ninjs body (an HTML, XHTML or NITF fragment, or plain text) back into model blocks.

A small converter, not a page extractor: it knows the markup broadsheet's
writer emits (and reads it back exactly) and the usual elements of agency
HTML, and ignores anything active (scripts, frames, forms) and any link or
image whose URL the model refuses (``javascript:``). This module walks the
HTML tree; quotes, figures, tables and related links are read by the
``body_*`` modules beside it. NITF bodies are read by the NITF reader every
format shares (:mod:`broadsheet.formats._shared.nitf.read`).
"""

from __future__ import annotations

import re
from typing import Any

from broadsheet.errors import LimitError
from broadsheet.formats._shared.nitf.read import read_nitf
from broadsheet.formats._shared.plain_text import PlainText, Quoting, body_text
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_elements import (
    BLOCKS,
    EMPHASIS,
    HEADINGS,
    PARAGRAPHS,
    SKIP,
    STRONG,
    class_names,
    element_name,
)
from broadsheet.formats.ninjs.body_figures import figure, read_image
from broadsheet.formats.ninjs.body_markup import parse_fragment, xml_safe
from broadsheet.formats.ninjs.body_quotes import read_quote
from broadsheet.formats.ninjs.body_related import read_mention, related_box
from broadsheet.formats.ninjs.body_tables import table
from broadsheet.formats.ninjs.model_values import bounded_int, has_text, safe
from broadsheet.model import (
    Block,
    BulletList,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    QuoteBlock,
    Separator,
    Strong,
    Text,
)


def parse_html(markup: str, where: str) -> tuple[Block, ...]:
    """Blocks of an HTML or XHTML body; ``where`` names the body in error messages."""
    markup = xml_safe(markup)
    if not markup.strip():
        return ()
    root = parse_fragment(markup, where)
    return _Reader(where).blocks(root)


def parse_nitf(markup: str, where: str) -> tuple[Block, ...]:
    """Blocks of a NITF document's ``body.content`` (the head and ``body.head`` are metadata)."""
    body = read_nitf(xml_safe(markup).encode("utf-8"), where=where)
    # An article image of broadsheet's NITF has no place in the body: it leads it here.
    return tuple(Figure(image=image) for image in body.images) + body.blocks


def parse_text(text: str) -> tuple[Block, ...]:
    """Blocks of a plain-text body: paragraphs at blank lines (or at every line when there are none)."""
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return tuple(Paragraph(children=(Text(text=part),)) for part in parts if has_text(part))


def html_text(markup: str, where: str) -> str:
    """The running text of an HTML fragment, a block a line (for descriptions)."""
    return body_text(parse_html(markup, where), style=_DESCRIPTION)


_DESCRIPTION = PlainText(quotes=Quoting.BARE, running_only=True, block_separator="\n", item_separator="\n")
"""A description's running text, a block a line; inline quotes without marks."""


class _Reader:
    """Turns an element tree into blocks; one instance per body."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.depth = 0

    def blocks(self, container: Any) -> tuple[Block, ...]:
        """The blocks of a container element; loose text and inline elements become paragraphs."""
        self.depth += 1
        if self.depth > 200:
            raise LimitError("the body is nested too deeply", where=self.where)
        out: list[Block] = []
        run: list[Inline] = []
        figures: list[Block] = []

        def flush() -> None:
            """End the pending paragraph, then add the figures its images made."""
            paragraph = Paragraph(children=tuple(run))
            if paragraph.children:
                out.append(paragraph)
            run.clear()
            out.extend(figures)
            figures.clear()

        if container.text:
            run.append(Text(text=container.text))
        for child in container:
            name = element_name(child)
            if name in SKIP or not name:
                pass
            elif name in BLOCKS and not (name == "img" and run):
                flush()
                out.extend(self.block(child, name))
            else:
                run.extend(self.inline(child, name, figures))
            if child.tail:
                run.append(Text(text=child.tail))
        flush()
        self.depth -= 1
        return tuple(out)

    def block(self, el: Any, name: str) -> tuple[Block, ...]:
        """The blocks one block-level element stands for (none, one, or a container's several)."""
        if name in PARAGRAPHS:
            figures: list[Block] = []
            paragraph = Paragraph(children=self.inlines(el, figures))
            return ((paragraph,) if paragraph.children else ()) + tuple(figures)
        if name in HEADINGS:
            heading = Heading(level=HEADINGS[name], children=self.inlines(el, []))
            return (heading,) if heading.children else ()
        if name in ("ul", "ol"):
            return self.list_block(el, name)
        if name == "blockquote":
            quote = read_quote(el, block=True)
            return (QuoteBlock(quote=quote),) if quote is not None else ()
        if name == "figure":
            return figure(el, self.blocks)
        if name == "img":
            image = read_image(el, None, None)
            return (Figure(image=image),) if image is not None else ()
        if name == "table":
            return (table(el, self.inlines),)
        if name == "hr":
            return (Separator(),)
        if name == "aside" and v.RELATED_CLASS in class_names(el):
            box = related_box(el)
            if box is not None:
                return (box,)
        return self.blocks(el)

    def list_block(self, el: Any, name: str) -> tuple[Block, ...]:
        """A ``ul``/``ol`` as a list whose items hold blocks; empty items and lists vanish."""
        items = []
        for child in el:
            if element_name(child) == "li":
                blocks = self.blocks(child)
                if blocks:
                    items.append(blocks)
        if not items:
            return ()
        if name == "ul":
            return (BulletList(items=tuple(items)),)
        start = bounded_int(el.get("start"), -(10**9), 10**9)
        return (OrderedList(items=tuple(items), start=1 if start is None else start),)

    def inlines(self, el: Any, figures: list[Block]) -> tuple[Inline, ...]:
        """The inline nodes inside ``el``; images met on the way go to ``figures``."""
        self.depth += 1
        if self.depth > 200:
            raise LimitError("the body is nested too deeply", where=self.where)
        out: list[Inline] = []
        if el.text:
            out.append(Text(text=el.text))
        for child in el:
            name = element_name(child)
            if name and name not in SKIP:
                out.extend(self.inline(child, name, figures))
            if child.tail:
                out.append(Text(text=child.tail))
        self.depth -= 1
        return tuple(out)

    def inline(self, el: Any, name: str, figures: list[Block]) -> tuple[Inline, ...]:
        """The inline nodes one element stands for."""
        if name == "br":
            return (LineBreak(),)
        if name == "img":
            image = read_image(el, None, None)
            if image is not None:
                figures.append(Figure(image=image))
            return ()
        if name == "q":
            quote = read_quote(el, block=False)
            return (InlineQuote(quote=quote),) if quote is not None else ()
        children = self.inlines(el, figures)
        if name in EMPHASIS:
            return (Emphasis(children=children),)
        if name in STRONG:
            return (Strong(children=children),)
        if name == "a" and el.get("href"):
            link = safe(lambda: Link(url=el.get("href"), children=children, title=el.get("title")))
            return (link,) if link is not None else children
        if name == "cite" and v.MENTION_CLASS in class_names(el):
            mention = read_mention(el, children)
            return (mention,) if mention is not None else children
        return children
