"""Conversion between model objects and plain JSON values, driven by the model's types.

One mechanism serves writing, reading and the JSON Schema: each model class
is turned into a plan from its attrs fields and type hints once, then reused.
Body nodes carry a ``"type"`` tag (``"paragraph"``, ``"inline_quote"``);
fields equal to their default are left out; tuples become arrays; datetimes
and dates ISO 8601 strings; enumerations their values.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from broadsheet.errors import BroadsheetError, LimitError, SchemaError
from broadsheet.model import BLOCK_TYPES, INLINE_TYPES, Article, Edition

NODE_TYPES: tuple[type[Any], ...] = BLOCK_TYPES + INLINE_TYPES
MAX_DEPTH = 200
"""Documents nested deeper than this are refused rather than risk the stack."""


def tag_of(cls: type[Any]) -> str:
    """The ``"type"`` tag of a body node class: its name in snake case."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


TAGS: dict[str, type[Any]] = {tag_of(cls): cls for cls in NODE_TYPES}


# ---------------------------------------------------------------- writing


@attrs.frozen
class _DumpPlan:
    tag: str | None
    fields: tuple[tuple[str, Any], ...]  # (name, default or NOTHING)


_DUMP_PLANS: dict[type[Any], _DumpPlan] = {}


def _dump_plan(cls: type[Any]) -> _DumpPlan:
    plan = _DUMP_PLANS.get(cls)
    if plan is None:
        fields = tuple((f.name, f.default) for f in attrs.fields(cls))
        plan = _DumpPlan(tag_of(cls) if cls in NODE_TYPES else None, fields)
        _DUMP_PLANS[cls] = plan
    return plan


