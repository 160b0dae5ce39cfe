"""A ninjs HTML body's markup as an element tree: well-formed XHTML as XML, else HTML as browsers read it."""

from __future__ import annotations

import re
from typing import Any

from broadsheet.errors import LimitError, ReadError, SchemaError
from broadsheet.formats._shared import parsers

_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype[^>]*>\s*)?<html[\s>]", re.IGNORECASE)

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The body reader refuses nesting deeper than its own limit with a clear LimitError, so the
# parsers lift libxml2's limit of 256 (past which the HTML parser silently drops the rest of the
# body); this bound only keeps absurd input from being parsed at all.
_MAX_DEPTH = 1000


def xml_safe(markup: str) -> str:
    """``markup`` without the characters XML cannot hold (JSON can: ``"\\u0000"``, lone surrogates)."""
    return _NOT_XML.sub("", markup)


def parse_fragment(markup: str, where: str) -> Any:
    """The element holding an HTML or XHTML body: a ``div`` around a fragment, or a document's ``body``."""
    if not _DOCUMENT.match(markup):
        try:
            return parsers.parse_xml(
                f"<div>{markup}</div>".encode(),
                what="HTML body",
                where=where,
                max_depth=_MAX_DEPTH,
                deep=True,
                strip_comments=True,
            )
        except LimitError:
            raise
        except ReadError:
            pass  # not well-formed: HTML as browsers parse it
    try:
        if _DOCUMENT.match(markup):
            document = parsers.parse_html_document(markup, what="HTML body", where=where)
            body = document.find("body")
            return body if body is not None else document
        return parsers.parse_html_fragment(markup, what="HTML body", where=where, deep=True)
    except ReadError as error:
        raise SchemaError(error.problem, where=where) from None
