"""One article as a NewsML-G2 ``newsItem``: item metadata, content metadata and the NITF body.

Element order follows the 2.35 schema exactly (it is strict); every QCode's
scheme is declared by IPTC's catalog or the inline catalog of project schemes.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

from lxml import etree

from broadsheet.formats._shared.nitf.names import XML_LANG
from broadsheet.formats._shared.nitf.write import nitf
from broadsheet.formats.newsml import catalog
from broadsheet.formats.newsml.catalog import NAR, q
from broadsheet.formats.newsml.options import WriteOptions
from broadsheet.formats.newsml.timestamps import fallback_time, format_datetime
from broadsheet.model import Article, Person, Publisher, RelatedLink, Translation


class ItemIds:
    """Hands out the ``id`` prefixes that keep NITF ids unique across one XML document."""

    def __init__(self) -> None:
        self._counter: Iterator[int] = itertools.count(1)

    def next_prefix(self) -> str:
        """A fresh prefix such as ``"i2-"``."""
        return f"i{next(self._counter)}-"


def guid_of(article: Article) -> str:
    """The article's id, or a stable made-up guid when it has none."""
    if article.id is not None:
        return article.id
    seed = "\n".join((article.title, article.url or "", article.language or ""))
    return catalog.ANONYMOUS_GUID + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def item_root(tag: str, guid: str, options: WriteOptions, language: str | None) -> etree._Element:
    """The root of an item with the attributes and catalogs every item starts with."""
    root = etree.Element(q(tag), nsmap={None: NAR})
    root.set("guid", guid)
    root.set("version", str(options.version))
    root.set("standard", "NewsML-G2")
    root.set("standardversion", catalog.STANDARD_VERSION)
    root.set("conformance", "power")
    if language is not None:
        root.set(XML_LANG, language)
    etree.SubElement(root, q("catalogRef"), href=catalog.IPTC_CATALOG)
    inline = etree.SubElement(root, q("catalog"))
    for alias, uri, title in catalog.PROJECT_SCHEMES:
        scheme = etree.SubElement(inline, q("scheme"), alias=alias, uri=uri)
        etree.SubElement(scheme, q("name")).text = title
    return root


def provider(parent: etree._Element, publisher: Publisher | None) -> None:
    """``itemMeta/provider``: the publisher (empty when unknown; the schema requires the element)."""
    element = etree.SubElement(parent, q("provider"))
    if publisher is None:
        return
    if publisher.url is not None:
        element.set("uri", publisher.url)
    etree.SubElement(element, q("name")).text = publisher.name
    if publisher.logo is not None:
        etree.SubElement(element, q("remoteInfo"), rel=catalog.LOGO, href=publisher.logo)


def party(parent: etree._Element, tag: str, person: Person) -> None:
    """A ``creator`` (or other party) with name, URL and role."""
    element = etree.SubElement(parent, q(tag))
    if person.url is not None:
        element.set("uri", person.url)
    etree.SubElement(element, q("name")).text = person.name
    if person.role is not None:
        etree.SubElement(element, q("note"), role=catalog.PERSON_ROLE).text = person.role


def lines(parent: etree._Element, text: str) -> None:
    """Several-line text with ``<br/>`` between lines (so layout whitespace can be collapsed on reading)."""
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(parent, q("br")).tail = line
        else:
            parent.text = line


def news_item(article: Article, options: WriteOptions, ids: ItemIds) -> etree._Element:
    """The ``newsItem`` for one article."""
    prefix = ids.next_prefix()
    root = item_root("newsItem", guid_of(article), options, article.language)
    if article.rights is not None:
        etree.SubElement(etree.SubElement(root, q("rightsInfo")), q("copyrightNotice")).text = article.rights
    _item_meta(root, article, options, ids)
    _content_meta(root, article)
    content_set = etree.SubElement(root, q("contentSet"))
    inline = etree.SubElement(content_set, q("inlineXML"), contenttype=catalog.NITF_TYPE)
    inline.append(nitf(article, prefix))
    return root


def _item_meta(root: etree._Element, article: Article, options: WriteOptions, ids: ItemIds) -> None:
    meta = etree.SubElement(root, q("itemMeta"))
    etree.SubElement(meta, q("itemClass"), qcode="ninat:text")
    provider(meta, article.publisher)
    version_time = article.modified or article.published or fallback_time()
    etree.SubElement(meta, q("versionCreated")).text = format_datetime(version_time)
    if article.published is not None:
        etree.SubElement(meta, q("firstCreated")).text = format_datetime(article.published)
    etree.SubElement(meta, q("pubStatus"), qcode="stat:usable")
    if article.url is not None:
        etree.SubElement(meta, q("link"), rel=catalog.CANONICAL, href=article.url)
    for link in article.see_also:
        related_link(meta, link)
    for translation in article.translations:
        _translation(meta, translation, options, ids)


def related_link(parent: etree._Element, link: RelatedLink) -> None:
    """An ``itemMeta/link`` to a related article, with its title and authors."""
    element = etree.SubElement(parent, q("link"), rel=catalog.RELATION_CODES[link.relation])
    if link.url is not None:
        element.set("href", link.url)
    etree.SubElement(element, q("title")).text = link.title
    for author in link.authors:
        party(element, "creator", author)


def _translation(
    parent: etree._Element, translation: Translation, options: WriteOptions, ids: ItemIds
) -> None:
    element = etree.SubElement(parent, q("link"), rel=catalog.TRANSLATION)
    if translation.url is not None:
        element.set("href", translation.url)
    element.set(XML_LANG, translation.language)
    if translation.title is not None:
        etree.SubElement(element, q("title")).text = translation.title
    etree.SubElement(element, q("language"), tag=translation.language)
    if translation.article is not None:
        # The full translation travels inside its link, as a complete newsItem
        # of its own (the link's content model admits any NewsML-G2 element).
        element.append(news_item(translation.article, options, ids))


def _content_meta(root: etree._Element, article: Article) -> None:
    meta = etree.SubElement(root, q("contentMeta"))
    if article.modified is not None:
        etree.SubElement(meta, q("contentModified")).text = format_datetime(article.modified)
    if article.source is not None:
        source = etree.SubElement(meta, q("infoSource"))
        if article.source.url is not None:
            source.set("uri", article.source.url)
        etree.SubElement(source, q("name")).text = article.source.name
    for author in article.authors:
        party(meta, "creator", author)
    if article.language is not None:
        etree.SubElement(meta, q("language"), tag=article.language)
    if article.genre is not None:
        genre = etree.SubElement(meta, q("genre"))
        code = catalog.IPTC_GENRES.get(article.genre.lower())
        if code is not None:
            genre.set("qcode", code)
        etree.SubElement(genre, q("name")).text = article.genre
    for tag in article.tags:
        etree.SubElement(meta, q("keyword")).text = tag
    if article.section is not None:
        subject = etree.SubElement(meta, q("subject"), type=catalog.SECTION, literal=article.section)
        etree.SubElement(subject, q("name")).text = article.section
    etree.SubElement(meta, q("headline")).text = article.title
    if article.subtitle is not None:
        etree.SubElement(meta, q("headline"), role=catalog.SUBTITLE).text = article.subtitle
    if article.dateline is not None:
        etree.SubElement(meta, q("dateline")).text = article.dateline
    if article.authors:
        etree.SubElement(meta, q("by")).text = ", ".join(author.name for author in article.authors)
    if article.lead is not None:
        lines(etree.SubElement(meta, q("description"), role=catalog.SUMMARY), article.lead)
