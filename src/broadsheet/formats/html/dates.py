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


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar jänner janvier gennaio enero janeiro januari stycznia января січня",
            "february feb februar février febbraio febrero fevereiro februari lutego февраля лютого",
            "march mar märz mars marzo março maart marca марта березня",
            "april apr avril aprile abril kwietnia апреля квітня",
            "may mai maggio mayo maio mei maja мая травня",
            "june jun juni juin giugno junio junho czerwca июня червня",
            "july jul juli juillet luglio julio julho lipca июля липня",
            "august aug août agosto augustus sierpnia августа серпня",
            "september sep sept septembre settembre septiembre setembro września сентября вересня",
            "october oct oktober octobre ottobre octubre outubro października октября жовтня",
            "november nov novembre noviembre novembro listopada ноября листопада",
            "december dec dezember décembre dicembre diciembre dezembro grudnia декабря грудня",
        ),
        start=1,
    )
    for name in names.split()
}
_TIME = r"(?:\D{0,12}?(?P<H>\d{1,2})[:.h](?P<M>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_TEXT_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME, re.IGNORECASE),
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})" + _TIME, re.IGNORECASE),
    re.compile(
        r"(?P<y>\d{4})\s?[年.]\s?(?P<m>\d{1,2})\s?[月.]\s?(?P<d>\d{1,2})\s?日?" + _TIME, re.IGNORECASE
    ),
    re.compile(r"(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]{3,12})\.?,?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE),
    re.compile(r"(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I),
)


def from_text(text: str) -> Stamp | None:
    """The first date (with its time, if printed next to it) in a line of visible text."""
    text = " ".join(text.split())[:300]
    best: tuple[int, Stamp] | None = None
    for form in _TEXT_FORMS:
        for match in form.finditer(text):
            stamp = _from_parts(match)
            if stamp is not None and (best is None or match.start() < best[0]):
                best = (match.start(), stamp)
                break
    return best[1] if best else None


def _from_parts(match: re.Match[str]) -> Stamp | None:
    parts = match.groupdict()
    month = parts.get("m")
    number = int(month) if month else _MONTHS.get((parts.get("mon") or "").lower().rstrip("."))
    if not number:
        return None
    hour = int(parts["H"]) if parts.get("H") else 0
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        value = dt.datetime(int(parts["y"]), number, int(parts["d"]), hour, int(parts.get("M") or 0))
    except (TypeError, ValueError):
        return None
    if not 1990 < value.year < 2200:
        return None
    return Stamp(value, has_time=bool(parts.get("H")))


_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-]?(?P<m>[01]\d)[/-]?(?P<d>[0-3]\d)(?:/|[^\d])")


def from_url(url: str | None) -> Stamp | None:
    """A date in a URL's path (``/2024/04/24/``, ``/2024/0424/``), without a time."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        value = dt.datetime(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return Stamp(value, has_time=False)
