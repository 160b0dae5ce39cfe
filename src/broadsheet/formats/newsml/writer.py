"""The NewsML-G2 writer: an article as a ``newsItem``, an edition as a ``newsMessage``."""

from __future__ import annotations

from lxml import etree

from broadsheet.errors import WriteError
from broadsheet.formats._shared.nitf.names import n
from broadsheet.formats.newsml.catalog import q
from broadsheet.formats.newsml.item_write import ItemIds, news_item
from broadsheet.formats.newsml.options import WriteOptions
from broadsheet.formats.newsml.package_write import news_message
from broadsheet.model import Article, Edition

# Elements whose children are structure, never running text: only these are
# indented, because whitespace added inside a paragraph would change its text.
_CONTAINERS = frozenset(
    [
        q(name)
        for name in (
            "newsItem", "packageItem", "newsMessage", "header", "itemSet", "catalog", "scheme", "rightsInfo",
            "itemMeta", "provider", "link", "contentMeta", "creator", "infoSource", "genre", "subject",
            "contentSet", "inlineXML", "groupSet", "group",
        )
    ]
    + [
        n(name)
        for name in (
            "nitf", "head", "body", "body.head", "hedline", "body.content", "ul", "ol", "li", "bq", "block",
            "media", "table", "thead", "tbody", "tr", "note",
        )
    ]
)  # fmt: skip
_LI = n("li")


def write(document: Article | Edition, options: WriteOptions) -> bytes:
    """Serialise ``document`` as NewsML-G2 2.35 (UTF-8 bytes, deterministic)."""
    try:
        if isinstance(document, Article):
            root = news_item(document, options, ItemIds())
        elif isinstance(document, Edition):
            root = news_message(document, options)
        else:
            raise WriteError(f"cannot write a {type(document).__name__} as NewsML-G2")
    except ValueError as error:
        # lxml refuses text XML 1.0 cannot hold (U+FFFE, U+FFFF).
        raise WriteError(f"the document holds text XML cannot carry: {error}") from error
    if options.pretty:
        _indent(root, 0)  # the root is always a container
    return etree.tostring(
        root, encoding="UTF-8", xml_declaration=options.xml_declaration, pretty_print=options.pretty
    )


def _indent(element: etree._Element, level: int) -> None:
    if element.tag == _LI and any((child.tail or "").strip() for child in element):
        return  # mixed content (a related link's "title — author"): its spaces are text
    inner = "\n" + " " * (level + 1)
    element.text = inner
    for child in element:
        if child.tag in _CONTAINERS and len(child):
            _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + " " * level
