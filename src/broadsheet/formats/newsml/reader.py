"""The NewsML-G2 reader: safe parsing, then a ``newsItem``, ``packageItem`` or ``newsMessage`` into the model."""

from __future__ import annotations

import re

from lxml import etree

from broadsheet.errors import SchemaError, VersionError
from broadsheet.formats._shared import parsers, xml
from broadsheet.formats.newsml.catalog import NAR, STANDARD_VERSION
from broadsheet.formats.newsml.item_read import read_news_item
from broadsheet.formats.newsml.options import ReadOptions
from broadsheet.formats.newsml.package_read import read_message, read_package
from broadsheet.model import Article, Edition


def read(data: bytes, options: ReadOptions) -> Article | Edition:
    """Read NewsML-G2 bytes: a ``newsItem`` gives an article; a package or a message of several items an edition."""
    root = parsers.parse_xml(data, what="NewsML-G2", max_bytes=options.max_bytes, max_depth=options.max_depth)
    if options.schema is not None:
        xml.validate(root, options.schema, what="NewsML-G2")
    namespace = root.nsmap.get(root.prefix) if isinstance(root.tag, str) else None
    name = xml.local_name(root)
    if namespace != NAR:
        raise SchemaError(
            f"not NewsML-G2: the root element <{name}> is not in the namespace {NAR}", where=xml.where(root)
        )
    _check_versions(root)
    if name == "newsItem":
        return read_news_item(root)
    if name == "packageItem":
        return read_package(root, [])
    if name == "newsMessage":
        return read_message(root)
    raise SchemaError(
        f"<{name}> is a NewsML-G2 item this reader does not read (newsItem, packageItem, newsMessage)",
        where=xml.where(root),
    )


_VERSION = re.compile(r"2\.[0-9]{1,3}")


def _check_versions(root: etree._Element) -> None:
    # Every 2.x release reads as 2.x (IPTC keeps minor versions compatible); another major, or
    # something that is not a version at all, is not a document this reader understands.
    for item in root.xpath("descendant-or-self::*[@standardversion]"):
        version = item.get("standardversion", "")
        if not _VERSION.fullmatch(version.strip()):
            raise VersionError(
                f"standardversion {version[:20]!r} is not a NewsML-G2 2.x version this reader reads "
                f"(it writes {STANDARD_VERSION})",
                where=xml.where(item),
            )
