"""The headline of a page: metadata titles weighed against the visible ``<h1>``, site names stripped.

Metadata titles are often cut short or carry a kicker or the site's name, so
each is compared with the page's ``<h1>`` before one is chosen. A site's name
(known from ``og:site_name``, the publisher, the host, or as the part that
``<title>`` and ``og:title`` share and the ``<h1>`` lacks) is removed however
it is joined on: after a separator (" | CNN Politics", " - Site", "Site: "),
or glued on with none ("…de la InfantaUltima Hora Mallorca").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import lxml.html

from broadsheet.formats.html.pagemeta import PageMeta, comparable, itemprop_text, text
from broadsheet.model import Publisher

_SPACE = re.compile(r"\s+")

# Bars and their look-alikes (fullwidth, CJK, box drawing, the Hangul letter ㅣ that Korean sites
# use as one) separate with or without spaces; dashes, colons and bullets only between spaces.
_BARS = "|｜ㅣ丨│¦"
_TITLE_SEPARATORS = re.compile(rf"\s*[{_BARS}]\s*|\s+[–—\-:·•»«/]\s+|\s+[–—]\s*|\s*::\s*")
_SEPARATOR_CHARS = f" {_BARS}–—-:·•»«/"
# A kicker ends with a colon or a dash before the headline proper.
_KICKER = re.compile(r"(?<=\S):\s+|\s+[-–—|:]\s+")
_MIN_HEADLINE = 15
"""A title left shorter than this (comparable characters) by stripping is not stripped."""
_MAX_SITE_WORDS = 6
"""A segment longer than this is the story, never a site's name or section."""


def find_title(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    site_name: str | None,
    publisher: Publisher | None,
    host: str | None,
) -> str | None:
    """The headline: the metadata title that agrees with an ``<h1>``, else the first metadata title."""
    candidates = [
        text(article.get("headline")) or text(article.get("name")),
        meta.first("og:title"),
        meta.first("twitter:title"),
        itemprop_text(root, "headline"),
        meta.first("dc.title", "dcterms.title", "title", "parsely-title", "sailthru.title"),
    ]
    metas = [c for c in candidates if c]
    page_title = text(root.findtext(".//title"))
    og = meta.first("og:title")
    h1s = [_SPACE.sub(" ", h.text_content()).strip() for h in root.iter("h1")][:5]
    h1s = [h for h in h1s if 3 <= len(h) <= 400]
    sites = [s for s in (site_name, publisher.name if publisher else None, host) if s]
    sites += _shared_affixes(page_title, [og, meta.first("twitter:title")], h1s)
    # A visible headline with the site's name run into it (a logo's text in the <h1>).
    h1s = [_strip_glued(h, [*sites, *_outer_segments(page_title)]) for h in h1s]
    stripped = [_strip_site(c, sites) for c in [*metas, page_title] if c]
    if og:
        # The OpenGraph title is what the outlet shares. When the visible
        # headline is the same words with a kicker added (or the OpenGraph
        # title adds one), the OpenGraph title is the headline proper; when it
        # only adds a tail (a site or section name), the visible one is.
        og = _strip_site(og, sites)
        key = comparable(og)
        for h1 in h1s:
            other = comparable(h1)
            if len(key) < 15 or len(other) < 15 or key == other:
                continue
            common = _common_tail(og, h1)
            if common:
                return common  # each adds its own kicker: the headline is what both end with
            if key in other or (other in key and not key.startswith(other)):
                return og
    for h1 in h1s:
        key = comparable(h1)
        if not key:
            continue
        for candidate in stripped:
            other = comparable(candidate)
            if key == other:
                # Same words: the metadata's punctuation is the cleaner one
                # (an <h1> often runs a kicker <span> into the headline).
                return candidate if candidate != h1 and len(metas) else h1
            if len(other) >= 20 and key.startswith(other.rstrip(". ")):
                return h1  # the metadata title was cut short
            if len(key) >= 20 and other.endswith(key):
                return h1  # the metadata title adds a kicker
            if len(key) >= 20 and other.startswith(key):
                return h1  # the metadata title adds a tail (a site or section name)
    if metas:
        return _strip_site(metas[0], sites)
    if h1s:
        return h1s[0]
    if page_title:
        return _strip_site(page_title, sites, always=True)
    return None


def _segments(title: str) -> list[str]:
    return [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]


def _outer_segments(title: str) -> list[str]:
    """The first and last separated parts of a ``<title>`` that could be a site's name."""
    parts = _segments(title)
    if len(parts) < 2:
        return []
    return [p for p in (parts[0], parts[-1]) if len(p.split()) <= _MAX_SITE_WORDS]


