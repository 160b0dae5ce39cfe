"""Find what sits around an article's headline in markup: the headline element itself, the
standfirst under it, and byline candidates, so they are read once and kept out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lxml import html

from broadsheet.formats.html.content_chrome import class_words, is_chrome, opens_with_label
from broadsheet.formats.html.content_inlines import spaced_text
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon

_LEAD_NAME = re.compile(
    r"(?<![a-z])(?:lead|lede|standfirst|stand-?first|intro|introduction|summary|teaser|excerpt|sub-?title"
    r"|sub-?headline|subhead|deck|dek|description|abstract|perex|chapeau|chapo|entradilla|sottotitolo"
    r"|occhiello|vorspann|anons|strapline|summary-?text|article-?lead|article-?intro|article-?teaser"
    r"|article-?summary|article-?description|head-?intro|desc|dek|summary-?lead)(?![a-z])"
)
_AUTHOR_NAME = re.compile(
    r"(?<![a-z])(?:author|authors|author-?name|authorname|byline|by-?line|bylines|autor|autoren|autorin"
    r"|auteur|autore|avtor|writer|reporter|contributor|contributors)(?![a-z])"
)
_NOT_BYLINE = re.compile(r"comment|bio|about|box|card|avatar|image|photo|more")
_PICTURE_NAME = re.compile(r"caption|credit|image|photo|picture|media|gallery|video|copyright|paywall|offer")
_LEAD_TAGS = ("p", "div", "h2", "h3", "span", "section", "header", "strong")
_WORDS = re.compile(r"\w+")


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _text(element: html.HtmlElement) -> str:
    # A space wherever a block separates words: a byline set as "<dt>By</dt><dd>Jane</dd>".
    return " ".join(spaced_text(element).split())


def find_headline(root: html.HtmlElement, title: str | None) -> html.HtmlElement | None:
    """The ``h1`` that prints the article's title (the first ``h1`` when none matches)."""
    headings = list(root.iter("h1"))
    if not headings:
        return None
    if title:
        wanted = _words(title)
        for heading in headings:
            words = _words(heading.text_content())
            if words and (words == wanted or words in wanted or wanted in words):
                return heading
    return headings[0]


