"""The table of formats: names, extensions, media types and where each lives.

A format's module is imported only when the format is used, so importing
broadsheet never loads reportlab or ebooklib. Other packages add formats
through the entry-point group ``broadsheet.formats``; each entry point names
a :class:`Format` instance.

A format module provides some of: ``read(data: bytes, options) -> Document``
with a frozen ``ReadOptions`` class, and ``write(document, options) -> bytes``
with a frozen ``WriteOptions`` class.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import attrs

from broadsheet.errors import UnknownFormatError

ENTRY_POINT_GROUP = "broadsheet.formats"

Sniffer = Callable[[bytes], bool]


@attrs.frozen(kw_only=True)
class Format:
    """One row of the registry: how to find and recognise a format."""

    name: str
    """The canonical name used by ``--from``/``--to`` and ``format=``."""
    module: str
    """Dotted path of the module holding ``read``/``write``; imported on first use."""
    title: str
    """A one-line description for ``broadsheet formats``."""
    aliases: tuple[str, ...] = ()
    """Other names accepted for the format."""
    extensions: tuple[str, ...] = ()
    """File name endings, with the dot, most usual first."""
    media_type: str | None = None
    """The IANA media type of the written form."""
    can_read: bool = False
    """Whether the module has a reader."""
    can_write: bool = False
    """Whether the module has a writer."""
    sniff: Sniffer | None = attrs.field(default=None, eq=False)
    """A cheap test on the first bytes of a document: is it this format?"""

    def load(self) -> ModuleType:
        """Import and return the format's module."""
        try:
            return importlib.import_module(self.module)
        except ImportError as error:
            raise UnknownFormatError(
                f"format {self.name!r} is registered but its module {self.module!r} "
                f"cannot be imported: {error}"
            ) from error


def _head(data: bytes, size: int = 4096) -> bytes:
    head = data[:size]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.lstrip()


def _sniff_native_json(data: bytes) -> bool:
    head = _head(data)
    return head.startswith(b"{") and b'"format"' in head and b'"broadsheet' in head


def _sniff_ninjs(data: bytes) -> bool:
    head = _head(data)
    if not head.startswith(b"{") or _sniff_native_json(data):
        return False
    return b"ninjs" in head or b'"uri"' in head or b'"versioncreated"' in head or b'"versionCreated"' in head


def _sniff_newsml(data: bytes) -> bool:
    head = _head(data, 8192)
    return head.startswith(b"<") and (
        b"iptc.org/std/nar/2006-10-01" in head or b"<newsItem" in head or b"<packageItem" in head
    )


def _sniff_html(data: bytes) -> bool:
    # NITF bodies inside NewsML-G2 have <body> too: the more specific format wins.
    if _sniff_newsml(data):
        return False
    head = _head(data, 65536).lower()
    return head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head or b"<body" in head)


BUILTIN_FORMATS: tuple[Format, ...] = (
    Format(
        name="json",
        module="broadsheet.formats.json",
        title="broadsheet's native, lossless JSON (versioned, with a JSON Schema)",
        aliases=("broadsheet", "native"),
        extensions=(".json",),
        media_type="application/vnd.broadsheet+json",
        can_read=True,
        can_write=True,
        sniff=_sniff_native_json,
    ),
    Format(
        name="html",
        module="broadsheet.formats.html",
        title="news web pages (metadata, main text, quotes, related links)",
        aliases=("htm", "web"),
        extensions=(".html", ".htm", ".xhtml", ".shtml"),
        media_type="text/html",
        can_read=True,
        can_write=True,
        sniff=_sniff_html,
    ),
    Format(
        name="newsml",
        module="broadsheet.formats.newsml",
        title="IPTC NewsML-G2 2.35 with a NITF 3.6 body",
        aliases=("newsml-g2", "g2", "nml"),
        extensions=(".xml", ".nml", ".newsml"),
        media_type="application/vnd.iptc.g2.newsitem+xml",
        can_read=True,
        can_write=True,
        sniff=_sniff_newsml,
    ),
    Format(
        name="ninjs",
        module="broadsheet.formats.ninjs",
        title="IPTC ninjs 3.1 (and 2.x) news in JSON",
        extensions=(".ninjs", ".ninjs.json", ".json"),
        media_type="application/ninjs+json",
        can_read=True,
        can_write=True,
        sniff=_sniff_ninjs,
    ),
    Format(
        name="epub",
        module="broadsheet.formats.epub",
        title="EPUB 3 e-book of an article or an edition",
        aliases=("epub3",),
        extensions=(".epub",),
        media_type="application/epub+zip",
        can_write=True,
    ),
    Format(
        name="markdown",
        module="broadsheet.formats.markdown",
        title="Markdown (CommonMark with pipe tables)",
        aliases=("md",),
        extensions=(".md", ".markdown"),
        media_type="text/markdown",
        can_write=True,
    ),
    Format(
        name="text",
        module="broadsheet.formats.text",
        title="plain text, the words a reader sees",
        aliases=("txt", "plain"),
        extensions=(".txt",),
        media_type="text/plain",
        can_write=True,
    ),
    Format(
        name="pdf",
        module="broadsheet.formats.pdf",
        title="PDF for print or screen, of an article or an edition",
        extensions=(".pdf",),
        media_type="application/pdf",
        can_write=True,
    ),
)
"""The formats that come with broadsheet."""

