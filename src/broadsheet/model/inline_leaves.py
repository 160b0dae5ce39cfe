"""Inline nodes that hold no other inline nodes: plain text, an inline quotation, a line break.

They live apart from :mod:`broadsheet.model.inlines` so that the canonical form
(:mod:`broadsheet.model.canonical`) can build and recognise them while the
containers in ``inlines`` use the canonical form in their converters, with no
import going both ways.
"""

from __future__ import annotations

import attrs

from broadsheet.model import values
from broadsheet.model._fields import instance_of
from broadsheet.model.quotes import Quote

__all__ = ["InlineQuote", "LineBreak", "Text"]


@attrs.frozen(kw_only=True)
class Text:
    """A run of plain text; spaces at its ends separate it from its neighbours."""

    text: str = attrs.field(converter=values.clean_inline)
    """The characters, NFC, with layout whitespace collapsed to single spaces."""


@attrs.frozen(kw_only=True)
class InlineQuote:
    """A quotation within a sentence; writers add the quotation marks."""

    quote: Quote = attrs.field(validator=instance_of(Quote))
    """The quoted words and who said them."""


@attrs.frozen(kw_only=True)
class LineBreak:
    """A forced line break inside a paragraph (as in a poem or an address)."""
