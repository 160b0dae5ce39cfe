"""NITF's namespace and the names broadsheet's NITF uses for what NITF has no element for."""

from __future__ import annotations

from broadsheet.formats._shared.html_tree import XML_LANG

__all__ = ["ARTICLE_IMAGE", "EMBED_TEXT_ENCODING", "META_PREFIX", "NITF", "XML_LANG", "n"]

NITF = "http://iptc.org/std/NITF/2006-10-18/"
"""The NITF namespace (bodies in NewsML-G2 ``inlineXML``)."""
ARTICLE_IMAGE = "article-image"
"""``media/@class`` of an image that belongs to the article but not to a place in its body."""
EMBED_TEXT_ENCODING = "text/plain"
"""``media-object/@encoding`` of the text of an embedded post (its quoted words, lines kept)."""
META_PREFIX = "bs:"
"""Prefix of the ``head/meta/@name`` entries that hold what NITF has no attribute for."""


def n(name: str) -> str:
    """An NITF element name in Clark notation."""
    return f"{{{NITF}}}{name}"
