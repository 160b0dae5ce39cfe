"""A justified paragraph that falls back to ragged right instead of showing rivers.

reportlab justifies by spreading a line's leftover width over its spaces,
however wide that makes them. After wrapping, :class:`SetParagraph` measures
the widest word space of every justified line; when one is too wide, or the
column is too narrow to justify well, the paragraph is set ragged right.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

MAX_EXTRA_SPACE_EM = 0.6
"""A justified line may widen each of its spaces by at most this many ems."""

MIN_JUSTIFY_WIDTH_EM = 13.0
"""Columns narrower than this many ems of the text size are set ragged right."""

_RAGGED: dict[int, ParagraphStyle] = {}


def ragged(style: ParagraphStyle) -> ParagraphStyle:
    """The same style set flush left, ragged right."""
    found = _RAGGED.get(id(style))
    if found is None or found.parent is not style:
        found = ParagraphStyle(f"{style.name}-ragged", parent=style, alignment=TA_LEFT)
        _RAGGED[id(style)] = found
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
