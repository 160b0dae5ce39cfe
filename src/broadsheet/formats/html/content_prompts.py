"""Prompts inside a story's container: a box that asks the reader to act (subscribe, download the
app, join the comments, donate) and holds a button to do it.

A story's text holds links, never buttons: a box that holds a control styled or marked as a
button (``<a role="button">``, ``class="btn"``, ``class="button--primary"``) besides a few lines
of text is the site speaking to the reader, whatever words it uses.
"""

from __future__ import annotations

import re

from lxml import html

from broadsheet.formats.html.tuning import TUNING

__all__ = ["is_prompt_box"]

_BUTTON_PART = re.compile(r"(?:^|[-_])(?:btn|button|cta)(?:$|[-_])")
_BOX_TAGS = frozenset({"div", "section", "aside", "article", "form"})
_MEDIA = ("figure", "video", "iframe", "audio", "table", "blockquote", "h1")


def is_control(element: html.HtmlElement) -> bool:
    """Whether an element is a button by its markup: a link given the button role, or an element
    whose class names a button ("btn", "button--primary", "cta"), with a few words on it."""
    tag = element.tag
    if tag == "a" and (element.get("role") == "button" or element.get("type") == "button"):
        return _button_words(element)
    names = element.get("class")
    if not names or tag not in ("a", "div", "span"):
        return False
    lowered = names.lower()
    if "btn" not in lowered and "button" not in lowered and "cta" not in lowered:
        return False
    return any(_BUTTON_PART.search(token) for token in lowered.split()) and _button_words(element)


def _button_words(element: html.HtmlElement) -> bool:
    words = len(element.text_content().split())
    return 0 < words <= TUNING.button_words


def is_prompt_box(element: html.HtmlElement) -> bool:
    """Whether a small box (at most :attr:`~.Tuning.prompt_elements` elements and
    :attr:`~.Tuning.prompt_text` characters) holds a button among its text and no figure, player,
    table, quotation or headline (``h1``: the story's head, whose byline may be styled a button)."""
    if element.tag not in _BOX_TAGS:
        return False
    found = False
    for count, descendant in enumerate(element.iterdescendants()):
        if count >= TUNING.prompt_elements:
            return False  # the bound that keeps asking every block linear
        if not isinstance(descendant.tag, str):
            continue
        if descendant.tag in _MEDIA:
            return False
        found = found or is_control(descendant)
    return found and len(element.text_content()) <= TUNING.prompt_text
