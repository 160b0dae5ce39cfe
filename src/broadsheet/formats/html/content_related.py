"""Recognise read-also boxes in markup ("Читайте також", "Read also", "Lesen Sie auch") and turn
them into :class:`RelatedBox` blocks that keep their place in the body.

A box is an element whose text starts with a read-also label, or whose class names it a related
box, and whose text is mostly links to other pages.
"""

from __future__ import annotations

from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats.html.content_chrome import READ_ALSO_LABEL, looks_related
from broadsheet.formats.html.content_inlines import absolute_url
from broadsheet.model import RelatedBox, RelatedLink, Relation

_MAX_BOX_TEXT = 2500
_MIN_TITLE = 12


def read_also_label(text: str) -> str | None:
    """The read-also label ``text`` starts with ("Читайте також"), or ``None``."""
    match = READ_ALSO_LABEL.match(text[:80])
    return match.group("label") if match else None


def related_box(
    element: html.HtmlElement, base_url: str | None, label: str | None = None
) -> RelatedBox | None:
    """``element`` as a read-also box, or ``None`` when it is not one.

    ``label`` is a label printed just before the element (a heading above a list of links).
    """
    if element.find(".//a") is None and element.tag != "a":
        return None
    text = " ".join(" ".join(element.itertext()).split())
    if not text or len(text) > _MAX_BOX_TEXT:
        return None
    own_label = read_also_label(text)
    if label is None and own_label is None and not looks_related(element):
        return None
    if own_label is not None and label is None:
        # The label as printed, to the end of the heading or line that holds it.
        first = next((piece.strip() for piece in element.itertext() if piece.strip()), "")
        if first.lower().startswith(own_label.lower()) and len(first) <= 60:
            own_label = first.rstrip(" :|>»›–—-")
    links = _links(element, base_url)
    if not links:
        return None
    linked = sum(len(link.title) for link in links)
    rest = len(text) - len(own_label or "")
    if linked < 0.5 * rest:
        return None
    try:
        return RelatedBox(links=links, label=label or own_label)
    except ModelError:
        return None


def _links(element: html.HtmlElement, base_url: str | None) -> list[RelatedLink]:
    by_url: dict[str, str] = {}
    anchors = [element] if element.tag == "a" else element.iter("a")
    for anchor in anchors:
        url = absolute_url(anchor.get("href"), base_url)
        if url is None or not url.lower().startswith(("http://", "https://", "/")):
            continue
        title = " ".join(anchor.text_content().split())
        label = read_also_label(title)
        if label:
            title = title[title.find(label) + len(label) :].lstrip(" :：.|>»›–—-")
        title = title.strip(" «»\"“”„'‘’")
        if len(title) >= len(by_url.get(url, "")):
            by_url[url] = title
    links: list[RelatedLink] = []
    for url, title in by_url.items():
        if len(title) < _MIN_TITLE or read_also_label(title) == title:
            continue
        try:
            links.append(RelatedLink(title=title, url=url, relation=Relation.READ_ALSO))
        except ModelError:
            continue
    return links
