"""Readers' comments: what readers wrote under an article, kept apart from its body."""

from __future__ import annotations

import datetime as dt

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values
from broadsheet.model._fields import instance_of
from broadsheet.model.credits import Person

__all__ = ["MAX_COMMENT_DEPTH", "Comment"]

MAX_COMMENT_DEPTH = 50
"""The deepest reply a comment can be (threads deeper than this are flattened by readers)."""


def _depth(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COMMENT_DEPTH:
        raise ModelError(f"comment depth must be an integer from 0 to {MAX_COMMENT_DEPTH}, got {value!r}")


@attrs.frozen(kw_only=True)
class Comment:
    """One reader's comment, as the page shows it.

    Comments are not the article: writers of print and syndication formats
    leave them out; the native JSON keeps them. A thread is kept flat, in the
    page's order, each reply with its ``depth`` (a reply to a comment follows
    it one level deeper).
    """

    text: str = attrs.field(converter=values.required_lines)
    """What the reader wrote; paragraphs are kept apart by newlines."""
    author: Person | None = attrs.field(default=None, validator=instance_of(Person, type(None)))
    """Who wrote it, as the page names them."""
    published: dt.datetime | None = attrs.field(default=None, converter=values.aware_datetime)
    """When it was posted; always carries a UTC offset."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """The comment's own address (its permalink)."""
    id: str | None = attrs.field(default=None, converter=values.optional_line)
    """The page's identifier of the comment."""
    depth: int = attrs.field(default=0, validator=_depth)
    """0 for a comment on the article, 1 for a reply to one, and so on."""
