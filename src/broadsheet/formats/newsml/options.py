"""The NewsML-G2 reader's and writer's options."""

from __future__ import annotations

import attrs

from broadsheet.formats._shared import parsers


@attrs.frozen(kw_only=True)
class WriteOptions:
    """How an article or edition is written as NewsML-G2."""

    version: int = attrs.field(
        default=1, validator=[attrs.validators.instance_of(int), attrs.validators.ge(1)]
    )
    """The item version written in ``newsItem/@version`` (a positive integer)."""
    pretty: bool = True
    """Indent the XML for people; ``False`` writes it on one line (a few percent smaller)."""
    xml_declaration: bool = True
    """Start with ``<?xml version="1.0" encoding="UTF-8"?>``."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How NewsML-G2 is read."""

    max_bytes: int = parsers.MAX_BYTES
    """Refuse larger input (a :class:`~broadsheet.errors.LimitError`)."""
    max_depth: int = parsers.MAX_DEPTH
    """Refuse input nested deeper than this many elements."""
    schema: str | None = None
    """Path of a NewsML-G2 XSD (such as ``NewsML-G2_2.35-spec-All-Power.xsd``); when set, the input is
    validated against it before reading and any violation is a :class:`~broadsheet.errors.SchemaError`.
    Without it the reader checks what it needs (item structure, dates, values) but not the whole schema."""
