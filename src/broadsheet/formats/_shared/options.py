"""Building a format's frozen options object from keyword arguments or CLI strings."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from broadsheet.errors import BroadsheetError, OptionError


def make_options(cls: type[Any] | None, values: Mapping[str, Any], *, what: str) -> Any:
    """Instantiate ``cls`` from ``values``, naming the known options on a mistake.

    ``cls`` is ``None`` for a format without options; any value is then an error.
    ``what`` names the format and direction for messages (``"the json writer"``).
    """
    if cls is None:
        if values:
            raise OptionError(f"{what} takes no options; got {', '.join(sorted(values))}")
        return None
    known = {f.name for f in attrs.fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise OptionError(
            f"{what} has no option {', '.join(map(repr, unknown))}; its options are: "
            f"{', '.join(sorted(known)) or 'none'}"
        )
    try:
        return cls(**values)
    except BroadsheetError as error:
        raise OptionError(f"{what}: {error}") from error
    except (TypeError, ValueError) as error:
        raise OptionError(f"{what}: {error}") from error


def parse_value(cls: type[Any] | None, name: str, text: str, *, what: str) -> Any:
    """Convert a command-line string to the type of option ``name`` of ``cls``."""
    if cls is None:
        raise OptionError(f"{what} takes no options")
    fields = {f.name: f for f in attrs.fields(attrs.resolve_types(cls))}
    field = fields.get(name)
    if field is None:
        raise OptionError(
            f"{what} has no option {name!r}; its options are: {', '.join(sorted(fields)) or 'none'}"
        )
    return _convert(field.type, text, f"{what} option {name!r}")


def _convert(kind: Any, text: str, label: str) -> Any:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if text.lower() in ("", "none", "null") and type(None) in args:
            return None
        members = [arg for arg in args if arg is not type(None)]
        if len(members) == 1:
            return _convert(members[0], text, label)
        for arg in members:
            if arg is type(None):
                continue
            try:
                return _convert(arg, text, label)
            except OptionError:
                continue
        raise OptionError(f"{label}: cannot use {text!r}")
    if origin is tuple:
        inner = args[0] if args else str
        return tuple(_convert(inner, part.strip(), label) for part in text.split(",") if part.strip())
    if kind is bool:
        lowered = text.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise OptionError(f"{label}: expected true or false, got {text!r}")
    if kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            raise OptionError(f"{label}: expected a number, got {text!r}") from None
    if isinstance(kind, type) and issubclass(kind, str):
        return kind(text)
    if typing.get_origin(kind) is typing.Literal:
        if text in args:
            return text
        raise OptionError(f"{label}: expected one of {', '.join(map(str, args))}, got {text!r}")
    try:
        return kind(text)
    except Exception as error:
        raise OptionError(f"{label}: cannot use {text!r}: {error}") from error
