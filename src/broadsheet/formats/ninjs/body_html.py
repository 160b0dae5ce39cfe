"""Writing an article body as the HTML fragment of a ninjs ``bodies`` entry.

The fragment comes from the shared body walk (:mod:`broadsheet.formats._shared.body_html`)
in its annotated form: quote speakers, mention targets and related-link authors
travel as ``data-*`` attributes, so broadsheet's reader gets them back, while the
visible markup (``<q>``, ``<blockquote>`` with a ``<footer><cite>``, ``<aside>``,
``<figure>``) reads well in any HTML consumer. It is also well-formed XML (void
elements closed, every attribute quoted). URLs are kept as the model holds them, links inside links too.
"""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.body_html import BodyMarkup, KeepUrls, render_blocks
from broadsheet.model import Block

_MARKUP = BodyMarkup(nested_links=True)


def body_html(blocks: tuple[Block, ...]) -> str:
    """The HTML fragment for ``blocks``, one top-level element per line."""
    holder = etree.Element("div")
    render_blocks(holder, blocks, _MARKUP, KeepUrls())
    return "\n".join(etree.tostring(child, encoding="unicode") for child in holder)
