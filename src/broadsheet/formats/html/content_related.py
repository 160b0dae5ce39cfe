"""Recognise read-also boxes in markup ("Читайте також", "Read also", "Lesen Sie auch") and turn
them into :class:`RelatedBox` blocks that keep their place in the body.

A box is an element whose text starts with a read-also label, or whose class names it a related
box, and whose text is mostly links to other pages.
"""

from __future__ import annotations

import re

from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats.html.content_chrome import looks_related, read_also_match
from broadsheet.formats.html.content_inlines import absolute_url
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import RelatedBox, RelatedLink, Relation

_ARROW = re.compile(r"\s+[|>»›→–—-]+$")
_NOT_HEADING = frozenset({"img", "picture", "source", "svg", "script", "style", "noscript", "template"})


def read_also_label(text: str, lexicon: Lexicon = EVERY) -> str | None:
    """The read-also label ``text`` starts with ("Читайте також"), or ``None``."""
    match = read_also_match(text[:80], lexicon)
    return match.group("label") if match else None


def related_box(
    element: html.HtmlElement, base_url: str | None, label: str | None = None, lexicon: Lexicon = EVERY
) -> RelatedBox | None:
    """``element`` as a read-also box, or ``None`` when it is not one.

    ``label`` is a label printed just before the element (a heading above a list of links).
    """
    if element.find(".//a") is None and element.find(".//cite") is None and element.tag != "a":
        return None
    text = " ".join(" ".join(element.itertext()).split())
    if not text or len(text) > TUNING.box_text:
        return None
    own_label = read_also_label(text, lexicon)
    if label is None and own_label is None and not looks_related(element):
        return None
    if own_label is not None and label is None:
        # The label as printed, to the end of the heading or line that holds it.
        first = next((piece.strip() for piece in element.itertext() if piece.strip()), "")
        if first.lower().startswith(own_label.lower()) and len(first) <= 60:
            own_label = first.rstrip(" :|>»›–—-")
    if label is None and own_label is None:
        own_label = _box_heading(element)
    links = _links(element, base_url, lexicon)
    if not links:
        return None
    linked = sum(len(link.title) for link in links)
    rest = len(text) - len(own_label or "")
    if linked < TUNING.box_linked_share * rest:
        # A grid of teaser cards (a linked headline over a blurb, a date, a "read on" button):
        # the blurbs are the other stories' text, the headlines the box's links.
        links = _card_headlines(element, base_url)
        if len(links) < 2:
            return None
    try:
        return RelatedBox(links=links, label=label or own_label)
    except ModelError:
        return None


def _card_headlines(box: html.HtmlElement, base_url: str | None) -> list[RelatedLink]:
    """The links of the box's headlines that are links (inside one, or holding one as all their
    text), each once."""
    links: dict[str, RelatedLink] = {}
    for heading in box.iter(*_HEADINGS):
        title = " ".join(heading.text_content().split()).strip(" «»\"“”„'‘’")
        anchor = next(heading.iterancestors("a"), None)
        if anchor is None:
            anchor = next((a for a in heading.iter("a") if len(a.text_content().strip()) >= len(title)), None)
        url = absolute_url(anchor.get("href"), base_url) if anchor is not None else None
        if url is None or len(title) < TUNING.box_title or url in links:
            continue
        try:
            links[url] = RelatedLink(title=title, url=url, relation=Relation.READ_ALSO)
        except ModelError:
            continue
    return list(links.values())


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _box_heading(box: html.HtmlElement) -> str | None:
    """The heading a box prints above its links (``<aside><h2>More on this</h2><ul>…``), if any:
    the first element before the first link that holds words and no link, when short."""
    for node in box.iterdescendants():
        if not isinstance(node.tag, str) or node.tag in _NOT_HEADING:
            continue
        if node.tag == "a":
            return None
        if node.find(".//a") is not None:
            continue
        words = _ARROW.sub("", " ".join(node.text_content().split())).rstrip(" :")
        if words:
            return words if len(words) <= TUNING.box_heading else None
    return None


def _links(element: html.HtmlElement, base_url: str | None, lexicon: Lexicon) -> list[RelatedLink]:
    # Keyed by URL, or for a title the box cites without a link (<li><cite>Title</cite>), by
    # the title; each in the order the box lists it.
    by_url: dict[str | tuple[str], str] = {}
    anchors = [element] if element.tag == "a" else element.iter("a", "cite")
    for anchor in anchors:
        if anchor.tag == "cite":
            if anchor.find(".//a") is not None or any(a.tag == "a" for a in anchor.iterancestors()):
                continue
            cited = " ".join(anchor.text_content().split()).strip(" «»\"“”„'‘’")
            by_url[(cited,)] = cited
            continue
        url = absolute_url(anchor.get("href"), base_url)
        if url is None or not url.lower().startswith(("http://", "https://", "/")):
            continue
        title = " ".join(anchor.text_content().split())
        label = read_also_label(title, lexicon)
        if label:
            title = title[title.find(label) + len(label) :].lstrip(" :：.|>»›–—-")
        title = title.strip(" «»\"“”„'‘’")
        if len(title) >= len(by_url.get(url, "")):
            by_url[url] = title
    links: list[RelatedLink] = []
    for key, title in by_url.items():
        url = key if isinstance(key, str) else None
        if len(title) < TUNING.box_title or read_also_label(title, lexicon) == title:
            continue
        try:
            links.append(RelatedLink(title=title, url=url, relation=Relation.READ_ALSO))
        except ModelError:
            continue
    return links
