"""Words and dates that writers print, in the reader's language: the one place every writer asks.

Dates ("3. Mai 2024", "15 de octubre de 2024", "2024年5月3日") and the names of languages
("Deutsch", "Українська") come from the Unicode CLDR through Babel, for every language CLDR has.
Labels CLDR has no word for ("Contents", "By", "Read also") come from the lexicon's ``[labels]``
table (src/broadsheet/lexicon/data/<language>.toml); all the labels of a document come from one
language (see :func:`broadsheet.lexicon.label`), English when its own has no complete table.

The process locale and time zone are never consulted: a datetime is printed in its own offset,
so the same document gives the same words on every machine. Babel is imported on the first date
or language name a writer prints, not when a writer is imported: it costs a tenth of a second.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from typing import TYPE_CHECKING

from broadsheet import lexicon
from broadsheet.model import Article, Edition

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["date_text", "document_language", "label", "language_name", "machine_datetime", "number_text"]


def label(key: str, language: str | None) -> str:
    """The label ``key`` (``"read_also"``, ``"contents"``, …) in ``language``, else English."""
    return lexicon.label(language, f"labels.{key}")


def document_language(document: Article | Edition) -> str | None:
    """The language a document's labels and dates are printed in: an article's own; an edition's
    own, else the primary language most of its articles are in (the commonest full tag of that
    language, "pt-BR" over "pt"). ``None`` (English words) on a tie or when no article says."""
    if isinstance(document, Article):
        return document.language
    if document.language:
        return document.language
    tags = [a.language for a in document.articles if a.language]
    primaries = Counter(_primary(tag) for tag in tags).most_common(2)
    if not primaries or (len(primaries) == 2 and primaries[0][1] == primaries[1][1]):
        return None
    winner = primaries[0][0]
    return Counter(tag for tag in tags if _primary(tag) == winner).most_common(1)[0][0]


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-", 1)[0].lower()


def date_text(value: dt.date, language: str | None, *, with_time: bool = True) -> str:
    """A date as CLDR writes it in ``language`` (English when CLDR has no such language):
    ``21 січня 2022 р., 14:05``, ``3. Mai 2024``, ``January 21, 2022, 2:05 PM``. A datetime's
    time is its wall-clock time in its own offset; ``with_time=False`` leaves it out."""
    from babel.dates import format_date, format_time, get_datetime_format

    locale = _locale(language)
    day = format_date(value, "long", locale=locale)
    if with_time and isinstance(value, dt.datetime):
        # The naive wall-clock time: Babel would otherwise be free to convert it to another zone.
        time = format_time(value.replace(tzinfo=None).time(), "short", locale=locale)
        # CLDR's glue of a date and a time ("{1}, {0}"); quotes mark literal words in it.
        glue = str(get_datetime_format("medium", locale=locale)).replace("'", "")
        return _digits(_spaces(glue.replace("{1}", day).replace("{0}", time)), locale)
    return _digits(_spaces(day), locale)


def number_text(value: int, language: str | None) -> str:
    """A whole number (a page number) in the digits CLDR makes ``language``'s default: "۱۲" in
    Persian, "١٢" in Egyptian Arabic ("ar-EG"), "12" in English and in "ar" itself."""
    text = str(value)
    return _digits(text, _locale(language)) if language else text


def _spaces(text: str) -> str:
    # CLDR puts narrow no-break spaces in "2:05 PM" and "2022 р."; not every font a PDF embeds
    # draws U+202F, and a no-break space reads the same.
    return text.replace("\u202f", "\u00a0")


# The first digit of each numbering system CLDR makes a language's default (its ids, as in
# CLDR's numberingSystems.xml), by its Unicode name: every one is a run of ten code points.
# Babel formats dates with ASCII digits whatever the numbering system, so they are mapped here.
# tests/formats/_shared/test_wording.py checks that every default in Babel's data is listed.
DIGIT_ZERO = {
    "adlm": "ADLAM DIGIT ZERO",
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "beng": "BENGALI DIGIT ZERO",
    "cakm": "CHAKMA DIGIT ZERO",
    "deva": "DEVANAGARI DIGIT ZERO",
    "hmnp": "NYIAKENG PUACHUE HMONG DIGIT ZERO",
    "mtei": "MEETEI MAYEK DIGIT ZERO",
    "mymr": "MYANMAR DIGIT ZERO",
    "nkoo": "NKO DIGIT ZERO",
    "olck": "OL CHIKI DIGIT ZERO",
    "tibt": "TIBETAN DIGIT ZERO",
}


def _digits(text: str, locale: Locale) -> str:
    """``text`` with its ASCII digits in the locale's own (CLDR's default numbering system:
    "۳ مه ۲۰۲۴" in Persian, "৩ মে, ২০২৪" in Bengali); unchanged where that is Latin."""
    table = _digit_table(locale.default_numbering_system)
    return text.translate(table) if table else text


@functools.lru_cache(maxsize=32)
def _digit_table(system: str) -> dict[int, str]:
    import unicodedata

    name = DIGIT_ZERO.get(system)
    if name is None:
        return {}
    zero = ord(unicodedata.lookup(name))
    return {ord("0") + value: chr(zero + value) for value in range(10)}


def language_name(tag: str) -> str:
    """A language's own name for itself, as a link to a translation reads ("Deutsch",
    "Українська", "日本語"): CLDR's, first letter capitalised as a list of languages writes it;
    else the lexicon's ``labels.in_language``; else the tag itself."""
    return _language_name(tag.replace("_", "-"))


@functools.lru_cache(maxsize=256)  # tags come from documents: bounded
def _language_name(tag: str) -> str:
    locale = _known_locale(tag)
    name = locale.get_display_name(locale) if locale is not None else None
    if name:
        return name[:1].upper() + name[1:]
    own = lexicon.label(tag, "labels.in_language")
    if own != lexicon.label("en", "labels.in_language"):
        return own
    return tag


def _locale(language: str | None) -> Locale:
    """The CLDR locale of ``language``: its own ("pt-BR"), its primary language's, else English."""
    return _known_locale(language or "en") or _known_locale("en")  # type: ignore[return-value]


@functools.lru_cache(maxsize=256)  # tags come from documents: bounded
def _known_locale(tag: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    parts = tag.replace("_", "-").split("-")
    for candidate in dict.fromkeys(("-".join(parts), parts[0])):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


def machine_datetime(moment: dt.datetime) -> str:
    """A datetime for machines (``<time datetime>``): ISO 8601 to the second, with its offset."""
    return moment.replace(microsecond=0).isoformat()
