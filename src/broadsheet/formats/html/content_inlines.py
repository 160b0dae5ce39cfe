"""Turn the inline markup of a paragraph into the model's inline nodes.

Emphasis, strong text, links (made absolute), inline quotations and line breaks are kept; other
inline tags give their text.  Spaces between inline elements survive, and an element that breaks
the line in a browser (a ``div`` inside a link, a ``br``) always separates the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats.html import tracing
from broadsheet.formats.html.content_chrome import JUNK_TAGS, is_hidden
from broadsheet.formats.html.pagemeta import absolute
from broadsheet.model import Emphasis, Inline, InlineQuote, LineBreak, Link, Quote, Strong, Text
from broadsheet.model.canonical import block_children

BLOCK_LEVEL = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "figure",
        "figcaption", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "address", "details", "summary", "fieldset", "legend", "form", "iframe", "video", "audio",
        "picture", "center", "noscript", "hgroup", "body", "html",
    }
)  # fmt: skip
"""Tags a browser lays out as blocks: they end a paragraph, or at least a word."""


def spaced_text(element: html.HtmlElement) -> str:
    """The element's text with a space where a block or line break separates words in a browser
    (``text_content()`` glues "<p>Talks over.</p><a>January 21</a>" into "over.January")."""
    pieces: list[str] = []
    stack: list[tuple[html.HtmlElement, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if not isinstance(node.tag, str):  # a comment or processing instruction: only its tail
            pieces.append(node.tail or "")
            continue
        if node.tag in BLOCK_LEVEL or node.tag == "br":
            pieces.append(" ")
        if closing:
            pieces.append(node.tail or "" if node is not element else "")
            continue
        pieces.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(pieces)


_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_MAX_DEPTH = 48
_PLAYERS = frozenset({"iframe", "video", "audio"})
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|livescript|data|about|blob):", re.IGNORECASE)


def absolute_url(href: str | None, base_url: str | None) -> str | None:
    """``href`` resolved against ``base_url``; ``None`` for empty, in-page or script targets."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#") or _UNSAFE_SCHEME.match(href):
        return None
    return absolute(href, base_url)


class InlineReader:
    """Reads inline content, reporting images it meets to ``on_image`` (they become figures)."""

    def __init__(
        self,
        base_url: str | None,
        on_image: Callable[[html.HtmlElement], None],
        on_frame: Callable[[html.HtmlElement], None] | None = None,
    ) -> None:
        """Remember the page address links are resolved against and where to report images and
        players (an ``iframe``, ``video`` or ``audio`` amid the text, which become embeds)."""
        self.base_url = base_url
        self.on_image = on_image
        self.on_frame = on_frame

    def children(self, element: html.HtmlElement, depth: int = 0) -> list[Inline]:
        """The inline nodes of everything inside ``element`` (not yet tidied)."""
        out: list[Inline] = []
        if element.text:
            out.append(Text(text=element.text))
        for child in element:
            out.extend(self.node(child, depth + 1))
            if child.tail:
                out.append(Text(text=child.tail))
        return out

    def node(self, element: html.HtmlElement, depth: int) -> list[Inline]:
        """The inline nodes for one element (without its tail)."""
        tag = element.tag
        if not isinstance(tag, str) or tag in JUNK_TAGS:
            return []
        if is_hidden(element):
            tracing.dropped("hidden", element)
            return []
        if depth > _MAX_DEPTH:
            return [Text(text=f" {element.text_content()} ")]
        if tag == "br":
            return [LineBreak()]
        if tag in _PLAYERS:
            # An iframe's own content is fallback for browsers without frames, parsed as raw text
            # (often escaped markup); no browser shows it, nor a player's fallback. What it plays
            # is reported, to stand as an embed after the text around it.
            if self.on_frame is not None:
                self.on_frame(element)
            return [Text(text=" ")]
        if tag == "img":
            self.on_image(element)
            return []
        kids = self.children(element, depth)
        if tag == "a":
            return self._link(element, kids)
        if tag in _EMPHASIS:
            return [Emphasis(children=kids)]
        if tag in _STRONG:
            return [Strong(children=kids)]
        if tag == "q":
            return self._quote(element, kids)
        if tag in BLOCK_LEVEL:
            return [Text(text=" "), *kids, Text(text=" ")]
        return kids

    def _link(self, element: html.HtmlElement, kids: list[Inline]) -> list[Inline]:
        url = absolute_url(element.get("href"), self.base_url)
        if url is None:
            return kids
        try:
            return [Link(url=url, children=kids, title=element.get("title"))]
        except ModelError:
            return kids

    def _quote(self, element: html.HtmlElement, kids: list[Inline]) -> list[Inline]:
        words = inline_text(tidy(kids)).strip()
        if not words:
            return kids
        try:
            cite = absolute_url(element.get("cite"), self.base_url)
            return [InlineQuote(quote=Quote(text=words, cite=cite))]
        except ModelError:
            return kids


def tidy(nodes: Sequence[Inline]) -> tuple[Inline, ...]:
    """Inline content in the model's canonical form for a block (:func:`broadsheet.model.canonical.block_children`)."""
    return block_children(nodes)


def split_at_blank_lines(nodes: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """Split tidied inline content where two or more line breaks in a row mark a new paragraph."""
    parts: list[list[Inline]] = [[]]
    breaks = 0
    for node in nodes:
        if isinstance(node, LineBreak):
            breaks += 1
            continue
        if breaks:
            if breaks >= 2:
                parts.append([])
            else:
                parts[-1].append(LineBreak())
            breaks = 0
        parts[-1].append(node)
    return [tidy(part) for part in parts if part]


def text_of(nodes: Sequence[Inline]) -> str:
    """The plain text of inline nodes, without quotation marks for inline quotes' edges trimmed."""
    return inline_text(tuple(nodes)).strip()
