"""Plain-text writer: the words a reader sees, with quotation marks in the article's language."""

from __future__ import annotations

import textwrap

import attrs

from broadsheet.formats._shared.plain_text import block_text
from broadsheet.model import Article, Document, Edition

__all__ = ["WriteOptions", "write"]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the plain-text writer."""

    width: int = 0
    """Wrap lines at this many characters; 0 leaves each paragraph on one line."""


def _article(doc: Article) -> list[str]:
    parts = [doc.title]
    parts.extend(filter(None, (doc.subtitle, doc.lead)))
    # The shared walk's defaults are this writer's: quotation marks, list items a blank line apart.
    parts.extend(text for block in doc.body if (text := block_text(block, doc.language)))
    return parts


def _wrap(part: str, width: int) -> str:
    # A list's items are a blank line apart inside its part: each is wrapped on its own.
    return "\n\n".join(textwrap.fill(chunk, width, break_on_hyphens=False) for chunk in part.split("\n\n"))


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """An article or edition as UTF-8 text, paragraphs apart by blank lines."""
    options = options or WriteOptions()
    if isinstance(document, Edition):
        parts = [document.title]
        for section in document.sections:
            parts.extend(filter(None, (section.title,)))
            for doc in section.articles:
                parts.extend(_article(doc))
    else:
        parts = _article(document)
    if options.width > 0:
        parts = [_wrap(part, options.width) for part in parts]
    return ("\n\n".join(parts) + "\n").encode("utf-8")
