"""The article body as NITF 3.6, for ``inlineXML contenttype="application/nitf+xml"``.

NITF elements carry what they can natively (``q``/``bq`` with ``quote-source``
and ``credit``, ``media`` with its reference, caption and producer, tables
with spans). What NITF has no attribute for (a quoted speaker's role and URL,
a quote's cite URL, the article a mention names) goes into ``head/meta``
entries keyed by the element's ``id``: ``name="bs:q-3:cite"``.

An ``<a>`` never holds another ``<a>`` (no reader knows where the inner link
leads): a link or mention inside a link is written as ``<lang class="link">``
or ``<lang class="mention">``, NITF's neutral inline container, its target in
``meta`` entries, so other readers see its words and ours the whole node.
"""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from broadsheet.formats._shared.links import safe_href
from broadsheet.formats._shared.nitf.names import (
    ARTICLE_IMAGE,
    EMBED_TEXT_ENCODING,
    META_PREFIX,
    NITF,
    XML_LANG,
    n,
)
from broadsheet.model import (
    Article,
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
    Separator,
    Strong,
    Table,
    Text,
)


class _Body:
    """The NITF being built: element ids and the ``meta`` entries keyed by them."""

    def __init__(self, id_prefix: str) -> None:
        self.id_prefix = id_prefix
        self.count = 0
        self.metas: list[tuple[str, str]] = []

    def new_id(self, kind: str) -> str:
        self.count += 1
        return f"{self.id_prefix}{kind}-{self.count}"

    def meta(self, element_id: str, key: str, value: str | None) -> None:
        if value is not None:
            self.metas.append((f"{META_PREFIX}{element_id}:{key}", value))

    def people(self, element_id: str, prefix: str, people: tuple[Person, ...]) -> None:
        for index, person in enumerate(people):
            self.meta(element_id, f"{prefix}.{index}.name", person.name)
            self.meta(element_id, f"{prefix}.{index}.role", person.role)
            self.meta(element_id, f"{prefix}.{index}.url", person.url)


def nitf(article: Article, id_prefix: str) -> etree._Element:
    """The ``<nitf>`` element for ``article``'s title, images and body."""
    body = _Body(id_prefix)
    root = etree.Element(n("nitf"), nsmap={None: NITF})
    head = etree.SubElement(root, n("head"))
    nbody = etree.SubElement(root, n("body"))
    hedline = etree.SubElement(etree.SubElement(nbody, n("body.head")), n("hedline"))
    etree.SubElement(hedline, n("hl1")).text = article.title
    if article.subtitle is not None:
        etree.SubElement(hedline, n("hl2")).text = article.subtitle
    content = etree.SubElement(nbody, n("body.content"))
    for image in article.images:
        _media_image(content, image, ARTICLE_IMAGE)
    _blocks(content, article.body, body)
    if body.metas:
        for name, value in body.metas:
            etree.SubElement(head, n("meta"), name=name, content=value)
    else:
        root.remove(head)
    return root


def _blocks(parent: etree._Element, blocks: tuple[Block, ...], body: _Body) -> None:
    for block in blocks:
        _block(parent, block, body)


def _block(parent: etree._Element, block: Block, body: _Body) -> None:
    match block:
        case Paragraph():
            _inlines(etree.SubElement(parent, n("p")), block.children, body)
        case Heading():
            _inlines(
                etree.SubElement(parent, n("hl2"), {"class": f"level-{block.level}"}), block.children, body
            )
        case BulletList():
            _list_items(etree.SubElement(parent, n("ul")), block.items, body)
        case OrderedList():
            attributes = {"class": f"start-{block.start}"} if block.start != 1 else {}
            _list_items(etree.SubElement(parent, n("ol"), attributes), block.items, body)
        case QuoteBlock():
            _block_quote(parent, block.quote, body)
        case Figure():
            _media_image(parent, block.image, None)
        case Table():
            _table(parent, block, body)
        case RelatedBox():
            _related_box(parent, block)
        case Embed():
            media = etree.SubElement(parent, n("media"), {"class": "embed", "media-type": "other"})
            etree.SubElement(media, n("media-reference"), source=block.url)
            if block.text is not None:
                # The post's words are the media's own content: NITF's inline media data, as text.
                etree.SubElement(media, n("media-object"), encoding=EMBED_TEXT_ENCODING).text = block.text
            if block.title is not None:
                etree.SubElement(media, n("media-caption")).text = block.title
            if block.provider is not None:
                etree.SubElement(media, n("media-producer")).text = block.provider
        case Separator():
            etree.SubElement(parent, n("hr"))
        case _:
            assert_never(block)


def _list_items(parent: etree._Element, items: tuple[tuple[Block, ...], ...], body: _Body) -> None:
    for item in items:
        _blocks(etree.SubElement(parent, n("li")), item, body)


def _lines(parent: etree._Element, text: str) -> None:
    # Several-line values keep their line breaks as <br/>, so a reader can
    # collapse the layout whitespace of pretty-printed XML safely.
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(parent, n("br"))
        _append_text(parent, line)


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _quote_attributes(quote: Quote) -> dict[str, str]:
    attributes = {}
    if quote.language is not None:
        attributes[XML_LANG] = quote.language
    if quote.speaker is not None:
        attributes["quote-source"] = quote.speaker.name
    return attributes


def _block_quote(parent: etree._Element, quote: Quote, body: _Body) -> None:
    bq = etree.SubElement(parent, n("bq"), _quote_attributes(quote))
    if quote.cite is not None:
        element_id = body.new_id("bq")
        bq.set("id", element_id)
        body.meta(element_id, "cite", quote.cite)
    block = etree.SubElement(bq, n("block"))
    for line in quote.text.split("\n"):
        etree.SubElement(block, n("p")).text = line
    if quote.speaker is not None:
        _person(etree.SubElement(bq, n("credit")), quote.speaker)


