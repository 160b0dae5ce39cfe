"""Pairing of quotation marks in a string: «», „“, “”, ‘’, straight quotes, nested to any sane depth.

The scan is one pass with a bounded stack, so it is linear in the length of
the text whatever the input; marks that never pair (an apostrophe, a stray
closing mark, a quotation left open) are ignored.
"""

from __future__ import annotations

import re

import attrs

_MAX_DEPTH = 8
# Deeper nesting does not occur in prose; the bound keeps closing-mark search O(1).

_OPENING_CONTEXT = frozenset(" \t\n([{«„“‘—–-/\ufffc")
_CLOSING_CONTEXT = frozenset(" \t\n.,;:!?)]}»“”’…—–-/\ufffc")

_CLOSERS: dict[str, frozenset[str]] = {
    "«": frozenset("»"),
    "„": frozenset("“”"),
    "“": frozenset("”"),
    "‚": frozenset("‘’"),
    "‘": frozenset("’"),
    '"': frozenset('"'),
    "'": frozenset("'"),
}

OPENING_MARKS = frozenset(_CLOSERS)
"""Every character that can open a quotation."""

CLOSING_MARKS = frozenset("»“”‘’\"'")
"""Every character that can close a quotation."""

_ANY_MARK = re.compile("[«»„“”‚‘’\"']")


@attrs.frozen
class QuoteSpan:
    """A paired quotation: the index of its opening and of its closing mark."""

    open: int
    """Index of the opening mark."""
    close: int
    """Index of the closing mark."""
    depth: int
    """0 for an outermost quotation, 1 for one nested in it, and so on."""

    @property
    def end(self) -> int:
        """Index just past the closing mark."""
        return self.close + 1


def _left_flanking(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before in _OPENING_CONTEXT or before.isspace()) and not after.isspace()


def _right_flanking(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and (after in _CLOSING_CONTEXT or after.isspace())


def _inside_word(text: str, index: int) -> bool:
    # An apostrophe: don't, п'ять, O’Brien.
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def scan(text: str) -> list[QuoteSpan]:
    """Every paired quotation in ``text``, ordered by opening mark."""
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []

    def close_with(mark: str, index: int) -> bool:
        for level in range(len(stack) - 1, -1, -1):
            opener, start = stack[level]
            if mark in _CLOSERS[opener]:
                del stack[level:]
                spans.append(QuoteSpan(open=start, close=index, depth=level))
                return True
        return False

    def push(mark: str, index: int) -> None:
        if len(stack) < _MAX_DEPTH:
            stack.append((mark, index))

    for found in _ANY_MARK.finditer(text):
        index, char = found.start(), found.group()
        if char == "«" or char == "„" or char == "‚":
            push(char, index)
        elif char == "»":
            close_with(char, index)
        elif char == "“":
            # Closes a „ (Ukrainian, German), otherwise opens (English).
            if stack and stack[-1][0] == "„":
                close_with(char, index)
            elif _left_flanking(text, index):
                push(char, index)
        elif char == "”":
            close_with(char, index)
        elif char == "‘":
            if stack and stack[-1][0] == "‚":
                close_with(char, index)
            elif _left_flanking(text, index):
                push(char, index)
        elif char == "’":
            if not _inside_word(text, index) and _right_flanking(text, index):
                close_with(char, index)
        else:  # straight quotes: the context says whether they open or close
            if char == "'" and _inside_word(text, index):
                continue
            is_open = any(mark == char for mark, _ in stack)
            if is_open and _right_flanking(text, index):
                close_with(char, index)
            elif _left_flanking(text, index):
                push(char, index)
            elif is_open:
                close_with(char, index)
    spans.sort(key=lambda span: span.open)
    return spans


def outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Only the spans not nested in another, in order."""
    out: list[QuoteSpan] = []
    for span in spans:
        if out and span.open < out[-1].close:
            continue
        out.append(span)
    return out
