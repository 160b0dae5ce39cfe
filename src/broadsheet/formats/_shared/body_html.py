"""The one walk from an article body to HTML elements, used by ninjs, EPUB and the HTML page.

:func:`render_blocks` appends the body's blocks to an lxml element. What the
targets differ in is a :class:`BodyMarkup` value (namespace, heading levels,
whether the model travels in ``data-*`` attributes, quotation marks, related
boxes) and a :class:`Resolver` (where links and images point: ninjs keeps URLs,
an EPUB embeds images, a web page keeps only safe links). The markup, per node:

===============  ==============================================================
node             written as
===============  ==============================================================
Paragraph        ``<p>``
Heading          ``<h2>``… (level + ``heading_offset``, at most 6)
BulletList       ``<ul><li>``; ``<li><p>`` unless ``tight_lists``
OrderedList      ``<ol start>``
QuoteBlock       ``<blockquote cite lang><p>…<footer>— <cite>speaker</cite>``, or
                 ``<figure class="quote"><blockquote>…<figcaption class="speaker">``
Figure           ``<figure><img><figcaption><span class="caption">`` + ``credit``
Table            ``<table><caption><thead><tbody>``; ``<th>`` for header cells
RelatedBox       ``<aside class="related">`` + label + ``<ul><li>`` links, authors
Embed            ``<figure class="embed">`` + the post's text as ``<blockquote><p>`` + ``<a>``
Separator        ``<hr/>``
InlineQuote      ``<q lang>``, or ``<span class="quote">`` with the marks as text
Mention          ``<cite class="mention">`` (annotated) or ``<span class="mention"><a>``
===============  ==============================================================
"""

from __future__ import annotations

import json
from typing import Protocol, assert_never

import attrs
from lxml import etree

from broadsheet.errors import WriteError
from broadsheet.formats._shared.html_tree import add_text, element, mark_language
from broadsheet.formats._shared.links import safe_href
from broadsheet.formats._shared.markup_names import (
    AUTHOR_CLASS,
    AUTHORS,
    CAPTION_CLASS,
    CREDIT_CLASS,
    EMBED_CLASS,
    MEDIA_TYPE,
    MENTION_CLASS,
    PROVIDER,
    RELATED_CLASS,
    RELATION,
    ROLE,
    SPEAKER,
    SPEAKER_ROLE,
    SPEAKER_URL,
    TITLE,
    URL,
)
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats._shared.wording import label
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
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
)

__all__ = [
    "BodyMarkup",
    "KeepUrls",
    "Resolver",
    "render_blocks",
    "render_figure",
    "render_inlines",
    "render_related",
]


class Resolver(Protocol):
    """Where the links and images of a body point, for one target."""

    def href(self, url: str | None) -> str | None:
        """The ``href`` for a link to ``url``, or ``None`` to keep only its words."""
        ...

    def image(self, image: Image) -> tuple[str, str] | None:
        """The ``src`` and ``alt`` of ``image``, or ``None`` when it cannot be shown."""
        ...


class KeepUrls:
    """A resolver that keeps URLs as the model holds them, where the link policy allows a link."""

    def href(self, url: str | None) -> str | None:
        """``url`` itself, unless the link policy refuses it (``file:``, ``pdf:``…)."""
        return safe_href(url)

    def image(self, image: Image) -> tuple[str, str] | None:
        """The image's own URL, and its alt text or an empty one."""
        return image.url, image.alt or ""


@attrs.frozen(kw_only=True)
class BodyMarkup:
    """How one target wants the body written: the few ways the targets differ."""

    namespace: str | None = None
    """The elements' namespace: ``None`` for HTML, the XHTML namespace for EPUB (which
    also gets ``xml:lang`` beside every ``lang``)."""
    language: str | None = None
    """The surrounding language: quotes in another language get ``lang`` (and ``dir``),
    labels and quotation marks follow it. ``None`` marks every quote that has a language."""
    heading_offset: int = 0
    """Added to each crosshead's level (1 when the page's headline is the ``<h1>``)."""
    annotate: bool = True
    """Carry what the visible markup cannot in ``data-*`` and ``cite`` attributes (speakers'
    roles and URLs, relations, mention targets, media types), so a reader gets the model back."""
    marks_as_text: bool = False
    """Write inline quotes as a ``<span>`` holding the quotation marks as text, for reading
    systems that ignore the marks ``<q>`` generates, instead of ``<q>``."""
    speaker_in_figcaption: bool = False
    """Set a block quote in a ``<figure>`` with its speaker in a ``<figcaption>`` (the cite URL
    a link on the name) instead of a ``<footer>`` inside the ``<blockquote>``."""
    tight_lists: bool = False
    """Put the inline content of a one-paragraph list item straight in its ``<li>``."""
    label_boxes: bool = False
    """Give every related box a visible label (the box's own or "Read also" in ``language``)
    and an ``aria-label``."""
    related_label_class: str = "related-label"
    """The class of a related box's label paragraph."""
    mention_element: str = "cite"
    """The element of an annotated mention: ``cite`` in ninjs, ``span`` on a web page, where
    HTML readers take ``cite`` for emphasis."""
    """The class of a related box's label paragraph."""
    nested_links: bool = False
    """Keep a link inside a link as written (not valid HTML, but the ninjs reader parses its
    fragments as XML and gets them back exactly); otherwise the inner one keeps only its words."""
    max_depth: int | None = None
    """The deepest nesting written; deeper raises :class:`~broadsheet.errors.WriteError`."""


