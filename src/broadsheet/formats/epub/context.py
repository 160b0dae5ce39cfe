"""What the renderers of one chapter share: its language, its base URL, the book's images."""

from __future__ import annotations

import attrs

from broadsheet.errors import WriteError
from broadsheet.formats.epub.images import ImageStore

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
    nesting: int = 0
    """How deep the renderer is in the body's tree right now."""
    title: str = ""
    """The article's title, for error messages."""

    def enter(self) -> None:
        """Go one level deeper into the body; too deep is a :class:`WriteError`."""
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise WriteError(
                f"article {self.title[:60]!r}: its body is nested more than {MAX_NESTING} levels deep, "
                "more than e-book readers can parse"
            )

    def leave(self) -> None:
        """Come back up one level."""
        self.nesting -= 1
