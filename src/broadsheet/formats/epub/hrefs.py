"""Link targets that are safe inside an EPUB.

A relative link would point into the book, where nothing answers it, so it is
resolved against the article's URL or dropped (the words stay). Only the links the shared policy
allows (web, mail, phone) survive, percent-encoded so that EPUBCheck's URL parser
accepts them.
"""

from __future__ import annotations

import urllib.parse

from broadsheet.formats._shared.links import ALLOWED_SCHEMES, safe_href

_SAFE = "/:@!$&'()*+,;=-._~%?#[]"


def external_href(url: str | None, base_url: str | None = None) -> str | None:
    """An absolute link for ``url`` (resolved against ``base_url``), or ``None`` when unusable."""
    if not url:
        return None
    url = url.strip()
    if url.startswith("#"):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        if not parts.scheme:
            if not base_url or urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
                return None
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(base_url, url))
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES or safe_href(url) is None:
            return None
        if scheme in ("http", "https"):
            if not parts.hostname:
                return None
            host = parts.hostname.encode("idna").decode("ascii")
            if not host or not all(ch.isalnum() or ch in "-." for ch in host):
                return None
            netloc = host if parts.port is None else f"{host}:{parts.port}"
            return urllib.parse.urlunsplit(
                (
                    scheme,
                    netloc,
                    _quote(parts.path) or "/",
                    _quote(parts.query),
                    _quote(parts.fragment),
                )
            )
        return f"{scheme}:{_quote(parts.path)}" + (f"?{_quote(parts.query)}" if parts.query else "")
    except (ValueError, UnicodeError):
        return None


def _quote(part: str) -> str:
    # Re-quoting keeps existing escapes (``%`` is safe) and encodes spaces, Cyrillic, quotes…
    quoted = urllib.parse.quote(part, safe=_SAFE)
    # A "%" not followed by two hex digits would make the URL invalid.
    out = []
    for index, char in enumerate(quoted):
        if char == "%" and not _is_escape(quoted[index + 1 : index + 3]):
            out.append("%25")
        else:
            out.append(char)
    return "".join(out)


def _is_escape(pair: str) -> bool:
    return len(pair) == 2 and all(ch in "0123456789abcdefABCDEF" for ch in pair)
