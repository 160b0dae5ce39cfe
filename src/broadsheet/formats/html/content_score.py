"""Find the element that holds a page's main text by weighing prose against links and chrome.

Text is classed as prose (a long paragraph that is not mostly links), as noise (links outside
running text, anything inside chrome) or as neutral (short labels, dates, bylines); an element's
score is the prose it holds minus weighted noise.  The best-scoring element is the smallest one
that gathers the story without the site around it: a body split by an ad slot is taken whole,
a list of teasers beside it is left out.  The page is walked once into flat arrays, so scoring
costs a few passes over integers rather than repeated tree walks.
"""

from __future__ import annotations

import re

from lxml import html

from broadsheet.formats.html.content_chrome import (
    RELATED_BOX,
    STRONG_CHROME,
    WEAK_CHROME,
    chrome_strength,
    looks_related,
)

PARAGRAPH_TAGS = frozenset(
    {"p", "li", "dd", "dt", "td", "th", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6",
     "figcaption", "caption", "address"}
)  # fmt: skip
"""Elements read as one paragraph when scoring, unless they hold other blocks."""

_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "blockquote", "figure", "h1",
     "h2", "h3", "h4", "h5", "h6", "pre", "aside", "header", "footer", "nav", "form", "li", "tr"}
)  # fmt: skip

PROSE_LENGTH = 80
"""A paragraph at least this long (in characters) is prose."""
NOISE_WEIGHT = 2.5
"""How much a character of link text outside running text costs against one of prose."""
CHROME_WEIGHT = 1.0
"""How much a character inside chrome costs against one of prose."""
NEUTRAL_WEIGHT = 0.3
"""How much a character of short text (labels, dates, bylines) costs."""
MISLEADING_NAME_SHARE = 0.5
"""An element named like chrome is read as content when it holds this share of the page's prose."""
WEAK_CHROME_PROSE = 80
"""An element with a layout name like "sidebar" is content when it holds this much prose."""
CLIMB_KEEP = 0.9
"""A parent replaces the best element when it keeps this share of its score."""
CLIMB_NOISE = 0.05
"""... or when the links and chrome it adds cost less than this share of the score"""
CLIMB_NEUTRAL_KEEP = 0.25
"""(while keeping this share of the score, whatever short text it adds)"""
CLIMB_PROSE_GAIN = 1.5
"""... or when it holds this many times the prose, with few links added."""
CLIMB_NOISE_FLOOR = 1000.0
"""(of this score at least, so that a short story takes along its embeds and boxes)."""
_ARTICLE_BODY_BONUS = 1.25
HINT_PROSE_GAIN = 1.5
"""An enclosing ``<article>`` holding this many times the prose of the best element is taken instead."""

_HINTED_TAGS = frozenset({"div", "section", "main", "span"})
_ATTRIBUTION_TAGS = frozenset({"footer", "header"})
_ATTRIBUTED_TAGS = frozenset({"blockquote", "figure"})
_NAMED_CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})

# Chinese, Japanese and Korean say in one character what alphabets say in about three.
DENSE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Characters of scripts without spaces between words (kana, CJK ideographs, hangul)."""


def text_length(text: str | None) -> int:
    """Length of ``text`` without edge spaces, counting CJK characters three times."""
    if not text:
        return 0
    text = text.strip()
    if text.isascii():
        return len(text)
    return len(text) + 2 * len(DENSE_SCRIPT.findall(text))


class PageIndex:
    """The page's elements in document order with their parents, for position and scoring."""

    __slots__ = ("article_hint", "chrome", "elements", "own", "parent_of", "position", "tags")

    def __init__(self, root: html.HtmlElement) -> None:
        """Walk ``root`` once."""
        self.elements: list[html.HtmlElement] = []
        self.position: dict[html.HtmlElement, int] = {}
        self.parent_of: list[int] = []
        self.tags: list[str] = []
        self.own: list[int] = []
        self.chrome: list[int] = []
        self.article_hint: list[bool] = []
        elements, position, parent_of, tags, own, chrome, hint = (
            self.elements, self.position, self.parent_of, self.tags, self.own, self.chrome,
            self.article_hint,
        )  # fmt: skip
        strength_of = chrome_strength
        dense = DENSE_SCRIPT.findall
        for element in root.iter():
            tag = element.tag
            parent = position.get(element.getparent(), -1) if elements else -1  # type: ignore[arg-type]
            tail = element.tail
            if tail and parent >= 0:
                tail = tail.strip()
                own[parent] += len(tail) if tail.isascii() else len(tail) + 2 * len(dense(tail))
            if not isinstance(tag, str):  # a comment or processing instruction
                continue
            position[element] = len(elements)
            elements.append(element)
            parent_of.append(parent)
            tags.append(tag)
            text = element.text
            if text:
                text = text.strip()
                own.append(len(text) if text.isascii() else len(text) + 2 * len(dense(text)))
            else:
                own.append(0)
            # Most elements carry no class, id or role: skip the name analysis for them.
            if parent < 0 or (tag in _ATTRIBUTION_TAGS and tags[parent] in _ATTRIBUTED_TAGS):
                chrome.append(0)  # a quotation's or figure's footer credits it
            elif (
                tag in _NAMED_CHROME_TAGS or element.get("class") or element.get("id") or element.get("role")
            ):
                strength = strength_of(element)
                if strength == 0 and looks_related(element):
                    strength = RELATED_BOX
                chrome.append(strength)
            else:
                chrome.append(0)
            hint.append(
                tag == "article" or (tag in _HINTED_TAGS and element.get("itemprop") == "articleBody")
            )


