"""Dates as a reader of the book's language expects them, without the process locale.

The locale and the local time zone are never consulted, so the same article
gives the same text on every machine: a datetime is printed in its own offset.
"""

from __future__ import annotations

import datetime as dt

from broadsheet.formats._shared.typography import primary_language

_DAY_FIRST_DOTTED = frozenset({"uk", "ru", "be", "de", "pl", "cs", "sk", "bg", "sr", "hr", "fi", "nb", "da"})
_MONTHS_EN = (
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
)


def format_date(day: dt.date, language: str | None) -> str:
    """``21.01.2022`` in Ukrainian, ``21 January 2022`` in English, ISO 8601 elsewhere."""
    primary = primary_language(language)
    if primary in _DAY_FIRST_DOTTED:
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    if primary == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year:04d}"
    return day.isoformat()


def format_datetime(moment: dt.datetime, language: str | None) -> str:
    """The date as :func:`format_date` prints it, then the time in the datetime's own offset."""
    return f"{format_date(moment.date(), language)}, {moment.hour:02d}:{moment.minute:02d}"


def machine_datetime(moment: dt.datetime) -> str:
    """The value of a ``<time datetime>`` attribute (ISO 8601 with offset)."""
    return moment.replace(microsecond=0).isoformat()
