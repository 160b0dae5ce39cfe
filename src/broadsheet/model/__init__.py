"""The article model: frozen, typed, format-agnostic.

Everything here is an immutable ``attrs`` class with keyword-only fields;
change a copy with :func:`attrs.evolve`. Equality is structural. Strings are
normalised on the way in (see :mod:`broadsheet.model.values`); values the
model cannot hold raise :class:`~broadsheet.errors.ModelError`.
"""

from broadsheet.model.article import Article, Translation
from broadsheet.model.blocks import (
    BLOCK_TYPES,
    Block,
    BulletList,
    Embed,
    Figure,
    Heading,
    OrderedList,
    Paragraph,
    QuoteBlock,
    RelatedBox,
    Separator,
    Table,
    TableCell,
)
from broadsheet.model.comments import Comment
from broadsheet.model.credits import Person, Publisher, Source
from broadsheet.model.edition import Edition, Section
from broadsheet.model.inlines import (
    INLINE_TYPES,
    Emphasis,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    Strong,
    Text,
)
from broadsheet.model.links import RelatedLink, Relation
from broadsheet.model.media import Image
from broadsheet.model.quotes import Quote
from broadsheet.model.walk import collect, rebuild

Document = Article | Edition
"""What readers return and writers accept: one article or a whole edition."""

__all__ = [
    "BLOCK_TYPES",
    "INLINE_TYPES",
    "Article",
    "Block",
    "BulletList",
    "Comment",
    "Document",
    "Edition",
    "Embed",
    "Emphasis",
    "Figure",
    "Heading",
    "Image",
    "Inline",
    "InlineQuote",
    "LineBreak",
    "Link",
    "Mention",
    "OrderedList",
    "Paragraph",
    "Person",
    "Publisher",
    "Quote",
    "QuoteBlock",
    "RelatedBox",
    "RelatedLink",
    "Relation",
    "Section",
    "Separator",
    "Source",
    "Strong",
    "Table",
    "TableCell",
    "Text",
    "Translation",
    "collect",
    "rebuild",
]
