"""Typed, path-aware access to a parsed ninjs object, whatever the case of its keys.

ninjs 2.x writes ``versioncreated`` where 3.x writes ``versionCreated``;
lookups here ignore case, so one reader serves both. A value of the wrong
type raises :class:`SchemaError` naming its JSON path (``$.associations[2].headlines``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from broadsheet.errors import SchemaError

_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Obj:
    """A JSON object and where it sits in the document."""

    __slots__ = ("data", "keys", "path")

    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data = data
        self.path = path
        self.keys = {key.lower(): key for key in data}

    def at(self, key: str) -> str:
        """The JSON path of ``key`` in this object, spelt as the document spells it."""
        return f"{self.path}.{self.keys.get(key.lower(), key)}"

    def raw(self, key: str) -> Any:
        """The value under ``key`` (any case), or ``None``."""
        real = self.keys.get(key.lower())
        return None if real is None else self.data[real]

    def has(self, key: str) -> bool:
        """Whether ``key`` (any case) is present."""
        return key.lower() in self.keys

    def string(self, key: str) -> str | None:
        """A string value, ``None`` when absent or null."""
        value = self.raw(key)
        if value is None or isinstance(value, str):
            return value
        raise SchemaError(f"expected a string, got {_type_name(value)}", where=self.at(key))

    def integer(self, key: str) -> int | None:
        """An integral number, ``None`` when absent or null."""
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise SchemaError(f"expected an integer, got {_type_name(value)}", where=self.at(key))
        return int(value)

    def object(self, key: str) -> Obj | None:
        """A nested object, ``None`` when absent or null."""
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise SchemaError(f"expected an object, got {_type_name(value)}", where=self.at(key))
        return Obj(value, self.at(key))

    def objects(self, key: str) -> Iterator[Obj]:
        """The objects of an array value (nothing when absent)."""
        value = self.raw(key)
        if value is None:
            return
        if not isinstance(value, list):
            raise SchemaError(f"expected an array, got {_type_name(value)}", where=self.at(key))
        for index, item in enumerate(value):
            where = f"{self.at(key)}[{index}]"
            if not isinstance(item, dict):
                raise SchemaError(f"expected an object, got {_type_name(item)}", where=where)
            yield Obj(item, where)
