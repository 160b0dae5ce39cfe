"""The EPUB writer's options: one frozen record with documented defaults."""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import OptionError
from broadsheet.model import values


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise OptionError(f"epub option {attribute.name} must be a positive number, got {value!r}")


def _language(value: str | None) -> str | None:
    try:
        return values.optional_language(value)
    except ValueError as error:
        raise OptionError(f"epub option language: {error}") from error


@attrs.frozen(kw_only=True)
class WriteOptions:
    """How an article or an edition becomes an EPUB 3 book."""

    language: str | None = attrs.field(default=None, converter=_language)
    """The book's language (BCP 47). ``None``: the edition's, else the articles' most common one."""
    cover: bool = True
    """Start the book with a cover page (the edition's cover image, or one generated from the title)."""
    cover_image: str | None = None
    """A cover image (path, ``file:``/``data:`` URL, or ``http(s)`` URL with ``fetch_images``) used instead;
    the caller names it, so a local path is read wherever it is."""
    contents_page: bool = True
    """Give an edition a masthead page listing its sections and articles with their leads."""
    translations: bool = True
    """Add translations the model holds in full as chapters after their original, and link to them."""
    images: bool = True
    """Embed the articles' images; ``False`` makes a text-only book (figures keep their captions)."""
    fetch_images: bool = False
    """Download ``http(s)`` images (``--fetch-images``): in parallel, each within ``timeout`` and ``max_image_bytes``,
    kept only if the server calls it an image and its bytes are one. Off: such images degrade to their captions."""
    network: bool = False
    """The former name of ``fetch_images`` (deprecated; either turns fetching on)."""
    image_cache: bool = True
    """Keep downloaded images on disk for the next build (``--no-cache``: neither read nor write it)."""
    cache_dir: str | None = None
    """The folder of broadsheet's cache (images go in its ``images`` folder). ``None``:
    ``$BROADSHEET_CACHE_DIR``, else the user's cache folder (``~/.cache/broadsheet`` on Linux)."""
    cache_max_age: float = attrs.field(default=86_400.0, converter=float, validator=_positive)
    """Seconds a cached image is used before it is downloaded again."""
    cache_max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=_positive)
    """The cache's size; past it the oldest images are removed."""
    image_dir: str | None = None
    """The folder local images are read from (several joined by ``os.pathsep``); relative paths resolve
    against it and nothing outside it is read. ``None``: no local file is read (the command line names
    each local input's folder). A web article's images are looked for here first, by path and name."""
    max_image_bytes: int = attrs.field(default=20_000_000, validator=_positive)
    """Images larger than this are left out (their captions stay)."""
    timeout: float = attrs.field(default=20.0, validator=_positive)
    """Seconds to wait for each image download."""
    max_image_size: int = attrs.field(default=1600, validator=_positive)
    """The longest side of an embedded image in pixels: larger ones are resampled (JPEG at quality 85),
    so that a 6000-pixel original does not make a 20 MB book."""
    stylesheet: str | None = None
    """A user stylesheet: a path to a ``.css`` file, or CSS text; added after the built-in one."""
    replace_stylesheet: bool = False
    """Use ``stylesheet`` instead of the built-in stylesheet rather than after it."""
