"""Single ninjs values for the model: roles, date-times, anonymous URIs, refusals reported at their path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from broadsheet.errors import ModelError, SchemaError
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.model import values

T = TypeVar("T")


def checked(where: str, build: Callable[[], T]) -> T:
    """``build()``, with a value the model refuses reported at ``where``."""
    try:
        return build()
    except ModelError as error:
        raise SchemaError(str(error), where=where) from None


def read_datetime(obj: Obj, key: str) -> dt.datetime | None:
    """The RFC 3339 date-time at ``key`` (``None`` when absent or blank); one without an offset is refused."""
    text = obj.string(key)
    if text is None or not text.strip():
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise SchemaError(f"{text!r} is not an RFC 3339 date-time", where=obj.at(key)) from None
    if value.tzinfo is None:
        raise SchemaError(f"date-time {text!r} has no UTC offset", where=obj.at(key))
    return value


def anonymous(uri: str | None) -> str | None:
    """``uri``, unless it is one the writer made up for an item without an identifier."""
    return None if uri is None or uri.startswith(v.ANONYMOUS_URI_PREFIX) else uri


def role_of(obj: Obj, key: str = "role") -> str:
    """A role-like string of ``obj`` (``role``, ``name``, ``rel``…), trimmed and in lower case."""
    return (obj.string(key) or "").strip().lower()


def language(value: str | None) -> str | None:
    """A language tag as the model holds it."""
    return values.optional_language(value)


def positive(value: int | None) -> int | None:
    """``value`` when it is a positive number, else ``None``."""
    return value if value is not None and value > 0 else None
