"""The headline of a page: metadata titles weighed against the visible ``<h1>``, site names stripped.

Metadata titles are often cut short or carry a kicker or the site's name, so
each is compared with the page's ``<h1>`` before one is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import lxml.html

from broadsheet.formats.html.pagemeta import PageMeta, comparable, itemprop_text, text
from broadsheet.model import Publisher

_SPACE = re.compile(r"\s+")

_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:·•»]\s+|\s+[|–—]\s*|\s*[|]\s+")


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
    sites = [s for s in (site_name, publisher.name if publisher else None, host) if s]
    h1s = [_SPACE.sub(" ", h.text_content()).strip() for h in root.iter("h1")][:5]
    h1s = [h for h in h1s if 3 <= len(h) <= 400]
    stripped = [_strip_site(c, sites) for c in [*metas, page_title] if c]
    og = meta.first("og:title")
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


def _strip_site(title: str, sites: list[str], *, always: bool = False) -> str:
    """Remove a site name appended or prefixed with a separator ("Story | Site")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    # Spaces and dots aside, so that "Taipei Times" matches the host taipeitimes.com.
    site_keys = {comparable(s).replace(" ", "") for s in sites}

    def is_site(part: str) -> bool:
        key = comparable(part).replace(" ", "")
        return bool(key) and key in site_keys

    if is_site(parts[-1]) or (always and len(parts[-1]) < len(title) / 2):
        return (
            _TITLE_SEPARATORS.split(title)[0]
            if len(parts) == 2
            else title[: title.rfind(parts[-1])].rstrip(" |–—-:·•»")
        )
    if is_site(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—-:·•»")
    return title
