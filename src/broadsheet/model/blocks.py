"""Block nodes: the closed set of things an article body is made of.

====================  ========================================================
node                  what it is
====================  ========================================================
:class:`Paragraph`    a paragraph of inline content
:class:`Heading`      a crosshead, level 1 (highest) to 6
:class:`BulletList`   an unordered list; each item is a sequence of blocks
:class:`OrderedList`  a numbered list; each item is a sequence of blocks
:class:`QuoteBlock`   a quotation set apart from the text, with its speaker
:class:`Figure`       an image with its caption and credit
:class:`Table`        a table of rows of cells
:class:`RelatedBox`   a "read also" box of links to other articles, in place
:class:`Embed`        embedded third-party content (a post, a video), kept as a link
:class:`Separator`    a thematic break between parts of the text
====================  ========================================================
"""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values
from broadsheet.model._fields import check_members, instance_of, members_of
from broadsheet.model.canonical import block_children
from broadsheet.model.inlines import INLINE_TYPES, Inline
from broadsheet.model.links import RelatedLink
from broadsheet.model.media import Image
from broadsheet.model.quotes import Quote


def _inlines(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    check_members(instance, attribute, value, INLINE_TYPES)


def _items(instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[object, ...], ...]) -> None:
    # BLOCK_TYPES is defined at the end of this module, before any node is built.
    for item in value:
        check_members(instance, attribute, item, BLOCK_TYPES)


def _item_tuple(items: Any) -> tuple[tuple[Any, ...], ...]:
    return tuple(values.as_tuple(item) for item in values.as_tuple(items))


def _shows_nothing(block: Any) -> bool:
    if isinstance(block, (Paragraph, Heading)):
        return not block.children
    if isinstance(block, (BulletList, OrderedList)):
        return not block.items
    return False


def block_sequence(value: Any) -> tuple[Any, ...]:
    """Blocks in canonical form: paragraphs, headings and lists with no content are
    dropped, as they show nothing."""
    blocks = values.as_tuple(value)
    if any(_shows_nothing(block) for block in blocks):
        return tuple(block for block in blocks if not _shows_nothing(block))
    return blocks


def _list_items(items: Any) -> tuple[tuple[Any, ...], ...]:
    return tuple(item for item in (block_sequence(i) for i in values.as_tuple(items)) if item)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    children: tuple[Inline, ...] = attrs.field(converter=block_children, validator=_inlines)
    """The paragraph's content."""


def _level(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ModelError(f"heading level must be an integer from 1 to 6, got {value!r}")


@attrs.frozen(kw_only=True)
class Heading:
    """A crosshead inside the body (the article's own title is not one)."""

    level: int = attrs.field(validator=_level)
    """1 for the highest level of the body's own outline, down to 6."""
    children: tuple[Inline, ...] = attrs.field(converter=block_children, validator=_inlines)
    """The heading's content."""


@attrs.frozen(kw_only=True)
class BulletList:
    """An unordered list."""

    items: tuple[tuple[Block, ...], ...] = attrs.field(converter=_list_items, validator=_items)
    """The items; each is a sequence of blocks (usually one paragraph)."""


def _start(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(f"list start must be an integer, got {value!r}")


@attrs.frozen(kw_only=True)
class OrderedList:
    """A numbered list."""

    items: tuple[tuple[Block, ...], ...] = attrs.field(converter=_list_items, validator=_items)
    """The items; each is a sequence of blocks (usually one paragraph)."""
    start: int = attrs.field(default=1, validator=_start)
    """The number of the first item."""


@attrs.frozen(kw_only=True)
class QuoteBlock:
    """A quotation set apart from the running text (a pull quote or block quote)."""

    quote: Quote = attrs.field(validator=instance_of(Quote))
    """The quoted words and who said them."""


@attrs.frozen(kw_only=True)
class Figure:
    """An image in the body, with its caption and credit (held by the image)."""

    image: Image = attrs.field(validator=instance_of(Image))
    """The image shown."""


def _span(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise ModelError(f"table cell {attribute.name} must be an integer from 1 to 1000, got {value!r}")


@attrs.frozen(kw_only=True)
class TableCell:
    """One cell of a table."""

    children: tuple[Inline, ...] = attrs.field(default=(), converter=block_children, validator=_inlines)
    """The cell's content."""
    header: bool = attrs.field(default=False, validator=instance_of(bool))
    """Whether the cell heads its row or column (``<th>``)."""
    colspan: int = attrs.field(default=1, validator=_span)
    """How many columns the cell spans."""
    rowspan: int = attrs.field(default=1, validator=_span)
    """How many rows the cell spans."""


def _rows(instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[object, ...], ...]) -> None:
    for row in value:
        check_members(instance, attribute, row, (TableCell,))


def _header_rows(instance: Table, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= len(instance.rows):
        raise ModelError(f"table header_rows must be from 0 to the number of rows, got {value!r}")


@attrs.frozen(kw_only=True)
class Table:
    """A table: rows of cells, the first ``header_rows`` of which form its head."""

    rows: tuple[tuple[TableCell, ...], ...] = attrs.field(converter=_item_tuple, validator=_rows)
    """The rows, top to bottom, each a sequence of cells."""
    header_rows: int = attrs.field(default=0, validator=_header_rows)
    """How many of the first rows are the table's head."""
    caption: str | None = attrs.field(default=None, converter=values.optional_line)
    """The table's caption or title."""


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must not be empty")


@attrs.frozen(kw_only=True)
class RelatedBox:
    """A box of links to other articles ("Читайте також", "Read also") in its place in the body."""

    links: tuple[RelatedLink, ...] = attrs.field(
        converter=values.as_tuple,
        validator=[members_of(RelatedLink), _non_empty],
    )
    """The linked articles, in the order shown."""
    label: str | None = attrs.field(default=None, converter=values.optional_line)
    """The box's label as printed, e.g. ``"Читайте також"``."""


@attrs.frozen(kw_only=True)
class Embed:
    """Third-party content embedded in the page (a post, a video, a map), kept as a link
    (with the post's text when the page quotes it)."""

    url: str = attrs.field(converter=values.url)
    """The embedded content's own address."""
    title: str | None = attrs.field(default=None, converter=values.optional_line)
    """A description of what is embedded."""
    provider: str | None = attrs.field(default=None, converter=values.optional_line)
    """Who hosts it: ``"YouTube"``, ``"X"``, ``"Telegram"``."""
    text: str | None = attrs.field(default=None, converter=values.optional_lines)
    """The embedded post's words as the page quotes them (the fallback text of an embedded
    tweet or Telegram post), paragraphs a line apart; what a printed edition shows."""


@attrs.frozen(kw_only=True)
class Separator:
    """A thematic break between parts of the text."""


Block: TypeAlias = (
    Paragraph
    | Heading
    | BulletList
    | OrderedList
    | QuoteBlock
    | Figure
    | Table
    | RelatedBox
    | Embed
    | Separator
)
"""Any block node."""

BLOCK_TYPES: tuple[type[Block], ...] = (
    Paragraph,
    Heading,
    BulletList,
    OrderedList,
    QuoteBlock,
    Figure,
    Table,
    RelatedBox,
    Embed,
    Separator,
)
"""The block node classes, in the order of the table above."""
