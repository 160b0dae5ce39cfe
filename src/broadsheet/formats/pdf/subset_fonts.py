"""TrueType fonts that turn a line of text into their subsets' codes in C loops.

reportlab draws text in an embedded TrueType font by giving each character
a code in one of the font's subsets of 256 glyphs, the first time it meets
it, and looks every character of every line up again in a Python loop. In a
document of many pages nearly every character has its code already: a line
whose characters all have one is mapped with ``map`` and ``bytes``, and only
a line with a new character goes through reportlab's own loop (which gives
it its code). The result is the same list of (subset, bytes) pairs.

:meth:`SubsetFont.escaped` goes one step further for a line all in the
first subset: one ``str.translate`` gives the codes already escaped for a
PDF string, what reportlab's text object writes between the parentheses.
"""

from __future__ import annotations

from itertools import groupby, islice
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

ESCAPES = {
    code: (f"\\{code:03o}" if code < 32 or code >= 127 else "\\" + chr(code))
    for code in range(256)
    if code < 32 or code >= 127 or chr(code) in "\\()"
}
"""How a PDF string writes a byte that is not printable ASCII, or is ``\\``, ``(``, ``)`` (reportlab's escapePDF)."""

_NOT_HERE = "\x80"
"""What :meth:`SubsetFont.escaped` maps a character to that it cannot escape (not ASCII: the line is refused)."""


def _subset(code: int) -> int:
    return code >> 8


def _escaped(code: int) -> str:
    """A subset code as a PDF string writes it, or ``_NOT_HERE`` for a code outside the first subset."""
    return ESCAPES.get(code, chr(code)) if code < 256 else _NOT_HERE


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

    def escaped(self, text: str, doc: Any) -> str | None:
        """``text``'s codes escaped for a PDF string when all are in the first subset, else None.

        The table grows with the font's codes (reportlab only adds codes, in
        order): a document of thousands of characters never rebuilds it.
        """
        state = self.state.get(doc)
        if state is None or not text:
            return None
        assignments = state.assignments
        known = state.__dict__.get("_bs_escapes")
        if known is None:
            # every ASCII character refused until it has a code, so an unknown one never passes
            known = state.__dict__["_bs_escapes"] = [0, dict.fromkeys(range(128), _NOT_HERE)]
        if known[0] != len(assignments):
            table = known[1]
            for code, number in islice(assignments.items(), known[0], None):
                table[code] = _escaped(number)
            space = assignments.get(32)
            table[0xA0] = _NOT_HERE if space is None else _escaped(space)  # drawn as a space
            known[0] = len(assignments)
        escaped: str = text.translate(known[1])
        return escaped if escaped.isascii() else None
