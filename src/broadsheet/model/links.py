"""Links to other articles: read-also boxes, series, articles named in prose."""

from __future__ import annotations

import enum

import attrs

from broadsheet.model import values
from broadsheet.model._fields import members_of
from broadsheet.model.credits import Person


class Relation(enum.Enum):
    """How a linked article relates to the one that links to it."""

    READ_ALSO = "read-also"
    """Offered in a "read also" box: a story the editors recommend next."""
    MORE_ON_TOPIC = "more-on-topic"
    """Background or further coverage of the same topic."""
    SERIES = "series"
    """Another part of the same series."""
    MENTIONED = "mentioned"
    """Named in the article's prose, usually by author and title."""
    SEE_ALSO = "see-also"
    """Related by the publisher's metadata, with no place in the text."""


@attrs.frozen(kw_only=True)
class RelatedLink:
    """Another article this one points readers to."""

    title: str = attrs.field(converter=values.required_line)
    """The linked article's title, without quotation marks."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """Where the linked article is; ``None`` when the prose names it without a link."""
    authors: tuple[Person, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=members_of(Person)
    )
    """Its authors, in their base (nominative) form."""
    relation: Relation = attrs.field(default=Relation.READ_ALSO, converter=Relation)
    """Why it is linked."""
