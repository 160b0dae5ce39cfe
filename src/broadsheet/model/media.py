"""Images and other media an article shows."""

from __future__ import annotations

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values


def _positive(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be a positive integer")


@attrs.frozen(kw_only=True)
class Image:
    """An image with what a reader needs to understand and credit it."""

    url: str = attrs.field(converter=values.image_url)
    """Where the image is: an absolute URL, a path relative to the document, or a ``data:image/…`` URL."""
    alt: str | None = attrs.field(default=None, converter=values.optional_line)
    """Text that replaces the image for readers who cannot see it."""
    caption: str | None = attrs.field(default=None, converter=values.optional_lines)
    """The caption printed with the image."""
    credit: str | None = attrs.field(default=None, converter=values.optional_line)
    """Who the image is credited to (photographer, agency): ``"Фото: Reuters"``."""
    width: int | None = attrs.field(default=None, validator=_positive)
    """Width in pixels, when known."""
    height: int | None = attrs.field(default=None, validator=_positive)
    """Height in pixels, when known."""
    media_type: str | None = attrs.field(default=None, converter=values.optional_line)
    """The IANA media type, e.g. ``"image/jpeg"``, when known."""
