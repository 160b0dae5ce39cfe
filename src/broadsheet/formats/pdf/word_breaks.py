"""Where a line may end inside the runs of Thai, Lao, Khmer and Burmese, which set no spaces between words.

reportlab ends lines only at spaces, so a Thai sentence is one long word to
it, cut wherever the column ends, in the middle of a word. ICU's line
breaker finds the word boundaries with its dictionaries for these four
scripts; it comes through ``icu4py`` with the ``scripts`` extra. Measured
against PyThaiNLP's newmm tokenizer, PyICU's wheels and uniseg on Thai news
sentences, it made no cut inside a word (newmm none either; uniseg found no
boundary at all), at a twentieth of newmm's time and with a typed,
maintained binding.

The text is never changed: the words reportlab wraps are cut at those
boundaries into pieces that carry no space after them. reportlab joins
such pieces without a space and may end a line between them, so what is
drawn, and what a reader copies out of the PDF, is the text as given.
Without ``icu4py`` lines break as before (see :func:`available`).

Everything that knows about ICU lives here.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import _getFragWords, _HSFrag, _processed_frags

_NO_SPACES = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]")
"""Thai, Lao, Myanmar and Khmer letters, with their extension blocks."""


def needs_breaks(text: str) -> bool:
    """True when ``text`` holds letters of a script that sets no spaces between words."""
    return _NO_SPACES.search(text) is not None


def frags_need_breaks(frags: list[Any], limit: int = 64) -> bool:
    """True when one of the first ``limit`` frags or words of a paragraph made from frags (a window
    or part of a long one) holds such letters; bounded, as such paragraphs are made page by page."""
    for frag in frags[:limit]:
        texts = [part[1] for part in frag[1:] if isinstance(part, tuple)] if isinstance(frag, list) else []
        texts.append(str(getattr(frag, "text", "") or ""))
        texts.extend(str(word) for word in getattr(frag, "words", ())[:limit])
        if any(isinstance(text, str) and needs_breaks(text) for text in texts):
            return True
    return False


@functools.cache
def available() -> bool:
    """True when ICU's line breaker (``icu4py``) is importable."""
    return importlib.util.find_spec("icu4py") is not None


def boundaries(text: str) -> list[int]:
    """The positions inside ``text`` (not 0, not its end) where a line may end, by ICU's rules
    and dictionaries; none without ``icu4py``.

    ICU picks the dictionary by the script of the letters, so no language is needed.
    """
    if not text or not available():
        return []
    from icu4py.breakers import LineBreaker

    return [end for _, end in LineBreaker(text, "und").segments() if end < len(text)]


RUN_CHARS = 3000
"""A run without spaces longer than this gets a forced line break now and then (see :func:`pieces`)."""


def pieces(run: str, every: int = RUN_CHARS // 2) -> list[str]:
    """A run of text without spaces cut, at word boundaries, into pieces of ``every`` characters
    or a little more, when it is longer than :data:`RUN_CHARS`; else the run itself.

    Real Thai sets a space between sentences; a longer run is rare and may be hostile. reportlab
    breaks the whole rest of a paragraph again on every page unless it can cut the paragraph at
    forced line breaks (which the writer makes between the pieces), so without these the time
    would grow with the square of the run.
    """
    if len(run) <= RUN_CHARS:
        return [run]
    out: list[str] = []
    start = 0
    for position in boundaries(run):
        if position - start >= every:
            out.append(run[start:position])
            start = position
    out.append(run[start:])
    return out


def with_breaks(frags: list[Any], width: float | list[float]) -> list[Any]:
    """A paragraph's frags, as the words reportlab wraps, with the words of scripts without spaces
    cut where a line may end; ``frags`` themselves when there is nothing to cut.

    Frags that are words already (a paragraph wrapped before, or a part of a split one) are
    returned as they are: they were cut when they were first wrapped.
    """
    if not frags or _processed_frags(frags) or not available():
        return frags
    if not any(needs_breaks(str(getattr(frag, "text", ""))) for frag in frags):
        return frags
    first = width[0] if isinstance(width, list | tuple) else width
    words: list[Any] = []
    cut = False
    for word in _getFragWords(frags, first):
        pieces = _pieces(word)
        cut = cut or len(pieces) > 1
        words.extend(pieces)
    return words if cut else frags


def _pieces(word: list[Any]) -> list[list[Any]]:
    """``word`` (``[width, (frag, text), …]``) cut at its line-break positions, each piece a word."""
    # Soft-hyphenated, split and image words are reportlab's own subclasses or carry callbacks.
    if type(word) not in (list, _HSFrag) or len(word) < 2:
        return [word]
    parts: list[tuple[Any, str]] = word[1:]
    if any(hasattr(frag, "cbDefn") or not isinstance(text, str) for frag, text in parts):
        return [word]
    text = "".join(text for _, text in parts)
    if not needs_breaks(text):
        return [word]
    cuts = boundaries(text)
    if not cuts:
        return [word]
    pieces: list[list[tuple[Any, str]]] = []
    current: list[tuple[Any, str]] = []
    position = 0
    index = 0
    for frag, part in parts:
        end = position + len(part)
        while index < len(cuts) and cuts[index] <= position:  # a cut where this part starts
            if cuts[index] == position and current:
                pieces.append(current)
                current = []
            index += 1
        start = 0
        while index < len(cuts) and cuts[index] < end:
            stop = cuts[index] - position
            current.append((frag, part[start:stop]))
            pieces.append(current)
            current = []
            start = stop
            index += 1
        current.append((frag, part[start:]))
        position = end
    pieces.append(current)
    out: list[list[Any]] = []
    for number, piece in enumerate(pieces):
        # Only the last piece keeps the space (if any) that followed the word.
        kind = type(word) if number == len(pieces) - 1 else list
        width = sum(stringWidth(part, frag.fontName, frag.fontSize) for frag, part in piece)
        out.append(kind([width, *piece]))
    return out


def count_spaces(blpara: Any) -> None:
    """Give each line of a wrapped paragraph whose words were cut its real number of words.

    reportlab counts the pieces as words and would spread a justified line's leftover width
    over spaces that are not there (the pieces have none between them): the line would fall
    short of the margin, and the check for wide gaps would not see them.
    """
    if getattr(blpara, "kind", 0) != 1:
        return
    for line in blpara.lines:
        texts = [str(w.text) for w in line.words if not hasattr(w, "cbDefn") and getattr(w, "text", None)]
        line.wordCount = (
            1
            + sum(text.rstrip(" ").count(" ") for text in texts[-1:])
            + sum(text.count(" ") for text in texts[:-1])
        )
