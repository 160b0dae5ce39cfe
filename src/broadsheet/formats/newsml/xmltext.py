"""Reading text out of NewsML-G2 and NITF elements: whitespace, line breaks, model errors with places."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from lxml import etree

from broadsheet.errors import ModelError, SchemaError
from broadsheet.formats._shared.xml import local_name, where

T = TypeVar("T")

_SPACE = re.compile(r"[ \t\r\n]+")


def collapse(text: str | None) -> str:
    """XML layout whitespace collapsed to single spaces, ends stripped."""
    return _SPACE.sub(" ", text or "").strip(" ")


def text_of(element: etree._Element | None) -> str | None:
    """All the text inside ``element``, collapsed; ``None`` when there is none."""
    if element is None:
        return None
    return collapse("".join(element.itertext())) or None


def lines_of(element: etree._Element | None) -> str | None:
    """Text whose lines are kept apart by ``<br/>`` (layout whitespace collapsed); ``None`` when empty."""
    if element is None:
        return None
    parts: list[str] = []
    _gather(element, parts)
    lines = (collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line) or None


def _gather(element: etree._Element, parts: list[str]) -> None:
    parts.append(_SPACE.sub(" ", element.text or ""))
    for child in element:
        if isinstance(child.tag, str):
            if local_name(child) == "br":
                parts.append("\n")
            else:
                _gather(child, parts)
        parts.append(_SPACE.sub(" ", child.tail or ""))


def build(what: Callable[..., T], element: etree._Element, **fields: object) -> T:
    """Construct a model object, turning a :class:`ModelError` into a :class:`SchemaError` that says where."""
    try:
        return what(**fields)
    except ModelError as error:
        name = getattr(what, "__name__", "value")
        raise SchemaError(f"{name}: {error}", where=where(element)) from None
