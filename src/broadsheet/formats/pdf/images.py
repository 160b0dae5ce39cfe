"""Figures' images, loaded by the shared rule and decoded, ready to place on a page.

Loading follows :mod:`broadsheet.formats._shared.resources` (local files only
from the image folder, downloads only with ``network``); decoding follows
:mod:`broadsheet.formats._shared.raster`. An image that cannot be had yields
a reason instead, and the figure is printed with its caption only.
"""

from __future__ import annotations

import io

import attrs
from reportlab.platypus import Flowable
from reportlab.platypus import Image as ImageFlowable

from broadsheet.formats._shared import raster, resources
from broadsheet.formats.pdf.options import WriteOptions


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
    from PIL import Image

    try:
        image = raster.decode(data)
    except resources.Unavailable as error:
        return str(error)
    limit_w = max(1, int(max_width / 72 * dpi))
    limit_h = max(1, int(max_height / 72 * dpi))
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
    try:
        data = resources.load(url, resources.policy(options), base_url=base_url)
    except resources.Unavailable as error:
        return str(error)
    dpi = options.max_image_dpi
    picture = decode(data, cmyk=cmyk, max_width=max_width, max_height=max_height, dpi=dpi)
    if isinstance(picture, str):
        return picture
    # Small images are not blown up past 1.5 times their size at 96 dpi.
    scale = min(max_width / picture.width, max_height / picture.height, 1.125)
    flowable = ImageFlowable(
        io.BytesIO(picture.data), width=picture.width * scale, height=picture.height * scale
    )
    flowable.hAlign = "LEFT"
    return flowable
