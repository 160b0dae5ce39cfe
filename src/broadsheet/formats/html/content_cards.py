"""Teaser cards set inside a story: previews of other pages that are not part of the text.

A card is a link that wraps a headline and a blurb (``<a><h3>…</h3><p>…</p></a>``), or a nested
``<article>`` whose headline links elsewhere.  Sites drop them between paragraphs ("more on this
topic", sponsored stories); their blurbs read like prose, so only their shape gives them away.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlsplit

from lxml import html

from broadsheet.formats.html.content_chrome import looks_related
from broadsheet.formats.html.content_inlines import absolute_url
from broadsheet.formats.html.content_lines import is_stamp
from broadsheet.formats.html.content_media import split_credit
from broadsheet.formats.html.tuning import TUNING

_HEADLINE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLURB_TAGS = (*_HEADLINE_TAGS, "p")
_BOX_TAGS = ("div", "section", "figure", "ul", "ol")
_CARD_BOXES = frozenset({"div", "section", "li"})
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def teaser_card(element: html.HtmlElement, base_url: str | None) -> tuple[str, str] | None:
    """``(title, url)`` of the page a teaser card previews, or ``None`` when ``element`` is no card."""
    link: html.HtmlElement | None = None
    if element.tag == "a":
        if _wraps_a_card(element):
            link = element
    elif element.tag == "article":
        link = _headline_link(element)
    elif element.tag in _CARD_BOXES:
        link = _pictured_card_link(element, base_url)
    if link is None:
        return None
    text = " ".join(element.text_content().split())
    if len(text) > TUNING.card_text:
        return None
    url = absolute_url(link.get("href"), base_url)
    if url is None:
        return None
    headline = next(link.iterdescendants(*_HEADLINE_TAGS), None)
    if headline is None:
        headline = next(element.iterdescendants(*_HEADLINE_TAGS), None)
    if headline is not None:
        title = " ".join(headline.text_content().split())
    else:
        # Without a headline element, the card's largest line is its headline; the others are a
        # kicker, a label or a duration.
        pieces = (" ".join(piece.split()) for piece in link.itertext())
        title = link.get("title") or max(pieces, key=len, default="")
        if len(title.split()) < TUNING.card_words:
            # The link is the card's "Read on" button: its picture's title names the story.
            picture = next(element.iter("img"), None)
            named = picture.get("title") or picture.get("alt") if picture is not None else None
            title = " ".join(named.split()) if named and len(named.split()) >= TUNING.card_words else title
    return (title or text[:120]), url


def _wraps_a_card(link: html.HtmlElement) -> bool:
    # A link around a headline or blurb, or around boxes that hold a picture and text; but not a
    # picture linked to its full size, whose caption is the story's.
    pictured = next(link.iter("img", "picture"), None) is not None
    if pictured and _only_credit(link):
        return False  # a photo linked somewhere, with its credit ("Photograph: Jane Roe"): a figure
    if next(link.iterdescendants(*_BLURB_TAGS), None) is not None:
        return True
    if (
        next(link.iterdescendants(*_BOX_TAGS), None) is None
        or next(link.iter("figcaption"), None) is not None
    ):
        return False
    if _IMAGE_FILE.search(link.get("href") or ""):
        return False
    # A picture with a word or two ("Subscribe", "Gallery") is a button, not a preview.
    return pictured and len(link.text_content().split()) >= TUNING.card_words


def _only_credit(link: html.HtmlElement) -> bool:
    """Whether all the text of a link beside its picture is a picture credit."""
    text = " ".join(link.text_content().split())
    return bool(text) and split_credit(text)[0] == ""


def _pictured_card_link(element: html.HtmlElement, base_url: str | None) -> html.HtmlElement | None:
    # A box with a picture whose headline links to a page, and every link of which goes there:
    # a preview of that page (headline, picture and "Read on" all lead to it).
    if next(element.iter("img", "picture"), None) is None:
        return None
    headline = next(element.iterdescendants(*_HEADLINE_TAGS), None)
    if headline is None:
        return _one_target_card_link(element, base_url)
    link = next((a for a in headline.iter("a") if a.get("href")), None)
    if link is None or len(link.text_content().strip()) < len(headline.text_content().strip()):
        return None
    target = link.get("href")
    if any(a.get("href") not in (None, target) for a in element.iter("a")):
        return None
    return link


def _one_target_card_link(element: html.HtmlElement, base_url: str | None) -> html.HtmlElement | None:
    # Without a headline element: the picture and a line of text ("Read on") both link to one
    # page of the site, and no link goes anywhere else. One link alone may be a photo linked to
    # a gallery; a page of another site is a shop's or a source's (a product box), not a story.
    anchors = list(itertools.islice(element.iter("a"), 8))
    if len(anchors) < 2 or len(anchors) == 8:
        return None
    target = anchors[0].get("href")
    if not target or _IMAGE_FILE.search(target) or any(a.get("href") != target for a in anchors):
        return None
    if base_url and _site(absolute_url(target, base_url) or "") != _site(base_url):
        return None
    pictured = next((a for a in anchors if next(a.iter("img", "picture"), None) is not None), None)
    worded = next((a for a in anchors if a.text_content().strip()), None)
    if pictured is None or worded is None or next(element.iter("figcaption"), None) is not None:
        return None
    return worded


def _site(url: str) -> str:
    """The last two labels of an address's host: the site, whatever its subdomain."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return ".".join(host.split(".")[-2:])


