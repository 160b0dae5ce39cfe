"""RSS and Atom feeds and sitemaps: the article URLs they list, with their dates, in their order.

The one module that reads feeds (chosen by measurement against feedparser, see
docs/inputs.md). It reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, sitemaps (with
Google News' ``news:publication_date``) and sitemap indexes, plain or gzip'd,
with the project's hardened XML parser: no entities, no DTD, no network, a size
and depth limit. Only what an edition or a batch needs is read: the feed's title
and, for each entry, its link, title and date.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from typing import TYPE_CHECKING

import attrs

from broadsheet.errors import BroadsheetError, LimitError, ReadError

if TYPE_CHECKING:  # lxml is imported when a feed is read, not when a batch of files starts
    from lxml import etree

__all__ = ["MAX_FEED_BYTES", "Entry", "Feed", "looks_like_feed", "read_feed"]

MAX_FEED_BYTES = 32 * 1024 * 1024
"""The largest feed or sitemap read, after decompression (sitemaps may hold 50,000 URLs)."""

MAX_ENTRIES = 50_000
"""The most entries read from one feed or sitemap (the sitemap protocol's own limit)."""

_ROOTS = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF|urlset|sitemapindex)[\s>/]")
_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*<",
    re.S,
)


_EXTERNAL_DOCTYPE = re.compile(
    rb"""\A((?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*)"""
    rb"""<!DOCTYPE\s+[\w:.-]+(?:\s+(?:PUBLIC\s+(?:"[^"]*"|'[^']*')|SYSTEM)\s+(?:"[^"]*"|'[^']*'))?\s*>""",
    re.S,
)


@attrs.frozen(kw_only=True)
class Entry:
    """One article a feed lists (or, in a sitemap index, one sitemap)."""

    url: str
    title: str | None = None
    published: dt.datetime | None = None
    """When it was published or last changed, as the feed says (timezone-aware; UTC when it says none)."""


@attrs.frozen(kw_only=True)
class Feed:
    """What a feed or sitemap lists, in its order."""

    kind: str
    """``rss``, ``atom``, ``sitemap`` or ``sitemapindex`` (whose entries are further sitemaps)."""
    title: str | None
    entries: tuple[Entry, ...]


def unzip(data: bytes, *, max_bytes: int = MAX_FEED_BYTES, where: str = "feed") -> bytes:
    """``data`` itself, or decompressed when it is gzip (a ``sitemap.xml.gz``), at most ``max_bytes``."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise ReadError(f"{where}: not readable gzip: {error}") from None
    if len(out) > max_bytes:
        raise LimitError(f"{where}: larger than {max_bytes:,} bytes once decompressed")
    return out


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes (perhaps gzip'd) start like a feed or sitemap: cheap, from the first element's name."""
    if data.startswith(b"\x1f\x8b"):
        try:  # the first few kilobytes only: a partial stream is enough to name the root
            data = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(data, 4096)
        except zlib.error:
            return False
    head = data[:4096]
    start = _START.match(head)
    if start is None:
        return False
    found = _ROOTS.match(head, start.end() - 1)
    return found is not None


def read_feed(data: bytes, *, where: str = "feed", max_bytes: int = MAX_FEED_BYTES) -> Feed:
    """The entries of a feed or sitemap; :class:`ReadError` when it is not XML or not one of them."""
    from broadsheet.formats._shared.parsers import parse_xml

    data = unzip(data, max_bytes=max_bytes, where=where)
    data = _with_html_entities_as_references(_without_external_doctype(data))
    try:
        root = parse_xml(data, what="feed", max_bytes=max_bytes, strip_comments=True)
    except BroadsheetError as error:
        raise type(error)(f"{where}: not a feed or sitemap: {error}") from None
    name = str(root.tag).rpartition("}")[2]
    if name == "rss":
        channel = _child(root, "channel")
        return Feed(kind="rss", title=_text(_child(channel, "title")), entries=_rss_items(channel))
    if name == "RDF":  # RSS 1.0: items are the channel's siblings
        return Feed(
            kind="rss", title=_text(_child(_child(root, "channel"), "title")), entries=_rss_items(root)
        )
    if name == "feed":
        return Feed(kind="atom", title=_text(_child(root, "title")), entries=_atom_entries(root))
    if name in ("urlset", "sitemapindex"):
        return Feed(
            kind=name, title=None, entries=_sitemap_entries(root, "url" if name == "urlset" else "sitemap")
        )
    raise ReadError(f"{where}: not a feed or sitemap (its root element is <{name}>)")


