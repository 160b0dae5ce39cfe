"""An edition as a NewsML-G2 ``newsMessage``: one ``packageItem`` (sections as groups) and its ``newsItem``\\s.

A ``newsMessage`` is the schema's container for several items in one
document; the package comes first, then the articles in reading order, each
referenced from its section's group by ``itemRef/@residref`` (its guid).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from lxml import etree

from broadsheet.formats.newsml import catalog
from broadsheet.formats.newsml.catalog import NAR, q
from broadsheet.formats.newsml.item_write import ItemIds, guid_of, item_root, lines, news_item, provider
from broadsheet.formats.newsml.options import WriteOptions
from broadsheet.formats.newsml.timestamps import fallback_time, format_date, format_datetime
from broadsheet.model import Edition, Image


def news_message(edition: Edition, options: WriteOptions) -> etree._Element:
    """The ``newsMessage`` holding ``edition``'s package and articles."""
    message = etree.Element(q("newsMessage"), nsmap={None: NAR})
    sent = format_datetime(_latest(edition))
    etree.SubElement(etree.SubElement(message, q("header")), q("sent")).text = sent
    item_set = etree.SubElement(message, q("itemSet"))
    ids = ItemIds()
    package = _package(edition, options)
    item_set.append(package)
    groups = package.find(q("groupSet"))
    assert groups is not None
    for index, section in enumerate(edition.sections, start=1):
        group = groups[index]
        for article in section.articles:
            etree.SubElement(
                group,
                q("itemRef"),
                residref=guid_of(article),
                version=str(options.version),
                contenttype=catalog.NEWSITEM_TYPE,
            )
            item_set.append(news_item(article, options, ids))
    return message


def _package_guid(edition: Edition) -> str:
    if edition.id is not None:
        return edition.id
    seed = "\n".join([edition.title] + [guid_of(article) for article in edition.articles])
    return catalog.ANONYMOUS_PACKAGE + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _latest(edition: Edition) -> dt.datetime:
    """The latest time of any article: the edition's version (never the clock)."""
    times = [t for a in edition.articles for t in (a.modified, a.published) if t is not None]
    return max(times) if times else fallback_time()


def _package(edition: Edition, options: WriteOptions) -> etree._Element:
    root = item_root("packageItem", _package_guid(edition), options, edition.language)
    meta = etree.SubElement(root, q("itemMeta"))
    etree.SubElement(meta, q("itemClass"), qcode="ninat:composite")
    provider(meta, edition.publisher)
    etree.SubElement(meta, q("versionCreated")).text = format_datetime(_latest(edition))
    etree.SubElement(meta, q("pubStatus"), qcode="stat:usable")
    content = etree.SubElement(root, q("contentMeta"))
    if edition.cover is not None:
        _icon(content, edition.cover)
    if edition.date is not None:
        etree.SubElement(content, q("contentCreated")).text = format_date(edition.date)
    if edition.language is not None:
        etree.SubElement(content, q("language"), tag=edition.language)
    etree.SubElement(content, q("headline")).text = edition.title
    if edition.cover is not None:
        _cover_text(content, edition.cover)
    group_set = etree.SubElement(root, q("groupSet"), root="G0")
    top = etree.SubElement(group_set, q("group"), id="G0", role=catalog.EDITION_GROUP)
    for index in range(1, len(edition.sections) + 1):
        etree.SubElement(top, q("groupRef"), idref=f"G{index}")
    for index, section in enumerate(edition.sections, start=1):
        group = etree.SubElement(group_set, q("group"), id=f"G{index}", role=catalog.SECTION_GROUP)
        if section.title is not None:
            etree.SubElement(group, q("title")).text = section.title
    return root


def _icon(parent: etree._Element, image: Image) -> None:
    icon = etree.SubElement(parent, q("icon"), href=image.url)
    if image.media_type is not None:
        icon.set("contenttype", image.media_type)
    if image.width is not None:
        icon.set("width", str(image.width))
    if image.height is not None:
        icon.set("height", str(image.height))


def _cover_text(parent: etree._Element, image: Image) -> None:
    # The package's icon is the cover; its words travel as the package's own
    # credit line and descriptions, the only text properties near the icon.
    if image.credit is not None:
        etree.SubElement(parent, q("creditline")).text = image.credit
    if image.caption is not None:
        lines(etree.SubElement(parent, q("description"), role=catalog.CAPTION), image.caption)
    if image.alt is not None:
        etree.SubElement(parent, q("description"), role=catalog.ALT).text = image.alt
