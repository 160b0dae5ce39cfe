"""Inline nodes to reportlab's paragraph markup, with hyphenation, font fallback and glyph checks.

Every character is drawn by the style's own family when it can be, else by
the first family that has it; characters no family has are left out and
recorded in :class:`MissingGlyphs`, never drawn as empty boxes. A word that
needs another family is set wholly in it when that family has all of the
word: reportlab shapes a word with one font, and a word's letters and its
punctuation then match. Text that needs shaping or right-to-left ordering
this installation cannot do is drawn as before, with one warning per article
and script saying how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from typing import assert_never
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.errors import MissingGlyphsWarning
from broadsheet.formats._shared.links import safe_href
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats.pdf import shaping, word_breaks
from broadsheet.formats.pdf.fonts import Family, FontSet, script_font_folder
from broadsheet.formats.pdf.hyphenation import LONG_WORD, long_word_pieces
from broadsheet.model import Emphasis, Inline, InlineQuote, LineBreak, Link, Mention, Strong, Text

MAX_LINK_URL = 2048
"""Longer link targets are printed without a link: reportlab repeats the target in the annotation of every
line the link's words fill, so one 100 KB URL as its own text made a PDF of hundreds of megabytes."""


_ANY_FONT = "\u00ad\n "
"""Characters that go with the run they are in, whatever font it has."""

_WORDS = re.compile(r"(\s+)")

_LONG_RUN = re.compile(rf"\S{{{LONG_WORD + 1},}}")
"""A run of non-space characters that :func:`long_word_pieces` cuts (the same pattern as its own)."""


CJK_RUN = 1500
"""Chinese or Japanese text longer than this gets a line break after a sentence about this often."""

_CJK_SENTENCE_END = re.compile("[。！？．]")


def _cjk_pieces(value: str) -> list[str]:
    if len(value) <= CJK_RUN * 2:
        return [value]
    pieces = []
    start = 0
    while len(value) - start > CJK_RUN * 2:
        end = _CJK_SENTENCE_END.search(value, start + CJK_RUN, start + CJK_RUN * 2)
        cut = end.end() if end else start + CJK_RUN * 2
        pieces.append(value[start:cut])
        start = cut
    pieces.append(value[start:])
    return pieces


class MissingGlyphs:
    """Characters no font could draw, each with the first place it was met."""

    def __init__(self) -> None:
        """Start empty."""
        self.found: dict[str, str] = {}
        self.where = "the document"
        self.warned: set[tuple[str, str]] = set()
        """(article, problem) pairs already warned about: every layout pass builds the story again."""

    def add(self, char: str) -> None:
        """Record ``char`` at the current place."""
        self.found.setdefault(char, self.where)

    def cannot_shape(self, text: str) -> None:
        """Warn, once per article and problem, when ``text`` needs shaping or bidi this installation lacks."""
        problems: list[tuple[str, str]] = []
        if not shaping.shaping_available():
            problems.extend(
                (script, f"{script} text is drawn unshaped (letters in the wrong form and order)")
                for script in shaping.scripts_in(text)
            )
        if shaping.has_rtl(text) and not shaping.bidi_available():
            problems.append(("bidi", "right-to-left text is drawn in left-to-right word order"))
        if word_breaks.needs_breaks(text) and not word_breaks.available():
            problems.append(("words", "Thai, Lao, Khmer or Burmese lines end inside words"))
        article = self.where.rsplit(", ", 1)[0]
        for key, problem in problems:
            if (article, key) in self.warned:
                continue
            self.warned.add((article, key))
            warnings.warn(
                f"PDF: {problem} in {article}; {shaping.FIX} to draw it correctly",
                MissingGlyphsWarning,
                stacklevel=2,
            )

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
        scripts = sorted({unicodedata.name(char, "?").split(" ")[0].title() for char in self.found})
        fix = "" if script_font_folder() is not None else f" ({shaping.FIX} adds fonts for most scripts)"
        return (
            "; ".join(parts)
            + (f"; and in {more} more places" if more > 0 else "")
            + f"; scripts: {', '.join(scripts)}{fix}"
        )


# reportlab drops the space after a word holding a soft hyphen when a tag follows the space
# ("визнані <a>неприйнятними</a>" is drawn and extracted "визнанінеприйнятними"; reportlab 5.1).
# The word before such a boundary gives up its hyphenation points instead: one word per link,
# emphasis or font change loses its chance to be hyphenated, no space is ever lost.
_SHY_BEFORE_TAG = re.compile("\u00ad(?=[^\\s<]*\\s+<)")


def keep_boundary_spaces(markup: str) -> str:
    """``markup`` without the soft hyphens that would make reportlab lose the space before a tag."""
    return _SHY_BEFORE_TAG.sub("", markup) if "\u00ad" in markup and "<" in markup else markup


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
        if shaping.has_cjk(value):
            # Set with reportlab's CJK line breaking (any character may end a line, its kinsoku
            # rules kept), which forced breaks for long "words" would only spoil; only a very long
            # run gets a line break at a sentence's end now and then, where the paragraph may be
            # cut into pieces (reportlab re-breaks the rest of a paragraph at every page: quadratic).
            return "<br/>".join(
                keep_boundary_spaces(self._fonts(piece, family)) for piece in _cjk_pieces(value)
            )
        out: list[str] = []
        # The piece size only matters for runs longer than LONG_WORD: measured only when there is one.
        long_run = _LONG_RUN.search(value) is not None
        size = self._piece_size(value, family) if long_run else LONG_WORD
        for is_break, piece in long_word_pieces(value, size) if long_run else [(False, value)]:
            if is_break:
                out.append("<br/>")
                continue
            complex_script = shaping.needs_shaping(piece)
            if complex_script:
                self.missing.cannot_shape(piece)
            # A soft hyphen inside a shaped word would cut a conjunct or a joined Arabic word apart.
            if hyphenate and self.hyphenate is not None and not complex_script:
                piece = self.hyphenate(piece)
            out.append(self._fonts(piece, family))
        return keep_boundary_spaces("".join(out))

    def _fonts(self, value: str, family: Family) -> str:
        coverage = family.coverage
        if all(ord(char) in coverage or char in _ANY_FONT for char in set(value)):
            return escape(value)
        out: list[str] = []
        run: list[str] = []
        run_family: Family | None = family
        for word in _WORDS.split(value):
            whole = None if word.isspace() else self._whole_word(word, family)
            for char in word:
                if char in _ANY_FONT:
                    chosen: Family | None = run_family
                elif whole is not None:
                    chosen = whole
                else:
                    chosen = self.fonts.family_for(char, family, self.language)
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

    def _whole_word(self, word: str, family: Family) -> Family | None:
        """The family for all of ``word``: its own when it has every letter, else the first that has
        them all; None when no one family has them all."""
        coverage = family.coverage
        if all(ord(c) in coverage or c in _ANY_FONT for c in word):
            return family
        return self.fonts.family_for_all(word, family, self.language)

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