def _shared_affixes(page_title: str, others: Sequence[str | None], h1s: Sequence[str]) -> list[str]:
    """Separated parts that ``<title>`` and a sharing title (``og:title``) both end or begin with
    and no ``<h1>`` holds: the site's or section's name, whatever it is."""
    mine = _segments(page_title)
    found: list[str] = []
    visible = " ".join(comparable(h) for h in h1s)
    for other in others:
        theirs = _segments(other or "")
        if len(mine) < 2 or len(theirs) < 2:
            continue
        for a, b in ((mine[-1], theirs[-1]), (mine[0], theirs[0])):
            key = comparable(a)
            if key and key == comparable(b) and key not in visible and len(a.split()) <= _MAX_SITE_WORDS:
                found.append(a)
    return found


def _site_keys(sites: Sequence[str]) -> set[str]:
    # Spaces and dots aside, so that "Taipei Times" matches the host taipeitimes.com.
    return {k for k in (comparable(s).replace(" ", "") for s in sites) if len(k) >= 2}


def _is_site(part: str, keys: set[str]) -> bool:
    """A site's name, or a short part that begins or ends with one ("CNN Politics", "News - SRF")."""
    words = comparable(part).split()
    key = "".join(words)
    if not key or len(words) > _MAX_SITE_WORDS:
        return False
    if key in keys:
        return True
    if len(words) <= 3 and any("".join(words[1:]) == site or "".join(words[:-1]) == site for site in keys):
        return True
    # A blog's "Jane Roe's Digital Home" on the host janeroe.net.
    return len(words) <= 5 and any(len(site) >= 6 and key.startswith(site) for site in keys)


def _strip_site(title: str, sites: Sequence[str], *, always: bool = False) -> str:
    """Remove the site's name (and a section beside it) appended or prefixed with a separator
    ("Story | Site", "Site: Story", "Story - Section | Site"), or glued on without one."""
    keys = _site_keys(sites)
    before = title
    for _ in range(3):
        parts = _segments(title)
        if len(parts) < 2:
            break
        if _is_site(parts[-1], keys) or (always and len(parts) == 2 and len(parts[-1]) < len(title) / 2):
            title = _cut_last(title, parts[-1])
        elif _is_site(parts[0], keys):
            title = _cut_first(title, parts[0])
        else:
            break
        always = False
    title = _prefixed_site(title, sites)
    title = _strip_glued(title, sites)
    return (
        title
        if len(comparable(title)) >= _MIN_HEADLINE or len(comparable(before)) < _MIN_HEADLINE
        else before
    )


def _cut_last(title: str, part: str) -> str:
    return title[: title.rfind(part)].rstrip(_SEPARATOR_CHARS)


def _cut_first(title: str, part: str) -> str:
    return title[title.find(part) + len(part) :].lstrip(_SEPARATOR_CHARS)


def _prefixed_site(title: str, sites: Sequence[str]) -> str:
    """ "Site: Story" (a colon after the name, no space before it)."""
    for site in sites:
        if len(site) >= 3 and title.casefold().startswith(site.casefold() + ":"):
            return title[len(site) + 1 :].lstrip(_SEPARATOR_CHARS)
    return title


def _strip_glued(title: str, sites: Sequence[str]) -> str:
    """A site's name run onto the end of the headline without a space ("…InfantaUltima Hora")."""
    for site in sites:
        site = site.strip()
        # A lower-case name (a host) glued on is a word's ending ("bedtimes"), not a site.
        if (
            site[:1].islower()
            or len(site) < 4
            or len(title) < len(site) + _MIN_HEADLINE
            or not title.endswith(site)
        ):
            continue
        head = title[: -len(site)]
        if head[-1:].isalnum() or head[-1:] in "?!.»\"'”’)":
            return head.rstrip(_SEPARATOR_CHARS)
    return title


def _common_tail(a: str, b: str) -> str | None:
    """What two titles both end with after a separator when each begins with its own kicker
    ("Kicker A: Headline" and "Kicker B - Headline"), if it is long enough to be the headline."""
    pa, pb = _KICKER.split(a, maxsplit=1), _KICKER.split(b, maxsplit=1)
    if len(pa) < 2 or len(pb) < 2:
        return None
    if comparable(pa[-1]) != comparable(pb[-1]):
        return None
    if set(comparable(pa[0]).split()) & set(comparable(pb[0]).split()):
        return None  # one kicker reworded ("Joburg has failed…", "Johannesburg has failed…"): no kickers
    tail = pa[-1].strip()
    return tail if len(comparable(tail)) >= 20 else None
