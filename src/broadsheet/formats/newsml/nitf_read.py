"""NITF 3.6 bodies (ours and other providers') into the model's blocks and inlines.

The reverse of ``nitf_write``: ``head/meta`` entries named ``bs:<id>:<key>``
restore what NITF has no attribute for. Other providers' NITF is read
leniently: semantic wrappers (``person``, ``org``, ``chron``…) keep their
text, ``block`` and ``note`` containers are read through.
"""

from __future__ import annotations

import re

from lxml import etree

from broadsheet.formats._shared.xml import local_name
from broadsheet.formats.newsml.catalog import ARTICLE_IMAGE, META_PREFIX, XML_LANG
from broadsheet.formats.newsml.xmltext import build, collapse, lines_of, text_of
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
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
)

_BLOCKS = frozenset(
    {
        "p",
        "hl1",
        "hl2",
        "ul",
        "ol",
        "dl",
        "bq",
        "media",
        "table",
        "nitf-table",
        "note",
        "block",
        "fn",
        "pre",
        "hr",
    }
)
_LEVEL = re.compile(r"\blevel-([1-6])\b")
_START = re.compile(r"\bstart-(-?\d+)\b")


class _Metas:
    """The ``bs:<id>:<key>`` entries of ``nitf/head/meta``."""

    def __init__(self, nitf: etree._Element) -> None:
        self.values: dict[str, str] = {}
        for meta in nitf.iter("{*}meta"):
            name = meta.get("name") or ""
            if name.startswith(META_PREFIX):
                self.values[name[len(META_PREFIX) :]] = meta.get("content") or ""

    def get(self, element: etree._Element, key: str) -> str | None:
        element_id = element.get("id")
        return None if element_id is None else self.values.get(f"{element_id}:{key}")

    def people(self, element: etree._Element, prefix: str) -> tuple[Person, ...]:
        out = []
        index = 0
        while (name := self.get(element, f"{prefix}.{index}.name")) is not None:
            role = self.get(element, f"{prefix}.{index}.role")
            url = self.get(element, f"{prefix}.{index}.url")
            out.append(build(Person, element, name=name, role=role, url=url))
            index += 1
        return tuple(out)


