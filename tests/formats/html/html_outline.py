"""The compact text the fixture cases expect: a body as one line per block, metadata as ``field: value``.

Body blocks read ``P: text``, ``H2: text``, ``LIST: a | b``, ``OLIST(start=3): a | b``,
``QUOTE(speaker=…): text``, ``FIGURE: url | caption=… | credit=…``,
``TABLE(header_rows=1): a ; b / c ; d``, ``RELATED(label): title -> url | …``,
``EMBED(provider): url | title=… | text=…`` and ``SEPARATOR``; then ``lead:``, ``authors:`` and
``images:`` lines when the body has them. Inline markup is kept: ``*emphasis*``,
``**strong**``, ``[text](url)``, ``<br>``, ``{q: words | cite=…}`` and
``{mention: words -> title}``. Every field that differs from its default is
written, so the outline is the whole extraction, not a sample of it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, assert_never

import attrs

from broadsheet.formats.html.body import Body
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
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


def value(item: Any) -> str:
    """One field's value on one line: tuples joined by `` | ``, attrs objects as their set fields."""
    match item:
        case None:
            return "None"
        case bool():
            return "true" if item else "false"
        case str():
            return item.replace("\n", "\\n")
        case dt.datetime() | dt.date():
            return item.isoformat()
        case enum.Enum():
            return str(item.value)
        case tuple() | list():
            return " | ".join(value(member) for member in item)
        case _ if attrs.has(type(item)):
            # The first field names the thing (a person's name, an image's URL); the rest follow when set.
            first = attrs.fields(type(item))[0].name
            rest = [f"{name}={value(v)}" for name, v in _set_fields(item) if name != first]
            return value(getattr(item, first)) + (f" ({', '.join(rest)})" if rest else "")
        case _:
            return str(item)


def _set_fields(item: Any) -> list[tuple[str, Any]]:
    fields = []
    for field in attrs.fields(type(item)):
        current = getattr(item, field.name)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        if default is attrs.NOTHING or current != default:
            fields.append((field.name, current))
    return fields


def inlines(children: Iterable[Inline]) -> str:
    """Inline content with its markup written the way the module docstring says."""
    out = []
    for node in children:
        match node:
            case Text(text=text):
                out.append(text.replace("\n", "\\n"))
            case Emphasis(children=inner):
                out.append(f"*{inlines(inner)}*")
            case Strong(children=inner):
                out.append(f"**{inlines(inner)}**")
            case Link(url=url, children=inner, title=title):
                out.append(f"[{inlines(inner)}]({url}{'' if title is None else f' {title!r}'})")
            case InlineQuote(quote=quote):
                out.append("{q: " + _quote(quote) + "}")
            case Mention(link=link, children=inner):
                out.append("{mention: " + inlines(inner) + " -> " + _related(link) + "}")
            case LineBreak():
                out.append("<br>")
            case _:
                assert_never(node)
    return "".join(out)


def _quote(quote: Quote) -> str:
    extra = [f"{name}={value(v)}" for name, v in _set_fields(quote) if name != "text"]
    return " | ".join([value(quote.text), *extra])


def _related(link: RelatedLink) -> str:
    extra = [f"{name}={value(v)}" for name, v in _set_fields(link) if name not in ("title", "url")]
    return " ".join([f"{link.title} -> {link.url}", *(f"({e})" for e in extra)])


def _image(image: Image) -> str:
    extra = [f"{name}={value(v)}" for name, v in _set_fields(image) if name != "url"]
    return " | ".join([image.url, *extra])


def _item(blocks: tuple[Block, ...]) -> str:
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        return inlines(blocks[0].children)
    return "[" + "; ".join(block(b) for b in blocks) + "]"


def block(node: Block) -> str:
    """One block as one line."""
    match node:
        case Paragraph(children=children):
            return f"P: {inlines(children)}"
        case Heading(level=level, children=children):
            return f"H{level}: {inlines(children)}"
        case BulletList(items=items):
            return "LIST: " + " | ".join(_item(item) for item in items)
        case OrderedList(items=items, start=start):
            return f"OLIST(start={start}): " + " | ".join(_item(item) for item in items)
        case QuoteBlock(quote=quote):
            extra = [f"{name}={value(v)}" for name, v in _set_fields(quote) if name != "text"]
            return f"QUOTE({', '.join(extra)}): {value(quote.text)}" if extra else f"QUOTE: {quote.text}"
        case Figure(image=image):
            return f"FIGURE: {_image(image)}"
        case Table(rows=rows, header_rows=header_rows, caption=caption):
            cells = " / ".join(
                " ; ".join(
                    ("th:" if cell.header else "")
                    + inlines(cell.children)
                    + (f" (colspan={cell.colspan})" if cell.colspan != 1 else "")
                    + (f" (rowspan={cell.rowspan})" if cell.rowspan != 1 else "")
                    for cell in row
                )
                for row in rows
            )
            head = f"header_rows={header_rows}" + ("" if caption is None else f", caption={caption}")
            return f"TABLE({head}): {cells}"
        case RelatedBox(links=links, label=label):
            return f"RELATED({value(label)}): " + " | ".join(_related(link) for link in links)
        case Embed(url=url, title=title, provider=provider, text=text):
            return (
                f"EMBED({value(provider)}): {url}"
                + ("" if title is None else f" | title={title}")
                + ("" if text is None else f" | text={value(text)}")
            )
        case Separator():
            return "SEPARATOR"
        case _:
            assert_never(node)


def body(found: Body) -> str:
    """A body extraction, one line per block, then its lead, bylines and images."""
    lines = [block(b) for b in found.blocks]
    if found.lead is not None:
        lines.append(f"lead: {value(found.lead)}")
    if found.authors:
        lines.append(f"authors: {value(found.authors)}")
    if found.images:
        lines.append("images: " + " || ".join(_image(image) for image in found.images))
    return "\n".join(lines)


def fields(found: object, expected: str) -> str:
    """``field: value`` lines of ``found`` for the fields ``expected`` names, in its order."""
    lines = []
    for line in expected.splitlines():
        name = line.partition(":")[0].strip()
        lines.append(f"{name}: {value(getattr(found, name))}".rstrip())
    return "\n".join(lines)
