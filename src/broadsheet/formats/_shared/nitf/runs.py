"""Runs of inline nodes as the NITF reader builds them.

Merging texts and trimming spaces is left to the model's own canonical form
(:mod:`broadsheet.model.canonical`), which applies whenever a node is built.
"""

from __future__ import annotations

from broadsheet.model import Inline, LineBreak, Text
from broadsheet.model.canonical import block_children


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
    return block_children(out)
