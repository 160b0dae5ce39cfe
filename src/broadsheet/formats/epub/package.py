"""The only module that touches ebooklib: a :class:`~.plan.Book` in, EPUB bytes out.

ebooklib writes the package document, the navigation document and the NCX.
Its defaults are wrong for us in several ways (DESIGN.md section 5), each
handled here: the identifier, ``dcterms:modified`` and zip timestamps are
ours, creators get unique ids, the cover page is our own page in the spine,
the page-list is off, the NCX is added, ``xml:lang`` goes on the package and
errors are raised rather than swallowed.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any

from lxml import etree

from broadsheet.errors import WriteError
from broadsheet.formats._shared import parsers
from broadsheet.formats.epub.plan import Book, NavEntry
from broadsheet.formats.epub.xmltext import xml_safe

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FOLDER = "EPUB"


def package(book: Book) -> bytes:
    """Build the EPUB zip for ``book``; byte-for-byte the same for the same book."""
    try:
        from ebooklib import epub
    except ImportError as error:  # pragma: no cover - ebooklib is a dependency
        raise WriteError(f"the epub writer needs ebooklib: {error}") from error
    try:
        raw = _write_with_ebooklib(epub, book)
    except WriteError:
        raise
    except Exception as error:
        raise WriteError(f"ebooklib could not write the book {book.metadata.title!r}: {error}") from error
    return _normalise_zip(raw, book)


def _write_with_ebooklib(epub: Any, book: Book) -> bytes:
    meta = book.metadata
    rtl = meta.direction == "rtl"
    eb = epub.EpubBook()
    eb.FOLDER_NAME = _FOLDER
    # Replaces the random uuid4 ebooklib starts with; the NCX's dtb:uid follows it.
    eb.set_identifier(xml_safe(meta.identifier))
    eb.set_title(xml_safe(meta.title))
    for language in meta.languages:
        eb.add_metadata("DC", "language", language)
    eb.language = meta.languages[0]
    if rtl:
        eb.set_direction("rtl")
    for index, creator in enumerate(meta.creators, start=1):
        # ebooklib's add_author gives every author the id "creator"; ids must be unique.
        uid = f"creator-{index}"
        eb.add_metadata("DC", "creator", xml_safe(creator.name), {"id": uid})
        eb.add_metadata(
            None, "meta", creator.role, {"refines": f"#{uid}", "property": "role", "scheme": "marc:relators"}
        )
    for name, value in (
        ("publisher", meta.publisher),
        ("description", meta.description),
        ("rights", meta.rights),
        ("source", meta.source),
        ("date", meta.date),
    ):
        if value:
            eb.add_metadata("DC", name, xml_safe(value))
    for subject in meta.subjects:
        eb.add_metadata("DC", "subject", xml_safe(subject))
    for prop, value in meta.properties:
        attributes = {"property": prop}
        if prop == "schema:accessibilitySummary":
            attributes[_XML_LANG] = "en"  # the summary is written in English whatever the book's language
        eb.add_metadata(None, "meta", xml_safe(value), attributes)

    for resource in book.resources:
        if resource.cover_image:
            # create_page=False: ebooklib's own cover page is English and outside the spine.
            eb.set_cover(resource.name, resource.data, create_page=False)
        elif resource.media_type.startswith("image/"):
            eb.add_item(
                epub.EpubImage(
                    uid=_item_id(resource.name),
                    file_name=resource.name,
                    media_type=resource.media_type,
                    content=resource.data,
                )
            )
        else:
            eb.add_item(
                epub.EpubItem(
                    uid=_item_id(resource.name),
                    file_name=resource.name,
                    media_type=resource.media_type,
                    content=resource.data,
                )
            )
    spine = []
    for page in book.pages:
        # A plain item, not EpubHtml: our pages are complete XHTML already, and
        # EpubHtml re-parses them with an HTML parser and rebuilds their head.
        spine.append(
            eb.add_item(
                epub.EpubItem(
                    uid=page.id, file_name=page.name, media_type="application/xhtml+xml", content=page.data
                )
            )
        )
    nav = epub.EpubNav(title=xml_safe(book.nav_title), direction="rtl" if rtl else None)
    for sheet in book.stylesheets:
        nav.add_link(href=sheet, rel="stylesheet", type="text/css")
    eb.add_item(nav)
    eb.add_item(epub.EpubNcx())
    eb.toc = [_toc_entry(epub, entry) for entry in book.toc]
    eb.spine = spine  # items, not ids: ebooklib looks ids up one by one through every item
    eb.guide = [
        {"type": mark.kind, "href": mark.href, "title": xml_safe(mark.title)} for mark in book.landmarks
    ]

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # ebooklib warns that raising will become its default; we raise already.
        warnings.filterwarnings("ignore", message="In the future throwing exceptions")
        epub.write_epub(
            buffer,
            eb,
            {
                "raise_exceptions": True,
                "epub3_pages": False,  # ebooklib's page-list collects every element with an id and epub:type
                "mtime": meta.modified,
                "landmark_title": xml_safe(book.landmarks_title),
                "play_order": {"enabled": True, "start_from": 1},
                "package_direction": rtl,
                "spine_direction": True,
                "compresslevel": 0,  # the zip is recompressed once, in _normalise_zip
            },
        )
    return buffer.getvalue()


def _toc_entry(epub: Any, entry: NavEntry) -> Any:
    if entry.children:
        return (
            epub.Section(xml_safe(entry.title), href=entry.href),
            [_toc_entry(epub, child) for child in entry.children],
        )
    return epub.Link(entry.href, xml_safe(entry.title), entry.id)


def _item_id(name: str) -> str:
    stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in name)
    return f"res-{stem}"


def _normalise_zip(raw: bytes, book: Book) -> bytes:
    """Rewrite ebooklib's zip with fixed timestamps and attributes, and finish the OPF and NCX."""
    modified = book.metadata.modified
    # A zip entry's time holds 1980 to 2107 only; the model allows years 1 to 9999.
    stamp = min(max(modified.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    language = book.metadata.languages[0]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        names.sort(key=lambda name: name != "mimetype")  # the mimetype entry must come first
        for name in names:
            data = source.read(name)
            if name == f"{_FOLDER}/content.opf":
                data = _set_language(data, language)
            elif name.endswith(".ncx"):
                data = _finish_ncx(data, language)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, data)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, data, compresslevel=9)
    return out.getvalue()


def _parse(data: bytes) -> etree._Element:
    # Our own chapters, parsed as safely as any input (and as deep as libxml2 goes).
    return parsers.parse_xml(data, what="EPUB document", max_depth=parsers.HTML_MAX_DEPTH)


def _set_language(data: bytes, language: str) -> bytes:
    root = _parse(data)
    root.set(_XML_LANG, language)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


def _finish_ncx(data: bytes, language: str) -> bytes:
    """Add ``xml:lang`` and number navPoints so that one target always has one playOrder.

    ebooklib numbers every navPoint anew, but a section points at its first
    article, and the NCX requires equal targets to share their playOrder.
    """
    root = _parse(data)
    root.set(_XML_LANG, language)
    ncx = "{http://www.daisy.org/z3986/2005/ncx/}"
    orders: dict[str, int] = {}
    for point in root.iter(f"{ncx}navPoint"):
        content = point.find(f"{ncx}content")
        target = content.get("src", "") if content is not None else ""
        point.set("playOrder", str(orders.setdefault(target, len(orders) + 1)))
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")
