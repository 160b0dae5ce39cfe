"""Direct quotations in a paragraph's text, with their speakers, turned into inline quotes.

A quoted span becomes a quote only when the sentence attributes it (a speech
verb right after or right before it, "за словами …", "according to …") and
nothing marks it as a title; dash-led speech counts when an attribution
follows its first part. Everything else in quotation marks (titles, names of
media and parties, scare quotes) stays text. Precision over recall: the
rules are listed in docs/analysis.md.
"""

from __future__ import annotations

import bisect
import re

from broadsheet.analysis import marks, speech
from broadsheet.analysis.inline_text import FlatInlines
from broadsheet.analysis.people import WORD, People
from broadsheet.formats._shared.plain_text import OPAQUE
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import InlineQuote, Person, Quote

MIN_UNANNOUNCED_WORDS = 4
"""A quotation introduced by "заявив, що" / "said that" needs this many words (shorter ones are scare quotes)."""

_TITLE_CUE = r"(?i){analysis.title_cue}"
"""A word before a quotation that names what it quotes as a title ("статті", "book", "titled")."""
_CUE_REACH = 4
_DASH_START = re.compile(r"[^\S\n]*[-–—][^\S\n]+")
_DASH_BREAK = re.compile(r"([,!?…])[^\S\n]+[-–—][^\S\n]+")
_DASH_AGAIN = re.compile(r"[^\S\n]*[-–—][^\S\n]+")
_MAX_DASH_BREAKS = 6


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def _titled(text: str, boundary: int, open_index: int, lexicon: Lexicon) -> bool:
    """Whether a word just before the quotation marks it as a title or a name."""
    before = text[max(boundary, open_index - 80) : open_index]
    cue = lexicon.compile(_TITLE_CUE)
    return any(cue.fullmatch(word) for word in _words(before)[-_CUE_REACH:])


def _name_like(inner: str) -> bool:
    """A short run of capitalised words and nothing else: «Інтерфакс-Україна», “Foreign Affairs”."""
    words = _words(inner)
    stripped = inner.strip()
    return 0 < len(words) <= 5 and all(word[0].isupper() for word in words) and stripped[-1:] not in ".!?…"


def _quote(text: str, speaker: str | None) -> InlineQuote:
    return InlineQuote(quote=Quote(text=text, speaker=Person(name=speaker) if speaker else None))


def recognise(
    flat: FlatInlines, people: People, lead_in: str | None = None, lexicon: Lexicon = EVERY
) -> list[tuple[int, int, InlineQuote]]:
    """Inline quotes for the quotations in ``flat``: ``(start, end, node)`` ranges, in order.

    ``lead_in`` is the text of the paragraph before, which may introduce a
    quotation that opens this one ("Блінкен заявив:"); ``lexicon`` holds the words of the
    article's language.
    """
    dash = _dash_led(flat, people, lexicon)
    if dash:
        return dash
    text = flat.text
    spans = marks.outermost(marks.scan(text))
    opaque = [index for index, char in enumerate(text) if char == OPAQUE] if OPAQUE in text else []
    out: list[tuple[int, int, InlineQuote]] = []
    previous_end = 0
    continues_at: int | None = None
    continued_speaker: str | None = None
    for number, span in enumerate(spans):
        boundary = previous_end
        position = bisect.bisect_left(opaque, span.open)
        if position > 0:
            boundary = max(boundary, opaque[position - 1] + 1)
        limit = spans[number + 1].open if number + 1 < len(spans) else len(text)
        after_opaque = bisect.bisect_right(opaque, span.close)
        if after_opaque < len(opaque):
            limit = min(limit, opaque[after_opaque])
        previous_end = span.end
        inner = text[span.open + 1 : span.close]
        body = inner.strip()
        if not body or not _words(body) or OPAQUE in inner or not flat.only_text(span.open, span.end):
            continues_at = None
            continue
        if _titled(text, boundary, span.open, lexicon):
            continues_at = None
            continue
        count = len(_words(body))
        if continues_at is not None and not text[continues_at : span.open].strip() and count >= 3:
            out.append((span.open, span.end, _quote(body, continued_speaker)))
            continues_at = None
            continue
        continues_at = None
        following = speech.after(text, span.end, limit, inner, people, lexicon)
        if following is not None:
            out.append((span.open, span.end, _quote(body, following.speaker)))
            continues_at, continued_speaker = following.end, following.speaker
            continue
        preceding = speech.before(text, boundary, span.open, people, lexicon)
        if preceding is None and number == 0 and lead_in and not text[: span.open].strip():
            introduced = lead_in.rstrip()
            preceding = speech.before(introduced, 0, len(introduced), people, lexicon)
        if preceding is None:
            continue
        attribution, colon = preceding
        if (count >= MIN_UNANNOUNCED_WORDS or colon) and not _name_like(body):
            out.append((span.open, span.end, _quote(body, attribution.speaker)))
    return out


def _dash_led(flat: FlatInlines, people: People, lexicon: Lexicon) -> list[tuple[int, int, InlineQuote]]:
    """Dash-led speech: "— Ми не підемо на це, — сказав Лавров. — Ніколи." (an attribution is required)."""
    text = flat.text
    start = _DASH_START.match(text)
    if start is None:
        return []
    for number, breaking in enumerate(_DASH_BREAK.finditer(text, start.end())):
        if number >= _MAX_DASH_BREAKS:
            break
        punctuation = breaking.group(1)
        quote_end = breaking.start() + (0 if punctuation == "," else 1)
        attribution = speech.after(text, breaking.start(), len(text), "", people, lexicon)
        if attribution is None:
            continue
        body = text[start.end() : quote_end].strip()
        span_start = start.end() - len(start.group().lstrip(" \t"))
        if not _words(body) or OPAQUE in body or not flat.only_text(span_start, quote_end):
            return []
        out = [(span_start, quote_end, _quote(body, attribution.speaker))]
        rest = text[attribution.end :]
        again = _DASH_AGAIN.match(rest)
        if again is not None and text[attribution.end - 1 : attribution.end] in (".", ":"):
            second_start = attribution.end + again.end() - len(again.group().lstrip(" \t"))
            second = text[attribution.end + again.end() :].strip()
            if _words(second) and OPAQUE not in second and flat.only_text(second_start, len(text)):
                out.append((second_start, len(text), _quote(second, attribution.speaker)))
        return out
    return []
