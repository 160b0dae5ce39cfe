"""A justified paragraph that falls back to ragged right instead of showing rivers.

reportlab justifies by spreading a line's leftover width over its spaces,
however wide that makes them. After wrapping, :class:`SetParagraph` measures
the widest word space of every justified line; when one is too wide, or the
column is too narrow to justify well, the paragraph is set ragged right.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

MAX_EXTRA_SPACE_EM = 0.6
"""A justified line may widen each of its spaces by at most this many ems."""

MIN_JUSTIFY_WIDTH_EM = 13.0
"""Columns narrower than this many ems of the text size are set ragged right."""


def ragged(style: ParagraphStyle) -> ParagraphStyle:
    """The same style set flush left, ragged right (made once per style and kept on it)."""
    found: ParagraphStyle | None = style.__dict__.get("_bs_ragged")
    if found is None:
        found = ParagraphStyle(f"{style.name}-ragged", parent=style, alignment=TA_LEFT)
        style.__dict__["_bs_ragged"] = found
    return found


def widest_gap(paragraph: Paragraph) -> float:
    """The largest extra width, in points, added to one space of a justified line (last lines excluded)."""
    para = getattr(paragraph, "blPara", None)
    if para is None:
        return 0.0
    lines: list[Any] = list(para.lines)
    widest = 0.0
    for line in lines[:-1]:
        if para.kind == 0:
            extra, words = line[0], line[1]
            count = len(words)
            forced = False
        else:
            extra, count = line.extraSpace, line.wordCount
            forced = bool(getattr(line, "lineBreak", False))
        if forced or count < 2 or extra <= 0:
            continue
        widest = max(widest, extra / (count - 1))
    return float(widest)


class SetParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that is justified only where that leaves no wide gaps."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap as usual; re-wrap ragged right when justification would open wide gaps."""
        style: ParagraphStyle = getattr(self, "style")  # noqa: B009 (reportlab's attribute is untyped)
        size = float(style.fontSize)
        if style.alignment == TA_JUSTIFY and availWidth < MIN_JUSTIFY_WIDTH_EM * size:
            style = ragged(style)
            self.style = style
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        if style.alignment == TA_JUSTIFY and widest_gap(self) > MAX_EXTRA_SPACE_EM * size:
            self.style = ragged(style)
            result = super().wrap(availWidth, availHeight)
        return result


CHUNK_CHARS = 3000
"""Paragraph markup longer than this is cut at its forced line breaks into several flowables."""

_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^>]*?)(/?)>")


def split_markup(markup: str, every: int = CHUNK_CHARS) -> list[str]:
    """Cut paragraph markup at forced line breaks into pieces of about ``every`` characters.

    reportlab re-breaks the whole rest of a paragraph each time it splits it
    across a column or page, so a paragraph of hundreds of pages costs
    quadratic time. Pieces that end where a line ends anyway look the same
    and cost linear time. Tags open at a cut are closed and opened again.
    """
    if len(markup) <= every or "<br/>" not in markup:
        return [markup]
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, opening tag)
    start = 0
    prefix = ""
    for match in _TAG.finditer(markup):
        closing, name, _, empty = match.group(1), match.group(2), match.group(3), match.group(4)
        if name == "br" and match.start() - start >= every:
            closes = "".join(f"</{tag}>" for tag, _ in reversed(stack))
            pieces.append(prefix + markup[start : match.start()] + closes)
            prefix = "".join(opening for _, opening in stack)
            start = match.end()
        elif empty or name == "br":
            continue
        elif closing:
            if stack and stack[-1][0] == name:
                stack.pop()
        else:
            stack.append((name, match.group(0)))
    pieces.append(prefix + markup[start:])
    return pieces


def chunked(markup: str, style: ParagraphStyle) -> list[SetParagraph]:
    """One paragraph, or several pieces of a huge one that set as one (no space between them)."""
    pieces = split_markup(markup)
    if len(pieces) == 1:
        return [SetParagraph(markup, style)]
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    middle = ParagraphStyle(f"{style.name}-middle", parent=style, spaceBefore=0, spaceAfter=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    styles = [first] + [middle] * (len(pieces) - 2) + [last]
    return [SetParagraph(piece, piece_style) for piece, piece_style in zip(pieces, styles, strict=True)]
