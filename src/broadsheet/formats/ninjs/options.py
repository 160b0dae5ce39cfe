"""Options of the ninjs reader and writer, and the ninjs versions they know."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from broadsheet.errors import OptionError

Version = Literal["3.1", "3.0", "2.2", "2.1"]
"""The ninjs versions the writer produces: 3.x uses camelCase keys, 2.x lower-case keys."""

WRITABLE_VERSIONS: tuple[str, ...] = ("3.1", "3.0", "2.2", "2.1")
"""The values :attr:`WriteOptions.version` accepts, newest first."""


def _version(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in WRITABLE_VERSIONS:
        raise OptionError(f"ninjs version must be one of {', '.join(WRITABLE_VERSIONS)}; got {value!r}")


def _indent(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 8):
        raise OptionError(f"indent must be None or an integer from 0 to 8; got {value!r}")


@attrs.frozen(kw_only=True)
class WriteOptions:
    """How the ninjs writer shapes its JSON."""

    version: Version = attrs.field(default="3.1", validator=_version)
    """The ninjs version to write: ``"3.1"`` (default), ``"3.0"``, ``"2.2"`` or ``"2.1"``."""
    plain_text: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    """Also write a ``text/plain`` body beside the HTML one, for consumers that cannot show HTML."""
    indent: int | None = attrs.field(default=2, validator=_indent)
    """Spaces of indentation; ``None`` writes the whole document on one line."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How the ninjs reader treats what it finds."""

    max_depth: int = attrs.field(default=64, validator=attrs.validators.instance_of(int))
    """How deeply associations may nest (a translation inside a package inside ...) before reading stops."""
