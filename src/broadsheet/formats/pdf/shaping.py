"""Which text needs shaping or right-to-left ordering, and the ordering itself.

reportlab 4+ shapes text with HarfBuzz (through ``uharfbuzz``) when a
paragraph style asks for it, one word at a time; it cannot order mixed
right-to-left lines without its own ``rlbidi`` package, which is not on
PyPI. So this module decides, per paragraph, whether shaping is needed
(only then is it switched on: it costs time on every word), and orders the
words of each drawn line with the Unicode bidi algorithm of ``python-bidi``.
Both come with the ``scripts`` extra (``pip install broadsheet[scripts]``);
without them text is drawn as before and the writer warns.

Everything that knows about HarfBuzz or bidi lives here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

FIX = "pip install broadsheet[scripts]"
"""What a user does to get shaping, right-to-left ordering and the fonts for them."""

# Scripts whose letters change form or position with their neighbours (HarfBuzz needed), by block.
_COMPLEX = (
    ("Hebrew", 0x0590, 0x05FF),
    ("Arabic", 0x0600, 0x06FF),
    ("Syriac", 0x0700, 0x074F),
    ("Arabic", 0x0750, 0x077F),
    ("Thaana", 0x0780, 0x07BF),
    ("NKo", 0x07C0, 0x07FF),
    ("Arabic", 0x0870, 0x08FF),
    ("Devanagari", 0x0900, 0x097F),
    ("Bengali", 0x0980, 0x09FF),
    ("Gurmukhi", 0x0A00, 0x0A7F),
    ("Gujarati", 0x0A80, 0x0AFF),
    ("Oriya", 0x0B00, 0x0B7F),
    ("Tamil", 0x0B80, 0x0BFF),
    ("Telugu", 0x0C00, 0x0C7F),
    ("Kannada", 0x0C80, 0x0CFF),
    ("Malayalam", 0x0D00, 0x0D7F),
    ("Sinhala", 0x0D80, 0x0DFF),
    ("Thai", 0x0E00, 0x0E7F),
    ("Lao", 0x0E80, 0x0EFF),
    ("Tibetan", 0x0F00, 0x0FFF),
    ("Myanmar", 0x1000, 0x109F),
    ("Khmer", 0x1780, 0x17FF),
    ("Devanagari", 0xA8E0, 0xA8FF),
    ("Hebrew", 0xFB1D, 0xFB4F),
    ("Arabic", 0xFB50, 0xFDFF),
    ("Arabic", 0xFE70, 0xFEFF),
)
_RTL_SCRIPTS = frozenset({"Hebrew", "Arabic", "Syriac", "Thaana", "NKo"})

_COMPLEX_RE = re.compile("[" + "".join(f"\\U{lo:08X}-\\U{hi:08X}" for _, lo, hi in _COMPLEX) + "]")
_RTL_RE = re.compile(
    "[" + "".join(f"\\U{lo:08X}-\\U{hi:08X}" for name, lo, hi in _COMPLEX if name in _RTL_SCRIPTS) + "]"
)
_TAG = re.compile(r"<[^>]*>")
# Chinese and Japanese set no spaces between words: a line may break between any two characters.
_CJK_RE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese or Japanese characters (lines break between any of them)."""
    return _CJK_RE.search(text) is not None


_SPACE_RUN = re.compile(r"(\s+)")


def needs_shaping(text: str) -> bool:
    """True when ``text`` holds letters of a script that HarfBuzz must shape to be read correctly."""
    return _COMPLEX_RE.search(text) is not None


def has_letters(text: str) -> bool:
    """True when ``text`` holds a letter or mark: a word of digits, punctuation and symbols only
    needs no shaping. HarfBuzz, left to guess, would take the direction of such a word from its
    digits' script, and Arabic-Indic and Persian digits are Arabic: "۲۰۲۴" would be drawn
    reversed, where numbers read left to right in every script."""
    return any(unicodedata.category(char)[0] in "LM" for char in text)


def has_rtl(text: str) -> bool:
    """True when ``text`` holds right-to-left letters (Hebrew, Arabic and their neighbours)."""
    return _RTL_RE.search(text) is not None


def script_name(char: str) -> str:
    """The script of a character needing shaping, as a user knows it (``"Devanagari"``), else ``""``."""
    code = ord(char)
    for name, lo, hi in _COMPLEX:
        if lo <= code <= hi:
            return name
    return ""


def scripts_in(text: str) -> list[str]:
    """The complex scripts used in ``text``, in order of first use."""
    found: dict[str, None] = {}
    for match in _COMPLEX_RE.finditer(text):
        found.setdefault(script_name(match.group(0)), None)
    return list(found)


