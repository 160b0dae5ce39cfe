"""Field helpers shared by the model's classes (validated tuples of nodes)."""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.errors import ModelError


def check_members(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...], types: tuple[type[Any], ...]
) -> None:
    """Raise :class:`ModelError` unless every member of ``value`` is one of ``types``."""
    for index, item in enumerate(value):
        if not isinstance(item, types):
            names = ", ".join(t.__name__ for t in types)
            raise ModelError(
                f"{type(instance).__name__}.{attribute.name}[{index}] is a "
                f"{type(item).__name__}; expected {names}"
            )


def members_of(*types: type[Any]) -> Any:
    """Validator: every member of a tuple field is an instance of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        check_members(instance, attribute, value, types)

    return check


def instance_of(*types: type[Any]) -> Any:
    """Validator: the value is an instance of ``types`` (``None`` if listed)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types):
            names = ", ".join("None" if t is type(None) else t.__name__ for t in types)
            raise ModelError(
                f"{type(instance).__name__}.{attribute.name} is a {type(value).__name__}; expected {names}"
            )

    return check
