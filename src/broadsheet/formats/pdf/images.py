"""Loading figures' images from local paths, ``file:`` and ``data:`` URLs, ready to place on a page.

Nothing is fetched over the network (a writer must give the same bytes every
time); an image that is remote, missing or cannot be decoded yields a reason
instead, and the figure is printed as a caption-only placeholder.
"""

from __future__ import annotations

import base64
import binascii
import io
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import attrs
from reportlab.platypus import Flowable
from reportlab.platypus import Image as ImageFlowable

MAX_IMAGE_BYTES = 50 * 1024 * 1024
"""Image files larger than this are not read."""

MAX_PIXELS = 60_000_000
"""Images with more pixels than this are not decoded (a guard against decompression bombs)."""


@attrs.frozen(kw_only=True)
class Picture:
    """A decoded image, converted to the profile's colour space and resampled for its size on the page."""

    data: bytes
    """The encoded image (JPEG or PNG) to embed."""
    width: int
    """Width in pixels."""
    height: int
    """Height in pixels."""


def read_bytes(url: str, base: Path | None) -> bytes | str:
    """The bytes of the image at ``url``, or a reason why there are none.

    With a ``base`` folder, relative paths resolve against it and no file
    outside it is read; without one, any local path or ``file:`` URL is.
    """
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme == "data":
        return _data_url(url)
    if scheme in ("http", "https", "ftp"):
        return "remote images are not fetched"
    if scheme == "file":
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
    elif len(scheme) > 1:
        return f"{scheme}: URLs are not supported"
    else:
        path = Path(urllib.parse.unquote(url))
        if not path.is_absolute() and base is not None:
            path = base / path
    if base is not None and not path.resolve().is_relative_to(base.resolve()):
        # With image_dir set, a document (perhaps an untrusted page) cannot pull in other local files.
        return f"{path} is outside the image folder {base}"
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return f"{path} is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
        return path.read_bytes()
    except FileNotFoundError:
        return f"{path}: no such file"
    except OSError as error:
        return f"{path}: {error.strerror or error}"


def _data_url(url: str) -> bytes | str:
    head, comma, payload = url.partition(",")
    if not comma:
        return "a data: URL without a comma"
    try:
        if head.lower().endswith(";base64"):
            return base64.b64decode(payload, validate=False)
        return urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as error:
        return f"a data: URL that cannot be decoded ({error})"


def decode(data: bytes, *, cmyk: bool, max_width: float, max_height: float, dpi: int) -> Picture | str:
    """Decode ``data`` with Pillow and re-encode it for the page, or say why it cannot be."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.width * opened.height > MAX_PIXELS:
                return f"the image has {opened.width}×{opened.height} pixels, more than {MAX_PIXELS:,}"
            opened.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        return f"the image cannot be decoded ({error})"
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        return f"the image cannot be decoded ({type(error).__name__}: {error})"
    image: Image.Image = opened
    if image.width < 1 or image.height < 1:
        return "the image is empty"
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
    url: str, *, base: Path | None, cmyk: bool, max_width: float, max_height: float, dpi: int
) -> Flowable | str:
    """The image at ``url`` as a flowable at most ``max_width`` × ``max_height`` points, or why not."""
    data = read_bytes(url, base)
    if isinstance(data, str):
        return data
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
