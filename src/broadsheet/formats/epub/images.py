"""Getting the articles' images into the book: load, identify, check, name once.

An image is embedded when the shared loader may read it
(:mod:`broadsheet.formats._shared.resources`) and it decodes as one of the
allowed formats (:mod:`broadsheet.formats._shared.raster`). Core EPUB types
(JPEG, PNG, GIF, WebP, SVG) go in as they are, after SVG is stripped of
scripts, animations and external references; BMP is converted to PNG;
rasters longer than ``max_image_size`` pixels on a side are resampled to it.
Anything else yields ``None`` and the figure degrades to its caption.
Remote images are downloaded together, before the chapters are written
(:meth:`ImageStore.prefetch`).
"""

from __future__ import annotations

import hashlib
import io
import re
import urllib.request
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from broadsheet.errors import ImageWarning, ReadError
from broadsheet.formats._shared import parsers, raster, resources
from broadsheet.formats._shared.resources import Unavailable as ImageUnavailable
from broadsheet.formats.epub.options import WriteOptions
from broadsheet.formats.epub.plan import Resource
from broadsheet.model import Article, Edition, Figure, Image
from broadsheet.model.walk import collect

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

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


class ImageStore:
    """The images of one book, each stored once under a stable name."""

    def __init__(self, options: WriteOptions) -> None:
        """Start an empty store that loads images as ``options`` allow."""
        self._options = options
        self._loader = resources.Loader(resources.policy(options))
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
            data = self._loader.load(url, base_url=base_url)
            data, media_type = _checked(data, self._options.max_image_size)
        except ImageUnavailable as error:
            warnings.warn(
                ImageWarning(
                    f"image {url[:120]!r} left out of the EPUB: {error}",
                    problem=f"image {url[:120]!r} left out: {error}",
                ),
                stacklevel=2,
            )
            self._by_url[key] = None
            return None
        name = self.store(data, media_type)
        self._by_url[key] = name
        return name

    def prefetch(self, document: Article | Edition) -> None:
        """Download every remote image the book of ``document`` shows, in parallel, before it is written."""
        if not self._options.images:
            return
        references: list[tuple[str, str | None]] = []
        for article in document.articles if isinstance(document, Edition) else (document,):
            texts = [article]
            if self._options.translations:
                texts.extend(t.article for t in article.translations if t.article is not None)
            for text in texts:
                shown = (*text.images, *collect(text.body, _figure_image))
                references.extend((image.url, text.url) for image in shown)
        self._loader.prefetch(references)

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


def load_checked(url: str, options: WriteOptions, named_by_caller: bool = False) -> tuple[bytes, str] | None:
    """Load and check one image (a cover); ``None`` with a warning when it cannot be used.

    An image the caller named (the ``cover_image`` option) is read wherever it is; one the document
    names (``Edition.cover``) obeys the rule for every image of the document.
    """
    try:
        policy = resources.policy(options)
        if named_by_caller and not resources.is_web(url) and not url.startswith("data:"):
            path = Path(urllib.request.url2pathname(url[5:]) if url.startswith("file:") else url)
            policy = attrs.evolve(policy, folders=(path.resolve().parent, *policy.folders))
        return _checked(resources.load(url, policy), options.max_image_size)
    except ImageUnavailable as error:
        warnings.warn(
            ImageWarning(
                f"image {url[:120]!r} left out of the EPUB: {error}",
                problem=f"image {url[:120]!r} left out: {error}",
            ),
            stacklevel=2,
        )
        return None


def _figure_image(node: object) -> tuple[Image, ...]:
    return (node.image,) if isinstance(node, Figure) else ()


def _checked(data: bytes, max_size: int = 1600) -> tuple[bytes, str]:
    """The bytes to embed and their media type, after checking they decode (resampled when too large)."""
    if not data:
        raise ImageUnavailable("the image is empty")
    head = data[:512].lstrip()
    if head.startswith(b"<") or head[:3] == b"\xef\xbb\xbf":
        return _clean_svg(data), "image/svg+xml"
    with raster.decode(data) as image:
        if max(image.size) > max_size:
            return _resampled(image, max_size)
        if image.format in _PILLOW_FORMATS:
            return data, _PILLOW_FORMATS[image.format]
        # Not a core EPUB type (BMP): a PNG of it reads everywhere.
        converted = image if image.mode in ("1", "L", "LA", "P", "RGB", "RGBA") else image.convert("RGBA")
        out = io.BytesIO()
        converted.save(out, "PNG")
        return out.getvalue(), "image/png"


def _resampled(image: PILImage, max_size: int) -> tuple[bytes, str]:
    """``image`` at most ``max_size`` pixels on its longest side: a photograph as JPEG, anything with
    transparency or few colours (a chart, a logo) as PNG, keeping its alpha."""
    from PIL import Image as Pillow
    from PIL import ImageOps

    source_format = image.format
    # The orientation a camera recorded is applied now: the resampled copy carries no EXIF to say it.
    image = ImageOps.exif_transpose(image)
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    lossless = transparent or source_format in ("PNG", "GIF", "BMP") or image.mode in ("1", "P")
    mode = "RGBA" if transparent else "L" if image.mode == "L" else "RGB"
    if image.mode != mode:
        image = image.convert(mode)
    image.thumbnail((max_size, max_size), Pillow.Resampling.LANCZOS)
    out = io.BytesIO()
    if lossless:
        image.save(out, "PNG")
        return out.getvalue(), "image/png"
    image.save(out, "JPEG", quality=85, optimize=False, progressive=False)
    return out.getvalue(), "image/jpeg"


_SVG_DROP = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}
# Animations can set any attribute to any value later (`<set attributeName="href" to="javascript:…">`),
# past every check of the attributes as written: a news graphic does not need them.
_SVG_ANIMATION = {"animate", "set", "animateMotion", "animateTransform", "animateColor", "discard"}
# CSS that fetches (url() of anything but a fragment, @import) or hides what it says behind escapes.
_CSS_REACHING_OUT = re.compile(r"@import|expression\s*\(|\\|url\s*\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _clean_svg(data: bytes) -> bytes:
    """SVG without scripts, animations, event handlers, external references (also in CSS) or entities."""
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
        reaching_out = local == "style" and _CSS_REACHING_OUT.search("".join(node.itertext()))
        if local in _SVG_DROP or local in _SVG_ANIMATION or reaching_out:
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
            continue
        for name in list(node.attrib):
            local_name = etree.QName(name).localname.lower()
            value = node.attrib[name].strip()
            if local_name.startswith("on") or _CSS_REACHING_OUT.search(value):
                del node.attrib[name]
            elif (name in ("href", _XLINK_HREF)) and not value.startswith(("#", "data:image/")):
                del node.attrib[name]
                if local in ("image", "use", "feImage") and node.getparent() is not None:
                    node.getparent().remove(node)  # type: ignore[union-attr]
                    break
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")
