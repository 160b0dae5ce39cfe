"""A paragraph's inlines seen as one string, so recognisers can search text, and new nodes spliced back.

Each top-level inline becomes a *piece* of the string: a ``Text`` its
characters, a ``LineBreak`` a newline, ``Emphasis``/``Strong``/``Link`` the
text of their content, and an existing ``InlineQuote`` or ``Mention`` one
opaque character (:data:`~broadsheet.formats._shared.plain_text.OPAQUE`), so
what was recognised before is never recognised twice. A recogniser names a range of the string and the node to
put there; the range may cut a ``Text`` anywhere but other nodes only whole.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

import attrs

from broadsheet.formats._shared.plain_text import PlainText, Quoting, inline_pieces, inline_text
from broadsheet.model import Block, Inline, Link, Paragraph, RelatedBox, Text

_WORD = re.compile(r"\w+")
_FLAT = PlainText(quotes=Quoting.OPAQUE, opaque_mentions=True)
"""A paragraph's string: what was recognised before stands as one character."""
_WORDS = PlainText(quotes=Quoting.BARE)
_READING = PlainText(quotes=Quoting.APART)


def flat_text(node: Inline) -> str:
    """The characters ``node`` contributes to its paragraph's string."""
    return inline_text((node,), style=_FLAT)


@attrs.frozen
class Piece:
    """One top-level inline and the range of the string it fills."""

    start: int
    """Index of its first character."""
    end: int
    """Index just past its last character."""
    node: Inline
    """The inline itself."""


class FlatInlines:
    """A sequence of inlines with its string, the pieces that make it, and splicing."""

    def __init__(self, children: Sequence[Inline]) -> None:
        """Flatten ``children``."""
        self.children = tuple(children)
        pieces: list[Piece] = []
        parts: list[str] = []
        position = 0
        for node in self.children:
            text = flat_text(node)
            pieces.append(Piece(start=position, end=position + len(text), node=node))
            parts.append(text)
            position += len(text)
        self.text = "".join(parts)
        """The string the inlines make."""
        self.pieces = tuple(pieces)
        """The top-level inlines with their ranges, in order."""
        self._starts = [piece.start for piece in pieces]

    def _containing(self, offset: int) -> Piece | None:
        """The piece that strictly contains ``offset`` (a cut there would split it)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        piece = self.pieces[index]
        return piece if piece.start < offset < piece.end else None

    def can_cut(self, offset: int) -> bool:
        """Whether a range may begin or end at ``offset`` without splitting a non-text node."""
        piece = self._containing(offset)
        return piece is None or isinstance(piece.node, Text)

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """The smallest range holding ``start``–``end`` whose ends split no non-text node."""
        piece = self._containing(start)
        if piece is not None and not isinstance(piece.node, Text):
            start = piece.start
        piece = self._containing(end)
        if piece is not None and not isinstance(piece.node, Text):
            end = piece.end
        return start, end

    def overlapping(self, start: int, end: int) -> list[Piece]:
        """The pieces that share at least one character with ``start``–``end``."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out: list[Piece] = []
        for piece in self.pieces[first:]:
            if piece.start >= end:
                break
            if piece.end > start:
                out.append(piece)
        return out

    def only_text(self, start: int, end: int) -> bool:
        """Whether ``start``–``end`` holds nothing but plain text."""
        return all(isinstance(piece.node, Text) for piece in self._within(start, end))

    def _within(self, start: int, end: int) -> list[Piece]:
        """The pieces sharing characters with ``start``–``end``, and empty ones strictly inside it."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out: list[Piece] = []
        for piece in self.pieces[first:]:
            if piece.start >= end:
                break
            if piece.end > start or start < piece.start:
                out.append(piece)
        return out

    def links(self, start: int, end: int) -> list[Link]:
        """The top-level links that overlap ``start``–``end``, in order."""
        return [piece.node for piece in self.overlapping(start, end) if isinstance(piece.node, Link)]

    def covered(self, start: int, end: int) -> tuple[Inline, ...]:
        """The inlines in ``start``–``end`` (texts cut at the ends); the ends must be cuttable."""
        out: list[Inline] = []
        for piece in self._within(start, end):
            if isinstance(piece.node, Text) and (piece.start < start or piece.end > end):
                low, high = max(start, piece.start) - piece.start, min(end, piece.end) - piece.start
                out.append(Text(text=piece.node.text[low:high]))
            else:
                out.append(piece.node)
        return tuple(out)

    def _owned(self, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int, Inline, int | None]]:
        """Every atom (a whole node, or a text cut at range ends) with the index of the range holding it."""
        points = sorted({point for pair in ranges for point in pair})
        out: list[tuple[int, int, Inline, int | None]] = []
        index = 0
        for piece in self.pieces:
            if isinstance(piece.node, Text):
                low = bisect.bisect_right(points, piece.start)
                high = bisect.bisect_left(points, piece.end)
                edges = [piece.start, *points[low:high], piece.end]
                atoms: list[tuple[int, int, Inline]] = []
                for left, right in itertools.pairwise(edges):
                    if left < right:
                        whole = right - left == len(piece.node.text)
                        part = piece.node.text[left - piece.start : right - piece.start]
                        atoms.append((left, right, piece.node if whole else Text(text=part)))
            else:
                atoms = [(piece.start, piece.end, piece.node)]
            for left, right, node in atoms:
                while index < len(ranges) and ranges[index][1] <= left:
                    index += 1
                owner: int | None = None
                if index < len(ranges):
                    start, end = ranges[index]
                    inside = start <= left and right <= end
                    # An empty node exactly at a range's edge stays outside it.
                    if inside and not (left == right and left in (start, end)):
                        owner = index
                out.append((left, right, node, owner))
        return out

    def splice(self, replacements: Sequence[tuple[int, int, Inline]]) -> tuple[Inline, ...]:
        """The inlines with each ``(start, end, node)`` range replaced by ``node``.

        Ranges must be non-empty, sorted, must not overlap, and must have cuttable ends.
        """
        if not replacements:
            return self.children
        out: list[Inline] = []
        emitted: set[int] = set()
        for _, _, node, owner in self._owned([(start, end) for start, end, _ in replacements]):
            if owner is None:
                out.append(node)
            elif owner not in emitted:
                emitted.add(owner)
                out.append(replacements[owner][2])
        return tuple(out)


def inline_words(children: Iterable[Inline]) -> list[str]:
    """The words a reader reads in ``children``, in order (quotation marks and spacing aside)."""
    return [word for piece in inline_pieces(children, style=_WORDS) for word in _WORD.findall(piece)]


def reading_text(children: Iterable[Inline]) -> str:
    """The text of ``children`` as read, each quotation on a line of its own (for finding names)."""
    return inline_text(children, style=_READING)


def block_words(block: Block) -> list[str]:
    """The words of a paragraph, or of a read-also box made from one (label, then titles)."""
    match block:
        case Paragraph():
            return inline_words(block.children)
        case RelatedBox():
            return [
                word
                for text in (block.label or "", *(link.title for link in block.links))
                for word in _WORD.findall(text)
            ]
        case _:
            return []