def choose_main(page: PageIndex) -> html.HtmlElement:
    """The element that most likely holds the article's text (the root when nothing stands out)."""
    count = len(page.elements)
    parent_of, tags, own = page.parent_of, page.tags, page.own
    total = own[:]
    linked = [0] * count
    prose = [0] * count
    holds_blocks = [False] * count
    value = [0.0] * count  # an element's score before chrome is taken into account
    noise = [0.0] * count  # the part of the score that links and chrome take away
    unit = [False] * count  # read as one paragraph: its children's values do not add up
    for index in range(count - 1, -1, -1):
        tag = tags[index]
        size = total[index]
        if tag == "a":
            linked[index] = size
        if tag in PARAGRAPH_TAGS and not holds_blocks[index]:
            unit[index] = True
            links = linked[index]
            if size >= PROSE_LENGTH and links < 0.5 * size:
                prose[index] = size
                value[index] = float(size)
            else:
                # Links in a paragraph are part of its text; elsewhere they are navigation.
                link_weight = NEUTRAL_WEIGHT if tag == "p" else NOISE_WEIGHT
                value[index] = -NEUTRAL_WEIGHT * (size - links) - link_weight * links
                if tag != "p":
                    noise[index] = -NOISE_WEIGHT * links
        elif tag == "a":
            unit[index] = True
            value[index] = noise[index] = -NOISE_WEIGHT * size
        elif own[index] >= PROSE_LENGTH:
            prose[index] += own[index]
            value[index] += own[index]
        else:
            value[index] -= NEUTRAL_WEIGHT * own[index]
        parent = parent_of[index]
        if parent >= 0:
            total[parent] += size
            linked[parent] += linked[index]
            prose[parent] += prose[index]
            if tag in _BLOCKS:
                holds_blocks[parent] = True
    # A chrome name on an element holding much of the page's prose is misleading (a story wrapped
    # in "sticky-sidebar" or "partner-wrapper"); elsewhere the whole subtree counts against it.
    enough = MISLEADING_NAME_SHARE * prose[0]
    weak_enough = min(enough, WEAK_CHROME_PROSE)
    chrome = page.chrome
    noisy = [False] * count
    for index in range(1, count):
        strength = chrome[index]
        noisy[index] = noisy[parent_of[index]] or (
            (strength == STRONG_CHROME and prose[index] < enough)
            or (strength == WEAK_CHROME and prose[index] < weak_enough)
        )
    score = value
    relief = 1 - NEUTRAL_WEIGHT / NOISE_WEIGHT
    chrome_cost = [0.0] * count  # what chrome inside takes away (the block reader drops it)
    for index in range(count - 1, 0, -1):
        if chrome[index] == RELATED_BOX and noise[index] < 0:
            # Links in a box of related stories belong to the story: they cost as little as labels.
            score[index] -= relief * noise[index]
            noise[index] -= relief * noise[index]
        parent = parent_of[index]
        if unit[parent] or noisy[parent]:
            continue
        if noisy[index]:
            score[parent] -= CHROME_WEIGHT * total[index]
            chrome_cost[parent] += CHROME_WEIGHT * total[index]
        else:
            score[parent] += score[index]
            noise[parent] += noise[index]
            chrome_cost[parent] += chrome_cost[index]
    best, best_score = 0, float("-inf")
    hints = page.article_hint
    for index in range(count):
        if noisy[index]:
            continue
        candidate = score[index]
        if candidate > 0 and hints[index]:
            candidate *= _ARTICLE_BODY_BONUS
        # Ties go to the later element in document order, i.e. the deeper of two nested ones.
        if candidate >= best_score:
            best, best_score = index, candidate
    # Short paragraphs, lists and captions beside the best element belong with it: take them
    # along while the wider element adds little link text or chrome and keeps most of the score.
    while True:
        wider = parent_of[best]
        if wider < 0 or score[best] <= 0:
            break
        keeps_score = score[wider] >= CLIMB_KEEP * score[best]
        added_links = noise[wider] - noise[best]
        added_chrome = chrome_cost[wider] - chrome_cost[best]
        adds_no_noise = (
            added_links - added_chrome >= -CLIMB_NOISE * max(score[best], CLIMB_NOISE_FLOOR)
            and score[wider] >= CLIMB_NEUTRAL_KEEP * score[best]
        )
        # A story cut up by chrome (ad slots, consent placeholders) is whole one level up: much
        # more prose, and few links beside it.
        gained = prose[wider] - prose[best]
        gains_prose = (
            gained >= (CLIMB_PROSE_GAIN - 1) * prose[best]
            and added_links >= -0.25 * gained
            and score[wider] + chrome_cost[wider] >= score[best] + chrome_cost[best]
        )
        if not (keeps_score or adds_no_noise or gains_prose):
            break
        best = wider
    # Part of a story held by an element the page marks as the article (``<article>``,
    # ``itemprop="articleBody"``) that holds much more prose: the rest of the story is there too.
    ancestor = parent_of[best]
    while ancestor >= 0 and score[best] > 0:
        if hints[ancestor] and prose[ancestor] >= HINT_PROSE_GAIN * prose[best] and score[ancestor] > 0:
            best = ancestor
            break
        ancestor = parent_of[ancestor]
    return page.elements[best]
