"""Inline nodes to reportlab's paragraph markup, with hyphenation, font fallback and glyph checks.

Every character is drawn by the style's own family when it can be, else by
the first family that has it; characters no family has are left out and
recorded in :class:`MissingGlyphs`, never drawn as empty boxes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import assert_never
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.formats._shared.links import safe_href
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats.pdf.fonts import Family, FontSet
from broadsheet.formats.pdf.hyphenation import LONG_WORD, long_word_pieces
from broadsheet.model import Emphasis, Inline, InlineQuote, LineBreak, Link, Mention, Strong, Text

MAX_LINK_URL = 2048
"""Longer link targets are printed without a link: reportlab repeats the target in the annotation of every
line the link's words fill, so one 100 KB URL as its own text made a PDF of hundreds of megabytes."""


class MissingGlyphs:
    """Characters no font could draw, each with the first place it was met."""

    def __init__(self) -> None:
        """Start empty."""
        self.found: dict[str, str] = {}
        self.where = "the document"

    def add(self, char: str) -> None:
        """Record ``char`` at the current place."""
        self.found.setdefault(char, self.where)

    def report(self) -> str:
        """A one-line account, grouped by place: ``'😀' U+1F600, '中' U+4E2D in article 'X', body[3]; …``."""
        places: dict[str, list[str]] = {}
        for char, where in self.found.items():
            places.setdefault(where, []).append(f"{char!r} U+{ord(char):04X}")
        parts = []
        for where, chars in list(places.items())[:10]:
            shown = ", ".join(chars[:12]) + (f" and {len(chars) - 12} more" if len(chars) > 12 else "")
            parts.append(f"{shown} in {where}")
        more = len(places) - 10
        return "; ".join(parts) + (f"; and in {more} more places" if more > 0 else "")


# reportlab drops the space after a word holding a soft hyphen when a tag follows the space
# ("визнані <a>неприйнятними</a>" is drawn and extracted "визнанінеприйнятними"; reportlab 5.1).
# The word before such a boundary gives up its hyphenation points instead: one word per link,
# emphasis or font change loses its chance to be hyphenated, no space is ever lost.
_SHY_BEFORE_TAG = re.compile("\u00ad(?=[^\\s<]*\\s+<)")


def keep_boundary_spaces(markup: str) -> str:
    """``markup`` without the soft hyphens that would make reportlab lose the space before a tag."""
    return _SHY_BEFORE_TAG.sub("", markup) if "\u00ad" in markup else markup


class Markup:
    """Turns inline nodes and plain strings into paragraph markup for one article."""

    def __init__(
        self,
        fonts: FontSet,
        *,
        language: str | None,
        hyphenate: Callable[[str], str] | None,
        link_color: str,
        internal: Mapping[str, str],
        missing: MissingGlyphs,
    ) -> None:
        """``internal`` maps URLs of articles in the same document to their bookmark keys."""
        self.fonts = fonts
        self.language = language
        self.hyphenate = hyphenate
        self.link_color = link_color
        self.internal = internal
        self.missing = missing
        self.line_width = 0.0
        """The width of a full line, in points, when known: long words are cut to fit it."""
        self.font_size = 10.0
        """The size used to measure ``line_width`` against."""

    def _piece_size(self, value: str, family: Family) -> int:
        if not self.line_width:
            return LONG_WORD
        widest = max(stringWidth(char, family.bold, self.font_size) for char in set(value)) or 1.0
        return max(1, min(LONG_WORD * 4, int(self.line_width * 0.97 / widest)))

    def text(self, value: str, family: Family, *, hyphenate: bool = True) -> str:
        """Plain text as markup: escaped, hyphenated, long words broken, other fonts where needed."""
        out: list[str] = []
        size = self._piece_size(value, family) if len(value) > LONG_WORD else LONG_WORD
        for is_break, piece in long_word_pieces(value, size):
            if is_break:
                out.append("<br/>")
                continue
            if hyphenate and self.hyphenate is not None:
                piece = self.hyphenate(piece)
            out.append(self._fonts(piece, family))
        return keep_boundary_spaces("".join(out))

    def _fonts(self, value: str, family: Family) -> str:
        coverage = family.coverage
        if all(ord(char) in coverage or char in "\u00ad\n " for char in set(value)):
            return escape(value)
        out: list[str] = []
        run: list[str] = []
        run_family: Family | None = family
        for char in value:
            if char in "\u00ad\n ":
                chosen: Family | None = run_family
            else:
                chosen = self.fonts.family_for(char, family)
                if chosen is None:
                    self.missing.add(char)
                    continue
            if chosen is not run_family:
                out.append(self._run("".join(run), run_family, family))
                run = []
                run_family = chosen
            run.append(char)
        out.append(self._run("".join(run), run_family, family))
        return "".join(out)

    @staticmethod
    def _run(text: str, run_family: Family | None, family: Family) -> str:
        if not text:
            return ""
        if run_family is None or run_family is family:
            return escape(text)
        return f'<font face="{run_family.regular}">{escape(text)}</font>'

    def href(self, url: str) -> str:
        """The link target as markup: a bookmark for an article in this document, else the URL."""
        key = self.internal.get(url)
        return f"#{key}" if key else url

    def link(self, url: str, content: str) -> str:
        """``content`` made a clickable link to ``url``; only its words when the link policy refuses it."""
        if url not in self.internal and (safe_href(url) is None or len(url) > MAX_LINK_URL):
            return content
        return f"<a href={quoteattr(self.href(url))} color={quoteattr(self.link_color)}>{content}</a>"

    def inlines(
        self,
        children: tuple[Inline, ...],
        family: Family,
        *,
        hyphenate: bool = True,
        depth: int = 0,
        linked: bool = False,
    ) -> str:
        """Inline nodes as markup; ``linked`` is true inside a link (links do not nest)."""
        out: list[str] = []
        hy = hyphenate
        for node in children:
            match node:
                case Text():
                    out.append(self.text(node.text, family, hyphenate=hy))
                case Emphasis():
                    out.append(
                        f"<i>{self.inlines(node.children, family, hyphenate=hy, depth=depth, linked=linked)}</i>"
                    )
                case Strong():
                    out.append(
                        f"<b>{self.inlines(node.children, family, hyphenate=hy, depth=depth, linked=linked)}</b>"
                    )
                case Link():
                    inner = self.inlines(node.children, family, hyphenate=hy, depth=depth, linked=True)
                    out.append(inner if linked else self.link(node.url, inner))
                case InlineQuote():
                    opening, closing = quote_marks(node.quote.language or self.language, depth)
                    words = node.quote.text.replace("\n", " ")
                    marks = (
                        self.text(opening, family, hyphenate=False),
                        self.text(closing, family, hyphenate=False),
                    )
                    out.append(marks[0] + self.text(words, family, hyphenate=hy) + marks[1])
                case Mention():
                    has_link = any(isinstance(child, Link) for child in node.children)
                    inner = self.inlines(
                        node.children, family, hyphenate=hy, depth=depth, linked=linked or has_link
                    )
                    url = node.link.url
                    out.append(self.link(url, inner) if url and not linked and not has_link else inner)
                case LineBreak():
                    out.append("<br/>")
                case _:
                    assert_never(node)
        return keep_boundary_spaces("".join(out))
