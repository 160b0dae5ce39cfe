"""Hyphenation by language: soft hyphens put into words before reportlab sets them.

reportlab's own ``hyphenationLang`` does nothing without pyphen and, even with
it, only tries words made of Latin and basic Cyrillic letters: Ukrainian words
with і, ї, є or ґ and all Greek words are never broken. Inserting soft hyphens
ourselves works for every language pyphen knows; reportlab breaks at them,
prints a hyphen at the end of the line and drops the unused ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from broadsheet.formats.pdf import word_breaks

SOFT_HYPHEN = "\u00ad"

MIN_WORD = 5
"""Words shorter than this are never broken."""

LONG_WORD = 80
"""Runs of non-space characters longer than this get forced line breaks (see :func:`long_word_pieces`)."""

_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")
_LONG = re.compile(rf"\S{{{LONG_WORD + 1},}}")


@functools.lru_cache(maxsize=32)
def _dictionary(language: str) -> Callable[[str], str] | None:
    try:
        import pyphen
    except ImportError:  # pragma: no cover - pyphen is a dependency
        return None
    tag = language.replace("-", "_")
    found = pyphen.language_fallback(tag)
    if found is None:
        return None
    dic = pyphen.Pyphen(lang=found, left=2, right=2)

    @functools.lru_cache(maxsize=65536)
    def insert(word: str) -> str:
        return str(dic.inserted(word, hyphen=SOFT_HYPHEN))

    return insert


def hyphenator(language: str | None) -> Callable[[str], str] | None:
    """A function that puts soft hyphens into the words of a text, or ``None`` if pyphen lacks the language."""
    if not language:
        return None
    insert = _dictionary(language)
    if insert is None:
        return None

    def hyphenate(text: str) -> str:
        return _WORD.sub(lambda match: insert(match.group(0)), text)

    return hyphenate


def supported(language: str | None) -> bool:
    """Whether words in ``language`` can be hyphenated."""
    return hyphenator(language) is not None


def long_word_pieces(text: str, size: int = LONG_WORD) -> list[tuple[bool, str]]:
    """Split ``text`` into ``(is_break, piece)`` so that no run of non-space characters is longer than ``size``.

    reportlab splits an over-long word by measuring ever shorter heads, which
    takes quadratic time (about 3 s for 100 000 characters); a forced line
    break every ``size`` characters (at most a line's worth) keeps the time
    linear. ``is_break`` marks the places where a line break goes.
    """
    if len(text) <= LONG_WORD:
        return [(False, text)]
    out: list[tuple[bool, str]] = []
    position = 0
    for match in _LONG.finditer(text):
        if match.start() > position:
            out.append((False, text[position : match.start()]))
        word = match.group(0)
        if word_breaks.needs_breaks(word) and word_breaks.available():
            # Thai and its neighbours run for a sentence without a space: ICU's word boundaries
            # break them (see word_breaks); forced breaks only for a run of thousands of letters.
            for number, piece in enumerate(word_breaks.pieces(word)):
                if number:
                    out.append((True, ""))
                out.append((False, piece))
            position = match.end()
            continue
        for start in range(0, len(word), size):
            if start:
                out.append((True, ""))
            out.append((False, word[start : start + size]))
        position = match.end()
    if position < len(text):
        out.append((False, text[position:]))
    return out
