"""Direct quotations and who said them."""

from __future__ import annotations

import attrs

from broadsheet.model import values
from broadsheet.model._fields import instance_of
from broadsheet.model.credits import Person


@attrs.frozen(kw_only=True)
class Quote:
    """Words someone said or wrote, as the article quotes them.

    A quote lives in the body where it was said: inside a paragraph as an
    :class:`~broadsheet.model.InlineQuote` or set apart as a
    :class:`~broadsheet.model.QuoteBlock`. Writers add the quotation marks
    the language uses; the text holds only the words (nested quotations keep
    their own marks).
    """

    text: str = attrs.field(converter=values.required_lines)
    """The quoted words without the outer quotation marks; paragraphs are kept apart by newlines."""
    speaker: Person | None = attrs.field(default=None, validator=instance_of(Person, type(None)))
    """Who said it, when the article names them."""
    cite: str | None = attrs.field(default=None, converter=values.optional_url)
    """A URL of the quoted source."""
    language: str | None = attrs.field(default=None, converter=values.optional_language)
    """The language of the quoted words, when it differs from the article's."""
