"""One NewsML-G2 ``newsItem`` (ours or another provider's) into an :class:`~broadsheet.model.Article`.

Each model field is read from the property broadsheet writes it to; for
other providers' items sensible fallbacks apply (the NITF headline, byline
and abstract; subject names as tags; a ``provider`` QCode as the publisher).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from broadsheet.errors import SchemaError
from broadsheet.formats._shared.nitf.media_read import positive_int
from broadsheet.formats._shared.nitf.names import XML_LANG
from broadsheet.formats._shared.nitf.read import NitfBody
from broadsheet.formats._shared.nitf.xhtml import xhtml_as_nitf
from broadsheet.formats._shared.xml import build, collapse, lines_of, local_name, text_of, where
from broadsheet.formats.newsml import catalog
from broadsheet.formats.newsml.timestamps import as_datetime, parse_datetime
from broadsheet.model import (
    Article,
    Image,
    Paragraph,
    Person,
    Publisher,
    RelatedLink,
    Source,
    Text,
    Translation,
)


def required(parent: etree._Element, name: str) -> etree._Element:
    """The child ``name`` of ``parent``, or a :class:`SchemaError` saying it is missing and where."""
    child = parent.find(f"{{{catalog.NAR}}}{name}")
    if child is None:
        raise SchemaError(
            f"<{local_name(parent)}> has no <{name}>, which NewsML-G2 requires", where=where(parent)
        )
    return child


def check_item(item: etree._Element) -> etree._Element:
    """Check what every item must have (guid, itemMeta with itemClass and versionCreated); return itemMeta."""
    if not collapse(item.get("guid")):
        raise SchemaError(f"<{local_name(item)}> has no guid attribute", where=where(item))
    meta = required(item, "itemMeta")
    required(meta, "itemClass")
    required(meta, "provider")
    created = required(meta, "versionCreated")
    parse_datetime(created.text or "", where(created))
    return meta


def item_id(item: etree._Element, anonymous_prefix: str) -> str | None:
    """The item's guid, or ``None`` for a guid broadsheet made up."""
    guid = collapse(item.get("guid"))
    return None if guid.startswith(anonymous_prefix) else guid


def publisher_of(meta: etree._Element) -> Publisher | None:
    """The publisher from ``itemMeta/provider`` (name, URI, logo; a QCode's code as the name)."""
    provider = meta.find("{*}provider")
    if provider is None:
        return None
    name = (
        text_of(provider.find("{*}name")) or collapse(provider.get("literal")) or _code(provider.get("qcode"))
    )
    url = provider.get("uri")
    name = name or collapse(url)
    if not name:
        return None
    logo = next(
        (r.get("href") for r in provider.findall("{*}remoteInfo") if r.get("rel") == catalog.LOGO), None
    )
    return build(Publisher, provider, name=name, url=url, logo=logo)


def _code(qcode: str | None) -> str:
    return collapse(qcode).split(":", 1)[-1] if qcode else ""


def party(element: etree._Element) -> Person | None:
    """A person from a ``creator``-like element: name, ``uri``, role note."""
    name = text_of(element.find("{*}name")) or collapse(element.get("literal")) or _code(element.get("qcode"))
    if not name:
        return None
    role = next(
        (text_of(note) for note in element.findall("{*}note") if note.get("role") == catalog.PERSON_ROLE),
        None,
    )
    return build(Person, element, name=name, url=element.get("uri"), role=role)


def _datetime(element: etree._Element | None) -> dt.datetime | None:
    if element is None:
        return None
    return as_datetime(parse_datetime(element.text or "", where(element)))


def read_news_item(item: etree._Element) -> Article:
    """The article a ``newsItem`` holds."""
    meta = check_item(item)
    content_meta = item.find("{*}contentMeta")
    cm = content_meta if content_meta is not None else etree.Element("contentMeta")
    body = _body(item)
    headlines = cm.findall("{*}headline")
    title = next((text_of(h) for h in headlines if h.get("role") != catalog.SUBTITLE and text_of(h)), None)
    subtitle = next((text_of(h) for h in headlines if h.get("role") == catalog.SUBTITLE), None)
    title = (
        title
        or (body.title if body else None)
        or text_of(meta.find("{*}title"))
        or text_of(cm.find("{*}slugline"))
        or collapse(item.get("guid"))
    )
    lead = next(
        (lines_of(d) for d in cm.findall("{*}description") if d.get("role") == catalog.SUMMARY), None
    ) or (body.abstract if body else None)
    language_element = cm.find("{*}language")
    language = collapse(language_element.get("tag")) if language_element is not None else None
    language = language or collapse(item.get(XML_LANG)) or None
    blocks = body.blocks if body else ()
    if body is None:
        blocks = _inline_data(item)
    return build(
        Article,
        item,
        title=title,
        id=item_id(item, catalog.ANONYMOUS_GUID),
        url=next((link.get("href") for link in _links(meta, catalog.CANONICAL)), None),
        subtitle=subtitle or (body.subtitle if body else None),
        lead=lead,
        language=language,
        authors=_authors(cm, body),
        published=_datetime(meta.find("{*}firstCreated")) or _datetime(cm.find("{*}contentCreated")),
        modified=_datetime(cm.find("{*}contentModified")),
        section=_section(cm),
        tags=_tags(cm),
        genre=_genre(cm),
        dateline=text_of(cm.find("{*}dateline")) or (body.dateline if body else None),
        source=_source(cm),
        publisher=publisher_of(meta),
        rights=_rights(item),
        images=body.images if body else _remote_images(item, cm),
        body=blocks,
        see_also=tuple(
            _related(link) for link in meta.findall("{*}link") if link.get("rel") in catalog.RELATIONS
        ),
        translations=tuple(_translation(link) for link in _links(meta, catalog.TRANSLATION)),
    )


