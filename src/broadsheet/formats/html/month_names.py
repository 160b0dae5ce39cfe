"""Month names and date order of a language, from the Unicode CLDR (through Babel), not our own lists.

Printed dates name their month in the page's language ("3. Mai 2024", "3 мая 2024 г.", "May 3,
2024"), in the forms CLDR knows: wide and abbreviated, in running text and standing alone (the
genitive "мая" as well as "май"). Babel is imported, and a language's names loaded, only when a
page prints a word where a month name could be.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from broadsheet import lexicon

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["month_first", "number", "numbers"]


def number(name: str, language: str | None) -> int | None:
    """The month ``name`` (any case, a trailing dot allowed) names in ``language`` or English; in
    any language the lexicon has a file for when ``language`` is ``None``, if no two of them read
    it as different months. Languages are loaded as far as needed, English first."""
    key = name.casefold().rstrip(".")
    if not language:
        english = _locale_numbers("en").get(key)
        if english:
            return english  # English wins every name it has: no other locale need be loaded
        # Of unknown language, a name is read only when no two languages read it differently
        # ("listopada" is November in Polish, October in Croatian): a wrong month is worse than none.
        return _numbers(_languages(None)).get(key)
    for tag in _languages(language):
        found = _locale_numbers(tag).get(key)
        if found:
            return found
    return None


def numbers(language: str | None) -> Mapping[str, int]:
    """Every month name :func:`number` knows for ``language``, case-folded, by month number."""
    return _numbers(_languages(language))


def month_first(language: str | None) -> bool:
    """Whether the language writes a numeric date month first (``5/3/2024`` is May 3 in ``en``)."""
    primary = _languages(language)[0]
    locale = _locale(primary)
    if locale is None:
        return False
    pattern = str(locale.date_formats["short"].pattern)
    day, month = pattern.find("d"), pattern.find("M")
    return 0 <= month < day


def _languages(language: str | None) -> tuple[str, ...]:
    if language:
        parts = language.replace("_", "-").split("-")
        return tuple(dict.fromkeys(["-".join(parts[:2]), parts[0].lower(), "en"]))
    return ("en", *lexicon.available())


@functools.cache
def _numbers(languages: tuple[str, ...]) -> Mapping[str, int]:
    # The first language listed (the page's own, or English) wins every name it has; of the others,
    # a name two read as different months is nobody's.
    first = _locale_numbers(languages[0])
    found = dict(first)
    disputed: set[str] = set()
    for language in languages[1:]:
        for name, month in _locale_numbers(language).items():
            if name in first:
                continue
            if found.setdefault(name, month) != month:
                disputed.add(name)
    for name in disputed:
        del found[name]
    return found


@functools.cache
def _locale_numbers(tag: str) -> Mapping[str, int]:
    locale = _locale(tag)
    return _names(locale) if locale is not None else {}


def _names(locale: Locale) -> dict[str, int]:
    """A locale's month names: wide and abbreviated, format and stand-alone, and the 3- and
    4-letter beginnings of the wide names where they point to one month only."""
    months = locale.months
    names: dict[str, int] = {}
    wide: list[tuple[str, int]] = []
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in (months.get(context, {}).get(width, {}) or {}).items():
                key = str(name).casefold().rstrip(".")
                if len(key) >= 3 and key.isalpha():
                    names.setdefault(key, int(number))
                    if width == "wide":
                        wide.append((key, int(number)))
    for size in (3, 4):
        for prefix, number in _unambiguous((name[:size], number) for name, number in wide).items():
            names.setdefault(prefix, number)
    return names


def _unambiguous(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    seen: dict[str, set[int]] = {}
    for prefix, number in pairs:
        seen.setdefault(prefix, set()).add(number)
    return {prefix: months.pop() for prefix, months in seen.items() if len(months) == 1}


@functools.cache
def _locale(tag: str) -> Locale | None:
    # Imported here: Babel's import and locale data cost tens of milliseconds, paid only by a
    # process that meets a month name.
    import babel

    try:
        return babel.Locale.parse(tag, sep="-")
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return None
