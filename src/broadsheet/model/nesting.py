"""The deepest a body may nest, so that what any writer writes every reader reads back.

Each format's reader bounds nesting to protect its stack (JSON, ninjs and
NewsML-G2 at 200 levels of their own structure, HTML at 255 elements),
and a model level costs a format up to two of its own (a list item is
``<ul><li>``). A bound in the model, well inside all of them, makes the
round trip hold for every article the model accepts.
"""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import ModelError
from broadsheet.model.blocks import BLOCK_TYPES
from broadsheet.model.inlines import INLINE_TYPES

MAX_NESTING = 64
"""The most body nodes (blocks and inlines) on any path from the body to a leaf."""


def check_nesting(body: tuple[Any, ...], *, limit: int = MAX_NESTING) -> None:
    """Raise :class:`ModelError` when a path through ``body`` holds more than ``limit`` nodes."""
    nodes = (*BLOCK_TYPES, *INLINE_TYPES)
    stack: list[tuple[Any, int]] = [(value, 0) for value in body]
    while stack:  # iterative: the point is not to trust the depth
        value, depth = stack.pop()
        if isinstance(value, tuple):
            stack.extend((item, depth) for item in value)
            continue
        if not attrs.has(type(value)) or type(value).__name__ == "Translation":
            continue
        if isinstance(value, nodes):
            depth += 1
            if depth > limit:
                raise ModelError(f"the body nests more than {limit} levels deep (lists, quotes, emphasis…)")
        stack.extend((getattr(value, field.name), depth) for field in attrs.fields(type(value)))
