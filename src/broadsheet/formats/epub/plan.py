"""A plain description of an EPUB book (files, reading order, navigation, metadata).

The renderers fill it in; :mod:`broadsheet.formats.epub.package` turns it into a
zip with ebooklib. Keeping this layer free of ebooklib keeps the AGPL, untyped
library behind one module.
"""

from __future__ import annotations

import datetime as dt

import attrs


@attrs.frozen(kw_only=True)
class Resource:
    """A file in the book that is not a page: an image or a stylesheet."""

    name: str
    """File name inside the book's folder, e.g. ``"img-001.jpg"``."""
    media_type: str
    """The IANA media type."""
    data: bytes
    """The file's bytes."""
    cover_image: bool = False
    """Whether this is the book's cover image (``properties="cover-image"``)."""


@attrs.frozen(kw_only=True)
class Page:
    """An XHTML content document in the reading order."""

    name: str
    """File name inside the book's folder, e.g. ``"article-001.xhtml"``."""
    id: str
    """The manifest id."""
    title: str
    """The title shown in navigation."""
    data: bytes
    """The complete XHTML document."""


@attrs.frozen(kw_only=True)
class NavEntry:
    """One entry of the table of contents, with its children (sections hold articles)."""

    title: str
    """The label shown."""
    href: str
    """The target: a page name, optionally with a ``#fragment``."""
    id: str
    """An id unique in the book (used for the NCX navPoint)."""
    children: tuple[NavEntry, ...] = ()
    """Entries one level down."""


@attrs.frozen(kw_only=True)
class Landmark:
    """A landmark of the book (cover, contents, start of the text)."""

    kind: str
    """EPUB 2 guide type: ``"cover"``, ``"toc"`` or ``"text"``."""
    href: str
    """The target page."""
    title: str
    """The label shown."""


@attrs.frozen(kw_only=True)
class Creator:
    """An author of the book."""

    name: str
    """The name as printed."""
    role: str = "aut"
    """A MARC relator code."""


@attrs.frozen(kw_only=True)
class Metadata:
    """What the package document says about the book."""

    identifier: str
    """The unique identifier, e.g. ``"urn:uuid:…"``."""
    title: str
    """The book's title."""
    languages: tuple[str, ...]
    """The book's languages, the main one first."""
    direction: str
    """``"ltr"`` or ``"rtl"``: the main language's direction."""
    modified: dt.datetime
    """``dcterms:modified``, in UTC."""
    date: str | None = None
    """The publication date (``dc:date``), ISO 8601."""
    creators: tuple[Creator, ...] = ()
    """The authors, in byline order."""
    publisher: str | None = None
    """``dc:publisher``."""
    description: str | None = None
    """``dc:description``: the lead."""
    subjects: tuple[str, ...] = ()
    """``dc:subject``: tags and sections."""
    rights: str | None = None
    """``dc:rights``."""
    source: str | None = None
    """``dc:source``: the canonical URL of a one-article book."""
    properties: tuple[tuple[str, str], ...] = ()
    """Further ``<meta property=…>`` pairs (accessibility metadata, ``dcterms:conformsTo``)."""


@attrs.frozen(kw_only=True)
class Book:
    """Everything the packager needs, in order."""

    metadata: Metadata
    """The package metadata."""
    pages: tuple[Page, ...]
    """The content documents in reading order."""
    resources: tuple[Resource, ...]
    """Images and stylesheets."""
    toc: tuple[NavEntry, ...]
    """The table of contents."""
    landmarks: tuple[Landmark, ...]
    """The landmarks."""
    nav_title: str
    """The navigation document's heading (``"Зміст"``)."""
    landmarks_title: str
    """The landmarks list's heading."""
    stylesheets: tuple[str, ...]
    """Names of the stylesheets the navigation document links."""
