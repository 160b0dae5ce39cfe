"""Words of each language that rules look for, kept as data: one TOML file per language.

The HTML reader (read-also labels, section ends, byline prefixes, reading times...), the text
analysis and the writers' labels all look words up here, by the document's language, so one
list serves them all and adding a language is adding a file ``data/<tag>.toml``. A file holds
tables of phrase lists, addressed as ``"table.key"``::

    language = "uk"

    [body]
    read_also = ["Читайте також", "Дивіться також"]

Phrases are literal text, not patterns; a rule builds its own pattern around
:meth:`Lexicon.alternation`. A page in a language with no file, or of unknown language, is
looked up in every file at once: slower and looser, but it keeps the rules working.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

import attrs

__all__ = ["Lexicon", "available", "for_language"]


@functools.cache
def available() -> tuple[str, ...]:
    """The language tags that have a file, sorted."""
    folder = resources.files(__package__).joinpath("data")
    return tuple(sorted(item.name[:-5] for item in folder.iterdir() if item.name.endswith(".toml")))


@functools.cache
def _table(tag: str) -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("data", f"{tag}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    flat: dict[str, tuple[str, ...]] = {}
    for table, entries in data.items():
        if not isinstance(entries, dict):
            continue
        for key, phrases in entries.items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise TypeError(f"lexicon {tag}.toml: {table}.{key} must be a list of strings")
            flat[f"{table}.{key}"] = tuple(phrases)
    return flat


@attrs.frozen
class Lexicon:
    """The words of one or more languages (several when the language is not known)."""

    languages: tuple[str, ...]

    def words(self, key: str) -> tuple[str, ...]:
        """The phrases listed under ``key`` ("table.key") in this lexicon's languages, without repeats."""
        return _words(self, key)

    def alternation(self, key: str) -> str:
        """A regular-expression alternation of the phrases under ``key``, escaped, longest first
        (so "Read also" wins over "Read"); ``(?!)`` (never matches) when there are none."""
        return _alternation(self, key)


@functools.cache
def _words(lexicon: Lexicon, key: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in lexicon.languages:
        for phrase in _table(tag).get(key, ()):
            seen.setdefault(phrase, None)
    return tuple(seen)


@functools.cache
def _alternation(lexicon: Lexicon, key: str) -> str:
    phrases = sorted(_words(lexicon, key), key=lambda p: (-len(p), p))
    if not phrases:
        return "(?!)"
    return "(?:" + "|".join(re.escape(p) for p in phrases) + ")"


@functools.cache
def for_language(language: str | None) -> Lexicon:
    """The lexicon for a BCP 47 tag: its own file ("pt-BR"), then its language's ("pt"); every
    file when the tag is missing or no file matches."""
    tags = available()
    if language:
        parts = language.replace("_", "-").split("-")
        chosen = [tag for tag in ("-".join(parts[:2]).lower(), parts[0].lower()) if tag in tags]
        chosen = list(dict.fromkeys(chosen))
        if chosen:
            return Lexicon(tuple(chosen))
    return Lexicon(tags)
