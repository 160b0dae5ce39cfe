"""The deepest a body may nest, so that what any writer writes every reader reads back.

Each format's reader bounds nesting to protect its stack (JSON, ninjs and
NewsML-G2 at 200 levels of their own structure, HTML at 255 elements),
and a model level costs a format up to two of its own (a list item is
``<ul><li>``). A bound in the model, well inside all of them, makes the
round trip hold for every article the model accepts.
"""

from __future__ import annotations

import collections
from typing import Any

import attrs

from broadsheet.errors import ModelError
from broadsheet.model.blocks import BLOCK_TYPES
from broadsheet.model.inlines import INLINE_TYPES

MAX_NESTING = 64
"""The most body nodes (blocks and inlines) on any path from the body to a leaf."""


_NODES = frozenset((*BLOCK_TYPES, *INLINE_TYPES))
_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _fields(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        # A translation's article is another document, checked when it was made.
        skip = "article" if cls.__name__ == "Translation" else None
        names = tuple(f.name for f in attrs.fields(cls) if f.name != skip) if attrs.has(cls) else ()
        _FIELDS[cls] = names
    return names


_RECENT: collections.deque[tuple[Any, ...]] = collections.deque(maxlen=8)


def check_nesting(body: tuple[Any, ...], *, limit: int = MAX_NESTING) -> None:
    """Raise :class:`ModelError` when a path through ``body`` holds more than ``limit`` nodes."""
    # Readers and writers evolve an article many times with the same body: check a body once.
    if limit == MAX_NESTING and any(seen is body for seen in _RECENT):
        return
    _check(body, limit)
    if limit == MAX_NESTING:
        _RECENT.append(body)


def _check(body: tuple[Any, ...], limit: int) -> None:
    stack: list[tuple[Any, int]] = [(value, 0) for value in body]
    push = stack.append
    while stack:  # iterative: the point is not to trust the depth
        value, depth = stack.pop()
        kind = type(value)
        if kind is tuple:
            for item in value:
                push((item, depth))
            continue
        names = _fields(kind)
        if not names:
            continue
        if kind in _NODES:
            depth += 1
            if depth > limit:
                raise ModelError(f"the body nests more than {limit} levels deep (lists, quotes, emphasis…)")
        for name in names:
            child = getattr(value, name)
            if type(child) is tuple or attrs.has(type(child)):
                push((child, depth))
