"""Editions from NewsML-G2: a ``newsMessage`` with a ``packageItem`` and its items, or items alone.

Each ``itemRef`` of the package is matched to the next unused ``newsItem``
of the message with that guid, so editions whose articles share an id
still read back in order. A package whose items are not in the document
(another provider's bare ``packageItem``) gives an edition of stub articles
built from each ``itemRef``'s title and description.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from broadsheet.errors import SchemaError
from broadsheet.formats._shared.nitf.media_read import positive_int
from broadsheet.formats._shared.nitf.names import XML_LANG
from broadsheet.formats._shared.xml import build, collapse, lines_of, text_of, where
from broadsheet.formats.newsml import catalog
from broadsheet.formats.newsml.item_read import check_item, item_id, publisher_of, read_news_item
from broadsheet.formats.newsml.timestamps import parse_datetime
from broadsheet.model import Article, Edition, Image, Section


def read_message(message: etree._Element) -> Article | Edition:
    """The article or edition a ``newsMessage`` holds."""
    item_set = message.find("{*}itemSet")
    if item_set is None:
        raise SchemaError("<newsMessage> has no <itemSet>", where=where(message))
    packages = item_set.findall("{*}packageItem")
    news = item_set.findall("{*}newsItem")
    if packages:
        return read_package(packages[0], news)
    if not news:
        raise SchemaError("<newsMessage> holds no newsItem or packageItem", where=where(item_set))
    articles = [read_news_item(item) for item in news]
    if len(articles) == 1:
        return articles[0]
    title = text_of(message.find("{*}header/{*}title")) or "NewsML-G2 message"
    return Edition.of(title, articles)


def read_package(package: etree._Element, news: list[etree._Element]) -> Edition:
    """An edition from a ``packageItem`` and the ``newsItem`` elements it may refer to."""
    meta = check_item(package)
    cm = package.find("{*}contentMeta")
    group_set = package.find("{*}groupSet")
    if group_set is None:
        raise SchemaError("the packageItem has no <groupSet>", where=where(package))
    groups = {g.get("id"): g for g in group_set.findall("{*}group")}
    root = groups.get(group_set.get("root"))
    if root is None:
        root = next(iter(groups.values()), None)
    if root is None:
        raise SchemaError("the packageItem's <groupSet> has no group", where=where(group_set))
    unused = list(news)
    sections: list[Section] = []
    if root.get("role") == catalog.EDITION_GROUP:
        for ref in root.findall("{*}groupRef"):
            group = groups.get(ref.get("idref"))
            if group is None:
                raise SchemaError(f"groupRef points to no group {ref.get('idref')!r}", where=where(ref))
            sections.append(_section(group, unused))
    else:
        refs = list(root.iter("{*}itemRef"))
        sections.append(Section(articles=[_article(ref, unused) for ref in refs]))
    headline = text_of(cm.find("{*}headline")) if cm is not None else None
    title = headline or text_of(meta.find("{*}title")) or collapse(package.get("guid"))
    date = None
    created = cm.find("{*}contentCreated") if cm is not None else None
    if created is not None:
        value = parse_datetime(created.text or "", where(created))
        date = value.date() if isinstance(value, dt.datetime) else value
    language = cm.find("{*}language") if cm is not None else None
    return build(
        Edition,
        package,
        title=title,
        sections=sections,
        date=date,
        publisher=publisher_of(meta),
        language=(collapse(language.get("tag")) if language is not None else None) or package.get(XML_LANG),
        cover=_cover(cm) if cm is not None else None,
        id=item_id(package, catalog.ANONYMOUS_PACKAGE),
    )


def _section(group: etree._Element, unused: list[etree._Element]) -> Section:
    articles = [_article(ref, unused) for ref in group.iter("{*}itemRef")]
    return build(Section, group, articles=articles, title=text_of(group.find("{*}title")))


def _article(ref: etree._Element, unused: list[etree._Element]) -> Article:
    guid = collapse(ref.get("residref"))
    for index, item in enumerate(unused):
        if collapse(item.get("guid")) == guid:
            del unused[index]
            return read_news_item(item)
    title = text_of(ref.find("{*}title")) or guid
    if not title:
        raise SchemaError("an itemRef names no item", where=where(ref))
    lead = next(
        (lines_of(d) for d in ref.findall("{*}description") if d.get("role") == catalog.SUMMARY), None
    )
    return build(Article, ref, title=title, id=guid or None, lead=lead)


def _cover(cm: etree._Element) -> Image | None:
    icon = cm.find("{*}icon")
    if icon is None or not collapse(icon.get("href")):
        return None
    descriptions = cm.findall("{*}description")
    return build(
        Image,
        icon,
        url=icon.get("href"),
        alt=next((text_of(d) for d in descriptions if d.get("role") == catalog.ALT), None),
        caption=next((lines_of(d) for d in descriptions if d.get("role") == catalog.CAPTION), None),
        credit=text_of(cm.find("{*}creditline")),
        width=positive_int(icon.get("width"), None),
        height=positive_int(icon.get("height"), None),
        media_type=icon.get("contenttype"),
    )