_plugins: tuple[Format, ...] | None = None


def _plugin_formats() -> tuple[Format, ...]:
    global _plugins
    if _plugins is None:
        # Imported here: scanning installed packages is only needed when a name is not built in.
        from importlib import metadata

        found: list[Format] = []
        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                value: Any = entry.load()
            except Exception as error:  # a broken plugin must not break broadsheet
                warnings.warn(
                    f"broadsheet format plugin {entry.name!r} failed to load: {error}", stacklevel=2
                )
                continue
            if isinstance(value, Format):
                found.append(value)
        _plugins = tuple(found)
    return _plugins


def available() -> tuple[Format, ...]:
    """Every installed format: the built-in ones, then those from plugins."""
    names = {f.name for f in BUILTIN_FORMATS}
    return BUILTIN_FORMATS + tuple(f for f in _plugin_formats() if f.name not in names)


def _known(formats: Iterable[Format], can: str) -> str:
    return ", ".join(f.name for f in formats if getattr(f, can))


def _match_name(name: str, formats: Iterable[Format]) -> Format | None:
    key = name.strip().lower().lstrip(".")
    for fmt in formats:
        if key == fmt.name or key in fmt.aliases:
            return fmt
    return None


def get(name: str, *, can: str = "can_read") -> Format:
    """The format called ``name`` (or one of its aliases) that can read or write.

    ``can`` is ``"can_read"`` or ``"can_write"``. Raises
    :class:`UnknownFormatError` listing the formats that can.
    """
    fmt = _match_name(name, BUILTIN_FORMATS) or _match_name(name, available())
    verb = "read" if can == "can_read" else "write"
    if fmt is None:
        raise UnknownFormatError(
            f"unknown format {name!r}; formats that can {verb}: {_known(available(), can)}"
        )
    if not getattr(fmt, can):
        role = "reader" if can == "can_read" else "writer"
        raise UnknownFormatError(
            f"format {fmt.name!r} has no {role}; formats that can {verb}: {_known(available(), can)}"
        )
    return fmt


def _by_extension(filename: str, formats: Iterable[Format], can: str) -> list[Format]:
    lower = os.path.basename(filename).lower()
    matches = [(ext, f) for f in formats if getattr(f, can) for ext in f.extensions if lower.endswith(ext)]
    if not matches:
        return []
    longest = max(len(ext) for ext, _ in matches)
    return [f for ext, f in matches if len(ext) == longest]


def for_output(filename: str) -> Format:
    """The writer a file name asks for, from its extension."""
    candidates = _by_extension(filename, available(), "can_write")
    if not candidates:
        raise UnknownFormatError(
            f"cannot tell the output format from {filename!r}; name one with --to "
            f"({_known(available(), 'can_write')})"
        )
    return candidates[0]


def for_input(data: bytes, filename: str | None = None) -> Format:
    """The reader for a document, from its extension and, where that is unclear, its content.

    An extension that several formats share (``.json``, ``.xml``) is settled by
    content; a missing or unknown one too.
    """
    formats = [f for f in available() if f.can_read]
    candidates = _by_extension(filename, formats, "can_read") if filename else []
    if len(candidates) == 1 and (candidates[0].sniff is None or candidates[0].sniff(data)):
        return candidates[0]
    for fmt in candidates or formats:
        if fmt.sniff is not None and fmt.sniff(data):
            return fmt
    if len(candidates) == 1:
        return candidates[0]
    for fmt in formats:  # the extension misled us: trust the content
        if fmt.sniff is not None and fmt.sniff(data):
            return fmt
    where = f"{filename!r}" if filename else "the input"
    raise UnknownFormatError(
        f"cannot tell the format of {where}; name one with --from ({_known(formats, 'can_read')})"
    )
