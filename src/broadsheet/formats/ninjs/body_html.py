"""Writing an article body as the HTML fragment of a ninjs ``bodies`` entry.

The fragment is also well-formed XML (void elements closed, every attribute
quoted), so broadsheet's reader parses its own output exactly. Quote speakers,
mention targets and related-link authors travel as ``data-*`` attributes; the
visible markup (``<q>``, ``<blockquote>`` with a ``<footer><cite>``,
``<aside>``, ``<figure>``) reads well in any HTML consumer. Everything is
escaped; the writer emits only the elements listed here, never a script.
"""

from __future__ import annotations

import json
from html import escape
from typing import assert_never

from broadsheet.formats.ninjs import vocabulary as v
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
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
)


def body_html(blocks: tuple[Block, ...]) -> str:
    """The HTML fragment for ``blocks``, one top-level element per line."""
    return "\n".join(_block(block) for block in blocks)


def _attrs(*pairs: tuple[str, str | int | None]) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in pairs if value is not None)


def _text(value: str) -> str:
    return escape(value, quote=False)


def _lines(value: str) -> str:
    return "<br/>".join(_text(line) for line in value.split("\n"))


def _block(node: Block) -> str:
    match node:
        case Paragraph(children=children):
            return f"<p>{inlines(children)}</p>"
        case Heading(level=level, children=children):
            return f"<h{level}>{inlines(children)}</h{level}>"
        case BulletList(items=items):
            return "<ul>" + "".join(_item(item) for item in items) + "</ul>"
        case OrderedList(items=items, start=start):
            return (
                f"<ol{_attrs(('start', None if start == 1 else start))}>"
                + "".join(_item(item) for item in items)
                + "</ol>"
            )
        case QuoteBlock(quote=quote):
            paragraphs = "".join(f"<p>{_text(line)}</p>" for line in quote.text.split("\n"))
            return f"<blockquote{_quote_attrs(quote)}>{paragraphs}{_footer(quote.speaker)}</blockquote>"
        case Figure(image=image):
            img = (
                f"<img{_attrs(('src', image.url), ('alt', image.alt or ''), ('width', image.width))}"
                f"{_attrs(('height', image.height), (v.MEDIA_TYPE, image.media_type))}/>"
            )
            parts = []
            if image.caption is not None:
                parts.append(f'<span class="{v.CAPTION_CLASS}">{_lines(image.caption)}</span>')
            if image.credit is not None:
                parts.append(f'<span class="{v.CREDIT_CLASS}">{_text(image.credit)}</span>')
            caption = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
            return f"<figure>{img}{caption}</figure>"
        case Table():
            return _table(node)
        case RelatedBox(links=links, label=label):
            head = f'<p class="{v.RELATED_LABEL_CLASS}">{_text(label)}</p>' if label is not None else ""
            entries = "".join(_related_item(link) for link in links)
            return f'<aside class="{v.RELATED_CLASS}">{head}<ul>{entries}</ul></aside>'
        case Embed(url=url, title=title, provider=provider):
            link = f"<a{_attrs(('href', url), ('title', title))}>{_text(title or url)}</a>"
            return f'<figure class="{v.EMBED_CLASS}"{_attrs((v.PROVIDER, provider))}>{link}</figure>'
        case Separator():
            return "<hr/>"
        case _:
            assert_never(node)


def _item(blocks: tuple[Block, ...]) -> str:
    return "<li>" + "".join(_block(block) for block in blocks) + "</li>"


def _quote_attrs(quote: Quote) -> str:
    speaker = quote.speaker
    return _attrs(
        ("cite", quote.cite),
        ("lang", quote.language),
        (v.SPEAKER, speaker.name if speaker else None),
        (v.SPEAKER_ROLE, speaker.role if speaker else None),
        (v.SPEAKER_URL, speaker.url if speaker else None),
    )


def _footer(speaker: Person | None) -> str:
    if speaker is None:
        return ""
    role = f", {_text(speaker.role)}" if speaker.role else ""
    return f"<footer>— <cite>{_text(speaker.name)}</cite>{role}</footer>"


def _cell(cell: TableCell) -> str:
    tag = "th" if cell.header else "td"
    spans = _attrs(
        ("colspan", None if cell.colspan == 1 else cell.colspan),
        ("rowspan", None if cell.rowspan == 1 else cell.rowspan),
    )
    return f"<{tag}{spans}>{inlines(cell.children)}</{tag}>"


def _table(table: Table) -> str:
    def rows(selected: tuple[tuple[TableCell, ...], ...]) -> str:
        """The ``tr`` elements of some rows."""
        return "".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in selected)

    caption = f"<caption>{_text(table.caption)}</caption>" if table.caption is not None else ""
    head = f"<thead>{rows(table.rows[: table.header_rows])}</thead>" if table.header_rows else ""
    body_rows = table.rows[table.header_rows :]
    body = f"<tbody>{rows(body_rows)}</tbody>" if body_rows else ""
    return f"<table>{caption}{head}{body}</table>"


def _author_span(person: Person) -> str:
    attributes = _attrs(("class", v.AUTHOR_CLASS), (v.ROLE, person.role), (v.URL, person.url))
    return f"<span{attributes}>{_text(person.name)}</span>"


def _related_item(link: RelatedLink) -> str:
    title = _text(link.title)
    target = (
        f"<a{_attrs(('href', link.url))}>{title}</a>" if link.url is not None else f"<cite>{title}</cite>"
    )
    authors = ", ".join(_author_span(person) for person in link.authors)
    byline = f" — {authors}" if authors else ""
    return f"<li{_attrs((v.RELATION, link.relation.value))}>{target}{byline}</li>"


def _authors_json(people: tuple[Person, ...]) -> str:
    """People as compact JSON for a ``data-authors`` attribute (name, role, url; absent keys left out)."""
    records = [
        {
            key: value
            for key, value in (("name", p.name), ("role", p.role), ("url", p.url))
            if value is not None
        }
        for p in people
    ]
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


def inlines(nodes: tuple[Inline, ...]) -> str:
    """The HTML for a run of inline nodes."""
    return "".join(_inline(node) for node in nodes)


def _inline(node: Inline) -> str:
    match node:
        case Text(text=text):
            return _text(text)
        case Emphasis(children=children):
            return f"<em>{inlines(children)}</em>"
        case Strong(children=children):
            return f"<strong>{inlines(children)}</strong>"
        case Link(url=url, children=children, title=title):
            return f"<a{_attrs(('href', url), ('title', title))}>{inlines(children)}</a>"
        case InlineQuote(quote=quote):
            return f"<q{_quote_attrs(quote)}>{_lines(quote.text)}</q>"
        case Mention(link=link, children=children):
            attributes = _attrs(
                ("class", v.MENTION_CLASS),
                (v.TITLE, link.title),
                (v.URL, link.url),
                (v.RELATION, link.relation.value),
                (v.AUTHORS, _authors_json(link.authors) if link.authors else None),
            )
            return f"<cite{attributes}>{inlines(children)}</cite>"
        case LineBreak():
            return "<br/>"
        case _:
            assert_never(node)
