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


BUTTON_MARK = "data-broadsheet-button"
"""The attribute :func:`mark_button` gives the box of a ``<button>`` removed as junk."""


def mark_button(button: html.HtmlElement) -> None:
    """Mark the parent of a labelled ``<button>`` about to be removed, so that its box is still
    known to hold a button."""
    parent = button.getparent()
    if parent is not None and _button_words(button):
        parent.set(BUTTON_MARK, "")


def _button_words(element: html.HtmlElement) -> bool:
    words = len(element.text_content().split())
    return 0 < words <= TUNING.button_words


def is_prompt_box(element: html.HtmlElement) -> bool:
    """Whether a small box (at most :attr:`~.Tuning.prompt_elements` elements and
    :attr:`~.Tuning.prompt_text` characters) holds a button among its text and no figure, player,
    table, quotation or headline (``h1``: the story's head, whose byline may be styled a button)."""
    if element.tag not in _BOX_TAGS:
        return False
    found = marked = pictured = False
    for count, descendant in enumerate(element.iter()):
        if count >= TUNING.prompt_elements:
            return False  # the bound that keeps asking every block linear
        if not isinstance(descendant.tag, str):
            continue
        if descendant.tag in _MEDIA:
            return False
        pictured = pictured or descendant.tag == "img"
        marked = marked or descendant.get(BUTTON_MARK) is not None
        found = found or (descendant is not element and is_control(descendant))
    # A <button> beside a picture enlarges it or turns a gallery's page.
    if not found and not (marked and not pictured):
        return False
    text = len(element.text_content())
    return text <= (TUNING.prompt_text if found else TUNING.button_box_text)
