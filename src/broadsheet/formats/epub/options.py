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
    """A cover image (path, ``file:``/``data:`` URL, or ``http(s)`` URL with ``network``) used instead;
    the caller names it, so a local path is read wherever it is."""
    contents_page: bool = True
    """Give an edition a masthead page listing its sections and articles with their leads."""
    translations: bool = True
    """Add translations the model holds in full as chapters after their original, and link to them."""
    images: bool = True
    """Embed the articles' images; ``False`` makes a text-only book (figures keep their captions)."""
    network: bool = False
    """Allow fetching ``http(s)`` images. Off: such images degrade to their captions."""
    image_dir: str | None = None
    """The folder local images are read from (several joined by ``os.pathsep``); relative paths resolve
    against it and nothing outside it is read. ``None``: no local file is read (the command line names
    each local input's folder). A web article's images are looked for here first, by path and name."""
    max_image_bytes: int = attrs.field(default=20_000_000, validator=_positive)
    """Images larger than this are left out (their captions stay)."""
    timeout: float = attrs.field(default=20.0, validator=_positive)
    """Seconds to wait for each image download."""
    stylesheet: str | None = None
    """A user stylesheet: a path to a ``.css`` file, or CSS text; added after the built-in one."""
    replace_stylesheet: bool = False
    """Use ``stylesheet`` instead of the built-in stylesheet rather than after it."""