def _person(parent: etree._Element, person: Person) -> None:
    href = safe_href(person.url)
    holder = parent if href is None else etree.SubElement(parent, n("a"), href=href)
    element = etree.SubElement(holder, n("person"))
    element.text = person.name
    if person.role is not None:
        _append_text(element, " ")
        etree.SubElement(element, n("function")).text = person.role


def _media_image(parent: etree._Element, image: Image, css_class: str | None) -> None:
    attributes = {"media-type": "image"}
    if css_class is not None:
        attributes["class"] = css_class
    media = etree.SubElement(parent, n("media"), attributes)
    reference = etree.SubElement(media, n("media-reference"), source=image.url)
    if image.media_type is not None:
        reference.set("mime-type", image.media_type)
    if image.alt is not None:
        reference.set("alternate-text", image.alt)
    if image.width is not None:
        reference.set("width", str(image.width))
    if image.height is not None:
        reference.set("height", str(image.height))
    if image.caption is not None:
        _lines(etree.SubElement(media, n("media-caption")), image.caption)
    if image.credit is not None:
        etree.SubElement(media, n("media-producer")).text = image.credit


def _table(parent: etree._Element, table: Table, body: _Body) -> None:
    element = etree.SubElement(parent, n("table"))
    if table.caption is not None:
        etree.SubElement(element, n("caption")).text = table.caption
    groups = (("thead", table.rows[: table.header_rows]), ("tbody", table.rows[table.header_rows :]))
    for group_name, rows in groups:
        if not rows:
            continue
        group = etree.SubElement(element, n(group_name))
        for row in rows:
            tr = etree.SubElement(group, n("tr"))
            for cell in row:
                td = etree.SubElement(tr, n("th" if cell.header else "td"))
                if cell.colspan != 1:
                    td.set("colspan", str(cell.colspan))
                if cell.rowspan != 1:
                    td.set("rowspan", str(cell.rowspan))
                _inlines(td, cell.children, body)


def _related_box(parent: etree._Element, box: RelatedBox) -> None:
    note = etree.SubElement(parent, n("note"), {"class": "related", "noteclass": "undef"})
    content = etree.SubElement(note, n("body.content"))
    if box.label is not None:
        etree.SubElement(content, n("p"), {"class": "label"}).text = box.label
    items = etree.SubElement(content, n("ul"))
    for link in box.links:
        _related_item(etree.SubElement(items, n("li"), {"class": link.relation.value}), link)


def _related_item(li: etree._Element, link: RelatedLink) -> None:
    anchor = etree.SubElement(li, n("a"))
    href = safe_href(link.url)
    if href is not None:
        anchor.set("href", href)
    anchor.text = link.title
    for index, author in enumerate(link.authors):
        _append_text(li, ", " if index else " — ")
        _person(li, author)


def _inlines(parent: etree._Element, children: tuple[Inline, ...], body: _Body) -> None:
    for child in children:
        _inline(parent, child, body)


def _inline(parent: etree._Element, node: Inline, body: _Body) -> None:
    match node:
        case Text():
            _append_text(parent, node.text)
        case Emphasis():
            _inlines(etree.SubElement(parent, n("em")), node.children, body)
        case Strong():
            # NITF has no <strong>; a class on <em> keeps the distinction.
            _inlines(etree.SubElement(parent, n("em"), {"class": "strong"}), node.children, body)
        case Link() if _in_anchor(parent):
            holder = etree.SubElement(parent, n("lang"), {"class": "link"})
            element_id = body.new_id("l")
            holder.set("id", element_id)
            body.meta(element_id, "href", safe_href(node.url))
            body.meta(element_id, "title", node.title)
            _inlines(holder, node.children, body)
        case Link() if safe_href(node.url) is None:  # a target no output may carry: the words stay
            _inlines(parent, node.children, body)
        case Link():
            anchor = etree.SubElement(parent, n("a"), href=node.url)
            if node.title is not None:
                anchor.set("title", node.title)
            _inlines(anchor, node.children, body)
        case InlineQuote():
            _inline_quote(parent, node.quote, body)
        case Mention():
            _mention(parent, node, body)
        case LineBreak():
            etree.SubElement(parent, n("br"))
        case _:
            assert_never(node)


def _inline_quote(parent: etree._Element, quote: Quote, body: _Body) -> None:
    element = etree.SubElement(parent, n("q"), _quote_attributes(quote))
    speaker = quote.speaker
    if quote.cite is not None or (speaker and (speaker.role or speaker.url)):
        element_id = body.new_id("q")
        element.set("id", element_id)
        body.meta(element_id, "cite", quote.cite)
        if speaker is not None:
            body.meta(element_id, "speaker-role", speaker.role)
            body.meta(element_id, "speaker-url", speaker.url)
    _lines(element, quote.text)


def _in_anchor(element: etree._Element) -> bool:
    return element.tag == n("a") or next(element.iterancestors(n("a")), None) is not None


def _mention(parent: etree._Element, mention: Mention, body: _Body) -> None:
    link = mention.link
    nested = _in_anchor(parent)
    anchor = etree.SubElement(parent, n("lang" if nested else "a"), {"class": "mention"})
    element_id = body.new_id("m")
    href = safe_href(link.url)
    if href is not None and nested:
        body.meta(element_id, "href", href)
    elif href is not None:
        anchor.set("href", href)
    anchor.set("id", element_id)
    body.meta(element_id, "title", link.title)
    body.meta(element_id, "relation", link.relation.value)
    body.people(element_id, "author", link.authors)
    _inlines(anchor, mention.children, body)
