"""The EPUB writer's options: one frozen record with documented defaults."""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import OptionError
from broadsheet.formats._shared.image_options import ImageOptions
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
class WriteOptions(ImageOptions):
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
    max_image_size: int = attrs.field(default=1600, validator=_positive)
    """The longest side of an embedded image in pixels: larger ones are resampled (JPEG at quality 85),
    so that a 6000-pixel original does not make a 20 MB book."""
    stylesheet: str | None = None
    """A user stylesheet: a path to a ``.css`` file, or CSS text; added after the built-in one."""
    replace_stylesheet: bool = False
    """Use ``stylesheet`` instead of the built-in stylesheet rather than after it."""
