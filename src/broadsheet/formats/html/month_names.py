"""Month names and date order of a language, from the Unicode CLDR (through Babel), not our own lists.

Printed dates name their month in the page's language ("3. Mai 2024", "3 мая 2024 г.", "May 3,
2024"), in the forms CLDR knows: wide and abbreviated, in running text and standing alone (the
genitive "мая" as well as "май"). Babel is imported, and a language's names loaded, only when a
page prints a word where a month name could be; what is read from a locale is kept in the cache
folder (``month-names/``, one small JSON file per Babel install), so later processes read that
file instead of importing Babel (0.1 s and more for the first locale).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from broadsheet import lexicon
from broadsheet.formats.html import data_cache

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
    return _month_first(_languages(language)[0])


def _languages(language: str | None) -> tuple[str, ...]:
    if language:
        parts = language.replace("_", "-").split("-")
        return tuple(dict.fromkeys(["-".join(parts[:2]), parts[0].lower(), "en"]))
    return ("en", *lexicon.available())


@functools.cache
def _numbers(languages: tuple[str, ...]) -> Mapping[str, int]:
    # The first language listed (the page's own, or English) wins every name it has; of the others,
    # a name two read as different months is nobody's.
    with _saved_once():  # every lexicon language, for a page of unknown language: one write
        tables = [_locale_numbers(language) for language in languages]
    first = tables[0]
    found = dict(first)
    disputed: set[str] = set()
    for table in tables[1:]:
        for name, month in table.items():
            if name in first:
                continue
            if found.setdefault(name, month) != month:
                disputed.add(name)
    for name in disputed:
        del found[name]
    return found


@functools.cache
def _locale_numbers(tag: str) -> Mapping[str, int]:
    names: dict[str, int] = _facts(tag)["names"]
    return names


_lock = threading.RLock()
"""Held while facts are looked up and the cache file written: one thread at a time in the blocks."""
_depth = 0
_unsaved = False


@contextlib.contextmanager
def _saved_once() -> Iterator[None]:
    """Facts read from Babel within this block (however nested) are written to the cache file
    once, at the end of the outermost one."""
    global _depth, _unsaved
    with _lock:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if not _depth and _unsaved:
                _unsaved = False
                _save()


@functools.cache
def _facts(tag: str) -> dict[str, Any]:
    """What is read from ``tag``'s locale (its month names, and whether it writes the month first
    once that is asked): from the cache file when it holds them, else from Babel (and then added
    to the file)."""
    global _unsaved
    with _saved_once():
        known = _stored()
        facts = known.get(tag)
        if not _valid(facts):
            locale = _locale(tag)
            facts = known[tag] = {"names": _names(locale) if locale is not None else {}}
            _unsaved = True
        return facts


@functools.cache
def _month_first(tag: str) -> bool:
    global _unsaved
    with _saved_once():
        facts = _facts(tag)
        if not isinstance(facts.get("month_first"), bool):
            locale = _locale(tag)
            pattern = str(locale.date_formats["short"].pattern) if locale is not None else ""
            day, month = pattern.find("d"), pattern.find("M")
            facts["month_first"] = 0 <= month < day
            _unsaved = True
        return bool(facts["month_first"])


def _save() -> None:
    path = _store_path()
    if path is not None:
        data_cache.write_file(path, json.dumps(_stored(), ensure_ascii=False).encode())


def _valid(facts: object) -> TypeGuard[dict[str, Any]]:
    """Whether a cache entry has the shape :func:`_facts` gives (else it is read again)."""
    if not isinstance(facts, dict) or not isinstance(facts.get("month_first", False), bool):
        return False
    names = facts.get("names")
    return isinstance(names, dict) and all(isinstance(k, str) and type(v) is int for k, v in names.items())


@functools.cache
def _store_path() -> Path | None:
    """The cache file for the installed Babel, named by its files' size and time; ``None`` when
    Babel cannot be found (its import then fails as it would without the cache)."""
    try:
        spec = importlib.util.find_spec("babel")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return None
        return data_cache.folder("month-names") / f"babel-{data_cache.stamp(origin)}.json"
    except (OSError, ValueError, ImportError):
        return None


@functools.cache
def _stored() -> dict[str, Any]:
    """The cache file's table (tag to facts), read once per process; empty when there is none."""
    path = _store_path()
    if path is None:
        return {}
    try:
        table = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


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