@functools.cache
def shaping_available() -> bool:
    """True when reportlab can shape: ``uharfbuzz`` is importable."""
    from reportlab.pdfbase import ttfonts

    return getattr(ttfonts, "uharfbuzz", None) is not None


@functools.cache
def bidi_available() -> bool:
    """True when the Unicode bidi algorithm of ``python-bidi`` is importable."""
    try:
        import bidi.algorithm  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def markup_text(markup: str) -> str:
    """The characters of paragraph markup, without its tags (entities left as they are)."""
    return _TAG.sub("", markup) if "<" in markup else markup


def is_rtl_paragraph(text: str) -> bool:
    """True when the first strong letter of ``text`` is right to left (rules P2 and P3 of UAX #9)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


OTHER_DIRECTION_SHARE = 0.75
"""A paragraph reads against its language's direction only when at least this share of its words
(each by its first strong letter) read the other way: an English quotation in an Arabic article."""


def base_direction(text: str, language_rtl: bool | None) -> bool:
    """True when a paragraph of plain ``text`` is set right to left.

    UAX #9's higher-level protocol (HL1): the direction of the language the paragraph is written
    in (``language_rtl``, its article's) is its base direction, so an Arabic paragraph that opens
    with "BBC" or "2024" still reads right to left. Only a paragraph whose words are mostly in
    the other direction (:data:`OTHER_DIRECTION_SHARE`) takes that one. When the language says
    nothing (None), the first strong letter decides (rules P2 and P3).
    """
    if language_rtl is None:
        return is_rtl_paragraph(text)
    counts = [0, 0]  # left-to-right words, right-to-left words
    for word in text.split():
        for char in word:
            kind = unicodedata.bidirectional(char)
            if kind in ("L", "R", "AL"):
                counts[kind != "L"] += 1
                break
    own, other = (counts[1], counts[0]) if language_rtl else (counts[0], counts[1])
    if other and other >= OTHER_DIRECTION_SHARE * (own + other):
        return not language_rtl
    return language_rtl


def _neutral(char: str) -> str:
    # Shaped words hold private-use stand-ins for ligature glyphs; they take their neighbours'
    # direction. So does a code point Unicode has not assigned (no bidi class): python-bidi fails
    # an assertion on it.
    if 0xE000 <= ord(char) <= 0xF8FF or not unicodedata.bidirectional(char):
        return "!"
    return char


def token_levels(tokens: Sequence[str], rtl: bool) -> list[int]:
    """The embedding level of each word of a line (in logical order), by the bidi algorithm.

    A word keeps the level of its first strong character: HarfBuzz has shaped
    it in that one direction already, so it is moved as a whole, never split.
    """
    return levels_with_gaps(tokens, rtl)[0]


def levels_with_gaps(tokens: Sequence[str], rtl: bool) -> tuple[list[int], list[int]]:
    """The levels of a line's words (as :func:`token_levels`) and of the space after each word but
    the last, as the bidi algorithm resolves that space.

    The spaces matter: in "3 مايو 2024، 2:05 م" the two numbers are both at level 2, but the
    comma and space between them are at level 1; without that gap the numbers would be reversed
    as one run and the date read "2:05، 2024".
    """
    from bidi import algorithm

    text = " ".join("".join(_neutral(c) for c in token) or "!" for token in tokens)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    chars = storage["chars"]
    levels: list[int] = []
    gaps: list[int] = []
    index = 0
    for number, token in enumerate(tokens):
        width = max(len(token), 1)
        span = chars[index : index + width]
        strong = [c["level"] for c in span if c["orig"] in ("L", "R", "AL", "EN", "AN")]
        levels.append(strong[0] if strong else (span[0]["level"] if span else int(rtl)))
        if number < len(tokens) - 1:
            # The gap's level: the lowest of the word's trailing neutrals and the space itself.
            trailing = [c["level"] for c in span[::-1] if c["orig"] not in ("L", "R", "AL", "EN", "AN")]
            after = chars[index + width]["level"] if index + width < len(chars) else int(rtl)
            gaps.append(min([after, *trailing[:1]]) if trailing else after)
        index += width + 1
    return levels, gaps


def interleaved_order(levels: Sequence[int], gaps: Sequence[int]) -> list[int]:
    """The drawing order of words whose gaps have levels of their own (see :func:`levels_with_gaps`)."""
    sequence: list[int] = []
    for number, level in enumerate(levels):
        sequence.append(level)
        if number < len(gaps):
            sequence.append(gaps[number])
    return [i // 2 for i in visual_order(sequence) if i % 2 == 0]


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indices of items in the order they are drawn left to right (rule L2 of UAX #9)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(level for level in levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order


def split_spaces(text: str) -> list[str]:
    """``text`` cut into words and the runs of spaces between them, in order."""
    return [piece for piece in _SPACE_RUN.split(text) if piece]
