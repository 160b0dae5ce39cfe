"""Inline nodes: the closed set of things a paragraph is made of.

=================  ==========================================================
node               what it is
=================  ==========================================================
:class:`Text`      a run of plain text
:class:`Emphasis`  emphasised text (usually italic)
:class:`Strong`    strongly emphasised text (usually bold)
:class:`Link`      a hyperlink around inline content
:class:`InlineQuote`  a quotation inside a sentence, with its speaker
:class:`Mention`   another article named in the prose, with its structured link
:class:`LineBreak` a forced line break
=================  ==========================================================

:class:`Text`, :class:`InlineQuote` and :class:`LineBreak`, the nodes that hold
no other inline nodes, are defined in :mod:`broadsheet.model.inline_leaves`
(the canonical form of inline content needs them, and the containers here need
the canonical form); they are re-exported here.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs

from broadsheet.model import values
from broadsheet.model._fields import check_members, instance_of
from broadsheet.model.canonical import inline_children
from broadsheet.model.inline_leaves import InlineQuote, LineBreak, Text
from broadsheet.model.links import RelatedLink

__all__ = [
    "INLINE_TYPES",
    "Emphasis",
    "Inline",
    "InlineQuote",
    "LineBreak",
    "Link",
    "Mention",
    "Strong",
    "Text",
]


def _inlines(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    # INLINE_TYPES is defined at the end of this module; it exists by the
    # time any node is built.
    check_members(instance, attribute, value, INLINE_TYPES)


@attrs.frozen(kw_only=True)
class Emphasis:
    """Emphasised text, usually set in italics."""

    children: tuple[Inline, ...] = attrs.field(converter=inline_children, validator=_inlines)
    """The emphasised content."""


@attrs.frozen(kw_only=True)
class Strong:
    """Strongly emphasised text, usually set in bold."""

    children: tuple[Inline, ...] = attrs.field(converter=inline_children, validator=_inlines)
    """The emphasised content."""


@attrs.frozen(kw_only=True)
class Link:
    """A hyperlink around inline content."""

    url: str = attrs.field(converter=values.url)
    """The target; never a ``javascript:`` URL."""
    children: tuple[Inline, ...] = attrs.field(converter=inline_children, validator=_inlines)
    """The linked content."""
    title: str | None = attrs.field(default=None, converter=values.optional_line)
    """Advisory title (the HTML ``title`` attribute)."""


@attrs.frozen(kw_only=True)
class Mention:
    """Another article named in the prose, e.g. by its author and title.

    ``children`` is the text as the paragraph prints it (the title in quotation
    marks, perhaps linked); ``link`` is what it refers to, with the authors in
    their base form.
    """

    link: RelatedLink = attrs.field(validator=instance_of(RelatedLink))
    """The article named."""
    children: tuple[Inline, ...] = attrs.field(converter=inline_children, validator=_inlines)
    """The words of the paragraph that name it."""


Inline: TypeAlias = Text | Emphasis | Strong | Link | InlineQuote | Mention | LineBreak
"""Any inline node."""

INLINE_TYPES: tuple[type[Inline], ...] = (
    Text,
    Emphasis,
    Strong,
    Link,
    InlineQuote,
    Mention,
    LineBreak,
)
"""The inline node classes, in the order of the table above."""