@attrs.define
class _Walk:
    markup: BodyMarkup
    resolver: Resolver
    depth: int = 0

    def enter(self) -> None:
        self.depth += 1
        limit = self.markup.max_depth
        if limit is not None and self.depth > limit:
            raise WriteError(f"the body is nested more than {limit} levels deep")

    def leave(self) -> None:
        self.depth -= 1

    def el(self, parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
        return element(parent, tag, attrs, namespace=self.markup.namespace)

    def text_el(
        self, parent: etree._Element, tag: str, text: str, attrs: dict[str, str] | None = None
    ) -> etree._Element:
        node = self.el(parent, tag, attrs)
        add_text(node, text)
        return node

    def lines(self, parent: etree._Element, text: str) -> None:
        for index, line in enumerate(text.split("\n")):
            if index:
                self.el(parent, "br")
            add_text(parent, line)

    def mark_language(self, node: etree._Element, language: str | None) -> None:
        mark_language(node, language, self.markup.language, xhtml=self.markup.namespace is not None)


def render_blocks(
    parent: etree._Element, blocks: tuple[Block, ...], markup: BodyMarkup, resolver: Resolver
) -> None:
    """Append ``blocks`` to ``parent`` as ``markup`` asks, links and images through ``resolver``."""
    _blocks(parent, blocks, _Walk(markup, resolver))


def render_inlines(
    parent: etree._Element, children: tuple[Inline, ...], markup: BodyMarkup, resolver: Resolver
) -> None:
    """Append inline ``children`` to ``parent``."""
    _inlines(parent, children, _Walk(markup, resolver), in_link=False)


def render_figure(parent: etree._Element, image: Image, markup: BodyMarkup, resolver: Resolver) -> None:
    """Append ``image`` as a figure (as for a :class:`~broadsheet.model.Figure` block)."""
    _figure(parent, image, _Walk(markup, resolver))


def render_related(
    parent: etree._Element,
    links: tuple[RelatedLink, ...],
    box_label: str | None,
    markup: BodyMarkup,
    resolver: Resolver,
) -> None:
    """Append a related box of ``links`` (as for a :class:`~broadsheet.model.RelatedBox`)."""
    _related(parent, links, box_label, _Walk(markup, resolver))


def _blocks(parent: etree._Element, blocks: tuple[Block, ...], walk: _Walk) -> None:
    walk.enter()
    for block in blocks:
        _block(parent, block, walk)
    walk.leave()


def _block(parent: etree._Element, node: Block, walk: _Walk) -> None:
    markup = walk.markup
    match node:
        case Paragraph(children=children):
            _inlines(walk.el(parent, "p"), children, walk, in_link=False)
        case Heading(level=level, children=children):
            tag = f"h{min(level + markup.heading_offset, 6)}"
            _inlines(walk.el(parent, tag), children, walk, in_link=False)
        case BulletList(items=items):
            _items(walk.el(parent, "ul"), items, walk)
        case OrderedList(items=items, start=start):
            _items(walk.el(parent, "ol", {"start": str(start)} if start != 1 else None), items, walk)
        case QuoteBlock(quote=quote):
            _quote_block(parent, quote, walk)
        case Figure(image=image):
            _figure(parent, image, walk)
        case Table():
            _table(parent, node, walk)
        case RelatedBox(links=links, label=box_label):
            _related(parent, links, box_label, walk)
        case Embed(url=url, title=title, provider=provider, text=text):
            attributes = {"class": EMBED_CLASS}
            if markup.annotate and provider:
                attributes[PROVIDER] = provider
            figure = walk.el(parent, "figure", attributes)
            if text is not None:
                # The post's words as the page quoted them: what a reader of a copy that
                # cannot play the post gets to read, above the link to it.
                quoted = walk.el(figure, "blockquote")
                for line in text.split("\n"):
                    walk.text_el(quoted, "p", line)
            words = title or url
            if provider and not markup.annotate:
                words = f"{provider}: {words}"
            href = walk.resolver.href(url)
            link = {"href": href} if href else None
            if link and title:
                link["title"] = title
            add_text(walk.el(figure, "a", link) if link else figure, words)
        case Separator():
            walk.el(parent, "hr")
        case _:
            assert_never(node)


def _items(parent: etree._Element, items: tuple[tuple[Block, ...], ...], walk: _Walk) -> None:
    for item in items:
        li = walk.el(parent, "li")
        if walk.markup.tight_lists and len(item) == 1 and isinstance(item[0], Paragraph):
            _inlines(li, item[0].children, walk, in_link=False)
        else:
            _blocks(li, item, walk)


def _quote_attributes(quote: Quote, walk: _Walk, *, cite: bool) -> dict[str, str]:
    attributes: dict[str, str] = {}
    href = walk.resolver.href(quote.cite) if cite and walk.markup.annotate else None
    if href:
        attributes["cite"] = href
    return attributes


def _speaker_data(node: etree._Element, speaker: Person | None, walk: _Walk) -> None:
    if speaker is None or not walk.markup.annotate:
        return
    for key, value in ((SPEAKER, speaker.name), (SPEAKER_ROLE, speaker.role), (SPEAKER_URL, speaker.url)):
        if value is not None:
            node.set(key, value)


def _quote_block(parent: etree._Element, quote: Quote, walk: _Walk) -> None:
    in_figure = walk.markup.speaker_in_figcaption
    # In a figure the cite URL becomes a link on the speaker's name: EPUBCheck counts a
    # cite attribute as a remote resource.
    frame = walk.el(parent, "figure", {"class": "quote"}) if in_figure else parent
    blockquote = walk.el(frame, "blockquote", _quote_attributes(quote, walk, cite=not in_figure))
    walk.mark_language(blockquote, quote.language)
    _speaker_data(blockquote, quote.speaker, walk)
    for line in quote.text.split("\n"):
        walk.text_el(blockquote, "p", line)
    speaker = quote.speaker
    if speaker is None:
        return
    if in_figure:
        caption = walk.el(frame, "figcaption", {"class": "speaker"})
        add_text(caption, "— ")
        cite = walk.el(caption, "cite")
        href = walk.resolver.href(quote.cite)
        add_text(walk.el(cite, "a", {"href": href}) if href else cite, speaker.name)
    else:
        caption = walk.el(blockquote, "footer")
        add_text(caption, "— ")
        walk.text_el(caption, "cite", speaker.name)
    if speaker.role:
        add_text(caption, f", {speaker.role}")


def _figure(parent: etree._Element, image: Image, walk: _Walk) -> None:
    shown = walk.resolver.image(image)
    words = image.caption if shown is not None else image.caption or image.alt
    if shown is None and not (words or image.credit):
        return
    # A figure whose image cannot be shown keeps its words, marked for the stylesheet.
    figure = walk.el(parent, "figure", {"class": "figure missing"} if shown is None else None)
    if shown is not None:
        src, alt = shown
        attributes = {"src": src, "alt": alt}
        if image.width is not None:
            attributes["width"] = str(image.width)
        if image.height is not None:
            attributes["height"] = str(image.height)
        if walk.markup.annotate and image.media_type is not None:
            attributes[MEDIA_TYPE] = image.media_type
        walk.el(figure, "img", attributes)
    if not (words or image.credit):
        return
    caption = walk.el(figure, "figcaption")
    if words:
        walk.lines(walk.el(caption, "span", {"class": CAPTION_CLASS}), words)
    if image.credit:
        if words:
            add_text(caption, " ")
        walk.text_el(caption, "span", image.credit, {"class": CREDIT_CLASS})


def _table(parent: etree._Element, table: Table, walk: _Walk) -> None:
    node = walk.el(parent, "table")
    if table.caption is not None:
        walk.text_el(node, "caption", table.caption)
    head_rows = table.rows[: table.header_rows]
    body_rows = table.rows[table.header_rows :]
    if head_rows:
        _rows(walk.el(node, "thead"), head_rows, walk)
    if body_rows:
        _rows(walk.el(node, "tbody"), body_rows, walk)


def _rows(parent: etree._Element, rows: tuple[tuple[TableCell, ...], ...], walk: _Walk) -> None:
    for row in rows:
        tr = walk.el(parent, "tr")
        for cell in row:
            attributes = {}
            if cell.colspan != 1:
                attributes["colspan"] = str(cell.colspan)
            if cell.rowspan != 1:
                attributes["rowspan"] = str(cell.rowspan)
            _inlines(
                walk.el(tr, "th" if cell.header else "td", attributes), cell.children, walk, in_link=False
            )


def _related(
    parent: etree._Element, links: tuple[RelatedLink, ...], box_label: str | None, walk: _Walk
) -> None:
    markup = walk.markup
    if markup.label_boxes:
        box_label = box_label or label("read_also", markup.language)
    attributes = {"class": RELATED_CLASS}
    if markup.label_boxes and box_label:
        attributes["aria-label"] = box_label
    aside = walk.el(parent, "aside", attributes)
    if box_label is not None:
        walk.text_el(aside, "p", box_label, {"class": markup.related_label_class})
    ul = walk.el(aside, "ul")
    for link in links:
        li = walk.el(ul, "li", {RELATION: link.relation.value} if markup.annotate else None)
        href = walk.resolver.href(link.url)
        if href:
            walk.text_el(li, "a", link.title, {"href": href})
        elif markup.annotate:
            walk.text_el(li, "cite", link.title)
        else:
            add_text(li, link.title)
        if not link.authors:
            continue
        add_text(li, " — ")
        if not markup.annotate:
            walk.text_el(li, "span", ", ".join(p.name for p in link.authors), {"class": "authors"})
            continue
        for index, person in enumerate(link.authors):
            if index:
                add_text(li, ", ")
            attributes = {"class": AUTHOR_CLASS}
            if person.role is not None:
                attributes[ROLE] = person.role
            if person.url is not None:
                attributes[URL] = person.url
            walk.text_el(li, "span", person.name, attributes)


def _authors_json(people: tuple[Person, ...]) -> str:
    """People as compact JSON for a ``data-authors`` attribute (absent keys left out)."""
    records = [
        {
            key: value
            for key, value in (("name", p.name), ("role", p.role), ("url", p.url))
            if value is not None
        }
        for p in people
    ]
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


def _inlines(parent: etree._Element, children: tuple[Inline, ...], walk: _Walk, *, in_link: bool) -> None:
    walk.enter()
    for node in children:
        _inline(parent, node, walk, in_link=in_link)
    walk.leave()


def _inline(parent: etree._Element, node: Inline, walk: _Walk, *, in_link: bool) -> None:
    match node:
        case Text(text=text):
            add_text(parent, text)
        case Emphasis(children=children):
            _inlines(walk.el(parent, "em"), children, walk, in_link=in_link)
        case Strong(children=children):
            _inlines(walk.el(parent, "strong"), children, walk, in_link=in_link)
        case Link(url=url, children=children, title=title):
            _link(parent, url, title, children, walk, in_link=in_link)
        case InlineQuote(quote=quote):
            _inline_quote(parent, quote, walk)
        case Mention(link=link, children=children):
            if walk.markup.annotate:
                attributes = {"class": MENTION_CLASS, TITLE: link.title}
                if link.url is not None:
                    attributes[URL] = link.url
                attributes[RELATION] = link.relation.value
                if link.authors:
                    attributes[AUTHORS] = _authors_json(link.authors)
                _inlines(
                    walk.el(parent, walk.markup.mention_element, attributes), children, walk, in_link=in_link
                )
            else:
                span = walk.el(parent, "span", {"class": MENTION_CLASS})
                _link(span, link.url, None, children, walk, in_link=in_link)
        case LineBreak():
            walk.el(parent, "br")
        case _:
            assert_never(node)


def _link(
    parent: etree._Element,
    url: str | None,
    title: str | None,
    children: tuple[Inline, ...],
    walk: _Walk,
    *,
    in_link: bool,
) -> None:
    href = None if in_link and not walk.markup.nested_links else walk.resolver.href(url)
    if href is None:
        _inlines(parent, children, walk, in_link=in_link)
        return
    attributes = {"href": href}
    if title:
        attributes["title"] = title
    _inlines(walk.el(parent, "a", attributes), children, walk, in_link=True)


def _inline_quote(parent: etree._Element, quote: Quote, walk: _Walk) -> None:
    markup = walk.markup
    if not markup.marks_as_text:
        q = walk.el(parent, "q", _quote_attributes(quote, walk, cite=True))
        walk.mark_language(q, quote.language)
        _speaker_data(q, quote.speaker, walk)
        walk.lines(q, quote.text)
        return
    opening, closing = quote_marks(quote.language or markup.language)
    attributes = {"class": "quote"}
    if quote.speaker is not None:
        attributes["title"] = quote.speaker.name
    # A span, not <q>: the marks are text, because many reading systems ignore
    # generated content, and <q> would get a second pair where they do not.
    span = walk.el(parent, "span", attributes)
    walk.mark_language(span, quote.language)
    add_text(span, opening + quote.text.replace("\n", " ") + closing)
