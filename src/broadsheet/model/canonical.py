"""Canonical form of inline content, applied whenever a node is built.

One piece of text has one representation: no empty or adjacent ``Text``
nodes, no empty emphasis or links, and, inside a block (paragraph, heading,
table cell), no space at the ends or doubled across node boundaries. This is
what every format's reader produces too, so a document survives a round trip
through any of them unchanged.
"""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import ModelError
from broadsheet.model import values
from broadsheet.model.inline_leaves import InlineQuote, LineBreak, Text

_DROP_WHEN_EMPTY = ("Emphasis", "Strong", "Link")


def inline_children(value: Any) -> tuple[Any, ...]:
    """Children of an inline container: adjacent texts merged, empty nodes dropped."""

    nodes = values.as_tuple(value)
    if len(nodes) == 1 and not (isinstance(nodes[0], Text) and not nodes[0].text):
        return nodes
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + node.text)
                continue
        elif type(node).__name__ in _DROP_WHEN_EMPTY and not node.children:
            continue
        out.append(node)
    return tuple(out)


def block_children(value: Any) -> tuple[Any, ...]:
    """Children of a block: :func:`inline_children`, then spaces trimmed at the
    ends, around line breaks and where two nodes would double them; line breaks
    at the block's ends, and emphasis or links holding nothing but line breaks,
    are dropped (they show nothing)."""

    nodes = values.as_tuple(value)
    if len(nodes) == 1 and isinstance(nodes[0], Text):
        text = nodes[0].text
        stripped = text.strip(" ")
        if stripped == text:
            return nodes
        return (Text(text=stripped),) if stripped else ()
    # [whether the text emitted so far ends in a space or a line start,
    #  whether nothing at all has been emitted yet]
    state = [True, True]
    out = _forward(nodes, state, 0)
    return tuple(_rstrip(out, breaks=True))


MAX_DEPTH = 64
"""Inline content nested deeper than this is refused (the bound for a whole body is
:data:`broadsheet.model.nesting.MAX_NESTING`, the same number)."""


def _forward(nodes: tuple[Any, ...], state: list[bool], depth: int) -> list[Any]:

    if depth > MAX_DEPTH:
        raise ModelError(f"inline content is nested more than {MAX_DEPTH} levels deep")
    out: list[Any] = []
    for node in nodes:
        if isinstance(node, Text):
            text = node.text.lstrip(" ") if state[0] else node.text
            if not text:
                continue
            state[0] = text.endswith(" ")
            state[1] = False
            if out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + text)
            else:
                out.append(node if text is node.text else Text(text=text))
        elif isinstance(node, LineBreak):
            out = _rstrip(out, breaks=False)
            if not state[1]:
                out.append(node)
            state[0] = True
        elif isinstance(node, InlineQuote):
            out.append(node)
            state[0] = state[1] = False
        elif not isinstance(getattr(node, "children", None), tuple):
            out.append(node)  # not an inline node: the validator will say so
            state[1] = False
        else:
            children = _forward(node.children, state, depth + 1)
            if type(node).__name__ in _DROP_WHEN_EMPTY and all(isinstance(c, LineBreak) for c in children):
                continue
            if tuple(children) != node.children:
                node = attrs.evolve(node, children=tuple(children))
            out.append(node)
            state[1] = False
    return out


def _rstrip(nodes: list[Any], *, breaks: bool) -> list[Any]:
    """``nodes`` without trailing spaces (and, with ``breaks``, trailing line breaks)."""

    out = list(nodes)
    while out:
        last = out[-1]
        if isinstance(last, Text):
            text = last.text.rstrip(" ")
            if text == last.text:
                return out
            if text:
                out[-1] = Text(text=text)
                return out
            out.pop()
        elif isinstance(last, LineBreak) and breaks:
            out.pop()
        elif isinstance(last, (LineBreak, InlineQuote)) or not isinstance(
            getattr(last, "children", None), tuple
        ):
            return out
        else:
            children = _rstrip(list(last.children), breaks=breaks)
            if tuple(children) == last.children:
                return out
            if not children and type(last).__name__ in _DROP_WHEN_EMPTY:
                out.pop()
                continue
            out[-1] = attrs.evolve(last, children=tuple(children))
            return out
    return out
