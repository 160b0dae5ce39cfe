"""Where each run of text starts and ends on a page, read from the content stream itself.

pypdf's text visitor gives where a run starts, never where it ends; a justified
line is known by both its edges. This follows the few text operators reportlab
writes (``BT Tm Td T* TL Tf Tw Tc Ts Tj TJ``, with ``cm q Q``) and measures each
run with the ``/Widths`` of its (simple TrueType subset) font: one ``Run`` per
``Tj`` or ``TJ``, from the pen's place before it to its place after, in page
coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pypdf
from pypdf.generic import ContentStream


@dataclass(frozen=True)
class Run:
    """One string shown: its baseline, its left and right ends and its font size, in points."""

    y: float
    left: float
    right: float
    size: float
    font: str = ""
    """The font's name without its subset prefix (``GentiumBookPlus``)."""


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices ``[a b c d e f]`` (``a`` applied first)."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def runs(pdf: pypdf.PdfReader, number: int = 0) -> list[Run]:
    """Every run of text on page ``number`` (from 0), in content order."""
    page = pdf.pages[number]
    fonts = {name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()}
    out: list[Run] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    tm = line = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    font: Any = None
    size = leading = word_space = char_space = rise = 0.0

    def position() -> list[float]:
        return _multiply([1, 0, 0, 1, 0, rise], _multiply(tm, ctm))

    def advance(data: bytes) -> None:
        nonlocal tm
        first, widths = int(font["/FirstChar"]), [float(w) for w in font["/Widths"]]
        total = 0.0
        for code in data:
            width = widths[code - first] if 0 <= code - first < len(widths) else 0.0
            total += width / 1000 * size + char_space + (word_space if code == 32 else 0.0)
        tm = _multiply([1, 0, 0, 1, total, 0], tm)

    def record(start: list[float], shown: bool) -> None:
        if shown:
            name = str(font["/BaseFont"]).split("+")[-1]
            out.append(Run(y=round(start[5], 1), left=start[4], right=position()[4], size=size, font=name))

    for operands, operator in ContentStream(page.get_contents(), pdf).operations:
        match operator:
            case b"q":
                stack.append(ctm)
            case b"Q":
                ctm = stack.pop()
            case b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            case b"BT":
                tm = line = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
            case b"Tm":
                tm = line = [float(v) for v in operands]
            case b"Td":
                tm = line = _multiply([1, 0, 0, 1, float(operands[0]), float(operands[1])], line)
            case b"T*":
                tm = line = _multiply([1, 0, 0, 1, 0, -leading], line)
            case b"TL":
                leading = float(operands[0])
            case b"Tf":
                font, size = fonts[operands[0]], float(operands[1])
            case b"Tw":
                word_space = float(operands[0])
            case b"Tc":
                char_space = float(operands[0])
            case b"Ts":
                rise = float(operands[0])
            case b"Tj":
                # Only the space's code is blank: a subset numbers glyphs from 1, so a shaped word
                # drawn early may be all codes 9-13, which bytes.strip() would take for spaces.
                start = position()
                advance(_raw(operands[0]))
                record(start, bool(_raw(operands[0]).strip(b" ")))
            case b"TJ":
                # One run to the pen's place after the whole array: reportlab follows a glyph
                # HarfBuzz placed (a ligature, a mark) with the move that puts the pen back.
                start, shown = position(), False
                for item in operands[0]:
                    if isinstance(item, int | float):
                        tm = _multiply([1, 0, 0, 1, -float(item) / 1000 * size, 0], tm)
                    else:
                        advance(_raw(item))
                        shown = shown or bool(_raw(item).strip(b" "))
                record(start, shown)
    return out


def _raw(string: Any) -> bytes:
    """The bytes of a PDF string operand (pypdf decodes some into text)."""
    return string.get_original_bytes() if hasattr(string, "get_original_bytes") else bytes(string)


def line_edges(
    found: list[Run], size: float, within: tuple[float, float] = (-1e9, 1e9)
) -> list[tuple[float, float, float]]:
    """``(baseline, left, right)`` of each line set in ``size`` points that starts ``within`` the
    given left and right (one column), top to bottom."""
    lines: dict[float, list[Run]] = {}
    for run in found:
        if abs(run.size - size) < 0.01 and within[0] - 1 <= run.left < within[1]:
            lines.setdefault(run.y, []).append(run)
    return [
        (y, min(r.left for r in lines[y]), max(r.right for r in lines[y]))
        for y in sorted(lines, reverse=True)
    ]
