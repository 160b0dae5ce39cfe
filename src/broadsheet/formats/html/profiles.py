"""Site profiles: per-outlet CSS selectors, kept as data (JSON files), that sharpen the generic reader.

A profile names the domains it serves and, optionally, where the body is,
what to drop from it, and where the title, authors, date, lead, section and
tags are printed. Every selector is CSS. Built-in profiles live in the
``profiles/`` folder beside this module; users pass their own file with
``profile="path/to/site.json"``. The generic reader never needs a profile.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.html

from broadsheet.errors import OptionError

_FIELDS = ("title", "authors", "published", "modified", "lead", "section", "tags")
_KNOWN_KEYS = frozenset({"name", "description", "domains", "body", "drop", *_FIELDS})


@attrs.frozen(kw_only=True)
class Profile:
    """Selectors for one outlet's pages."""

    name: str
    """A short name used by ``profile=``, e.g. ``"zn.ua"``."""
    domains: tuple[str, ...] = ()
    """Host names served (sub-domains match too), e.g. ``("zn.ua",)``."""
    body: str | None = None
    """CSS selector of the element holding the article's text."""
    drop: tuple[str, ...] = ()
    """CSS selectors of elements inside the body that are not the article (ads, promos)."""
    title: str | None = None
    """CSS selector of the headline."""
    authors: str | None = None
    """CSS selector matching each author's name (one element per author)."""
    published: str | None = None
    """CSS selector of the publication date (its ``datetime`` or ``content`` attribute, else its text)."""
    modified: str | None = None
    """CSS selector of the last-modified date."""
    lead: str | None = None
    """CSS selector of the standfirst."""
    section: str | None = None
    """CSS selector of the section name."""
    tags: str | None = None
    """CSS selector matching each tag."""

    def serves(self, url: str | None) -> bool:
        """Whether ``url``'s host is one of the profile's domains or below one."""
        if not url:
            return False
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def select(self, root: lxml.html.HtmlElement, field: str) -> list[lxml.html.HtmlElement]:
        """The elements that the selector for ``field`` matches (none if the profile has no such selector)."""
        selector = getattr(self, field)
        if not selector:
            return []
        return list(_compiled(selector)(root))


@lru_cache(maxsize=256)
def _compiled(selector: str) -> Any:
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector, translator="html")


def from_mapping(data: Any, *, where: str) -> Profile:
    """Build a profile from parsed JSON, checking its keys and selectors."""
    if not isinstance(data, dict):
        raise OptionError(f"{where}: a site profile is a JSON object")
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise OptionError(
            f"{where}: unknown profile keys {', '.join(unknown)}; known: {', '.join(sorted(_KNOWN_KEYS))}"
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OptionError(f"{where}: a profile needs a non-empty 'name'")
    values: dict[str, Any] = {"name": name.strip()}
    domains = data.get("domains", [])
    drop = data.get("drop", [])
    for key, value in (("domains", domains), ("drop", drop)):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise OptionError(f"{where}: {key!r} must be a list of strings")
    values["domains"] = tuple(d.strip().lower().removeprefix("www.") for d in domains)
    values["drop"] = tuple(drop)
    for key in ("body", *_FIELDS):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise OptionError(f"{where}: {key!r} must be a CSS selector string")
        values[key] = value
    for selector in (values["body"], *values["drop"], *(values[k] for k in _FIELDS)):
        if selector:
            try:
                _compiled(selector)
            except Exception as error:  # cssselect raises its own SelectorError family
                raise OptionError(f"{where}: bad CSS selector {selector!r}: {error}") from error
    return Profile(**values)


def load(path: Path) -> Profile:
    """Read a profile from a JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise OptionError(f"cannot read site profile {path}: {error.strerror or error}") from error
    except ValueError as error:
        raise OptionError(f"site profile {path} is not valid JSON: {error}") from error
    return from_mapping(data, where=str(path))


@lru_cache(maxsize=1)
def builtin() -> tuple[Profile, ...]:
    """The profiles that come with broadsheet, sorted by name."""
    folder = resources.files("broadsheet.formats.html") / "profiles"
    found: list[Profile] = []
    for entry in _json_files(folder):
        data = json.loads(entry.read_text(encoding="utf-8"))
        found.append(from_mapping(data, where=f"built-in profile {entry.name}"))
    return tuple(sorted(found, key=lambda p: p.name))


def _json_files(folder: Any) -> Iterator[Any]:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            yield entry


def choose(option: str | None, url: str | None) -> Profile | None:
    """The profile to use: ``option`` names one (a JSON file, or ``"none"``); else the URL's domain picks."""
    if option is not None:
        key = option.strip()
        if key.lower() in ("none", "off", "generic", ""):
            return None
        for profile in builtin():
            if profile.name == key:
                return profile
        if key.endswith(".json") or Path(key).is_file():
            return load(Path(key))
        known = ", ".join(p.name for p in builtin()) or "none"
        raise OptionError(
            f"no site profile {key!r}; built-in profiles: {known}; or give a path to a JSON file"
        )
    for profile in builtin():
        if profile.serves(url):
            return profile
    return None
