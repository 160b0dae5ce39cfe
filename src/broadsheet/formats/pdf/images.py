"""Figures' images, loaded by the shared rule and decoded, ready to place on a page.

Loading follows :mod:`broadsheet.formats._shared.resources` (local files only
from the image folder, downloads only with ``fetch_images``); decoding follows
:mod:`broadsheet.formats._shared.raster`. An image that cannot be had yields
a reason instead, and the figure is printed with its caption only.

A write runs inside :func:`session`: every remote image of the document is
downloaded before layout, in parallel, and each image is decoded and
resampled once however many times the pages are laid out (the contents and
column balancing lay them out again).
"""

from __future__ import annotations

import contextlib
import contextvars
import io
from collections.abc import Iterator

import attrs
from reportlab.platypus import Flowable
from reportlab.platypus import Image as ImageFlowable

from broadsheet.formats._shared import raster, resources
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.model import Document, Edition, Figure, Image
from broadsheet.model.walk import collect


@attrs.define
class _Session:
    loader: resources.Loader
    pictures: dict[tuple[str, str | None, bool, float, float, int], Picture | str] = attrs.field(factory=dict)


_SESSION: contextvars.ContextVar[_Session | None] = contextvars.ContextVar(
    "broadsheet_pdf_images", default=None
)


def references(document: Document) -> list[tuple[str, str | None]]:
    """The images the PDF of ``document`` shows, as (URL, base URL): the edition's cover, and each
    article's first listed image and its figures."""
    out: list[tuple[str, str | None]] = []
    if isinstance(document, Edition) and document.cover is not None:
        out.append((document.cover.url, None))
    for article in document.articles if isinstance(document, Edition) else (document,):
        shown = article.images[:1] + tuple(collect(article.body, _figure_image))
        out.extend((image.url, article.url) for image in shown)
    return out


def _figure_image(node: object) -> tuple[Image, ...]:
    return (node.image,) if isinstance(node, Figure) else ()


@contextlib.contextmanager
def session(document: Document, options: WriteOptions) -> Iterator[None]:
    """Load ``document``'s images (remote ones at once, in parallel) for the write running inside."""
    loader = resources.Loader(resources.policy(options))
    if options.images:
        loader.prefetch(references(document))
    token = _SESSION.set(_Session(loader))
    try:
        yield
    finally:
        _SESSION.reset(token)


@attrs.frozen(kw_only=True)
class Picture:
    """A decoded image, converted to the profile's colour space and resampled for its size on the page."""

    data: bytes
    """The encoded image (JPEG or PNG) to embed."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""


def decode(data: bytes, *, cmyk: bool, max_width: float, max_height: float, dpi: int) -> Picture | str:
    """Decode ``data`` with Pillow and re-encode it for the page, or say why it cannot be."""
    from PIL import Image, ImageOps

    limit_w = max(1, int(max_width / 72 * dpi))
    limit_h = max(1, int(max_height / 72 * dpi))
    try:
        image = raster.decode(data, fit=(limit_w, limit_h))
    except resources.Unavailable as error:
        return str(error)
    # The orientation a camera recorded: the re-encoded copy carries no EXIF to say it.
    image = ImageOps.exif_transpose(image)
    if image.width > limit_w or image.height > limit_h:
        image.thumbnail((limit_w, limit_h), Image.Resampling.LANCZOS)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha:
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = background
    image = image.convert("CMYK" if cmyk else "RGB")
    out = io.BytesIO()
    # JPEG for everything: small, fast to embed, and Pillow writes it deterministically.
    image.save(out, format="JPEG", quality=88, optimize=False, progressive=False)
    return Picture(data=out.getvalue(), width=image.width, height=image.height)


def placed(
    url: str,
    *,
    options: WriteOptions,
    base_url: str | None,
    cmyk: bool,
    max_width: float,
    max_height: float,
) -> Flowable | str:
    """The image at ``url`` as a flowable at most ``max_width`` × ``max_height`` points, or why not."""
    current = _SESSION.get() or _Session(resources.Loader(resources.policy(options)))
    dpi = options.max_image_dpi
    key = (url, base_url, cmyk, max_width, max_height, dpi)
    picture = current.pictures.get(key)
    if picture is None:
        try:
            data = current.loader.load(url, base_url=base_url)
        except resources.Unavailable as error:
            picture = str(error)
        else:
            picture = decode(data, cmyk=cmyk, max_width=max_width, max_height=max_height, dpi=dpi)
        current.pictures[key] = picture
    if isinstance(picture, str):
        return picture
    # Small images are not blown up past 1.5 times their size at 96 dpi.
    scale = min(max_width / picture.width, max_height / picture.height, 1.125)
    flowable = ImageFlowable(
        io.BytesIO(picture.data), width=picture.width * scale, height=picture.height * scale
    )
    flowable.hAlign = "LEFT"
    return flowable
