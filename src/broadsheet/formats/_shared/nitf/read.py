"""NITF 3.6 bodies (ours and other providers') into the model's blocks and inlines.

The reverse of :mod:`.write`: ``head/meta`` entries named ``bs:<id>:<key>``
restore what NITF has no attribute for. Other providers' NITF is read
leniently: semantic wrappers (``person``, ``org``, ``chron``…) keep their
text, ``block`` and ``note`` containers are read through. This module reads
the blocks; inlines are read by :mod:`.inline_read`, media by
:mod:`.media_read`, people by :mod:`.people`. NewsML-G2 hands it the ``<nitf>``
of its ``inlineXML``; ninjs its NITF body's text, through :func:`read_nitf`.
"""

from __future__ import annotations

import re

from lxml import etree

from broadsheet.errors import LimitError, ReadError, SchemaError, VersionError
from broadsheet.formats._shared import parsers
from broadsheet.formats._shared.nitf.inline_read import BLOCK_NAMES, NitfInlines
from broadsheet.formats._shared.nitf.media_read import positive_int, read_image, read_media
from broadsheet.formats._shared.nitf.metas import MetaEntries
from broadsheet.formats._shared.nitf.names import ARTICLE_IMAGE, XML_LANG
from broadsheet.formats._shared.nitf.people import credited_speaker, read_person
from broadsheet.formats._shared.nitf.runs import line_inlines, texts
from broadsheet.formats._shared.xml import build, collapse, lines_of, local_name, text_of
from broadsheet.model import (
    Block,
    BulletList,
    Heading,
    Image,
    Inline,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Table,
    TableCell,
)
from broadsheet.model.canonical import block_children

_LEVEL = re.compile(r"\blevel-([1-6])\b")
_START = re.compile(r"\bstart-(-?\d+)\b")


def read_nitf(data: bytes, *, where: str) -> NitfBody:
    """Parse untrusted NITF bytes and read them; ``where`` (a JSON path) locates the document in messages.

    A document that is not ``<nitf>`` (a bare ``body.content``, a fragment) is
    read as body content. Malformed input and values the model refuses are a
    :class:`SchemaError` at ``where`` naming the element and line; too large or
    too deep input a :class:`LimitError`.
    """
    try:
        root = parsers.parse_xml(data, what="NITF", where=where, strip_comments=True)
        return NitfBody(root)
    except (LimitError, VersionError):
        raise
    except ReadError as error:
        place = f" ({error.where})" if error.where and error.where != where else ""
        raise SchemaError(f"{error.problem}{place}", where=where) from None


class NitfBody:
    """What an NITF document holds for an article: headline parts, images, body."""

    def __init__(self, nitf: etree._Element) -> None:
        self._metas = MetaEntries(nitf)
        self._inline = NitfInlines(self._metas)
        body = nitf.find("{*}body")
        head = body.find("{*}body.head") if body is not None else None
        content = body.find("{*}body.content") if body is not None else None
        if body is None and local_name(nitf) != "nitf":
            # Not a whole document: its body.content, else the fragment itself, is the body.
            content = next(nitf.iter("{*}body.content"), nitf)
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
            self.images = tuple(read_image(m) for m in images)
            self.blocks = self._blocks(content, skip=images)

    def _blocks(self, parent: etree._Element, skip: list[etree._Element] | None = None) -> tuple[Block, ...]:
        out: list[Block] = []
        loose: list[Inline] = []
        if collapse(parent.text):
            loose.extend(texts(parent.text))
        for child in parent:
            if skip and child in skip:
                continue
            if not isinstance(child.tag, str):
                pass
            elif local_name(child) in BLOCK_NAMES:
                self._flush(loose, out)
                out.extend(self._block(child))
            else:
                loose.extend(self._inline.inline(child))
            if collapse(child.tail):
                loose.extend(texts(child.tail))
        self._flush(loose, out)
        return tuple(out)

    def _flush(self, loose: list[Inline], out: list[Block]) -> None:
        if loose:
            children = block_children(loose)
            if children:
                out.append(Paragraph(children=children))
            loose.clear()

    def _block(self, element: etree._Element) -> tuple[Block, ...]:
        name = local_name(element)
        css = (element.get("class") or "").split()
        if name == "p":
            return (Paragraph(children=self._inline.inlines(element)),)
        if name in ("hl1", "hl2"):
            # Our writer says the level in a class; other providers' hl2 is a subheading.
            level = _LEVEL.search(element.get("class") or "")
            default = 1 if name == "hl1" else 2
            return (
                Heading(
                    level=int(level.group(1)) if level else default, children=self._inline.inlines(element)
                ),
            )
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
            return (read_media(element),)
        if name in ("table", "nitf-table"):
            return (self._table(element),)
        if name == "note" and "related" in css:
            return (self._related_box(element),)
        if name in ("note", "block", "fn"):
            inner = element.find("{*}body.content")
            return self._blocks(inner if inner is not None else element)
        if name == "pre":
            text = "".join(element.itertext())
            return (Paragraph(children=line_inlines(text)),) if text.strip() else ()
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
        speaker = credited_speaker(credit) if credit is not None else None
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
                    children=block_children(self._inline.content(cell)),
                    header=local_name(cell) == "th",
                    colspan=positive_int(cell.get("colspan"), 1),
                    rowspan=positive_int(cell.get("rowspan"), 1),
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
            return Paragraph(children=texts(text_of(note) or ""))
        return build(RelatedBox, note, links=links, label=label)


def _quote_paragraphs(block: etree._Element) -> list[etree._Element]:
    paragraphs = block.findall(".//{*}p")
    return paragraphs or [block]


def _related_link(li: etree._Element) -> RelatedLink | None:
    anchor = next((a for a in li.iter("{*}a") if a.find("{*}person") is None), None)
    title = text_of(anchor) if anchor is not None else text_of(li)
    if not title:
        return None
    authors = [p for p in (read_person(e) for e in li.iter("{*}person")) if p is not None]
    relation = next((r for r in Relation if r.value in (li.get("class") or "").split()), Relation.READ_ALSO)
    url = anchor.get("href") if anchor is not None else None
    return build(RelatedLink, li, title=title, url=url, authors=authors, relation=relation)
