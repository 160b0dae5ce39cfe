"""Words and dates that writers print, in the reader's language.

Labels ("Read also", "Contents") and dates ("21 січня 2022, 19:30") are given
in the document's language, falling back to English. The process locale and
time zone are never consulted: a datetime is printed in its own offset, so
the same document gives the same words on every machine.
"""

from __future__ import annotations

import datetime as dt

from broadsheet import lexicon
from broadsheet.formats._shared.typography import primary_language
from broadsheet.lexicon import Lexicon

# The labels are the lexicon's [labels] table (src/broadsheet/lexicon/data/<language>.toml), the
# first phrase of each key; "in_language" is a language's own "in <language>".
LANGUAGE_NAMES: dict[str, str] = {
    tag: names[0] for tag in lexicon.available() if (names := Lexicon((tag,)).words("labels.in_language"))
}
"""A language's own name for "in <language>", for links to translations."""


def label(key: str, language: str | None) -> str:
    """The label ``key`` (``"read_also"``, ``"contents"``, …) in ``language``, else English."""
    return lexicon.label(language, f"labels.{key}")


_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "uk": (
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "pl": (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ),
    "el": (
        "Ιανουαρίου",
        "Φεβρουαρίου",
        "Μαρτίου",
        "Απριλίου",
        "Μαΐου",
        "Ιουνίου",
        "Ιουλίου",
        "Αυγούστου",
        "Σεπτεμβρίου",
        "Οκτωβρίου",
        "Νοεμβρίου",
        "Δεκεμβρίου",
    ),
}


def date_text(value: dt.date, language: str | None, *, with_time: bool = True) -> str:
    """A date as a reader of ``language`` writes it: ``21 січня 2022, 14:05`` or ``January 21, 2022, 14:05``."""
    lang = primary_language(language)
    months = _MONTHS.get(lang, _MONTHS["en"])
    month = months[value.month - 1]
    day = f"{month} {value.day}, {value.year}" if lang == "en" else f"{value.day} {month} {value.year}"
    if with_time and isinstance(value, dt.datetime):
        return f"{day}, {value:%H:%M}"
    return day


def machine_datetime(moment: dt.datetime) -> str:
    """A datetime for machines (``<time datetime>``): ISO 8601 to the second, with its offset."""
    return moment.replace(microsecond=0).isoformat()
