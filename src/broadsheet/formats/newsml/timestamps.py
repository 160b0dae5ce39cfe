"""Datetimes in NewsML-G2: always written with an offset, read strictly, with errors that say where."""

from __future__ import annotations

import datetime as dt
import os
import re

from broadsheet.errors import SchemaError

_DATETIME = re.compile(
    r"^(?P<date>-?\d{4,}-\d{2}-\d{2})(?:T(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?P<zone>Z|[+-]\d{2}:\d{2})?)?$"
)


def format_datetime(value: dt.datetime) -> str:
    """An xs:dateTime with its offset; offsets with seconds are converted to UTC (same instant)."""
    offset = value.utcoffset()
    assert offset is not None
    if offset.seconds % 60 or offset.microseconds:
        value = value.astimezone(dt.UTC)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def format_date(value: dt.date) -> str:
    """An xs:date."""
    return value.isoformat()


def fallback_time() -> dt.datetime:
    """The time to write where NewsML-G2 needs one and the document has none.

    ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the Unix epoch,
    so output never depends on the clock.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else 0
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def parse_datetime(text: str, where: str) -> dt.datetime | dt.date:
    """Read an xs:dateTime or xs:date; a dateTime without offset is taken as UTC.

    NewsML-G2 allows a dateTime without offset (local time of the provider);
    the model cannot hold one, and UTC is the least surprising reading.
    """
    value = text.strip()
    match = _DATETIME.match(value)
    if match is None:
        raise SchemaError(f"{value[:40]!r} is not a date or date-time", where=where)
    try:
        if match.group("time") is None:
            return dt.date.fromisoformat(match.group("date"))
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise SchemaError(f"{value[:40]!r} is not a valid date-time: {error}", where=where) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def as_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    """A date read where a datetime is expected becomes midnight UTC of that day."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
