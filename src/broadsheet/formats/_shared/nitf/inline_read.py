"""NITF inline markup (emphasis, links, mentions, quotes, line breaks) as the model's inlines."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.nitf.metas import MetaEntries
from broadsheet.formats._shared.nitf.names import XML_LANG
from broadsheet.formats._shared.nitf.runs import texts
from broadsheet.formats._shared.xml import build, collapse, lines_of, local_name, text_of
from broadsheet.model import (
    Emphasis,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    Person,
    Quote,
    RelatedLink,
    Relation,
    Strong,
    Text,
)
from broadsheet.model.canonical import block_children

BLOCK_NAMES = frozenset(
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
"""The NITF elements read as blocks; met inside a paragraph, only their text is kept."""


class NitfInlines:
    """Reads the inline content of NITF elements, with the ``bs:`` meta entries of their document."""

    def __init__(self, metas: MetaEntries) -> None:
        self._metas = metas

    def inlines(self, element: etree._Element) -> tuple[Inline, ...]:
        """The inlines inside ``element``, tidied as a block's content."""
        return block_children(self.content(element))

    def content(self, element: etree._Element) -> list[Inline]:
        """The inlines inside ``element``, untidied (texts not yet merged)."""
        out: list[Inline] = []
        if element.text:
            out.extend(texts(element.text))
        for child in element:
            if isinstance(child.tag, str):
                out.extend(self.inline(child))
            if child.tail:
                out.extend(texts(child.tail))
        return out

    def inline(self, element: etree._Element) -> list[Inline]:
        """The inlines one element stands for; a block met inline keeps only its text."""
        name = local_name(element)
        css = (element.get("class") or "").split()
        if name == "br":
            return [LineBreak()]
        if name == "em":
            children = self.content(element)
            return [Strong(children=children) if "strong" in css else Emphasis(children=children)]
        if name in ("a", "lang") and "mention" in css:
            return [self._mention(element)]
        if name == "lang" and "link" in css and self._metas.get(element, "href"):
            # A link our writer set inside another link, where NITF cannot have an <a>.
            return [self._link(element, self._metas.get(element, "href"), self._metas.get(element, "title"))]
        if name == "a" and collapse(element.get("href")):
            return [self._link(element, element.get("href"), element.get("title"))]
        if name == "q":
            return self._inline_quote(element)
        if name in BLOCK_NAMES:
            return [Text(text=" "), *texts(text_of(element) or ""), Text(text=" ")]
        return self.content(element)

    def _link(self, element: etree._Element, url: str | None, title: str | None) -> Link:
        return build(Link, element, url=url, children=self.content(element), title=title)

    def _mention(self, anchor: etree._Element) -> Mention:
        children = self.content(anchor)
        url = anchor.get("href") or self._metas.get(anchor, "href")
        title = self._metas.get(anchor, "title") or text_of(anchor) or url or "?"
        relation = self._metas.get(anchor, "relation") or Relation.MENTIONED.value
        if relation not in {r.value for r in Relation}:
            relation = Relation.MENTIONED.value
        link = build(
            RelatedLink,
            anchor,
            title=title,
            url=url,
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
