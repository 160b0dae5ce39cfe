"""Quotes in a ninjs HTML body: ``q`` and ``blockquote`` as the model's Quote, with the speaker."""

from __future__ import annotations

from typing import Any

from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_elements import SKIP, element_name
from broadsheet.formats.ninjs.model_values import has_text, safe
from broadsheet.model import Person, Quote, values


def speaker(el: Any, credit: str | None) -> Person | None:
    """Who said a quote: ``data-speaker*`` attributes, else the credit line."""
    name = el.get(v.SPEAKER) or credit
    if not has_text(name):
        return None
    return safe(lambda: Person(name=name, role=el.get(v.SPEAKER_ROLE), url=el.get(v.SPEAKER_URL))) or safe(
        lambda: Person(name=name)
    )


def read_quote(el: Any, *, block: bool) -> Quote | None:
    """A ``q`` or ``blockquote`` as a Quote (``None`` when it holds no words)."""
    lines: list[str] = []
    credit: str | None = None
    if block:
        if has_text(el.text):
            lines.append(el.text)
        for child in el:
            name = element_name(child)
            if name == "footer":
                cite = next((c for c in child.iter() if element_name(c) == "cite"), None)
                credit = (cite if cite is not None else child).xpath("string()").strip(" —–-\n\t")
            elif name not in SKIP and name:
                lines.extend(quote_lines(child))
            if has_text(child.tail):
                lines.append(child.tail)
    else:
        lines = quote_lines(el)
    text = "\n".join(lines)
    if not values.clean_lines(text):
        return None
    language = safe(lambda: values.optional_language(el.get("lang")))
    cite = safe(lambda: values.optional_url(el.get("cite")))
    return Quote(text=text, speaker=speaker(el, credit), cite=cite, language=language)


def quote_lines(el: Any) -> list[str]:
    """The lines of text inside a quote element, one per paragraph, ``br`` as newlines."""
    name = element_name(el)
    if name in ("div", "blockquote"):
        lines: list[str] = []
        for child in el:
            if element_name(child) not in SKIP:
                lines.extend(quote_lines(child))
        return lines
    parts = [el.text or ""]
    for child in el:
        child_name = element_name(child)
        if child_name == "br":
            parts.append("\n")
        elif child_name not in SKIP and child_name:
            parts.append(child.xpath("string()"))
        parts.append(child.tail or "")
    return ["".join(parts)]
