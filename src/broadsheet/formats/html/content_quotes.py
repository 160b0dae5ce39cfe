"""Who said a block quotation, and in what language: the attribution and ``lang`` of its markup.

The HTML standard's attribution is read: a ``<blockquote>`` holding a ``<footer>``
(``<footer>— <cite>Name</cite>, role</footer>``). A ``<cite>`` inside the
attribution is the name; words after it, following a comma, are the speaker's
role. A bare ``<cite>`` in the quotation, or an attribution without one, names
the speaker as a whole. (A ``<figure>`` around a quotation is left alone: on news
pages it is mostly a pull quote, repeating words of the text.)
"""

from __future__ import annotations

import attrs
from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats.html import languages
from broadsheet.model import Person

_DASHES = "—–-―~ "
_MAX_NAME = 100
_MAX_ROLE = 120


@attrs.frozen
class Attribution:
    """What a quotation's markup says about who said it."""

    speaker: Person | None
    """The speaker, when the markup names one."""
    elements: tuple[html.HtmlElement, ...]
    """The elements that hold the attribution, to keep out of the quoted words."""


def _text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def attribution(quote: html.HtmlElement) -> Attribution:
    """Who said ``quote`` (a ``<blockquote>``), and the elements that say so."""
    elements = tuple(el for el in quote.iter("cite", "footer") if el is not quote)
    for candidate in elements:
        speaker = _speaker(candidate)
        if speaker is not None:
            return Attribution(speaker, elements)
    return Attribution(None, elements)


def _speaker(element: html.HtmlElement) -> Person | None:
    whole = _text(element).lstrip(_DASHES).strip()
    if not whole:
        return None
    cite = next(element.iter("cite"), None) if element.tag != "cite" else None
    name, role = whole, None
    if cite is not None and (named := _text(cite).lstrip(_DASHES).strip()):
        name = named
        rest = whole[whole.find(named) + len(named) :].strip() if named in whole else ""
        if rest.startswith(","):
            role = rest.strip(" ,;").rstrip(".") or None
    if len(name) > _MAX_NAME:
        return None
    if role is not None and len(role) > _MAX_ROLE:
        role = None
    try:
        return Person(name=name, role=role)
    except ModelError:
        return None


def quote_language(quote: html.HtmlElement) -> str | None:
    """The language a quotation declares for itself (its own ``lang``), if any."""
    return languages.tag(quote.get("lang") or quote.get("{http://www.w3.org/XML/1998/namespace}lang"))
