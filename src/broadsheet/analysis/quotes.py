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
from broadsheet.model import InlineQuote, Person, Quote

MIN_UNANNOUNCED_WORDS = 4
"""A quotation introduced by "заявив, що" / "said that" needs this many words (shorter ones are scare quotes)."""

_TITLE_CUE = re.compile(
    r"""(?:
      стат(?:т[іяюе]|тях|тями|ей|ья|ье|ью|ьи|ьях|ьями)
    | книг\w* | книжк\w* | фільм\w* | фильм\w* | газет\w* | журнал\w* | видання | издани\w* | агентств\w*
    | агенці\w* | телеканал\w* | канал\w* | радіостанці\w* | радиостанци\w* | програм\w* | проєкт\w* | проект\w*
    | парті\w* | парти\w* | фракці\w* | фракци\w* | компані\w* | компани\w* | концерн\w* | корпораці\w*
    | корпораци\w* | операці\w* | операци\w* | назвою | названием | пісн\w* | песн\w* | альбом\w* | серіал\w*
    | сериал\w* | шоу | рубри\w* | гасл\w* | лозунг\w* | бренд\w* | марк[аиуі] | сайт\w* | портал\w* | ресурс\w*
    | видавництв\w* | издательств\w* | колонк\w* | блог\w* | доповід\w* | доклад\w* | звіт\w* | отчет\w*
    | закон\w* | законопроєкт\w* | законопроект\w* | указ\w* | постанов\w* | угод\w* | соглашени\w* | план\w*
    | стратегі\w* | стратеги\w* | формул\w* | платформ\w* | ініціатив\w* | инициатив\w* | фонд\w* | клуб\w*
    | рух\w* | движени\w* | союз\w* | блок\w* | центр\w* | інститут\w* | институт\w* | банк\w* | завод\w*
    | article | articles | book | books | film | movie | newspaper | magazine | paper | titled | entitled
    | called | named | dubbed | series | show | song | album | operation | party | company | program | programme
    | campaign | slogan | column | essay | report | study | headline | bill | law | plan | doctrine | website
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CUE_REACH = 4
_DASH_START = re.compile(r"[^\S\n]*[-–—][^\S\n]+")
_DASH_BREAK = re.compile(r"([,!?…])[^\S\n]+[-–—][^\S\n]+")
_DASH_AGAIN = re.compile(r"[^\S\n]*[-–—][^\S\n]+")
_MAX_DASH_BREAKS = 6


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def _titled(text: str, boundary: int, open_index: int) -> bool:
    """Whether a word just before the quotation marks it as a title or a name."""
    before = text[max(boundary, open_index - 80) : open_index]
    return any(_TITLE_CUE.fullmatch(word) for word in _words(before)[-_CUE_REACH:])


def _name_like(inner: str) -> bool:
    """A short run of capitalised words and nothing else: «Інтерфакс-Україна», “Foreign Affairs”."""
    words = _words(inner)
    stripped = inner.strip()
    return 0 < len(words) <= 5 and all(word[0].isupper() for word in words) and stripped[-1:] not in ".!?…"


def _quote(text: str, speaker: str | None) -> InlineQuote:
    return InlineQuote(quote=Quote(text=text, speaker=Person(name=speaker) if speaker else None))


def recognise(
    flat: FlatInlines, people: People, lead_in: str | None = None
) -> list[tuple[int, int, InlineQuote]]:
    """Inline quotes for the quotations in ``flat``: ``(start, end, node)`` ranges, in order.

    ``lead_in`` is the text of the paragraph before, which may introduce a
    quotation that opens this one ("Блінкен заявив:").
    """
    dash = _dash_led(flat, people)
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
        if _titled(text, boundary, span.open):
            continues_at = None
            continue
        count = len(_words(body))
        if continues_at is not None and not text[continues_at : span.open].strip() and count >= 3:
            out.append((span.open, span.end, _quote(body, continued_speaker)))
            continues_at = None
            continue
        continues_at = None
        following = speech.after(text, span.end, limit, inner, people)
        if following is not None:
            out.append((span.open, span.end, _quote(body, following.speaker)))
            continues_at, continued_speaker = following.end, following.speaker
            continue
        preceding = speech.before(text, boundary, span.open, people)
        if preceding is None and number == 0 and lead_in and not text[: span.open].strip():
            introduced = lead_in.rstrip()
            preceding = speech.before(introduced, 0, len(introduced), people)
        if preceding is None:
            continue
        attribution, colon = preceding
        if (count >= MIN_UNANNOUNCED_WORDS or colon) and not _name_like(body):
            out.append((span.open, span.end, _quote(body, attribution.speaker)))
    return out


def _dash_led(flat: FlatInlines, people: People) -> list[tuple[int, int, InlineQuote]]:
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
        attribution = speech.after(text, breaking.start(), len(text), "", people)
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
