"""Properties over generated documents (broadsheet.testing): well-formed pages, nothing lost, no scripts.

EPUBCheck itself runs over a fixed sample of generated documents in
test_epub_epubcheck.py (one Java run for all books).
"""

from __future__ import annotations

import io
import warnings
import zipfile

from hypothesis import given
from lxml import etree

import broadsheet
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats.epub.xmltext import xml_safe
from broadsheet.model import Article, Edition, Heading, Paragraph
from broadsheet.testing import articles, editions

XHTML = "{http://www.w3.org/1999/xhtml}"


def _write(document: Article | Edition) -> dict[str, etree._Element]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = broadsheet.write(document, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert book.namelist()[0] == "mimetype"
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return {
            name: etree.fromstring(book.read(name), parser)
            for name in book.namelist()
            if name.endswith((".xhtml", ".opf", ".ncx", ".svg"))
        }


def _squash(text: str) -> str:
    return "".join(xml_safe(text).split())


@given(articles())
def test_article_text_survives_and_nothing_scripts(article: Article) -> None:
    files = _write(article)
    chapter = files["EPUB/article-001.xhtml"]
    text = _squash("".join(chapter.itertext()))
    assert _squash(article.title) in text
    for block in article.body:
        if isinstance(block, (Paragraph, Heading)):
            assert _squash(inline_text(block.children, article.language)) in text
    for root in files.values():
        for node in root.iter():
            if isinstance(node.tag, str):
                assert etree.QName(node).localname != "script"
                assert not any(etree.QName(name).localname.startswith("on") for name in node.attrib)
                href = node.get("href", "")
                assert not href.lower().startswith(("javascript:", "data:text"))


@given(editions())
def test_edition_has_a_chapter_per_article_in_order(edition: Edition) -> None:
    files = _write(edition)
    chapters = sorted(name for name in files if name.startswith("EPUB/article-"))
    assert len(chapters) == len(edition.articles)
    for name, article in zip(chapters, edition.articles, strict=True):
        assert files[name].findtext(f".//{XHTML}h1") == xml_safe(article.title)