def _headline_link(element: html.HtmlElement) -> html.HtmlElement | None:
    # The card's headline is a link, sits inside one, or holds one; or the whole card is covered
    # by an empty link laid over it (a "stretched link").
    headline = next(element.iterdescendants(*_HEADLINE_TAGS), None)
    if headline is None:
        return None
    for candidate in headline.iterancestors("a"):
        return candidate if candidate.get("href") else None
    inside = next((a for a in headline.iter("a") if a.get("href")), None)
    if inside is not None:
        return inside
    return next(
        (a for a in element.iter("a") if a.get("href") and not a.text_content().strip()),
        None,
    )


def is_feed(element: html.HtmlElement) -> bool:
    """Whether ``element`` is a feed of other stories (latest news, most read): several children of
    one shape, each one link to a story plus at most a stamp (a time, a date, a rank number) or
    a thumbnail. A box named for related stories is no feed: it stays, as a read-also box."""
    if looks_related(element):
        return False
    children = [child for child in element if isinstance(child.tag, str)]
    if _items_of_a_feed(children):
        return True
    # A feed under its label ("Latest news"): one or two labels and one feed, nothing else.
    if not 2 <= len(children) <= 3:
        return False
    for feed in children:
        if _items_of_a_feed([child for child in feed if isinstance(child.tag, str)]):
            return all(_is_label(child) for child in children if child is not feed)
    return False


def _items_of_a_feed(children: list[html.HtmlElement]) -> bool:
    if len(children) < TUNING.feed_items:
        return False
    shape = (children[0].tag, children[0].get("class"))
    if any((child.tag, child.get("class")) != shape for child in children):
        return False  # the cheap test first: this runs on every block of the story
    return all(_is_feed_item(child) for child in children)


def _is_label(element: html.HtmlElement) -> bool:
    return element.find(".//a") is None and len(element.text_content().strip()) <= TUNING.box_heading


def _is_feed_item(item: html.HtmlElement) -> bool:
    anchors = list(itertools.islice((a for a in item.iter("a") if a.get("href")), 2))
    if len(anchors) != 1:
        return False
    title = " ".join(anchors[0].text_content().split())
    if len(title) < TUNING.box_title:
        return False
    stamped = next(item.iter("time", "img", "picture"), None) is not None  # a time, or a thumbnail
    rest = " ".join(" ".join(item.text_content().split()).replace(title, " ", 1).split())
    if not rest:
        return stamped
    return rest.isdigit() or is_stamp(rest)
