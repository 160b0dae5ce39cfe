"""Choosing and reading the best of a ninjs item's bodies: HTML or XHTML, else NITF, else plain text."""

from __future__ import annotations

from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_reader import parse_html, parse_nitf, parse_text
from broadsheet.formats.ninjs.item_values import role_of
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.model import Block


def read_body(obj: Obj) -> tuple[Block, ...]:
    """The blocks of the best body: HTML/XHTML, else NITF, else plain text."""
    bodies = list(obj.objects("bodies"))
    if not bodies:
        return ()

    def kind(body: Obj) -> int:
        """How a body is read: 0 as HTML or XHTML, 1 as NITF, 2 as plain text (the lowest is chosen)."""
        content_type = (body.string("contentType") or "").lower()
        role = role_of(body)
        value = (body.string("value") or "").lstrip()
        if "nitf" in content_type or "nitf" in role or (value.startswith("<?xml") and "<nitf" in value[:400]):
            return 1
        if "html" in content_type or role in ("html", "html5", "xhtml", "richtext", v.HTML_BODY_ROLE):
            return 0 if value.startswith("<") or not content_type.startswith("text/plain") else 2
        if not content_type and value.startswith("<"):
            return 0
        return 2

    chosen = min(bodies, key=kind)
    value = chosen.string("value") or ""
    where = chosen.at("value")
    return (parse_html, parse_nitf, lambda text, _: parse_text(text))[kind(chosen)](value, where)
