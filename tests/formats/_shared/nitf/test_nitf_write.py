"""The NITF writer: valid NITF 3.6 that the shared reader reads back whole, and never a link inside a link."""

from __future__ import annotations

import functools

from hypothesis import given
from lxml import etree

from broadsheet.formats._shared.body_html import BodyMarkup, KeepUrls, render_blocks
from broadsheet.formats._shared.nitf.names import NITF
from broadsheet.formats._shared.nitf.read import NitfBody, read_nitf
from broadsheet.formats._shared.nitf.write import nitf
from broadsheet.model import Article, Link, Mention, Paragraph, Person, RelatedLink, Relation, Text
from broadsheet.testing import articles, blocks
from data_paths import NEWSML_G2

_XHTML = "http://www.w3.org/1999/xhtml"
_NESTED = etree.XPath(".//n:a//n:a", namespaces={"n": NITF})


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(NEWSML_G2 / "nitf-3-6.xsd")))


def _mention_in_link() -> Article:
    """An article named inside a link, and a link inside that mention: the seed story's shape, nested twice."""
    mention = Mention(
        link=RelatedLink(
            title="Ультиматум",
            url="https://zn.ua/ultimatum.html",
            authors=(Person(name="Сергій Корсунський"),),
            relation=Relation.MENTIONED,
        ),
        children=(Text(text="«Ультиматум» "), Link(url="https://b.example", children=(Text(text="b"),))),
    )
    outer = Link(url="https://a.example", title="A", children=(Text(text="Сергія Корсунського "), mention))
    return Article(title="t", body=(Paragraph(children=(outer, Text(text=" end"))),))


def test_a_mention_inside_a_link_is_no_anchor_inside_an_anchor() -> None:
    article = _mention_in_link()
    root = nitf(article, "x-")
    assert _NESTED(root) == []
    assert _schema().validate(root), _schema().error_log.filter_from_errors()
    assert [e.get("class") for e in root.iter(f"{{{NITF}}}lang")] == ["mention", "link"]
    assert NitfBody(root).blocks == article.body


def test_ninjs_and_newsml_read_the_same_nitf_alike() -> None:
    article = _mention_in_link()
    data = etree.tostring(nitf(article, ""), xml_declaration=True, encoding="utf-8")
    assert read_nitf(data, where="$").blocks == NitfBody(etree.fromstring(data)).blocks == article.body


@given(articles())
def test_written_nitf_never_nests_anchors_and_is_valid(article: Article) -> None:
    root = nitf(article, "p-")
    assert _NESTED(root) == []
    assert _schema().validate(root), _schema().error_log.filter_from_errors()


@given(blocks())
def test_the_xhtml_body_walk_never_nests_anchors(block: object) -> None:
    """EPUB's XHTML (the shared body walk without nested links) holds no ``a`` inside an ``a`` either."""
    holder = etree.Element(f"{{{_XHTML}}}div")
    render_blocks(holder, (block,), BodyMarkup(namespace=_XHTML), KeepUrls())  # type: ignore[arg-type]
    assert holder.xpath(".//x:a//x:a", namespaces={"x": _XHTML}) == []
