"""What a page's own stylesheet says about its boxes: the classes it hides from every reader.

A page that ships its dialogs and prompts in the markup hides them with a class its ``<style>``
makes invisible (``.modal{visibility:hidden}``) until a script shows them. Only rules outside any
``@media`` or ``@supports`` block, with a selector that is one class alone, are read: such a rule
hides every element of the class on every screen, whereas ``.note .x{display:none}`` or a rule
for small screens hides it somewhere only.
"""

from __future__ import annotations

import re

from lxml import html

from broadsheet.formats.html.tuning import TUNING

__all__ = ["hidden_classes", "mark_hidden"]

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_BRACE = re.compile(r"[{}]")
_ONE_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_HIDING = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)", re.I
)


def hidden_classes(css: str) -> frozenset[str]:
    """The classes that top-level rules of ``css`` with a one-class selector hide (``display:
    none`` or ``visibility: hidden``)."""
    css = _COMMENT.sub("", css[: TUNING.style_chars])
    found: set[str] = set()
    depth = 0
    start = 0  # where the current top-level selector starts
    selector = ""
    for match in _BRACE.finditer(css):
        if match.group() == "{":
            if depth == 0:
                selector = css[start : match.start()]
            depth += 1
            start = match.end()
            continue
        depth = max(depth - 1, 0)
        if depth == 0:
            if not selector.lstrip().startswith("@") and _HIDING.search(css[start : match.start()]):
                for part in selector.split(","):
                    one = _ONE_CLASS.fullmatch(part.strip())
                    if one is not None:
                        found.add(one.group(1))
            start = match.end()
            selector = ""
    return frozenset(found)


def mark_hidden(root: html.HtmlElement) -> int:
    """Mark ``hidden`` the elements of ``root`` whose class the page's own ``<style>`` hides; the
    number of elements marked."""
    css = "\n".join(style.text or "" for style in root.iter("style"))
    if not css:
        return 0
    classes = hidden_classes(css)
    if not classes:
        return 0
    marked = 0
    for element in root.iter():
        names = element.get("class") if isinstance(element.tag, str) else None
        if names and element.tag not in ("html", "body") and not classes.isdisjoint(names.split()):
            element.set("hidden", "")
            marked += 1
    return marked
