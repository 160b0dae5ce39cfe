"""Levelling the columns of an article's last page, decided when that page begins.

Laying the whole document out a second time with shortened columns doubles
the cost and may fail (then no page is levelled at all). Instead, when the
first column of a page begins, the rest of the article is measured; if it
fits on this page, a trial fill of the columns (wrap and split only, nothing
drawn) finds the lowest height at which it fits, and all columns but the
last are shortened to it. The last column keeps its full height, so a wrong
guess only leaves the columns less even; it never pushes text onto a new page.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable, LCActionFlowable

FUZZ = 1e-6

MAX_STEPS = 5000
"""Flowables and parts a trial fill handles at most."""

TRIALS = 6
"""Trial fills per page at most (each raises the height by what was left over)."""

SLACK_LINES = 0.6
"""Lines of height added to the found height: the frame collapses spaces a little differently from the trial."""


class ArticleEnd(Flowable):  # type: ignore[misc]
    """Where an article's flowables end: the measure of "the rest of the article" stops here."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Takes no room."""
        return (0.0, 0.0)

    def draw(self) -> None:
        """Draws nothing."""


def rest_of_article(queue: list[Flowable]) -> list[Flowable] | None:
    """The flowables up to the next :class:`ArticleEnd` (None when there is no marker: not balancing)."""
    out: list[Flowable] = []
    for flowable in queue:
        if isinstance(flowable, ArticleEnd):
            return out
        out.append(flowable)
    return None


def _measure(canvas: Any, flowable: Flowable, width: float, limit: float) -> tuple[float, float, float]:
    """Height, space before and space after of ``flowable`` at ``width``, remembered on it (0 for actions).

    Every flowable is wrapped once for the levelling, however many trial
    fills follow: a trial re-wraps only what it has to split.
    """
    if isinstance(flowable, ActionFlowable):
        return (0.0, 0.0, 0.0)
    known: tuple[float, float, float, float] | None = getattr(flowable, "_bs_measure", None)
    if known is not None and known[0] == width:
        return known[1:]
    _, height = flowable.wrapOn(canvas, width, limit)
    if isinstance(flowable, KeepTogether):
        height = flowable._H  # its wrap answers "too tall" to make the frame split it
    found = (float(height), float(flowable.getSpaceBefore()), float(flowable.getSpaceAfter()))
    flowable._bs_measure = (width, *found)
    return found


def content_height(canvas: Any, flowables: list[Flowable], width: float, limit: float) -> float:
    """The height of ``flowables`` stacked at ``width``; stops counting once it passes ``limit``."""
    total = 0.0
    for flowable in flowables:
        height, before, after = _measure(canvas, flowable, width, limit)
        total += height + before + after
        if total > limit:
            break
    return total


def left_over(canvas: Any, flowables: list[Flowable], width: float, height: float, columns: int) -> float:
    """The height of what does not fit when ``flowables`` fill ``columns`` columns ``height`` tall."""
    queue = list(flowables)
    column, room, top = 0, height, True
    steps = 0
    while queue:
        steps += 1
        if steps > MAX_STEPS:
            return height * columns  # a split that never ends: do not level
        flowable = queue.pop(0)
        if isinstance(flowable, ActionFlowable):
            if isinstance(flowable, LCActionFlowable) and not top:  # a frame or page break
                column, room, top = column + 1, height, True
                if column == columns:
                    return content_height(canvas, queue, width, 1e9) + FUZZ
            continue
        used, before, after = _measure(canvas, flowable, width, room)
        before = 0.0 if top else before
        if used + before <= room + FUZZ and not isinstance(flowable, KeepTogether):
            room -= used + before + after
            top = False
            continue
        _, used = flowable.wrapOn(canvas, width, room - before)
        if used + before <= room + FUZZ:
            room -= used + before + after
            top = False
            continue
        parts: list[Flowable] = (
            list(flowable.splitOn(canvas, width, room - before)) if room - before > 1 else []
        )
        if parts and parts[0] is not flowable:
            queue[0:0] = parts  # a first part that fits, or a frame break before kept-together content
            continue
        if top:
            return float(used)  # taller than a column of this height: the height must grow
        else:
            queue.insert(0, flowable)
        column, room, top = column + 1, height, True
        if column == columns:
            return content_height(canvas, queue, width, 1e9) + FUZZ
    return 0.0


def level_height(
    canvas: Any, flowables: list[Flowable], width: float, full: float, columns: int, leading: float
) -> float | None:
    """The column height at which ``flowables`` fill ``columns`` columns evenly, if they fit on the page.

    None when they do not fit in ``full``-tall columns (not the last page) or
    when levelling would hardly shorten the columns.
    """
    total = content_height(canvas, flowables, width, columns * full)
    if total > columns * full or total <= 0:
        return None
    height = max(total / columns + leading * 0.5, leading)
    for _ in range(TRIALS):
        if height >= full * 0.97:
            return None
        over = left_over(canvas, flowables, width, height, columns)
        if over <= 0:
            return min(full, height + SLACK_LINES * leading)
        height += max(over / columns, leading * 0.5)
    return None


def shorten(frame: Any, height: float) -> tuple[float, float]:
    """Make ``frame`` ``height`` tall, keeping its top; returns what to restore."""
    saved = (frame._y1, frame._height)
    frame._y1, frame._height = frame._y1 + frame._height - height, height
    frame._geom()
    frame._reset()
    return saved
