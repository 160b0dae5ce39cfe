"""Reading the dates news pages print in their metadata, keeping the time and the UTC offset.

Accepted forms: ISO 8601 and its common variants (``2024-05-03T15:47:42.389Z``,
``2024-05-03 15:47:42+0200``, ``20240503T154742``), RFC 2822 (``Fri, 03 May
2024 15:47:42 GMT``) and bare dates; in visible text (:func:`from_text`) also dates
written out with numbers or month names in the page's language ("Do 25.04.24 | 14:07 Uhr",
"3 мая 2024 г.", "May 3, 2024 10:00 GMT+2"). A time without an offset takes the offset the page
states elsewhere (see :func:`settle`), else UTC. Hostile text is bounded: a metadata value over
64 characters is no date, a line of text is read to :data:`MAX_LINE` characters, a year is four
digits between 1900 and 2200 (1990 in text), an offset beyond ±14 hours is read as UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

import attrs

from broadsheet.formats.html import month_names

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
        value = dt.datetime.fromtimestamp(int(text[:10]), dt.UTC)  # ten digits: at most the year 2286
        return Stamp(value, has_time=True) if 1900 < value.year < 2200 else None
    match = _ISO.match(text)
    if match:
        return _from_iso(match)
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
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


_TIME = (
    r"(?:\D{0,12}?(?P<H>\d{1,2})[:.h](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?"
    r"(?:\s*(?:h|uhr|Uhr))?(?:\s*\(?(?P<z>(?:GMT|UTC)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?)?"
)
# A year is 4 digits, or 2 after a day and month written with dots ("Do 25.04.24"); a month a
# number or a word that CLDR knows as a month name in the page's language (see month_names).
_TEXT_FORMS = (
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)" + _TIME, re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?!\d)" + _TIME, re.I),
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])" + _TIME, re.IGNORECASE),
    re.compile(
        r"(?<!\d)(?P<y>\d{4})\s?[年./]\s?(?P<m>\d{1,2})\s?[月./]\s?(?P<d>\d{1,2})(?!\d)\s?[日일]?" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(r"(?<!\d)(?P<y>\d{4})년\s?(?P<m>\d{1,2})월\s?(?P<d>\d{1,2})일" + _TIME, re.IGNORECASE),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:\.|º|er)?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<y>\d{4})(?!\d)"
        + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME, re.I
    ),
)
MAX_LINE = 300
"""Characters of a line of text looked at for a date: a printed date is short."""


def from_text(text: str, language: str | None = None) -> Stamp | None:
    """The first date (with its time, if printed next to it) in a line of visible text.

    Month names are those of ``language`` and English (every language the lexicon knows when
    ``language`` is ``None``), from CLDR. A day and month written with slashes are read in the
    order of the language's short date pattern, unless one of them is over 12.
    """
    text = " ".join(text[: MAX_LINE * 4].split())[:MAX_LINE]
    best: tuple[int, Stamp] | None = None
    for form in _TEXT_FORMS:
        for match in form.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            stamp = _from_parts(match, language)
            if stamp is not None:
                best = (match.start(), stamp)
                break
    return best[1] if best else None


def _from_parts(match: re.Match[str], language: str | None) -> Stamp | None:
    parts = match.groupdict()
    day = parts.get("d")
    if parts.get("a"):  # a slashed date: day and month in the language's order
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12 or (second <= 12 and not month_names.month_first(language)):
            day, number = str(first), second
        else:
            day, number = str(second), first
    elif parts.get("m"):
        number = int(parts["m"])
    else:
        number = month_names.number(parts.get("mon") or "", language) or 0
    if not number:
        return None
    year = int(parts["y"])
    if year < 100:
        year += 2000
    hour = int(parts["H"]) if parts.get("H") else 0
    ampm = (parts.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        value = dt.datetime(
            year, number, int(day or 0), hour, int(parts.get("M") or 0), int(parts.get("S") or 0)
        )
    except (TypeError, ValueError):
        return None
    if not 1990 < value.year < 2200:
        return None
    zone = parts.get("z")
    if zone and parts.get("H"):
        value = value.replace(tzinfo=_offset(_numeric_zone(zone)))
    return Stamp(value, has_time=bool(parts.get("H")))


def _numeric_zone(zone: str) -> str:
    """``GMT+2`` → ``+02:00``; ``UTC``/``GMT`` and ``+0200`` stay as they are."""
    zone = zone.replace(" ", "").upper()
    rest = zone[3:] if zone.startswith(("GMT", "UTC")) else zone
    if not rest:
        return "UTC"
    sign, digits = rest[0], rest[1:].replace(":", "")
    if len(digits) <= 2:
        digits = digits.rjust(2, "0") + "00"
    return sign + digits.rjust(4, "0")


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
