"""Normalisation and checks for the model's scalar values.

Every string that enters the model passes through one of these converters, so
text is always NFC, free of invisible junk (zero-width spaces, soft hyphens,
byte-order marks, control characters) and of runs of layout whitespace.
Converters are idempotent: cleaning cleaned text changes nothing, which is
what makes ``read(write(a)) == a`` hold for every format.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import urllib.parse
from typing import Any

from broadsheet.errors import ModelError

# Invisible characters that carry no meaning in stored text. Zero-width
# (non-)joiners and bidi marks are kept: Persian, Indic scripts and RTL text
# need them.
_JUNK = re.compile(
    "[\u00ad\u200b\u2060\ufeff\ufffe\uffff\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
# Layout whitespace collapses; no-break and thin spaces are typography and stay.
_LAYOUT_SPACE = re.compile("[ \t\n\r\f\v\u0085\u2028\u2029]+")
_UNTIDY_SPACE = re.compile("[\t\n\r\f\v\u0085\u2028\u2029]|  ")
_LINE_SPACE = re.compile("[ \t\r\f\v]+")


# Unicode's stream-safe limit (UAX #15): canonical reordering sorts each run of combining marks,
# and CPython sorts by insertion, so one run of 100,000 marks of mixed classes costs 10^10 steps.
# A combining grapheme joiner after every 30 marks bounds each run and changes no letter's look.
_MAX_MARKS = 30
_CGJ = "\u034f"


def nfc(value: str) -> str:
    """``value`` in Normalization Form C, in time linear in its length: runs of more than 30
    combining marks are cut by U+034F COMBINING GRAPHEME JOINER first (the stream-safe text format)."""
    if unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", _stream_safe(value))


def _stream_safe(value: str) -> str:
    if value.isascii():
        return value
    combining = unicodedata.combining
    out: list[str] = []
    run = 0
    start = 0
    for index, char in enumerate(value):
        if not combining(char):
            run = 0
            continue
        run += 1
        if run > _MAX_MARKS:
            out.append(value[start:index])
            out.append(_CGJ)
            start = index
            run = 1
    if not out:
        return value
    out.append(value[start:])
    return "".join(out)


def clean_inline(value: str) -> str:
    """Text inside a paragraph: NFC, no junk, whitespace runs become one space.

    Leading and trailing spaces are kept, because they separate this text from
    the inline node next to it.
    """
    if not isinstance(value, str):
        raise ModelError(f"expected text, got {type(value).__name__}")
    # Most text is already clean: test before rewriting, as the tests are cheaper.
    value = nfc(value)
    if _JUNK.search(value):
        value = _JUNK.sub("", value)
    if _UNTIDY_SPACE.search(value):
        value = _LAYOUT_SPACE.sub(" ", value)
    return value


def clean_line(value: str) -> str:
    """A one-line field (title, name): like :func:`clean_inline`, then stripped."""
    return clean_inline(value).strip(" ")


def clean_lines(value: str) -> str:
    """Text that may hold several paragraphs, kept apart by single newlines."""
    if not isinstance(value, str):
        raise ModelError(f"expected text, got {type(value).__name__}")
    value = _JUNK.sub("", nfc(value)).replace("\u2029", "\n")
    lines = (_LINE_SPACE.sub(" ", line).strip(" ") for line in re.split("[\n\r\u2028\u0085]", value))
    return "\n".join(line for line in lines if line)


def optional_line(value: str | None) -> str | None:
    """A one-line optional field: cleaned, and ``None`` when nothing is left."""
    if value is None:
        return None
    return clean_line(value) or None


def optional_lines(value: str | None) -> str | None:
    """A several-line optional field: cleaned, and ``None`` when empty."""
    if value is None:
        return None
    return clean_lines(value) or None


def required_line(value: str) -> str:
    """A one-line field that may not be empty once cleaned."""
    cleaned = clean_line(value)
    if not cleaned:
        raise ModelError("must not be empty or only whitespace")
    return cleaned


def required_lines(value: str) -> str:
    """A several-line field that may not be empty once cleaned."""
    cleaned = clean_lines(value)
    if not cleaned:
        raise ModelError("must not be empty or only whitespace")
    return cleaned


def line_tuple(values: Any) -> tuple[str, ...]:
    """A tuple of one-line strings (tags): cleaned, empties and repeats dropped."""
    if isinstance(values, str):
        raise ModelError("expected a sequence of strings, got a single string")
    out: list[str] = []
    for value in values:
        cleaned = clean_line(value)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


# RFC 5646 "well-formed" language tags (grandfathered irregular tags aside).
_BCP47 = re.compile(
    r"""^(?:
      (?P<lang>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
      (?:-(?P<script>[a-z]{4}))?
      (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
      (?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
      (?P<extensions>(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*)
      (?:-x(?:-[a-z0-9]{1,8})+)?
    |x(?:-[a-z0-9]{1,8})+)$""",
    re.VERBOSE | re.IGNORECASE,
)


def language_tag(value: str) -> str:
    """Check a BCP 47 tag and put it in canonical case (``uk``, ``sr-Latn-RS``).

    ``_`` is accepted as a separator, as locales often use it.
    """
    if not isinstance(value, str):
        raise ModelError(f"language tag must be text, got {type(value).__name__}")
    tag = value.strip().replace("_", "-")
    match = _BCP47.match(tag)
    if match is None:
        raise ModelError(f"{value!r} is not a well-formed BCP 47 language tag")
    parts = tag.lower().split("-")
    if match.group("lang") is None:  # private use only
        return "-".join(parts)
    out = [parts[0]]
    in_extension = False
    for part in parts[1:]:
        if len(part) == 1:
            in_extension = True
        if in_extension:
            out.append(part)
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part)
    return "-".join(out)


def optional_language(value: str | None) -> str | None:
    """A language tag, or ``None``; an empty string counts as none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return language_tag(value)


def aware_datetime(value: dt.datetime | None) -> dt.datetime | None:
    """Reject naive datetimes: a news time without an offset is ambiguous."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        raise ModelError(f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModelError(f"datetime {value.isoformat()} has no time zone offset")
    return value


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_NOISE = re.compile("[\t\n\r]")
_URL_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SCHEME_END = re.compile("[/?]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_INVISIBLE = re.compile("[\x00-\x20\x7f]")
_FORBIDDEN_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})


def url_scheme(value: str) -> str | None:
    """The scheme a browser or a Markdown renderer would act on in ``value`` (lower case), or ``None``.

    Character references (``javascript&#58;``, ``&colon;``) and percent-escapes are decoded, and
    whitespace, control and format characters dropped, before the scheme is taken: a check on the
    text as written would let ``java&#x09;script:`` through.
    """
    # Decoding keeps the order of the text, so a scheme's colon, however written, comes before
    # the first "/" or "?" as written ("#" starts character references): only that much is decoded.
    end = _SCHEME_END.search(value)
    probe = value[: end.start()] if end is not None else value
    for _ in range(
        4 if "&" in probe or "%" in probe else 0
    ):  # nested escapes (``&amp;#58;``, ``%2526``) decode a layer per round
        decoded = urllib.parse.unquote(html.unescape(probe))
        if decoded == probe:
            break
        probe = decoded
    if probe.isascii():
        probe = _ASCII_INVISIBLE.sub("", probe)
    else:
        probe = "".join(
            ch for ch in probe if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")
        )
    found = _SCHEME.match(probe)
    return found.group(1).lower() if found is not None else None


def _url(value: str, *, allow_data: bool) -> str:
    if not isinstance(value, str):
        raise ModelError(f"URL must be text, got {type(value).__name__}")
    # Browsers drop tabs and newlines inside URLs and leading or trailing spaces of any kind.
    url = _URL_NOISE.sub("", nfc(value)).strip().strip("\x00\u200b\ufeff")
    if not url:
        raise ModelError("URL must not be empty")
    if _URL_CONTROL.search(url):
        raise ModelError(f"URL {url[:80]!r} contains control characters")
    if _SURROGATE.search(url):
        raise ModelError(f"URL {url[:80]!r} contains a lone surrogate (not text)")
    name = url_scheme(url)
    if name is not None:
        if name in _FORBIDDEN_SCHEMES:
            raise ModelError(f"{name}: URLs are not allowed ({url[:40]!r}...)")
        if name == "data" and not allow_data:
            raise ModelError("data: URLs are only allowed for images")
        if name == "data" and not (_SCHEME.match(url) and url[5:].lower().startswith("image/")):
            raise ModelError("a data: URL must hold an image")
    return url


def url(value: str) -> str:
    """A link target: any URL or relative reference except script URLs."""
    return _url(value, allow_data=False)


def optional_url(value: str | None) -> str | None:
    """A link target or ``None``; an empty string counts as none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return url(value)


def image_url(value: str) -> str:
    """An image location: a URL, a relative path, or a ``data:image/...`` URL."""
    return _url(value, allow_data=True)


def optional_image_url(value: str | None) -> str | None:
    """An image location or ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return image_url(value)


def as_tuple(values: Any) -> tuple[Any, ...]:
    """Accept any iterable for a tuple field (lists are convenient to write)."""
    if isinstance(values, tuple):
        return values
    if isinstance(values, (str, bytes)):
        raise ModelError("expected a sequence of nodes, got a string")
    return tuple(values)