class NitfBody:
    """What an NITF document holds for an article: headline parts, images, body."""

    def __init__(self, nitf: etree._Element) -> None:
        self._metas = _Metas(nitf)
        body = nitf.find("{*}body")
        head = body.find("{*}body.head") if body is not None else None
        content = body.find("{*}body.content") if body is not None else None
        self.title = text_of(head.find("{*}hedline/{*}hl1")) if head is not None else None
        self.subtitle = text_of(head.find("{*}hedline/{*}hl2")) if head is not None else None
        self.abstract = lines_of(head.find("{*}abstract")) if head is not None else None
        self.dateline = text_of(head.find("{*}dateline")) if head is not None else None
        self.byline = head.find("{*}byline") if head is not None else None
        self.images: tuple[Image, ...] = ()
        self.blocks: tuple[Block, ...] = ()
        if content is not None:
            images = [
                m for m in content.findall("{*}media") if ARTICLE_IMAGE in (m.get("class") or "").split()
            ]
            self.images = tuple(_image(m) for m in images)
            self.blocks = self._blocks(content, skip=images)

    def _blocks(self, parent: etree._Element, skip: list[etree._Element] | None = None) -> tuple[Block, ...]:
        out: list[Block] = []
        loose: list[Inline] = []
        if collapse(parent.text):
            loose.extend(_texts(parent.text))
        for child in parent:
            if skip and child in skip:
                continue
            if not isinstance(child.tag, str):
                pass
            elif local_name(child) in _BLOCKS:
                self._flush(loose, out)
                out.extend(self._block(child))
            else:
                loose.extend(self._inline(child))
            if collapse(child.tail):
                loose.extend(_texts(child.tail))
        self._flush(loose, out)
        return tuple(out)

    def _flush(self, loose: list[Inline], out: list[Block]) -> None:
        if loose:
            children = _tidy(loose)
            if children:
                out.append(Paragraph(children=children))
            loose.clear()

    def _block(self, element: etree._Element) -> tuple[Block, ...]:
        name = local_name(element)
        css = (element.get("class") or "").split()
        if name == "p":
            return (Paragraph(children=self._inlines(element)),)
        if name in ("hl1", "hl2"):
            level = _LEVEL.search(element.get("class") or "")
            return (Heading(level=int(level.group(1)) if level else 1, children=self._inlines(element)),)
        if name == "ul":
            return (BulletList(items=self._items(element, "li")),)
        if name == "ol":
            start = _START.search(element.get("class") or "")
            return (OrderedList(items=self._items(element, "li"), start=int(start.group(1)) if start else 1),)
        if name == "dl":
            return (BulletList(items=self._items(element, "dt", "dd")),)
        if name == "bq":
            return self._block_quote(element)
        if name == "media":
            return (_media(element),)
        if name in ("table", "nitf-table"):
            return (self._table(element),)
        if name == "note" and "related" in css:
            return (self._related_box(element),)
        if name in ("note", "block", "fn"):
            inner = element.find("{*}body.content")
            return self._blocks(inner if inner is not None else element)
        if name == "pre":
            text = "".join(element.itertext())
            return (Paragraph(children=_line_inlines(text)),) if text.strip() else ()
        if name == "hr":
            return (Separator(),)
        return self._blocks(element)

    def _items(self, element: etree._Element, *names: str) -> tuple[tuple[Block, ...], ...]:
        return tuple(
            self._blocks(item) for item in element if isinstance(item.tag, str) and local_name(item) in names
        )

    def _block_quote(self, bq: etree._Element) -> tuple[Block, ...]:
        lines = [text_of(p) for block in bq.findall("{*}block") for p in _quote_paragraphs(block)]
        text = "\n".join(line for line in lines if line)
        if not text:
            return ()
        credit = bq.find("{*}credit")
        speaker = _speaker(credit) if credit is not None else None
        if speaker is None and collapse(bq.get("quote-source")):
            speaker = build(Person, bq, name=bq.get("quote-source"))
        quote = build(
            Quote, bq, text=text, speaker=speaker, cite=self._metas.get(bq, "cite"), language=bq.get(XML_LANG)
        )
        return (QuoteBlock(quote=quote),)

    def _table(self, table: etree._Element) -> Table:
        head = [tr for group in table.findall("{*}thead") for tr in group.findall("{*}tr")]
        body = [tr for tr in table.iter("{*}tr") if tr not in head]
        rows = tuple(self._row(tr) for tr in head + body)
        caption = text_of(table.find("{*}caption"))
        return build(Table, table, rows=rows, header_rows=len(head), caption=caption)

    def _row(self, tr: etree._Element) -> tuple[TableCell, ...]:
        cells = []
        for cell in tr:
            if not isinstance(cell.tag, str) or local_name(cell) not in ("td", "th"):
                continue
            cells.append(
                build(
                    TableCell,
                    cell,
                    children=_tidy(self._inline_content(cell)),
                    header=local_name(cell) == "th",
                    colspan=_int(cell.get("colspan"), 1),
                    rowspan=_int(cell.get("rowspan"), 1),
                )
            )
        return tuple(cells)

    def _related_box(self, note: etree._Element) -> RelatedBox | Paragraph:
        label = None
        links = []
        for element in note.iter("{*}p", "{*}li"):
            if local_name(element) == "p" and "label" in (element.get("class") or "").split():
                label = text_of(element)
            elif local_name(element) == "li":
                link = _related_link(element)
                if link is not None:
                    links.append(link)
        if not links:
            return Paragraph(children=_texts(text_of(note) or ""))
        return build(RelatedBox, note, links=links, label=label)

    def _inlines(self, element: etree._Element) -> tuple[Inline, ...]:
        return _tidy(self._inline_content(element))

    def _inline_content(self, element: etree._Element) -> list[Inline]:
        out: list[Inline] = []
        if element.text:
            out.extend(_texts(element.text))
        for child in element:
            if isinstance(child.tag, str):
                out.extend(self._inline(child))
            if child.tail:
                out.extend(_texts(child.tail))
        return out

    def _inline(self, element: etree._Element) -> list[Inline]:
        name = local_name(element)
        css = (element.get("class") or "").split()
        if name == "br":
            return [LineBreak()]
        if name == "em":
            children = self._inline_content(element)
            return [
                Strong(children=_merge(children)) if "strong" in css else Emphasis(children=_merge(children))
            ]
        if name == "a" and "mention" in css:
            return [self._mention(element)]
        if name == "a" and collapse(element.get("href")):
            return [
                build(
                    Link,
                    element,
                    url=element.get("href"),
                    children=_merge(self._inline_content(element)),
                    title=element.get("title"),
                )
            ]
        if name == "q":
            return self._inline_quote(element)
        if name in _BLOCKS:
            return [Text(text=" "), *_texts(text_of(element) or ""), Text(text=" ")]
        return self._inline_content(element)

    def _mention(self, anchor: etree._Element) -> Mention:
        children = _merge(self._inline_content(anchor))
        title = self._metas.get(anchor, "title") or text_of(anchor) or anchor.get("href") or "?"
        relation = self._metas.get(anchor, "relation") or Relation.MENTIONED.value
        if relation not in {r.value for r in Relation}:
            relation = Relation.MENTIONED.value
        link = build(
            RelatedLink,
            anchor,
            title=title,
            url=anchor.get("href"),
            authors=self._metas.people(anchor, "author"),
            relation=Relation(relation),
        )
        return Mention(link=link, children=children)

    def _inline_quote(self, element: etree._Element) -> list[Inline]:
        text = lines_of(element)
        if text is None:
            return []
        source = collapse(element.get("quote-source"))
        speaker = None
        if source:
            speaker = build(
                Person,
                element,
                name=source,
                role=self._metas.get(element, "speaker-role"),
                url=self._metas.get(element, "speaker-url"),
            )
        quote = build(
            Quote,
            element,
            text=text,
            speaker=speaker,
            cite=self._metas.get(element, "cite"),
            language=element.get(XML_LANG),
        )
        return [InlineQuote(quote=quote)]


