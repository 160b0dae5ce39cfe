"""The table of formats: names, extensions, media types, and where each reader and writer lives.

A :class:`Format` names its reader and writer by where they live, as
``"package.module:name"`` strings (:class:`Reader`, :class:`Writer`), so a
format's module is imported only when the format is used: importing
broadsheet never loads lxml's readers, reportlab or ebooklib. When a format is
used, :meth:`Format.load_reader` / :meth:`Format.load_writer` import the
function and its options class and check that they are what the row promises.

A reader is ``read(data: bytes, options) -> Article | Edition`` and a writer
``write(document, options) -> bytes``; each takes an instance of its frozen
attrs options class (or ``None`` when it has none). Adding a writer to a
format is one field of its row::

    Format(name="html", ..., reader=Reader(...),
           writer=Writer(function="broadsheet.formats.html.writer:write",
                         options="broadsheet.formats.html.writer:WriteOptions"))

Other packages add formats through the entry-point group
``broadsheet.formats``; each entry point names a :class:`Format` instance.
"""

from __future__ import annotations

import importlib
import os
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from broadsheet.errors import UnknownFormatError

if TYPE_CHECKING:  # the model is imported by the formats that read and write it, not by the table
    from broadsheet.model import Document

__all__ = [
    "BUILTIN_FORMATS",
    "ENTRY_POINT_GROUP",
    "Format",
    "LoadedReader",
    "LoadedWriter",
    "ReadFunction",
    "Reader",
    "Role",
    "WriteFunction",
    "Writer",
    "available",
    "for_input",
    "for_output",
    "get",
]

ENTRY_POINT_GROUP = "broadsheet.formats"
"""The entry-point group third-party formats register in."""

Sniffer: TypeAlias = Callable[[bytes], bool]
"""A cheap test on the first bytes of a document: is it this format?"""

ReadFunction: TypeAlias = Callable[[bytes, Any], "Document"]
"""A reader: the document's bytes and an options object (or ``None``) to an article or edition."""

WriteFunction: TypeAlias = Callable[["Document", Any], bytes]
"""A writer: an article or edition and an options object (or ``None``) to bytes."""

Role: TypeAlias = Literal["read", "write"]
"""Which half of a format is asked for."""


