"""Decoding image bytes from strangers with Pillow, restricted to plain raster formats.

Pillow identifies an image by trying every plugin it has, and some of them
hand the bytes to other programs: EPS and PDF start Ghostscript on what may
be an attacker's PostScript. Only the formats below are ever tried, so such
bytes are simply "not an image"; the pixel limit keeps a small file from
decoding to gigabytes.
"""

from __future__ import annotations

import io
import struct
import warnings
from typing import TYPE_CHECKING

from broadsheet.formats._shared.unavailable import Unavailable

if TYPE_CHECKING:
    from PIL import Image

ALLOWED = ("JPEG", "PNG", "GIF", "WEBP", "BMP")
"""The Pillow formats decoded: the web's raster formats, and BMP (plain pixels; converted to PNG)."""

MAX_PIXELS = 60_000_000
"""Images with more pixels than this are not decoded (a guard against decompression bombs)."""


def decode(data: bytes, *, fit: tuple[int, int] | None = None) -> Image.Image:
    """The decoded image (loaded, its ``format`` one of :data:`ALLOWED`), or :class:`Unavailable`.

    ``fit``: the image will be shown within this many pixels (as displayed, after its EXIF
    orientation); a JPEG much larger is then decoded at a half, a quarter or an eighth of its size
    directly (still at least as large as needed), which is several times faster than decoding it
    whole and resampling.
    """
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise Unavailable("the image is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data), formats=ALLOWED)
            if opened.width * opened.height > MAX_PIXELS:
                raise Unavailable(
                    f"the image has {opened.width}×{opened.height} pixels, more than {MAX_PIXELS:,}"
                )
            if fit is not None and opened.format == "JPEG":
                _draft(opened, fit)
            opened.load()
    except UnidentifiedImageError:
        raise Unavailable("not a JPEG, PNG, GIF, WebP, BMP or SVG image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise Unavailable(f"the image cannot be decoded ({error})") from error
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as error:
        raise Unavailable(f"the image cannot be decoded ({type(error).__name__}: {error})") from error
    if opened.width < 1 or opened.height < 1:
        raise Unavailable("the image is empty")
    return opened


def _draft(image: Image.Image, fit: tuple[int, int]) -> None:
    width, height = image.size
    if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # stored sideways
        width, height = height, width
    scale = min(fit[0] / width, fit[1] / height)
    if scale < 0.5:
        needed = (int(image.width * scale) + 1, int(image.height * scale) + 1)
        image.draft(image.mode if image.mode in ("RGB", "L", "CMYK") else None, needed)


def sniff(data: bytes) -> str | None:
    """The image type the first bytes of ``data`` announce (JPEG, PNG, GIF, WebP, BMP, SVG), else ``None``.

    A check before any decoder runs: a server's ``Content-Type`` and a cached
    file are both a stranger's word, and an HTML error page served as
    ``image/jpeg`` is common.
    """
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM" and len(data) > 26:
        return "image/bmp"
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<") and b"<svg" in head:
        return "image/svg+xml"
    return None
