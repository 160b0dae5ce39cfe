"""Parsing JSON from strangers: every failure a ReadError or LimitError naming where it happened.

The standard library turns a 5000-digit number into a bare ``ValueError``
(CPython's limit on integer digits), accepts ``NaN`` and ``Infinity``, which
are not JSON, and overflows the stack on deep nesting; here each is an
error of ours with a line and column.
"""

from __future__ import annotations

import json
import re
from typing import Any

from broadsheet.errors import LimitError, ReadError

MAX_NUMBER_DIGITS = 40
"""The longest number read; a news document's numbers (sizes, counts, versions) are far shorter."""

_NUMBER_AT = re.compile(r"-?[0-9]")


class _Number(ValueError):
    pass


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Number(f"a number of {len(text.lstrip('-')):,} digits (at most {MAX_NUMBER_DIGITS} are read)")
    return int(text)


def _real(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise _Number(f"a number written with {len(text):,} characters")
    return float(text)


def _constant(name: str) -> Any:
    raise _Number(f"{name} is not a JSON value")


def loads(text: str | bytes, *, what: str = "JSON") -> Any:
    """The value of the JSON ``text``; :class:`ReadError` or :class:`LimitError` when it is not one."""
    try:
        return json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
    except UnicodeDecodeError as error:
        raise ReadError(f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    except json.JSONDecodeError as error:
        raise ReadError(
            f"not valid {what}: {error.msg}", where=f"line {error.lineno}, column {error.colno}"
        ) from None
    except _Number as error:
        raise LimitError(f"not readable {what}: {error}") from None
    except RecursionError:
        raise LimitError(f"the {what} is nested too deeply to read") from None
    except ValueError as error:  # anything else the decoder refuses
        raise ReadError(f"not valid {what}: {error}") from None
