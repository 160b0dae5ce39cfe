"""An edition: articles collected for print or an e-book, optionally in sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values
from broadsheet.model._fields import instance_of, members_of
from broadsheet.model.article import Article
from broadsheet.model.credits import Publisher
from broadsheet.model.media import Image


def _articles(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    members_of(Article)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Section:
    """A named part of an edition ("Politics", "Sport") and its articles in order."""

    articles: tuple[Article, ...] = attrs.field(converter=values.as_tuple, validator=_articles)
    """The section's articles, in reading order."""
    title: str | None = attrs.field(default=None, converter=values.optional_line)
    """The section's name; ``None`` for the unnamed section of an edition without sections."""


def _sections(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    members_of(Section)(instance, attribute, value)
    if not any(section.articles for section in value):  # type: ignore[attr-defined]
        raise ModelError("an edition needs at least one article")


def _date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise ModelError(f"Edition.date must be a date (not a datetime), got {value!r}")


@attrs.frozen(kw_only=True)
class Edition:
    """An ordered collection of articles: the unit of a print or e-book edition."""

    title: str = attrs.field(converter=values.required_line)
    """The edition's title, e.g. ``"ZN.ua — ранковий випуск"``."""
    sections: tuple[Section, ...] = attrs.field(converter=values.as_tuple, validator=_sections)
    """The sections in order; an edition without sections has one untitled section."""
    date: dt.date | None = attrs.field(default=None, validator=_date)
    """The day the edition is for."""
    publisher: Publisher | None = attrs.field(default=None, validator=instance_of(Publisher, type(None)))
    """Who publishes the edition."""
    language: str | None = attrs.field(default=None, converter=values.optional_language)
    """The edition's main language; when ``None``, writers use the articles' most common language."""
    cover: Image | None = attrs.field(default=None, validator=instance_of(Image, type(None)))
    """A cover image; writers generate a cover from the title when there is none."""
    id: str | None = attrs.field(default=None, converter=values.optional_line)
    """A stable identifier for the edition."""

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of every section, in reading order."""
        return tuple(article for section in self.sections for article in section.articles)

    @classmethod
    def of(cls, title: str, articles: Any, **fields: Any) -> Edition:
        """Build an edition without sections from a title and a sequence of articles."""
        return cls(title=title, sections=(Section(articles=articles),), **fields)
