"""Getting the articles' images into the book: load, identify, check, name once.

An image is embedded when it can be read (a local path, a ``file:`` or
``data:`` URL, or ``http(s)`` with network access allowed) and decoded. Core
EPUB types (JPEG, PNG, GIF, WebP, SVG) go in as they are, after SVG is
stripped of scripts and external references; other raster types Pillow can
read are converted to PNG. Anything else yields ``None`` and the figure
degrades to its caption.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

from lxml import etree

from broadsheet.errors import BroadsheetError, ImageWarning, ReadError
from broadsheet.formats._shared import parsers
from broadsheet.formats.epub.options import WriteOptions
from broadsheet.formats.epub.plan import Resource

_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/svg+xml": "svg",
}
_PILLOW_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
_SVG = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


class ImageUnavailable(Exception):
    """Why an image cannot go into the book (caught: the figure keeps its caption)."""


class ImageStore:
    """The images of one book, each stored once under a stable name."""

    def __init__(self, options: WriteOptions) -> None:
        """Start an empty store that loads images as ``options`` allow."""
        self._options = options
        self._by_url: dict[tuple[str, str | None], str | None] = {}
        self._by_digest: dict[str, Resource] = {}

    def add(self, url: str, base_url: str | None = None) -> str | None:
        """The book file name of the image at ``url``, or ``None`` when it cannot be embedded."""
        if not self._options.images:
            return None
        key = (url, base_url)
        if key in self._by_url:
            return self._by_url[key]
        try:
            data = _load(url, base_url, self._options)
            data, media_type = _checked(data)
        except ImageUnavailable as error:
            warnings.warn(f"image {url[:120]!r} left out of the EPUB: {error}", ImageWarning, stacklevel=2)
            self._by_url[key] = None
            return None
        name = self.store(data, media_type)
        self._by_url[key] = name
        return name

    def store(self, data: bytes, media_type: str, *, stem: str = "img") -> str:
        """Keep checked image bytes; the same bytes twice are stored once."""
        digest = hashlib.sha256(data).hexdigest()
        existing = self._by_digest.get(digest)
        if existing is not None:
            return existing.name
        name = f"{stem}-{len(self._by_digest) + 1:03d}.{_EXTENSIONS[media_type]}"
        self._by_digest[digest] = Resource(name=name, media_type=media_type, data=data)
        return name

    def resources(self) -> tuple[Resource, ...]:
        """The stored images in the order they were first added."""
        return tuple(self._by_digest.values())


def load_checked(url: str, options: WriteOptions) -> tuple[bytes, str] | None:
    """Load and check one image (a cover); ``None`` with a warning when it cannot be used."""
    try:
        return _checked(_load(url, None, options))
    except ImageUnavailable as error:
        warnings.warn(f"image {url[:120]!r} left out of the EPUB: {error}", ImageWarning, stacklevel=2)
        return None


def _load(url: str, base_url: str | None, options: WriteOptions) -> bytes:
    """The bytes of the image at ``url`` in an article published at ``base_url``.

    An article from the web (``base_url`` is http(s)) never reads local files
    by itself: its relative references resolve against its URL, or inside
    ``image_base`` when that is given, and absolute paths and ``file:`` URLs
    are refused, so a hostile page cannot pull the reader's own files into a
    book they share.
    """
    if url.startswith("//"):
        return _load("https:" + url, base_url, options)
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    from_web = bool(base_url) and urllib.parse.urlsplit(base_url or "").scheme in ("http", "https")
    if scheme == "data":
        return _data_url(url)
    if scheme in ("http", "https"):
        return _download(url, options)
    if scheme == "file":
        if from_web:
            raise ImageUnavailable("an article from the web may not point at local files")
        return _read_file(Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)), options)
    if scheme and len(scheme) > 1:
        raise ImageUnavailable(f"{scheme}: URLs are not supported")
    reference = urllib.parse.unquote(urllib.parse.urlsplit(url).path if from_web else url)
    if from_web:
        if options.image_base is not None:
            base = Path(options.image_base).resolve()
            path = (base / reference.lstrip("/\\")).resolve()
            if path.is_relative_to(base) and path.is_file():
                return _read_file(path, options)
        return _download(urllib.parse.urljoin(base_url or "", url), options)
    path = Path(reference)
    if not path.is_absolute() and options.image_base is not None:
        path = Path(options.image_base) / path
    if path.is_file():
        return _read_file(path, options)
    raise ImageUnavailable(f"no such file: {path}")


def _read_file(path: Path, options: WriteOptions) -> bytes:
    try:
        if path.stat().st_size > options.max_image_bytes:
            raise ImageUnavailable(f"{path} is larger than {options.max_image_bytes:,} bytes")
        return path.read_bytes()
    except OSError as error:
        raise ImageUnavailable(f"{path}: {error.strerror or error}") from error


def _download(url: str, options: WriteOptions) -> bytes:
    if not options.network:
        raise ImageUnavailable("network access is off (set network=True to fetch images)")
    from broadsheet.formats._shared.fetch import fetch

    try:
        return fetch(url, max_bytes=options.max_image_bytes, timeout=options.timeout).data
    except BroadsheetError as error:
        raise ImageUnavailable(str(error)) from error


def _data_url(url: str) -> bytes:
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise ImageUnavailable("malformed data: URL")
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(urllib.parse.unquote(payload), validate=False)
        except (binascii.Error, ValueError) as error:
            raise ImageUnavailable(f"bad base64 in data: URL: {error}") from error
    return urllib.parse.unquote_to_bytes(payload)


def _checked(data: bytes) -> tuple[bytes, str]:
    """The bytes to embed and their media type, after checking they decode."""
    if not data:
        raise ImageUnavailable("the image is empty")
    head = data[:512].lstrip()
    if head.startswith(b"<") or head[:3] == b"\xef\xbb\xbf":
        return _clean_svg(data), "image/svg+xml"
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow comes with reportlab
        return data, _sniff(data)
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.load()
            if kind in _PILLOW_FORMATS:
                return data, _PILLOW_FORMATS[kind]
            # Not a core EPUB type (BMP, TIFF…): a PNG of it reads everywhere.
            converted = image if image.mode in ("1", "L", "LA", "P", "RGB", "RGBA") else image.convert("RGBA")
            out = io.BytesIO()
            converted.save(out, "PNG")
            return out.getvalue(), "image/png"
    except UnidentifiedImageError:
        raise ImageUnavailable("unknown image type") from None
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ImageUnavailable(f"the image cannot be decoded: {error}") from error


def _sniff(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    raise ImageUnavailable("unknown image type")


_SVG_DROP = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}


def _clean_svg(data: bytes) -> bytes:
    """SVG without scripts, event handlers, external references or entities."""
    try:
        root = parsers.parse_xml(data, what="SVG", refuse_entities=False)
    except ReadError as error:
        raise ImageUnavailable(f"not an image (unreadable SVG/XML: {error})") from error
    if root.tag != f"{{{_SVG}}}svg":
        raise ImageUnavailable("unknown image type (XML, but not SVG)")
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            parent = node.getparent()
            if parent is not None and isinstance(node, (etree._ProcessingInstruction, etree._Entity)):
                parent.remove(node)
            continue
        local = etree.QName(node).localname
        if local in _SVG_DROP or (local == "style" and b"@import" in etree.tostring(node)):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
            continue
        for name in list(node.attrib):
            local_name = etree.QName(name).localname.lower()
            value = node.attrib[name].strip()
            if local_name.startswith("on"):
                del node.attrib[name]
            elif (name in ("href", _XLINK_HREF)) and not value.startswith(("#", "data:image/")):
                del node.attrib[name]
                if local in ("image", "use", "feImage") and node.getparent() is not None:
                    node.getparent().remove(node)  # type: ignore[union-attr]
                    break
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")