def _without_external_doctype(data: bytes) -> bytes:
    """The feed with a DOCTYPE that only names an outside DTD (RSS 0.91's Netscape one) blanked out:
    the parser would try to fetch it and fail, and nothing in a feed needs it. A DOCTYPE with an
    internal subset stays, for the parser to refuse the entities it declares."""
    found = _EXTERNAL_DOCTYPE.match(data[:4096])
    if found is None:
        return data
    start, end = found.end(1), found.end()
    return data[:start] + b" " * (end - start) + data[end:]


_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_CDATA_OPEN, _CDATA_CLOSE = b"<![CDATA[", b"]]>"
_references: dict[bytes, bytes] = {}


def _reference(found: re.Match[bytes]) -> bytes:
    name = found.group(1)
    if name in _XML_ENTITIES:
        return found.group()
    if not _references:
        import html.entities

        for key, text in html.entities.html5.items():
            if key.endswith(";"):
                _references[key[:-1].encode("ascii")] = "".join(f"&#{ord(c)};" for c in text).encode()
    return _references.get(name, found.group())


def _with_html_entities_as_references(data: bytes) -> bytes:
    """The feed with HTML's named entities (``&nbsp;``, ``&eacute;``, which hand-written RSS uses as
    if it were HTML) written as character references (``&#160;``), which XML needs no DTD for.

    Nothing is declared or expanded: a reference is replaced by the fixed reference of its
    character(s), in one pass (``<![CDATA[`` sections, where ``&`` is plain text, are kept as they
    are), so the text grows by a bounded factor and a DOCTYPE that declares entities is refused by
    the parser as before. Other undeclared names stay, for the parser to refuse.
    """
    if b"&" not in data:
        return data
    out: list[bytes] = []
    start = 0
    while True:
        opened = data.find(_CDATA_OPEN, start)
        end = len(data) if opened < 0 else opened
        out.append(_ENTITY.sub(_reference, data[start:end]))
        if opened < 0:
            break
        closed = data.find(_CDATA_CLOSE, opened)
        start = len(data) if closed < 0 else closed + len(_CDATA_CLOSE)
        out.append(data[opened:start])
        if start >= len(data):
            break
    return b"".join(out)


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    if parent is None:
        return []
    # The tag's text after its namespace: cheaper than a QName per child, and feeds mix namespaces.
    return [child for child in parent if isinstance(child.tag, str) and child.tag.rpartition("}")[2] == name]


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(parent, name)
    return found[0] if found else None


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _rss_items(parent: etree._Element | None) -> tuple[Entry, ...]:
    entries = []
    for item in _children(parent, "item")[:MAX_ENTRIES]:
        link = _text(_child(item, "link"))
        guid = _child(item, "guid")
        if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
            link = _text(guid)  # RSS 2.0: a permalink guid is the item's address
        if not link:
            link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link:
            published = _date(_text(_child(item, "pubDate")) or _text(_child(item, "date")))  # dc:date
            entries.append(Entry(url=link, title=_text(_child(item, "title")), published=published))
    return tuple(entries)


def _atom_entries(root: etree._Element) -> tuple[Entry, ...]:
    entries = []
    for entry in _children(root, "entry")[:MAX_ENTRIES]:
        links = _children(entry, "link")
        chosen = [link for link in links if link.get("rel", "alternate") == "alternate"] or links
        href = chosen[0].get("href") if chosen else None
        if href:
            when = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
            entries.append(
                Entry(url=href.strip(), title=_text(_child(entry, "title")), published=_date(when))
            )
    return tuple(entries)


def _sitemap_entries(root: etree._Element, name: str) -> tuple[Entry, ...]:
    entries = []
    for node in _children(root, name)[:MAX_ENTRIES]:
        loc = _text(_child(node, "loc"))
        if not loc:
            continue
        news = _child(node, "news")  # Google News sitemaps: the article's date and title
        when = _text(_child(news, "publication_date")) or _text(_child(node, "lastmod"))
        title = _text(_child(news, "title"))
        entries.append(Entry(url=loc, title=title, published=_date(when)))
    return tuple(entries)


def _date(text: str | None) -> dt.datetime | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, sitemaps) date; ``None`` when unreadable."""
    if not text:
        return None
    value: dt.datetime | None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        import email.utils

        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value