def prints_title(heading: html.HtmlElement, title: str | None) -> bool:
    """Whether ``heading`` prints ``title`` (the same words, or most of them with a kicker or a site
    name added or left out): then it anchors the story."""
    if not title:
        return False
    wanted, words = _words(title), _words(heading.text_content())
    if not words or not wanted:
        return False
    if words == wanted:
        return True
    shorter, longer = sorted((words, wanted), key=len)
    return shorter in longer and len(shorter.split()) >= max(3, len(longer.split()) // 2)


def find_subtitle(
    headline: html.HtmlElement | None,
    subtitle: str | None,
    order: Mapping[html.HtmlElement, int],
    elements: Sequence[html.HtmlElement],
) -> html.HtmlElement | None:
    """The element printing ``subtitle`` (the metadata's ``alternativeHeadline``) in the headline's
    heading group (``<hgroup>``), so that it is read as the subtitle: neither the standfirst nor
    body text.

    Only in the group: many pages name their standfirst the alternative headline, and print it
    as one.
    """
    group = next((a for a in headline.iterancestors("hgroup")), None) if headline is not None else None
    if headline is None or group is None or not subtitle:
        return None
    wanted = _words(subtitle)
    start = order.get(headline, -1)
    if start < 0 or not wanted:
        return None
    for element in elements[start + 1 : start + 1 + TUNING.subtitle_reach]:
        if (
            element.tag in _LEAD_TAGS
            and _words(element.text_content()) == wanted
            and headline not in element.iterancestors()
            and group in element.iterancestors()
        ):
            return element
    return None


def header_figures(headline: html.HtmlElement | None) -> list[html.HtmlElement]:
    """The figures in the ``<header>`` that holds the headline: the article's lead pictures, shown
    with its headline and byline before the body begins."""
    header = next(headline.iterancestors("header"), None) if headline is not None else None
    return list(header.iter("figure")) if header is not None else []


def _first_prose(main: html.HtmlElement) -> html.HtmlElement | None:
    for paragraph in main.iter("p"):
        names = class_words(paragraph)
        if names and _LEAD_NAME.search(names):
            continue  # the standfirst itself
        if len(paragraph.text_content().strip()) >= TUNING.first_prose:
            return paragraph
    return None


def find_lead(
    root: html.HtmlElement,
    main: html.HtmlElement,
    headline: html.HtmlElement | None,
    order: Mapping[html.HtmlElement, int],
    subtitle: html.HtmlElement | None = None,
    lexicon: Lexicon = EVERY,
) -> html.HtmlElement | None:
    """The standfirst: an element named as one, between the headline and the first body paragraph.

    ``order`` gives every element's position in document order; ``subtitle`` is the element that
    prints the subtitle (see :func:`find_subtitle`), never the standfirst.
    """
    first = _first_prose(main)
    end = order[first] if first is not None else order[main] + sum(1 for _ in main.iter())
    start = order[headline] if headline is not None else order[main]
    for element in root.iter(*_LEAD_TAGS):
        index = order.get(element, -1)
        if index <= start:
            continue
        if index >= end:
            break
        names = class_words(element)
        if element.get("itemprop") != "description" and (not names or _LEAD_NAME.search(names) is None):
            continue
        if element.find(".//img") is not None or element.find(".//h1") is not None:
            continue
        if subtitle is not None and (element is subtitle or subtitle in element.iterdescendants()):
            continue
        text = _text(element)
        # A read-also label or a notice ("Read also", "Advertisement") opens no standfirst.
        if not TUNING.lead_min <= len(text) <= TUNING.lead_max or opens_with_label(text, lexicon):
            continue
        linked = sum(len(_text(a)) for a in element.iter("a"))
        if linked > 0.5 * len(text) or _in_picture_or_chrome(element, main):
            continue
        if main in element.iterancestors() and len(text) > TUNING.lead_story_share * len(_text(main)):
            continue  # named "summary" but holding most of the story's text: it is the story
        return element
    return None


def find_unnamed_lead(
    main: html.HtmlElement,
    headline: html.HtmlElement | None,
    order: Mapping[html.HtmlElement, int],
    elements: Sequence[html.HtmlElement],
    lexicon: Lexicon = EVERY,
) -> html.HtmlElement | None:
    """A paragraph printed right under the headline, outside the story's element: the standfirst of
    a page whose class names say nothing (generated CSS names)."""
    if headline is None or main in headline.iterancestors():
        return None
    start, stop = order.get(headline, -1), order.get(main, -1)
    if start < 0 or stop <= start:
        return None
    for index in range(start + 1, min(stop, start + TUNING.unnamed_lead_reach)):
        element = elements[index]
        if element.tag != "p" or headline in element.iterancestors():
            continue
        text = _text(element)
        if not TUNING.unnamed_lead_min <= len(text) <= TUNING.unnamed_lead_max or opens_with_label(
            text, lexicon
        ):
            return None
        if element.find(".//a") is not None or _in_picture_or_chrome(element, main):
            return None
        return element
    return None


def _in_picture_or_chrome(element: html.HtmlElement, main: html.HtmlElement) -> bool:
    # A caption, a photo credit or a subscription prompt is named "teaser" or "summary" at times.
    for depth, node in enumerate((element, *element.iterancestors())):
        if node is main or node.tag in ("body", "article", "main"):
            return False
        if node.tag in ("figure", "figcaption") or is_chrome(node):
            return True
        if depth < 3 and any(
            _PICTURE_NAME.search(token) and not token.startswith(("has-", "with-", "is-"))
            for token in class_words(node).split()
        ):
            return True
    return False


def article_region(main: html.HtmlElement, headline: html.HtmlElement | None) -> html.HtmlElement:
    """The smallest element holding both the headline and the main text (bylines live there)."""
    if headline is None:
        parent = main.getparent()
        return parent if parent is not None else main
    around_headline = {headline, *headline.iterancestors()}
    region = main
    while region not in around_headline:
        parent = region.getparent()
        if parent is None:
            return region
        region = parent
    return region


def find_bylines(region: html.HtmlElement) -> list[html.HtmlElement]:
    """Elements in ``region`` that name the authors, innermost first in reading order."""
    found: list[html.HtmlElement] = []
    for element in region.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("rel") == "author" or element.get("itemprop") == "author":
            found.append(element)
            continue
        names = class_words(element)
        if names and _AUTHOR_NAME.search(names) and _NOT_BYLINE.search(names) is None:
            found.append(element)
    chosen: list[html.HtmlElement] = []
    for element in found:
        if any(other is not element and element in other.iterancestors() for other in found):
            continue  # an inner byline element says it more precisely
        text = _text(element)
        if not text or len(text) > TUNING.byline_max:
            continue
        if _inside_chrome(element, region):
            continue
        chosen.append(element)
    return chosen


def _inside_chrome(element: html.HtmlElement, region: html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is region:
            return False
        if is_chrome(ancestor):
            return True
    return False


def byline_texts(elements: list[html.HtmlElement]) -> tuple[str, ...]:
    """The distinct texts of byline elements, as printed."""
    out: list[str] = []
    for element in elements:
        text = _text(element)
        if text and text not in out:
            out.append(text)
    return tuple(out)
