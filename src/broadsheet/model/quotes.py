"""Direct quotations and who said them."""

from __future__ import annotations

import attrs

from broadsheet.model import values
from broadsheet.model._fields import instance_of
from broadsheet.model.credits import Person

__all__ = ["Quote", "quoted_words"]

_CLOSERS = {"«": "»", "„": "“”", "“": "”", "‚": "‘’", "‘": "’", '"': '"'}
"""Opening quotation marks and the marks that close each (the same pairs writers use)."""


def _apostrophe(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def _enclosed(text: str) -> bool:
    """Whether the first and last characters are one pair of quotation marks holding all of ``text``.

    ``«Так», — сказав він`` or ``«Так» і «Ні»`` are not: their marks close
    before the end. Straight ``"`` marks count only when there are no others.
    """
    closers = _CLOSERS.get(text[:1])
    if closers is None or len(text) < 3 or text[-1] not in closers or not text[1:-1].strip():
        return False
    opening = text[0]
    if opening == '"':
        return '"' not in text[1:-1]
    depth = 1
    for index in range(1, len(text) - 1):
        char = text[index]
        if char == opening and char not in closers:
            depth += 1
        elif char in closers and not (char == "’" and _apostrophe(text, index)):
            depth -= 1
            if depth == 0:
                return False
    return depth == 1


def quoted_words(value: str) -> str:
    """A quotation's text: cleaned lines, without the quotation marks enclosing all of it (every such pair).

    Readers find quotations with their marks (``<blockquote>«…»</blockquote>``,
    ``<q>“…”</q>``); writers add the marks of the quotation's language, so the
    marks are taken off here, where every quotation is made.
    """
    text = values.required_lines(value)
    while _enclosed(text):
        text = values.clean_lines(text[1:-1])
    return text


@attrs.frozen(kw_only=True)
class Quote:
    """Words someone said or wrote, as the article quotes them.

    A quote lives in the body where it was said: inside a paragraph as an
    :class:`~broadsheet.model.InlineQuote` or set apart as a
    :class:`~broadsheet.model.QuoteBlock`. Writers add the quotation marks
    the language uses; the text holds only the words (nested quotations keep
    their own marks): a text wholly enclosed in one pair of quotation marks
    (``«…»``, ``„…“``, ``“…”``, ``‘…’``, ``"…"``) is stored without them.
    """

    text: str = attrs.field(converter=quoted_words)
    """The quoted words without the outer quotation marks; paragraphs are kept apart by newlines."""
    speaker: Person | None = attrs.field(default=None, validator=instance_of(Person, type(None)))
    """Who said it, when the article names them."""
    cite: str | None = attrs.field(default=None, converter=values.optional_url)
    """A URL of the quoted source."""
    language: str | None = attrs.field(default=None, converter=values.optional_language)
    """The language of the quoted words, when it differs from the article's."""
