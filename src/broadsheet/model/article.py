"""The article: one news story with its metadata, body and translations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values
from broadsheet.model._fields import check_members, instance_of, members_of
from broadsheet.model.blocks import BLOCK_TYPES, Block, Figure, RelatedBox, block_sequence
from broadsheet.model.comments import Comment
from broadsheet.model.credits import Person, Publisher, Source
from broadsheet.model.inlines import Mention
from broadsheet.model.links import RelatedLink
from broadsheet.model.media import Image
from broadsheet.model.nesting import check_nesting
from broadsheet.model.quotes import Quote
from broadsheet.model.walk import collect


def _blocks(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    check_members(instance, attribute, value, BLOCK_TYPES)
    check_nesting(value)


def _translations(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    check_members(instance, attribute, value, (Translation,))
    seen: set[str] = set()
    for translation in value:
        assert isinstance(translation, Translation)
        if translation.language in seen:
            raise ModelError(f"two translations into {translation.language!r}")
        seen.add(translation.language)


@attrs.frozen(kw_only=True)
class Article:
    """A news article: everything a reader, an archive or an agency feed needs.

    Only ``title`` is required. ``quotes``, ``related`` and ``lead_image`` are
    derived from the body (and ``see_also``, ``images``) each time they are
    read; nothing is stored twice.
    """

    title: str = attrs.field(converter=values.required_line)
    """The headline. Must not be empty."""
    id: str | None = attrs.field(default=None, converter=values.optional_line)
    """A stable identifier (a GUID, a URN, the publisher's id)."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """The canonical URL."""
    subtitle: str | None = attrs.field(default=None, converter=values.optional_line)
    """A secondary headline (kicker or subheadline)."""
    lead: str | None = attrs.field(default=None, converter=values.optional_lines)
    """The standfirst: a short summary printed between headline and body."""
    language: str | None = attrs.field(default=None, converter=values.optional_language)
    """The article's language as a BCP 47 tag, e.g. ``"uk"``."""
    authors: tuple[Person, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=members_of(Person)
    )
    """The authors, in byline order."""
    published: dt.datetime | None = attrs.field(default=None, converter=values.aware_datetime)
    """When it was first published; always carries a UTC offset."""
    modified: dt.datetime | None = attrs.field(default=None, converter=values.aware_datetime)
    """When it was last changed; always carries a UTC offset."""
    section: str | None = attrs.field(default=None, converter=values.optional_line)
    """The section or desk it belongs to, e.g. ``"Політика"``."""
    tags: tuple[str, ...] = attrs.field(default=(), converter=values.line_tuple)
    """Keywords and topics, without repeats."""
    genre: str | None = attrs.field(default=None, converter=values.optional_line)
    """The kind of story: ``"news"``, ``"interview"``, ``"opinion"``…"""
    dateline: str | None = attrs.field(default=None, converter=values.optional_line)
    """Where and when the story was filed, as printed: ``"KYIV, Jan 21"``."""
    source: Source | None = attrs.field(default=None, validator=instance_of(Source, type(None)))
    """The agency or outlet the story is credited to, e.g. «Інтерфакс-Україна»."""
    publisher: Publisher | None = attrs.field(default=None, validator=instance_of(Publisher, type(None)))
    """Who publishes it."""
    rights: str | None = attrs.field(default=None, converter=values.optional_line)
    """Copyright and usage terms."""
    images: tuple[Image, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=members_of(Image)
    )
    """Images that belong to the article but not to a place in its body (the lead image first)."""
    body: tuple[Block, ...] = attrs.field(default=(), converter=block_sequence, validator=_blocks)
    """The article's text and figures, in reading order."""
    see_also: tuple[RelatedLink, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=members_of(RelatedLink)
    )
    """Related articles with no place in the body (from the page's metadata)."""
    translations: tuple[Translation, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=_translations
    )
    """The same article in other languages, one per language."""
    comments: tuple[Comment, ...] = attrs.field(
        default=(), converter=values.as_tuple, validator=members_of(Comment)
    )
    """Readers' comments under the article, in the page's order (not part of the article's text;
    the HTML reader fills them only when asked)."""

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quotation in the body, in reading order."""
        return tuple(collect(self.body, _quote_of))

    @property
    def related(self) -> tuple[RelatedLink, ...]:
        """Every related article: read-also boxes and mentions in reading order, then ``see_also``."""
        return tuple(collect(self.body, _links_of)) + self.see_also

    @property
    def lead_image(self) -> Image | None:
        """The article's first image: ``images[0]`` if there is one, else the body's first figure.

        The order is the reading order writers use: the images with no place in
        the body (``images``, lead image first) stand before the body, so the
        first of them leads; when there are none, the first :class:`Figure`
        in the body (in reading order, also inside lists) does. ``None`` when
        the article has no image at all.
        """
        if self.images:
            return self.images[0]
        figures = collect(self.body, _figure_image)
        return figures[0] if figures else None


def _quote_of(node: object) -> tuple[Quote, ...]:
    if isinstance(node, Quote):
        return (node,)
    return ()


def _figure_image(node: object) -> tuple[Image, ...]:
    return (node.image,) if isinstance(node, Figure) else ()


def _links_of(node: object) -> tuple[RelatedLink, ...]:
    if isinstance(node, RelatedBox):
        return node.links
    if isinstance(node, Mention):
        return (node.link,)
    return ()


def _article(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Article):
        raise ModelError(f"Translation.article is a {type(value).__name__}; expected Article or None")


def _same_language(instance: Translation, attribute: attrs.Attribute[Any], value: Article | None) -> None:
    if value is not None and value.language is not None and value.language != instance.language:
        raise ModelError(f"translation into {instance.language!r} holds an article in {value.language!r}")


@attrs.frozen(kw_only=True)
class Translation:
    """The same article in another language (a page's UA/RU switch, an ``hreflang`` alternate)."""

    language: str = attrs.field(converter=values.language_tag)
    """The translation's language as a BCP 47 tag."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """Where the translation is published."""
    title: str | None = attrs.field(default=None, converter=values.optional_line)
    """The translation's headline, when known."""
    article: Article | None = attrs.field(default=None, validator=[_article, _same_language])
    """The full translated article, when it has been read too."""
