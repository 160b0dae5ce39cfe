"""Reading the dates news pages print in their metadata, keeping the time and the UTC offset.

Accepted forms: ISO 8601 and its common variants (``2024-05-03T15:47:42.389Z``,
``2024-05-03 15:47:42+0200``, ``20240503T154742``), RFC 2822 (``Fri, 03 May
2024 15:47:42 GMT``) and bare dates. A time without an offset takes the
offset the page states elsewhere (see :func:`settle`), else UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

import attrs

_ISO = re.compile(
    r"""^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})
    (?:[T\s]+(?P<H>\d{1,2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?
    \s*(?P<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_EPOCH = re.compile(r"^\d{10}(\d{3})?$")


@attrs.frozen
class Stamp:
    """A date read from a page, before its offset is settled."""

    value: dt.datetime
    """The datetime; naive when the page gave no offset."""
    has_time: bool
    """Whether the page gave a time of day, not only a date."""

    @property
    def aware(self) -> bool:
        """Whether the page gave a UTC offset."""
        return self.value.tzinfo is not None


def parse(text: object) -> Stamp | None:
    """Read one date, or ``None`` when ``text`` is not a date this module knows."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(int(text))
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > 64:
        return None
    if _EPOCH.match(text):
        seconds = int(text[:10])
        return Stamp(dt.datetime.fromtimestamp(seconds, dt.UTC), has_time=True)
    match = _ISO.match(text)
    if match:
        return _from_iso(match)
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None or not 1900 < value.year < 2200:
        return None
    if value.tzinfo is not None and "-0000" in text:
        value = value.replace(tzinfo=dt.UTC)
    return Stamp(value, has_time=True)


def _from_iso(match: re.Match[str]) -> Stamp | None:
    parts = match.groupdict()
    try:
        fraction = int((parts["f"] or "0")[:6].ljust(6, "0"))
        value = dt.datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
            fraction,
        )
    except ValueError:
        return None
    if not 1900 < value.year < 2200:
        return None
    zone = parts["z"]
    if zone:
        value = value.replace(tzinfo=_offset(zone))
    return Stamp(value, has_time=parts["H"] is not None)


def _offset(zone: str) -> dt.tzinfo:
    if zone.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return dt.UTC
    delta = dt.timedelta(hours=hours, minutes=minutes) * sign
    return dt.UTC if not delta else dt.timezone(delta)


def settle(stamp: Stamp | None, others: list[Stamp]) -> dt.datetime | None:
    """Make ``stamp`` timezone-aware.

    A naive time takes the offset of another date on the same page (the page's
    own zone); failing that it is read as UTC. A date without a time is noon
    of that day in that zone, so that no offset can move it to another day.
    """
    if stamp is None:
        return None
    value = stamp.value
    if not stamp.has_time:
        value = value.replace(hour=12)
    if value.tzinfo is not None:
        return value
    zone: dt.tzinfo = dt.UTC
    for other in others:
        if other.aware and other.value.tzinfo is not None:
            zone = other.value.tzinfo
            break
    return value.replace(tzinfo=zone)
