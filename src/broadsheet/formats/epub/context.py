"""What the renderers of one chapter share: its language, its base URL, the book's images.

A :class:`Context` is also the body walk's resolver: links resolved against the
article's URL (or dropped), images embedded in the book.
"""

from __future__ import annotations

import attrs

from broadsheet.formats.epub.hrefs import external_href
from broadsheet.formats.epub.images import ImageStore
from broadsheet.model import Image

MAX_NESTING = 200
"""Deepest nesting of body nodes written; XML parsers in reading systems stop at 256 levels."""


@attrs.define(kw_only=True)
class Context:
    """The state rendering one article needs; image counts feed the accessibility metadata."""

    language: str | None
    """The article's language (quotation marks, labels)."""
    base_url: str | None
    """The article's URL, against which relative links and images resolve."""
    images: ImageStore
    """The book's images."""
    translation_pages: dict[str, str] = attrs.field(factory=dict)
    """Language → the page holding the article's translation in this book."""
    images_shown: int = 0
    """How many images were embedded."""
    images_without_alt: int = 0
    """How many embedded images have no text alternative."""
    title: str = ""
    """The article's title, for error messages."""

    def href(self, url: str | None) -> str | None:
        """An absolute, EPUB-safe link for ``url``, or ``None`` when it cannot be kept."""
        return external_href(url, self.base_url)

    def image(self, image: Image) -> tuple[str, str] | None:
        """The embedded file's name and the alt text (the caption when there is none), counted
        for the accessibility metadata; ``None`` when the image cannot be embedded."""
        name = self.images.add(image.url, self.base_url)
        if name is None:
            return None
        alt = image.alt or image.caption or ""
        self.images_shown += 1
        if not alt:
            self.images_without_alt += 1
        return name, alt
