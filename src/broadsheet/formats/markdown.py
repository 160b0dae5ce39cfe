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


_ESCAPE = re.compile(r"([\\`*_\[\]<>#|])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)", re.MULTILINE)


def _escape(text: str) -> str:
    return _LINE_START.sub(r"\1\\\2\3", _ESCAPE.sub(r"\\\1", text))


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def inlines(nodes: tuple[Inline, ...], language: str | None) -> str:
    """Inline content as Markdown."""
    out: list[str] = []
    for node in nodes:
        match node:
            case Text():
                out.append(_escape(node.text))
            case Emphasis():
                out.append(f"*{inlines(node.children, language)}*")
            case Strong():
                out.append(f"**{inlines(node.children, language)}**")
            case Link():
                out.append(f"[{inlines(node.children, language)}]({_url(node.url)})")
            case InlineQuote():
                opening, closing = quote_marks(node.quote.language or language)
                out.append(f"{opening}{_escape(node.quote.text)}{closing}")
            case Mention():
                text = inlines(node.children, language)
                out.append(f"[{text}]({_url(node.link.url)})" if node.link.url else text)
            case LineBreak():
                out.append("\\\n")
            case _:
                assert_never(node)
    return "".join(out)


def blocks(nodes: tuple[Block, ...], language: str | None) -> list[str]:
    """Body blocks as Markdown chunks, one per block."""
    out: list[str] = []
    for node in nodes:
        match node:
            case Paragraph():
                out.append(inlines(node.children, language))
            case Heading():
                out.append(f"{'#' * min(node.level + 1, 6)} {inlines(node.children, language)}")
            case BulletList() | OrderedList():
                items = []
                for number, item in enumerate(node.items):
                    marker = f"{node.start + number}." if isinstance(node, OrderedList) else "-"
                    text = "\n\n".join(blocks(item, language)).replace("\n", "\n" + " " * (len(marker) + 1))
                    items.append(f"{marker} {text}")
                out.append("\n".join(items))
            case QuoteBlock():
                opening, closing = quote_marks(node.quote.language or language)
                lines = [f"> {_escape(line)}" for line in node.quote.text.split("\n")]
                lines[0] = f"> {opening}{lines[0][2:]}"
                lines[-1] += closing
                if node.quote.speaker:
                    lines.append(f">\n> — {_escape(node.quote.speaker.name)}")
                out.append("\n".join(lines))
            case Figure():
                image = node.image
                text = f"![{_escape(image.alt or image.caption or '')}]({_url(image.url)})"
                caption = " ".join(filter(None, (image.caption, image.credit)))
                out.append(text + (f"\n\n*{_escape(caption)}*" if caption else ""))
            case Table():
                out.append(_table(node, language))
            case RelatedBox():
                head = f"**{_escape(node.label or label('read_also', language))}:**"
                links = [
                    f"- [{_escape(link.title)}]({_url(link.url)})" if link.url else f"- {_escape(link.title)}"
                    for link in node.links
                ]
                out.append("\n".join([head, *links]))
            case Embed():
                out.append(f"[{_escape(node.title or node.provider or node.url)}]({_url(node.url)})")
            case Separator():
                out.append("---")
            case _:
                assert_never(node)
    return out


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
    parts.extend(blocks(doc.body, doc.language))
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