def _target(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    module, colon, name = value.partition(":")
    if not colon or not module or not name.isidentifier():
        raise ValueError(f"{attribute.name} must be 'package.module:name', got {value!r}")


def _resolve(target: str, what: str) -> Any:
    """Import ``"package.module:name"`` and return the object it names."""
    module_name, _, name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise UnknownFormatError(f"{what}: module {module_name!r} cannot be imported: {error}") from error
    try:
        return vars(module)[name]
    except KeyError:
        raise UnknownFormatError(f"{what}: module {module_name!r} has no {name!r}") from None


def _options_class(target: str | None, what: str) -> type[Any] | None:
    if target is None:
        return None
    cls = _resolve(target, what)
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise UnknownFormatError(f"{what}: {target} is not an attrs options class")
    return cls


def _function(target: str, what: str) -> Any:
    function = _resolve(target, what)
    if not callable(function):
        raise UnknownFormatError(f"{what}: {target} is not callable")
    return function


@attrs.frozen(kw_only=True)
class LoadedReader:
    """A format's reader, imported: the function and its options class."""

    read: ReadFunction
    """The reader function."""
    options: type[Any] | None
    """Its frozen options class, or ``None`` when it takes no options."""


@attrs.frozen(kw_only=True)
class LoadedWriter:
    """A format's writer, imported: the function and its options class."""

    write: WriteFunction
    """The writer function."""
    options: type[Any] | None
    """Its frozen options class, or ``None`` when it takes no options."""


@attrs.frozen(kw_only=True)
class Reader:
    """Where a format's reader lives; nothing is imported until :meth:`load`."""

    function: str = attrs.field(validator=_target)
    """The reader function, as ``"package.module:name"``."""
    options: str | None = attrs.field(default=None, validator=_target)
    """Its options class, as ``"package.module:Name"``; ``None`` when it takes no options."""

    def load(self, what: str = "reader") -> LoadedReader:
        """Import the function and options class; :class:`UnknownFormatError` if either is missing."""
        return LoadedReader(read=_function(self.function, what), options=_options_class(self.options, what))


@attrs.frozen(kw_only=True)
class Writer:
    """Where a format's writer lives; nothing is imported until :meth:`load`."""

    function: str = attrs.field(validator=_target)
    """The writer function, as ``"package.module:name"``."""
    options: str | None = attrs.field(default=None, validator=_target)
    """Its options class, as ``"package.module:Name"``; ``None`` when it takes no options."""

    def load(self, what: str = "writer") -> LoadedWriter:
        """Import the function and options class; :class:`UnknownFormatError` if either is missing."""
        return LoadedWriter(write=_function(self.function, what), options=_options_class(self.options, what))


@attrs.frozen(kw_only=True)
class Format:
    """One row of the registry: how to recognise a format and where its reader and writer live."""

    name: str
    """The canonical name used by ``--from``/``--to`` and ``format=``."""
    title: str
    """A one-line description for ``broadsheet formats``."""
    aliases: tuple[str, ...] = ()
    """Other names accepted for the format."""
    extensions: tuple[str, ...] = ()
    """File name endings, with the dot, most usual first."""
    media_type: str | None = None
    """The IANA media type of the written form."""
    reader: Reader | None = None
    """The reader, if the format can be read."""
    writer: Writer | None = None
    """The writer, if the format can be written."""
    sniff: Sniffer | None = attrs.field(default=None, eq=False)
    """A cheap test on the first bytes of a document: is it this format?"""

    @property
    def can_read(self) -> bool:
        """Whether the format has a reader."""
        return self.reader is not None

    @property
    def can_write(self) -> bool:
        """Whether the format has a writer."""
        return self.writer is not None

    def can(self, role: Role) -> bool:
        """Whether the format can ``"read"`` or ``"write"``."""
        return self.can_read if role == "read" else self.can_write

    def load_reader(self) -> LoadedReader:
        """Import the reader; :class:`UnknownFormatError` if there is none or it cannot be imported."""
        if self.reader is None:
            raise UnknownFormatError(f"format {self.name!r} has no reader")
        return self.reader.load(f"the {self.name} reader")

    def load_writer(self) -> LoadedWriter:
        """Import the writer; :class:`UnknownFormatError` if there is none or it cannot be imported."""
        if self.writer is None:
            raise UnknownFormatError(f"format {self.name!r} has no writer")
        return self.writer.load(f"the {self.name} writer")


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
        title="broadsheet's native, lossless JSON (versioned, with a JSON Schema)",
        aliases=("broadsheet", "native"),
        extensions=(".json",),
        media_type="application/vnd.broadsheet+json",
        reader=Reader(function="broadsheet.formats.json:read", options="broadsheet.formats.json:ReadOptions"),
        writer=Writer(
            function="broadsheet.formats.json:write", options="broadsheet.formats.json:WriteOptions"
        ),
        sniff=_sniff_native_json,
    ),
    Format(
        name="jsonl",
        title="JSON Lines: one native JSON article per line (streamed by batches)",
        aliases=("ndjson", "json-lines"),
        extensions=(".jsonl", ".ndjson"),
        media_type="application/jsonl",
        reader=Reader(
            function="broadsheet.formats.jsonl:read", options="broadsheet.formats.jsonl:ReadOptions"
        ),
        writer=Writer(
            function="broadsheet.formats.jsonl:write", options="broadsheet.formats.jsonl:WriteOptions"
        ),
    ),
    Format(
        name="html",
        title="news web pages (metadata, main text, quotes, related links)",
        aliases=("htm", "web"),
        extensions=(".html", ".htm", ".xhtml", ".shtml"),
        media_type="text/html",
        reader=Reader(function="broadsheet.formats.html:read", options="broadsheet.formats.html:ReadOptions"),
        writer=Writer(
            function="broadsheet.formats.html_page:write",
            options="broadsheet.formats.html_page.options:WriteOptions",
        ),
        sniff=_sniff_html,
    ),
    Format(
        name="newsml",
        title="IPTC NewsML-G2 2.35 with a NITF 3.6 body",
        aliases=("newsml-g2", "g2", "nml"),
        extensions=(".xml", ".nml", ".newsml"),
        media_type="application/vnd.iptc.g2.newsitem+xml",
        reader=Reader(
            function="broadsheet.formats.newsml.reader:read",
            options="broadsheet.formats.newsml.options:ReadOptions",
        ),
        writer=Writer(
            function="broadsheet.formats.newsml.writer:write",
            options="broadsheet.formats.newsml.options:WriteOptions",
        ),
        sniff=_sniff_newsml,
    ),
    Format(
        name="ninjs",
        title="IPTC ninjs 3.1 (and 2.x) news in JSON",
        extensions=(".ninjs", ".ninjs.json", ".json"),
        media_type="application/ninjs+json",
        reader=Reader(
            function="broadsheet.formats.ninjs.reader:read",
            options="broadsheet.formats.ninjs.options:ReadOptions",
        ),
        writer=Writer(
            function="broadsheet.formats.ninjs.writer:write",
            options="broadsheet.formats.ninjs.options:WriteOptions",
        ),
        sniff=_sniff_ninjs,
    ),
    Format(
        name="epub",
        title="EPUB 3 e-book of an article or an edition",
        aliases=("epub3",),
        extensions=(".epub",),
        media_type="application/epub+zip",
        writer=Writer(
            function="broadsheet.formats.epub:write", options="broadsheet.formats.epub:WriteOptions"
        ),
    ),
    Format(
        name="markdown",
        title="Markdown (CommonMark with pipe tables)",
        aliases=("md",),
        extensions=(".md", ".markdown"),
        media_type="text/markdown",
        writer=Writer(
            function="broadsheet.formats.markdown:write", options="broadsheet.formats.markdown:WriteOptions"
        ),
    ),
    Format(
        name="text",
        title="plain text, the words a reader sees",
        aliases=("txt", "plain"),
        extensions=(".txt",),
        media_type="text/plain",
        writer=Writer(
            function="broadsheet.formats.text:write", options="broadsheet.formats.text:WriteOptions"
        ),
    ),
    Format(
        name="pdf",
        title="PDF for print or screen, of an article or an edition",
        extensions=(".pdf",),
        media_type="application/pdf",
        writer=Writer(function="broadsheet.formats.pdf:write", options="broadsheet.formats.pdf:WriteOptions"),
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


def _known(formats: Iterable[Format], role: Role) -> str:
    return ", ".join(f.name for f in formats if f.can(role))


def _match_name(name: str, formats: Iterable[Format]) -> Format | None:
    key = name.strip().lower().lstrip(".")
    for fmt in formats:
        if key == fmt.name or key in fmt.aliases:
            return fmt
    return None


def get(name: str, *, can: Role = "read") -> Format:
    """The format called ``name`` (or one of its aliases) that can ``"read"`` or ``"write"``.

    Raises :class:`UnknownFormatError` listing the formats that can.
    """
    fmt = _match_name(name, BUILTIN_FORMATS) or _match_name(name, available())
    if fmt is None:
        raise UnknownFormatError(
            f"unknown format {name!r}; formats that can {can}: {_known(available(), can)}"
        )
    if not fmt.can(can):
        role = "reader" if can == "read" else "writer"
        raise UnknownFormatError(
            f"format {fmt.name!r} has no {role}; formats that can {can}: {_known(available(), can)}"
        )
    return fmt


def _by_extension(filename: str, formats: Iterable[Format], role: Role) -> list[Format]:
    lower = os.path.basename(filename).lower()
    matches = [(ext, f) for f in formats if f.can(role) for ext in f.extensions if lower.endswith(ext)]
    if not matches:
        return []
    longest = max(len(ext) for ext, _ in matches)
    return [f for ext, f in matches if len(ext) == longest]


def for_output(filename: str) -> Format:
    """The writer a file name asks for, from its extension (a built-in format's first: like a
    name, an extension a built-in format claims is never taken over by a plugin)."""
    # Built-ins first: most outputs are settled without scanning installed packages for plugins,
    # which costs more than the rest of a small conversion's start-up.
    candidates = _by_extension(filename, BUILTIN_FORMATS, "write") or _by_extension(
        filename, available(), "write"
    )
    if not candidates:
        raise UnknownFormatError(
            f"cannot tell the output format from {filename!r}; name one with --to "
            f"({_known(available(), 'write')})"
        )
    return candidates[0]


def for_input(data: bytes, filename: str | None = None) -> Format:
    """The reader for a document, from its extension and, where that is unclear, its content.

    An extension that several formats share (``.json``, ``.xml``) is settled by
    content; a missing or unknown one too. A built-in format that the extension names and the
    content confirms is taken without looking for plugins (as :func:`get` takes a built-in name).
    """
    builtin = [f for f in BUILTIN_FORMATS if f.can_read]
    named = _by_extension(filename, builtin, "read") if filename else builtin
    # What the rules below would choose anyway, found without scanning installed packages for
    # plugins (that costs more than the rest of a small conversion's start-up): plugins come after
    # the built-ins, so a built-in that the extension names and the content confirms wins.
    if filename and len(named) == 1 and named[0].sniff is None:
        return named[0]
    for fmt in named:
        if fmt.sniff is not None and fmt.sniff(data):
            return fmt
    formats = [f for f in available() if f.can_read]
    candidates = _by_extension(filename, formats, "read") if filename else []
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
        f"cannot tell the format of {where}; name one with --from ({_known(formats, 'read')})"
    )
