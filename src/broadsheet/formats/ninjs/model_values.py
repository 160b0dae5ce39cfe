"""How ninjs readers hand values to the model leniently: a refused value or empty text counts as absent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeGuard, TypeVar

from broadsheet.errors import ModelError
from broadsheet.model import values

T = TypeVar("T")


def safe(build: Callable[[], T]) -> T | None:
    """``build()``, or ``None`` when the model refuses the value (an unsafe URL, a bad tag)."""
    try:
        return build()
    except ModelError:
        return None


def has_text(value: str | None) -> TypeGuard[str]:
    """Whether ``value`` holds something the model keeps (spaces alone do not count, a no-break space does)."""
    return value is not None and bool(values.clean_line(value))


def bounded_int(value: str | None, low: int, high: int) -> int | None:
    """``value`` as a whole number, or ``None`` when it is not one or falls outside ``low``..``high``."""
    if value is None or not value.strip().lstrip("-").isdigit():
        return None
    number = int(value.strip())
    return number if low <= number <= high else None