def dump(value: Any) -> Any:
    """A model object (or any value inside one) as plain JSON data."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return [dump(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    plan = _dump_plan(type(value))
    out: dict[str, Any] = {"type": plan.tag} if plan.tag else {}
    for name, default in plan.fields:
        item = getattr(value, name)
        # Only optional fields at their default are left out: a required field
        # (a paragraph's children) is written even when empty.
        if default is not attrs.NOTHING and item == default:
            continue
        out[name] = dump(item)
    return out


# ---------------------------------------------------------------- reading

Loader = Callable[[Any, str, int], Any]


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _expect(value: Any, kind: type[Any] | tuple[type[Any], ...], wanted: str, path: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise SchemaError(f"expected {wanted}, got {_kind(value)}", where=path)


def _load_str(value: Any, path: str, depth: int) -> Any:
    _expect(value, str, "a string", path)
    return value


def _load_int(value: Any, path: str, depth: int) -> Any:
    _expect(value, int, "an integer", path)
    return value


def _load_bool(value: Any, path: str, depth: int) -> Any:
    _expect(value, bool, "true or false", path)
    return value


def _load_datetime(value: Any, path: str, depth: int) -> Any:
    _expect(value, str, "a date-time string", path)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise SchemaError(f"{value!r} is not an ISO 8601 date-time", where=path) from None
    if parsed.tzinfo is None:
        raise SchemaError(f"{value!r} has no UTC offset", where=path)
    return parsed


def _load_date(value: Any, path: str, depth: int) -> Any:
    _expect(value, str, "a date string", path)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SchemaError(f"{value!r} is not an ISO 8601 date (YYYY-MM-DD)", where=path) from None


def _enum_loader(cls: type[enum.Enum]) -> Loader:
    allowed = [member.value for member in cls]

    def load(value: Any, path: str, depth: int) -> Any:
        try:
            return cls(value)
        except ValueError:
            raise SchemaError(
                f"{value!r} is not one of {', '.join(map(repr, allowed))}", where=path
            ) from None

    return load


def _tuple_loader(inner: Loader) -> Loader:
    def load(value: Any, path: str, depth: int) -> Any:
        _expect(value, list, "an array", path)
        return tuple(inner(item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value))

    return load


def _optional_loader(inner: Loader) -> Loader:
    def load(value: Any, path: str, depth: int) -> Any:
        return None if value is None else inner(value, path, depth)

    return load


def _node_loader(allowed: tuple[type[Any], ...]) -> Loader:
    by_tag = {tag_of(cls): cls for cls in allowed}

    def load(value: Any, path: str, depth: int) -> Any:
        _expect(value, dict, "an object", path)
        tag = value.get("type")
        if tag is None:
            raise SchemaError('missing "type"', where=path)
        cls = by_tag.get(tag)
        if cls is None:
            raise SchemaError(
                f"unknown type {tag!r}; expected one of {', '.join(sorted(by_tag))}", where=path
            )
        return _load_object(cls, value, path, depth, tagged=True)

    return load


_LOADERS: dict[Any, Loader] = {}


def loader_for(hint: Any) -> Loader:
    """The loader for a resolved type hint of a model field."""
    cached = _LOADERS.get(hint)
    if cached is not None:
        return cached
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    result: Loader
    if hint is str:
        result = _load_str
    elif hint is bool:
        result = _load_bool
    elif hint is int:
        result = _load_int
    elif hint is dt.datetime:
        result = _load_datetime
    elif hint is dt.date:
        result = _load_date
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        result = _enum_loader(hint)
    elif origin is tuple:
        # Filled in lazily: recursive types (a list item holds blocks) refer back here.
        result = _tuple_loader(_Deferred(args[0]))
    elif origin in (typing.Union, types.UnionType):
        members = tuple(arg for arg in args if arg is not type(None))
        inner: Loader
        if len(members) == 1:
            inner = _Deferred(members[0])
        elif all(member in NODE_TYPES for member in members):
            inner = _node_loader(members)
        else:
            raise TypeError(f"no JSON loader for {hint!r}")
        result = _optional_loader(inner) if type(None) in args else inner
    elif attrs.has(hint):
        result = _class_loader(hint)
    else:
        raise TypeError(f"no JSON loader for {hint!r}")
    _LOADERS[hint] = result
    return result


class _Deferred:
    """A loader resolved on first use, so recursive types do not loop at plan time."""

    def __init__(self, hint: Any) -> None:
        self.hint = hint
        self.loader: Loader | None = None

    def __call__(self, value: Any, path: str, depth: int) -> Any:
        if self.loader is None:
            self.loader = loader_for(self.hint)
        return self.loader(value, path, depth)


def _class_loader(cls: type[Any]) -> Loader:
    def load(value: Any, path: str, depth: int) -> Any:
        _expect(value, dict, "an object", path)
        return _load_object(cls, value, path, depth, tagged=False)

    return load


@attrs.frozen
class _LoadPlan:
    fields: dict[str, tuple[Loader, bool]]  # name -> (loader, required)


_LOAD_PLANS: dict[type[Any], _LoadPlan] = {}


def _load_plan(cls: type[Any]) -> _LoadPlan:
    plan = _LOAD_PLANS.get(cls)
    if plan is None:
        attrs.resolve_types(cls)
        plan = _LoadPlan(
            {f.name: (loader_for(f.type), f.default is attrs.NOTHING) for f in attrs.fields(cls)}
        )
        _LOAD_PLANS[cls] = plan
    return plan


def _load_object(cls: type[Any], value: dict[str, Any], path: str, depth: int, *, tagged: bool) -> Any:
    if depth > MAX_DEPTH:
        raise LimitError(f"nested more than {MAX_DEPTH} levels deep", where=path)
    plan = _load_plan(cls)
    kwargs: dict[str, Any] = {}
    for key, item in value.items():
        if tagged and key == "type":
            continue
        spec = plan.fields.get(key)
        if spec is None:
            raise SchemaError(
                f"unknown field {key!r} in {tag_of(cls) if tagged else cls.__name__}", where=path
            )
        kwargs[key] = spec[0](item, f"{path}.{key}", depth + 1)
    for name, (_, required) in plan.fields.items():
        if required and name not in kwargs:
            raise SchemaError(f"missing required field {name!r}", where=path)
    try:
        return cls(**kwargs)
    except SchemaError:
        raise
    except (BroadsheetError, TypeError, ValueError) as error:
        raise SchemaError(str(error), where=_culprit(cls, kwargs, path)) from error


def _culprit(cls: type[Any], kwargs: dict[str, Any], path: str) -> str:
    """The path of the field whose own converter or validator rejects its value."""
    for field in attrs.fields(cls):
        if field.name not in kwargs:
            continue
        value = kwargs[field.name]
        try:
            if field.converter is not None:
                value = field.converter(value)
            if field.validator is not None and field.name not in ("header_rows",):
                field.validator(_Stub(), field, value)
        except (BroadsheetError, TypeError, ValueError, AttributeError):
            return f"{path}.{field.name}"
    return path


class _Stub:
    """Stands in for the instance when a validator is replayed on one field."""

    language = None


def load_article(value: Any, path: str = "$") -> Article:
    """An :class:`Article` from plain JSON data; errors name the JSON path."""
    result: Article = _class_loader(Article)(value, path, 0)
    return result


def load_edition(value: Any, path: str = "$") -> Edition:
    """An :class:`Edition` from plain JSON data; errors name the JSON path."""
    result: Edition = _class_loader(Edition)(value, path, 0)
    return result
