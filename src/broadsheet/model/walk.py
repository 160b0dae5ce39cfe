"""Traversal of the model: two verbs, :func:`collect` and :func:`rebuild`.

Both visit every model object below the starting point (blocks, inlines,
quotes, images, links, people), parents before children, in reading order.
``collect`` gathers what a query returns for each; ``rebuild`` makes a new
tree, bottom-up, replacing each object by what a function returns for it.

Example: every person quoted, then the same body with all emphasis removed::

    >>> from broadsheet.model import Paragraph, Emphasis, Text, InlineQuote, Quote, Person
    >>> body = (Paragraph(children=(
    ...     Emphasis(children=(Text(text="Yes"),)),
    ...     InlineQuote(quote=Quote(text="No", speaker=Person(name="Ann"))),
    ... )),)
    >>> collect(body, lambda node: [node.speaker.name] if isinstance(node, Quote) else [])
    ['Ann']
    >>> def plain(node):
    ...     if isinstance(node, Paragraph):
    ...         out = []
    ...         for child in node.children:
    ...             out.extend(child.children if isinstance(child, Emphasis) else (child,))
    ...         return Paragraph(children=out)
    ...     return node
    >>> rebuild(body, plain)[0].children[0]
    Text(text='Yes')

A :class:`~broadsheet.model.Translation`'s full article is a document of its
own: traversal does not descend into it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from broadsheet.errors import ModelError

T = TypeVar("T")
R = TypeVar("R")

_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _fields(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        # Translation.article is skipped: a translation is another document.
        names = tuple(
            f.name for f in attrs.fields(cls) if not (cls.__name__ == "Translation" and f.name == "article")
        )
        _FIELDS[cls] = names
    return names


def collect(tree: Any, query: Callable[[Any], Iterable[R]]) -> list[R]:
    """Concatenate ``query(node)`` over every model object in ``tree``, in reading order.

    ``tree`` is a model object or a tuple of them (such as ``article.body``).
    """
    out: list[R] = []
    stack: list[Any] = [tree]
    while stack:
        value = stack.pop()
        if isinstance(value, tuple):
            stack.extend(reversed(value))
        elif attrs.has(type(value)):
            out.extend(query(value))
            stack.extend(getattr(value, name) for name in reversed(_fields(type(value))))
    return out


def rebuild(tree: T, change: Callable[[Any], Any]) -> T:
    """Return a copy of ``tree`` where every model object ``n`` became ``change(n)``.

    Children are rebuilt before their parent, so ``change`` sees a parent
    whose children are already changed. Objects ``change`` returns unchanged
    are shared, not copied.
    """
    return _rebuild(tree, change, 0)  # type: ignore[no-any-return]


_MAX_DEPTH = 500


def _rebuild(value: Any, change: Callable[[Any], Any], depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise ModelError(f"the tree is nested more than {_MAX_DEPTH} levels deep")
    if isinstance(value, tuple):
        items = tuple(_rebuild(item, change, depth + 1) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    updates = {}
    for name in _fields(type(value)):
        old = getattr(value, name)
        new = _rebuild(old, change, depth + 1)
        if new is not old:
            updates[name] = new
    if updates:
        value = attrs.evolve(value, **updates)
    return change(value)
