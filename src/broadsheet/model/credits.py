"""Who wrote, supplied and published an article."""

from __future__ import annotations

import attrs

from broadsheet.model import values


@attrs.frozen(kw_only=True)
class Person:
    """A person named by an article: an author, a speaker, a photographer."""

    name: str = attrs.field(converter=values.required_line)
    """The name as a reader should see it, in its base (nominative) form."""
    role: str | None = attrs.field(default=None, converter=values.optional_line)
    """What the person is in this context: ``"correspondent"``, ``"US Secretary of State"``."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """A page about the person (an author page, a profile)."""


@attrs.frozen(kw_only=True)
class Source:
    """The agency or outlet a story is credited to, e.g. «Інтерфакс-Україна»."""

    name: str = attrs.field(converter=values.required_line)
    """The credited name as printed."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """The agency's or outlet's home page."""


@attrs.frozen(kw_only=True)
class Publisher:
    """The outlet that publishes the article or edition."""

    name: str = attrs.field(converter=values.required_line)
    """The outlet's name, e.g. ``"ZN.ua"``."""
    url: str | None = attrs.field(default=None, converter=values.optional_url)
    """The outlet's home page."""
    logo: str | None = attrs.field(default=None, converter=values.optional_image_url)
    """Location of the outlet's logo image."""
