"""Runs of inline nodes as the NITF reader builds them: neighbouring texts merged, empty ones dropped."""

from __future__ import annotations

from broadsheet.model import Inline, LineBreak, Text


def texts(text: str | None) -> list[Inline]:
    """``text`` as a Text node, or nothing when it is empty."""
    return [Text(text=text)] if text else []


def line_inlines(text: str) -> tuple[Inline, ...]:
    """Lines of ``text`` (outer blank lines aside) as texts separated by line breaks."""
    out: list[Inline] = []
    for index, line in enumerate(text.strip("\n").split("\n")):
        if index:
            out.append(LineBreak())
        out.extend(texts(line))
    return tidy(out)


def merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring texts and drop empty ones."""
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(text=merged[-1].text + node.text)
            elif node.text:
                merged.append(node)
        else:
            merged.append(node)
    return tuple(node for node in merged if not (isinstance(node, Text) and not node.text))


def tidy(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring texts, drop empty ones, and strip the block's outer whitespace."""
    merged = list(merge(inlines))
    if merged and isinstance(merged[0], Text):
        merged[0] = Text(text=merged[0].text.lstrip(" "))
    if merged and isinstance(merged[-1], Text):
        merged[-1] = Text(text=merged[-1].text.rstrip(" "))
    return tuple(node for node in merged if not (isinstance(node, Text) and not node.text))
