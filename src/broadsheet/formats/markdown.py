"""Markdown writer (CommonMark with pipe tables): an article or edition as readable plain text markup."""

from __future__ import annotations

import re
from typing import assert_never

import attrs

from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats._shared.wording import label
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Document,
    Edition,
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

__all__ = ["WriteOptions", "write"]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the Markdown writer."""

    metadata: bool = True
    """Print the byline, date, source and translations under the headline."""


_ESCAPE = re.compile(r"([\\`*_\[\]<>#|&])")
# At a line start: a bullet or a setext underline (escape the sign), an ordered-list number (escape its dot).
_LINE_START = re.compile(r"^([ \t]*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
_URL_UNSAFE = re.compile(r"[\s()<>\\]")


def _escape(text: str) -> str:
    """``text`` as literal Markdown: nothing in it becomes markup, at a line start or anywhere."""

    def line_start(found: re.Match[str]) -> str:
        space, sign, number, delimiter = found.groups()
        return f"{space}\\{sign}" if sign else f"{space}{number}\\{delimiter}"

    return _LINE_START.sub(line_start, _ESCAPE.sub(r"\\\1", text))


def _url(url: str) -> str:
    # Percent-encoded, so the destination needs no brackets and no backslash escapes.
    return _URL_UNSAFE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found[0].encode()), url)


def _link(text: str, url: str | None, in_link: bool) -> str:
    # CommonMark has no link inside a link: inside one, a link's words are plain text.
    return f"[{text}]({_url(url)})" if url and not in_link else text


def inlines(nodes: tuple[Inline, ...], language: str | None, *, in_link: bool = False) -> str:
    """Inline content as Markdown; ``in_link`` when it is already the text of a link."""
    out: list[str] = []
    for node in nodes:
        match node:
            case Text():
                out.append(_escape(node.text))
            case Emphasis():
                out.append(f"*{inlines(node.children, language, in_link=in_link)}*")
            case Strong():
                out.append(f"**{inlines(node.children, language, in_link=in_link)}**")
            case Link():
                out.append(_link(inlines(node.children, language, in_link=True), node.url, in_link))
            case InlineQuote():
                opening, closing = quote_marks(node.quote.language or language)
                out.append(f"{opening}{_escape(node.quote.text)}{closing}")
            case Mention():
                linked = in_link or node.link.url is not None
                out.append(_link(inlines(node.children, language, in_link=linked), node.link.url, in_link))
            case LineBreak():
                out.append("\\\n")
            case _:
                assert_never(node)
    return "".join(out)


def _list_kind(node: Block) -> str | None:
    """What a block ends with, as far as list merging goes: a bullet or an ordered list."""
    match node:
        case BulletList() | RelatedBox():
            return "bullet"
        case OrderedList():
            return "ordered"
        case _:
            return None


def blocks(nodes: tuple[Block, ...], language: str | None, level: int = 1) -> list[str]:
    """Body blocks as Markdown chunks, one per block; the article's headline is at heading ``level``."""
    out: list[str] = []
    previous: tuple[str | None, int] = (None, 0)  # the last block's list kind and delimiter number
    for node in nodes:
        # Two lists in a row with the same delimiter would merge into one: alternate it.
        kind = _list_kind(node)
        variant = 1 - previous[1] if kind is not None and kind == previous[0] else 0
        previous = (kind, variant)
        match node:
            case Paragraph():
                out.append(inlines(node.children, language))
            case Heading():
                text = inlines(node.children, language).replace("\\\n", " ")
                out.append(f"{'#' * min(node.level + level, 6)} {text}")
            case BulletList():
                out.append(
                    _items([("*" if variant else "-") for _ in node.items], node.items, language, level)
                )
            case OrderedList():
                delimiter = ")" if variant else "."
                markers = [f"{node.start + number}{delimiter}" for number in range(len(node.items))]
                out.append(_items(markers, node.items, language, level))
            case QuoteBlock():
                opening, closing = quote_marks(node.quote.language or language)
                paragraphs = [_escape(line) for line in node.quote.text.split("\n")]
                paragraphs[0] = opening + paragraphs[0]
                paragraphs[-1] += closing
                if node.quote.speaker:
                    paragraphs.append(f"— {_escape(node.quote.speaker.name)}")
                out.append("\n>\n".join(f"> {paragraph}" for paragraph in paragraphs))
            case Figure():
                image = node.image
                text = f"![{_escape(image.alt or image.caption or '')}]({_url(image.url)})"
                caption = " ".join(filter(None, (image.caption, image.credit)))
                out.append(text + (f"\n\n*{_escape(caption)}*" if caption else ""))
            case Table():
                out.append(_table(node, language))
            case RelatedBox():
                head = f"**{_escape(node.label or label('read_also', language))}:**"
                bullet = "*" if variant else "-"
                links = [
                    f"{bullet} {_link(_escape(link.title), link.url, in_link=False)}" for link in node.links
                ]
                out.append("\n".join([head, *links]))
            case Embed():
                out.append(_link(_escape(node.title or node.provider or node.url), node.url, in_link=False))
            case Separator():
                out.append("---")
            case _:
                assert_never(node)
    return out


def _items(markers: list[str], items: tuple[tuple[Block, ...], ...], language: str | None, level: int) -> str:
    lines = []
    for marker, item in zip(markers, items, strict=True):
        # Continuation lines are indented to the item's content, so they stay inside it.
        text = "\n\n".join(blocks(item, language, level)).replace("\n", "\n" + " " * (len(marker) + 1))
        lines.append(f"{marker} {text}".rstrip(" "))
    return "\n".join(lines)


def _table(table: Table, language: str | None) -> str:
    rows = [[inlines(cell.children, language).replace("\n", " ") for cell in row] for row in table.rows]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    head = rows[0] if table.header_rows else [""] * width
    body = rows[1:] if table.header_rows else rows
    lines = [f"| {' | '.join(head)} |", f"|{'---|' * width}", *(f"| {' | '.join(row)} |" for row in body)]
    if table.caption:
        lines.insert(0, f"*{_escape(table.caption)}*\n")
    return "\n".join(lines)


def article(doc: Article, options: WriteOptions, level: int = 1) -> str:
    """One article as Markdown, its headline at heading ``level``."""
    parts = [f"{'#' * level} {_escape(doc.title)}"]
    if doc.subtitle:
        parts.append(f"*{_escape(doc.subtitle)}*")
    if doc.lead:
        parts.append(f"**{_escape(doc.lead)}**")
    if options.metadata:
        facts = [", ".join(person.name for person in doc.authors)]
        facts.append(doc.published.isoformat(timespec="minutes") if doc.published else "")
        facts.append(doc.source.name if doc.source else "")
        line = " · ".join(_escape(fact) for fact in facts if fact)
        if line:
            parts.append(line)
    parts.extend(blocks(doc.body, doc.language, level))
    if options.metadata and doc.translations:
        links = [f"[{t.language}]({_url(t.url)})" if t.url else t.language for t in doc.translations]
        parts.append(f"{label('translations', doc.language)}: {', '.join(links)}")
    return "\n\n".join(parts)


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """An article or edition as Markdown (UTF-8)."""
    options = options or WriteOptions()
    if isinstance(document, Edition):
        parts = [f"# {_escape(document.title)}"]
        for section in document.sections:
            if section.title:
                parts.append(f"## {_escape(section.title)}")
            level = 3 if section.title else 2
            parts.extend(article(doc, options, level) for doc in section.articles)
        text = "\n\n".join(parts)
    else:
        text = article(document, options)
    return (text + "\n").encode("utf-8")
