"""What the renderers of one chapter share: its language, its base URL, the book's images."""

from __future__ import annotations

import attrs

from broadsheet.formats.epub.images import ImageStore


@attrs.define(kw_only=True)
class Context:
    """The state rendering one article needs; image counts feed the accessibility metadata."""

    language: str | None
    """The article's language (quotation marks, labels)."""
    base_url: str | None
    """The article's URL, against which relative links and images resolve."""
    images: ImageStore
    """The book's images."""
    images_shown: int = 0
    """How many images were embedded."""
    images_without_alt: int = 0
    """How many embedded images have no text alternative."""
