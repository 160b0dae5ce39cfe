"""Reading parsed XML: element names, places for error messages, text with its line breaks, schemas.

Parsing itself is :mod:`broadsheet.formats._shared.parsers`; this module
reads the trees it returns, for NewsML-G2 and NITF alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from lxml import etree

from broadsheet.errors import ModelError, ReadError, SchemaError
from broadsheet.formats._shared.parsers import parse_xml_file

_schemas: dict[str, etree.XMLSchema] = {}
T = TypeVar("T")
_SPACE = re.compile(r"[ \t\r\n]+")


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (``"newsItem"``)."""
    return etree.QName(element).localname


def where(element: etree._Element) -> str:
    """Where an element is, for error messages: ``<headline> at line 12``."""
    line = element.sourceline
    name = local_name(element) if isinstance(element.tag, str) else "node"
    return f"<{name}> at line {line}" if line else f"<{name}>"


def load_schema(path: str) -> etree.XMLSchema:
    """Compile the XSD at ``path`` (cached); its imports resolve from local files only, never the network."""
    schema = _schemas.get(path)
    if schema is None:
        try:
            schema = etree.XMLSchema(parse_xml_file(path, what="schema"))
        except (ReadError, etree.XMLSchemaParseError) as error:
            raise ReadError(f"cannot load the schema {path!r}: {error}") from None
        _schemas[path] = schema
    return schema


def validate(root: etree._Element, schema_path: str, *, what: str = "XML") -> None:
    """Validate ``root`` against the XSD at ``schema_path``; the first violation is a SchemaError with its line."""
    schema = load_schema(schema_path)
    if not schema.validate(root):
        error = schema.error_log.filter_from_errors()[0]
        raise SchemaError(f"{what} input is not valid: {error.message}", where=f"line {error.line}")


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
