"""RFC 3986 URI syntax: which strings ninjs ``format: uri`` fields accept, and IRI-to-URI encoding.

ninjs declares identifiers and links as ``"format": "uri"``: absolute, ASCII,
with a scheme. The model holds any link, so the writer checks each value here
and puts what does not fit in a free-text place instead.
"""

from __future__ import annotations

import re
import urllib.parse

_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_AUTHORITY = (
    rf"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # userinfo
    rf"(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*"  # reg-name (IP literals are not accepted here)
    r"(?::[0-9]*)?"  # port
)
_HIER_PART = (
    rf"(?://{_AUTHORITY}(?:/{_PCHAR}*)*"
    rf"|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?"
    rf"|{_PCHAR}+(?:/{_PCHAR}*)*"
    r"|)"
)
_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:{_HIER_PART}(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?",
)

# Characters RFC 3987 (section 3.1) leaves as they are when an IRI becomes a URI;
# everything else (non-ASCII, spaces, quotes) is percent-encoded as UTF-8.
_KEEP = _UNRESERVED.replace("\\", "") + _SUB_DELIMS + ":@/?#%"


def is_uri(value: str) -> bool:
    """Whether ``value`` is an absolute URI by RFC 3986 (a subset: no IP-literal hosts)."""
    return _URI.fullmatch(value) is not None


def as_uri(value: str | None) -> str | None:
    """``value`` as an absolute URI, percent-encoding what an IRI may hold; ``None`` if it cannot be one."""
    if value is None:
        return None
    if is_uri(value):
        return value
    encoded = urllib.parse.quote(value, safe=_KEEP)
    # A lone "%" not followed by two hex digits would still be invalid.
    encoded = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", encoded)
    return encoded if is_uri(encoded) else None