def _links(meta: etree._Element, rel: str) -> list[etree._Element]:
    return [link for link in meta.findall("{*}link") if link.get("rel") == rel]


def _body(item: etree._Element) -> NitfBody | None:
    content_set = item.find("{*}contentSet")
    if content_set is None:
        return None
    for inline in content_set.findall("{*}inlineXML"):
        kind = (inline.get("contenttype") or "").split(";")[0].strip().lower()
        children = [child for child in inline if isinstance(child.tag, str)]
        if not children:
            continue
        root = children[0]
        if kind == catalog.NITF_TYPE or local_name(root) == "nitf":
            if local_name(root) != "nitf":
                raise SchemaError("an NITF body must start with <nitf>", where=where(root))
            return NitfBody(root)
        if kind in (catalog.XHTML_TYPE, "text/html") or etree.QName(root).namespace == catalog.XHTML:
            return NitfBody(xhtml_as_nitf(root))
        raise SchemaError(f"cannot read an inlineXML body of type {kind or 'unknown'!r}", where=where(inline))
    return None


def _inline_data(item: etree._Element) -> tuple[Paragraph, ...]:
    data = item.find("{*}contentSet/{*}inlineData")
    if data is None or not collapse(data.text):
        return ()
    text = (data.text or "").replace("\r\n", "\n")
    chunks = text.split("\n\n") if "\n\n" in text.strip() else text.split("\n")
    return tuple(Paragraph(children=(Text(text=collapse(c)),)) for c in chunks if collapse(c))


def _remote_images(item: etree._Element, cm: etree._Element) -> tuple[Image, ...]:
    # A picture item (ninat:picture) holds its renditions as remoteContent;
    # the first image rendition stands for the picture, described by the item.
    for remote in item.findall("{*}contentSet/{*}remoteContent"):
        kind = remote.get("contenttype") or ""
        if remote.get("href") and kind.startswith("image/"):
            caption = next(
                (lines_of(d) for d in cm.findall("{*}description") if d.get("role") == catalog.CAPTION), None
            )
            return (
                build(
                    Image,
                    remote,
                    url=remote.get("href"),
                    caption=caption,
                    credit=text_of(cm.find("{*}creditline")),
                    width=positive_int(remote.get("width"), None),
                    height=positive_int(remote.get("height"), None),
                    media_type=kind,
                ),
            )
    return ()


def _authors(cm: etree._Element, body: NitfBody | None) -> tuple[Person, ...]:
    creators = [p for p in (party(c) for c in cm.findall("{*}creator")) if p is not None]
    if creators:
        return tuple(creators)
    by = text_of(cm.find("{*}by"))
    if by:
        return tuple(Person(name=name) for name in _byline_names(by))
    if body is not None and body.byline is not None:
        byline = body.byline
        role = text_of(byline.find("{*}byttl"))
        name = collapse(byline.text).rstrip(",").strip()
        names = _byline_names(name) if name else []
        return tuple(build(Person, byline, name=n, role=role) for n in names)
    return ()


def _byline_names(text: str) -> list[str]:
    for prefix in ("By ", "by "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    names = [collapse(part) for part in text.replace(" and ", ",").split(",")]
    return [name for name in names if name]


def _section(cm: etree._Element) -> str | None:
    for subject in cm.findall("{*}subject"):
        if subject.get("type") == catalog.SECTION:
            return text_of(subject.find("{*}name")) or collapse(subject.get("literal")) or None
    return None


def _tags(cm: etree._Element) -> tuple[str, ...]:
    tags = [text_of(k) for k in cm.findall("{*}keyword")]
    for subject in cm.findall("{*}subject"):
        if subject.get("type") != catalog.SECTION:
            tags.append(text_of(subject.find("{*}name")))
    return tuple(tag for tag in tags if tag)


def _genre(cm: etree._Element) -> str | None:
    genre = cm.find("{*}genre")
    if genre is None:
        return None
    return (
        text_of(genre.find("{*}name")) or collapse(genre.get("literal")) or _code(genre.get("qcode")) or None
    )


def _source(cm: etree._Element) -> Source | None:
    source = cm.find("{*}infoSource")
    if source is None:
        return None
    name = text_of(source.find("{*}name")) or collapse(source.get("literal")) or _code(source.get("qcode"))
    name = name or collapse(source.get("uri"))
    return build(Source, source, name=name, url=source.get("uri")) if name else None


def _rights(item: etree._Element) -> str | None:
    info = item.find("{*}rightsInfo")
    if info is None:
        return None
    return text_of(info.find("{*}copyrightNotice")) or text_of(info.find("{*}copyrightHolder/{*}name"))


def _related(link: etree._Element) -> RelatedLink:
    title = text_of(link.find("{*}title")) or collapse(link.get("title")) or collapse(link.get("href")) or "?"
    authors = [p for p in (party(c) for c in link.findall("{*}creator")) if p is not None]
    return build(
        RelatedLink,
        link,
        title=title,
        url=link.get("href"),
        authors=authors,
        relation=catalog.RELATIONS[link.get("rel") or ""],
    )


def _translation(link: etree._Element) -> Translation:
    language = link.find("{*}language")
    tag = collapse(language.get("tag")) if language is not None else collapse(link.get(XML_LANG))
    if not tag:
        raise SchemaError("a translation link names no language", where=where(link))
    nested = link.find("{*}newsItem")
    article = read_news_item(nested) if nested is not None else None
    return build(
        Translation,
        link,
        language=tag,
        url=link.get("href"),
        title=text_of(link.find("{*}title")),
        article=article,
    )