def _quote_paragraphs(block: etree._Element) -> list[etree._Element]:
    paragraphs = block.findall(".//{*}p")
    return paragraphs or [block]


def _speaker(credit: etree._Element) -> Person | None:
    person = credit.find(".//{*}person")
    if person is None:
        name = text_of(credit)
        return build(Person, credit, name=name) if name else None
    return _person(person)


def _person(person: etree._Element) -> Person | None:
    function = person.find("{*}function")
    role = text_of(function)
    parts = [person.text or ""]
    for child in person:
        if child is not function:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    name = collapse("".join(parts))
    if not name:
        return None
    parent = person.getparent()
    url = parent.get("href") if parent is not None and local_name(parent) == "a" else None
    return build(Person, person, name=name, role=role, url=url)


def _related_link(li: etree._Element) -> RelatedLink | None:
    anchor = next((a for a in li.iter("{*}a") if a.find("{*}person") is None), None)
    title = text_of(anchor) if anchor is not None else text_of(li)
    if not title:
        return None
    authors = [p for p in (_person(e) for e in li.iter("{*}person")) if p is not None]
    relation = next((r for r in Relation if r.value in (li.get("class") or "").split()), Relation.READ_ALSO)
    url = anchor.get("href") if anchor is not None else None
    return build(RelatedLink, li, title=title, url=url, authors=authors, relation=relation)


def _image(media: etree._Element) -> Image:
    reference = media.find("{*}media-reference")
    source = reference.get("source") if reference is not None else None
    return build(
        Image,
        media,
        url=source or "",
        alt=reference.get("alternate-text") if reference is not None else None,
        caption=lines_of(media.find("{*}media-caption")),
        credit=text_of(media.find("{*}media-producer")),
        width=_int(reference.get("width") if reference is not None else None, None),
        height=_int(reference.get("height") if reference is not None else None, None),
        media_type=reference.get("mime-type") if reference is not None else None,
    )


def _media(media: etree._Element) -> Block:
    kind = (media.get("media-type") or "").lower()
    if "embed" in (media.get("class") or "").split() or kind not in ("image", ""):
        reference = media.find("{*}media-reference")
        source = reference.get("source") if reference is not None else None
        return build(
            Embed,
            media,
            url=source or "",
            title=text_of(media.find("{*}media-caption")),
            provider=text_of(media.find("{*}media-producer")),
        )
    return Figure(image=_image(media))


def _int(value: str | None, default: int | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return default
    number = int(value)
    return number if number > 0 else default


def _texts(text: str | None) -> list[Inline]:
    return [Text(text=text)] if text else []


def _line_inlines(text: str) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for index, line in enumerate(text.strip("\n").split("\n")):
        if index:
            out.append(LineBreak())
        out.extend(_texts(line))
    return _tidy(out)


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring texts and drop empty ones."""
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(text=merged[-1].text + node.text)
            elif node.text:
                merged.append(node)
        else:
            merged.append(node)
    return tuple(node for node in merged if not (isinstance(node, Text) and not node.text))


def _tidy(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring texts, drop empty ones, and strip the block's outer whitespace."""
    merged = list(_merge(inlines))
    if merged and isinstance(merged[0], Text):
        merged[0] = Text(text=merged[0].text.lstrip(" "))
    if merged and isinstance(merged[-1], Text):
        merged[-1] = Text(text=merged[-1].text.rstrip(" "))
    return tuple(node for node in merged if not (isinstance(node, Text) and not node.text))
