"""TrueType fonts that turn a line of text into their subsets' codes in C loops.

reportlab draws text in an embedded TrueType font by giving each character
a code in one of the font's subsets of 256 glyphs, the first time it meets
it, and looks every character of every line up again in a Python loop. In a
document of many pages nearly every character has its code already: a line
whose characters all have one is mapped with ``map`` and ``bytes``, and only
a line with a new character goes through reportlab's own loop (which gives
it its code). The result is the same list of (subset, bytes) pairs.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont


def _subset(code: int) -> int:
    return code >> 8


class SubsetFont(TTFont):  # type: ignore[misc]
    """reportlab's TrueType font with a faster :meth:`splitString` for characters seen before."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """reportlab's split of ``text`` into (subset, codes) runs; looked up at once when every
        character has its code already."""
        state = self.state.get(doc)
        if state is not None and text and isinstance(text, str):
            if "\xa0" in text:
                text = text.replace("\xa0", " ")  # reportlab draws a no-break space as a space
            try:
                codes = list(map(state.assignments.__getitem__, map(ord, text)))
            except KeyError:
                pass  # a character without a code yet: reportlab gives it one
            else:
                try:
                    return [(0, bytes(codes))]  # the usual case: one subset, the first
                except ValueError:
                    return [(subset, bytes(n & 0xFF for n in run)) for subset, run in groupby(codes, _subset)]
        found: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return found
