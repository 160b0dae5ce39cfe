"""Find the element that holds a page's main text by weighing prose against links and chrome.

Text is classed as prose (a long paragraph that is not mostly links), as noise (links outside
running text, anything inside chrome) or as neutral (short labels, dates, bylines); an element's
score is the prose it holds minus weighted noise.  The best-scoring element is the smallest one
that gathers the story without the site around it: a body split by an ad slot is taken whole,
a list of teasers beside it is left out.  The page is walked once into flat arrays, so scoring
costs a few passes over integers rather than repeated tree walks.
"""

from __future__ import annotations

import functools
import re

from lxml import html

from broadsheet.formats.html import tracing
from broadsheet.formats.html.content_chrome import (
    RELATED_BOX,
    STRONG_CHROME,
    WEAK_CHROME,
    chrome_strength,
    looks_related,
    lowered_name,
)
from broadsheet.formats.html.tuning import TUNING

PARAGRAPH_TAGS = frozenset(
    {"p", "li", "dd", "dt", "td", "th", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6",
     "figcaption", "caption", "address"}
)  # fmt: skip
"""Elements read as one paragraph when scoring, unless they hold other blocks."""

_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "blockquote", "figure", "h1",
     "h2", "h3", "h4", "h5", "h6", "pre", "aside", "header", "footer", "nav", "form", "li", "tr"}
)  # fmt: skip

PROSE_LENGTH = TUNING.prose_length
"""A paragraph at least this long (in characters) is prose (:attr:`Tuning.prose_length`)."""
WEAK_CHROME_PROSE = TUNING.weak_chrome_prose
"""An element with a layout name like "sidebar" is content when it holds this much prose."""

_HINTED_TAGS = frozenset({"div", "section", "main", "span"})
_ATTRIBUTION_TAGS = frozenset({"footer", "header"})
_ATTRIBUTED_TAGS = frozenset({"blockquote", "figure"})
_NAMED_CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})
_SIDE_TAGS = frozenset({"nav", "footer", "aside"})

# Chinese, Japanese and Korean say in one character what alphabets say in about three.
DENSE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Characters of scripts without spaces between words (kana, CJK ideographs, hangul)."""


_CONTENT_OWNERS = frozenset({"article", "entry", "post", "story", "news", "blog", "single"})
_CONTENT_PARTS = frozenset({"body", "content", "text", "copy"})
_CONTENT_SUFFIXES = frozenset(
    {"wrapper", "wrap", "container", "inner", "area", "holder", "main", "section", "block"}
)
_CONTENT_COMPOUNDS = frozenset(owner + part for owner in _CONTENT_OWNERS for part in _CONTENT_PARTS)
"""The pairs written as one word ("articlebody", "postcontent")."""
_NAME_PARTS = re.compile(r"[-_:.]+")


@functools.lru_cache(maxsize=8192)
def content_name(names: str) -> bool:
    """Whether a class or id names the story's text: ``articleBody``, ``entry-content``,
    ``post_content``, ``story-body__inner``, ``c-article-text`` (every part is read, camelCase too)."""
    for token in names.split():
        parts = [p for p in _NAME_PARTS.split(lowered_name(token)) if p]
        while len(parts) > 2 and parts[-1] in _CONTENT_SUFFIXES:
            parts.pop()
        if len(parts) >= 2 and parts[-2] in _CONTENT_OWNERS and parts[-1] in _CONTENT_PARTS:
            return True
        if len(parts) == 1 and parts[0] in _CONTENT_COMPOUNDS:
            return True
    return False


def _named_content(element: html.HtmlElement) -> bool:
    names, ident = element.get("class"), element.get("id")
    if ident:
        names = f"{names} {ident}" if names else ident
    return bool(names) and content_name(names)


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
                tag == "article"
                or (
                    tag in _HINTED_TAGS
                    and (
                        element.get("itemprop") == "articleBody"
                        or (chrome[-1] == 0 and _named_content(element))
                    )
                )
            )


def choose_main(page: PageIndex, headline: html.HtmlElement | None = None) -> html.HtmlElement:
    """The element that most likely holds the article's text (the root when nothing stands out).

    ``headline`` is the element printing the article's title, when one does: the story is beside it.
    """
    anchor = page.position.get(headline, -1) if headline is not None else -1
    return page.elements[_choose(page, anchor)]


def _choose(page: PageIndex, anchor: int = -1) -> int:
    tuning = TUNING
    prose_length, noise_weight, neutral_weight = (
        tuning.prose_length,
        tuning.noise_weight,
        tuning.neutral_weight,
    )
    count = len(page.elements)
    parent_of, tags, own = page.parent_of, page.tags, page.own
    total = own[:]
    linked = [0] * count
    prose = [0] * count
    holds_blocks = [False] * count
    value = [0.0] * count  # an element's score before chrome is taken into account
    noise = [0.0] * count  # the part of the score that links and chrome take away
    unit = [False] * count  # read as one paragraph: its children's values do not add up
    blurbs = _teaser_blurbs(page)
    for index in range(count - 1, -1, -1):
        tag = tags[index]
        size = total[index]
        if tag == "a":
            linked[index] = size
        if tag in PARAGRAPH_TAGS and not holds_blocks[index]:
            unit[index] = True
            links = linked[index]
            if size >= prose_length and links < 0.5 * size and index not in blurbs:
                prose[index] = size
                value[index] = float(size)
            else:
                # Links in a paragraph are part of its text; elsewhere they are navigation.
                link_weight = neutral_weight if tag == "p" else noise_weight
                value[index] = -neutral_weight * (size - links) - link_weight * links
                if tag != "p":
                    noise[index] = -noise_weight * links
        elif tag == "a":
            unit[index] = True
            value[index] = noise[index] = -noise_weight * size
        elif own[index] >= prose_length:
            prose[index] += own[index]
            value[index] += own[index]
        else:
            value[index] -= neutral_weight * own[index]
        parent = parent_of[index]
        if parent >= 0:
            total[parent] += size
            linked[parent] += linked[index]
            prose[parent] += prose[index]
            if tag in _BLOCKS:
                holds_blocks[parent] = True
    _story_lists(page, prose, linked, value, noise, relief=neutral_weight / noise_weight)
    # A chrome name on an element holding much of the page's prose is misleading (a story wrapped
    # in "sticky-sidebar" or "partner-wrapper"); elsewhere the whole subtree counts against it.
    enough = tuning.misleading_name_share * prose[0]
    weak_enough = min(enough, tuning.weak_chrome_prose)
    chrome = page.chrome
    noisy = [False] * count
    for index in range(1, count):
        strength = chrome[index]
        noisy[index] = noisy[parent_of[index]] or (
            (strength == STRONG_CHROME and prose[index] < enough)
            or (strength == WEAK_CHROME and prose[index] < weak_enough)
        )
    score = value
    relief = 1 - neutral_weight / noise_weight
    chrome_weight = tuning.chrome_weight
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
            score[parent] -= chrome_weight * total[index]
            chrome_cost[parent] += chrome_weight * total[index]
        else:
            score[parent] += score[index]
            noise[parent] += noise[index]
            chrome_cost[parent] += chrome_cost[index]
    best, best_score = 0, float("-inf")
    hints = page.article_hint
    bonus = tuning.article_body_bonus
    for index in range(count):
        if noisy[index] or not total[index]:
            continue  # chrome, or an element without text (an empty slot scores 0, not less)
        candidate = score[index]
        if candidate > 0 and hints[index]:
            candidate *= bonus
        # Ties go to the later element in document order, i.e. the deeper of two nested ones.
        if candidate >= best_score:
            best, best_score = index, candidate
    if anchor >= 0:
        best = _anchored(page, best, anchor, total, linked, noisy)
    first = best
    # Short paragraphs, lists and captions beside the best element belong with it: take them
    # along while the wider element adds little link text or chrome and keeps most of the score.
    climb_keep, climb_noise, climb_floor = tuning.climb_keep, tuning.climb_noise, tuning.climb_noise_floor
    neutral_keep, prose_gain = tuning.climb_neutral_keep, tuning.climb_prose_gain
    while True:
        wider = parent_of[best]
        if wider < 0 or score[best] <= 0:
            break
        keeps_score = score[wider] >= climb_keep * score[best]
        added_links = noise[wider] - noise[best]
        added_chrome = chrome_cost[wider] - chrome_cost[best]
        adds_no_noise = (
            added_links - added_chrome >= -climb_noise * max(score[best], climb_floor)
            and score[wider] >= neutral_keep * score[best]
        )
        # A story cut up by chrome (ad slots, consent placeholders) is whole one level up: much
        # more prose, and few links beside it.
        gained = prose[wider] - prose[best]
        gains_prose = (
            gained >= (prose_gain - 1) * prose[best]
            and added_links >= -0.25 * gained
            and score[wider] + chrome_cost[wider] >= score[best] + chrome_cost[best]
        )
        if hints[best] and not hints[wider]:
            # The page names the best element as the story (or it is an <article>): only short
            # parts without links join it from outside, not teasers whose blurbs outweigh links.
            keeps_score = gains_prose = False
        if not (keeps_score or adds_no_noise or gains_prose):
            break
        best = wider
    climbed = best
    # Part of a story held by an element the page marks as the article (``<article>``,
    # ``itemprop="articleBody"``) that holds much more prose: the rest of the story is there too.
    ancestor = parent_of[best]
    while ancestor >= 0 and score[best] > 0:
        if (
            hints[ancestor]
            and prose[ancestor] >= tuning.hint_prose_gain * prose[best]
            and score[ancestor] > 0
        ):
            best = ancestor
            break
        ancestor = parent_of[ancestor]
    settled = best
    short = total[best] - linked[best] < TUNING.short_story
    if short or (score[best] <= 0 and not _holds(parent_of, best, anchor)):
        best = _fallback(page, best, anchor, total, linked, noisy)
    if tracing.active() is not None:
        _report(page, score, noisy, total, hints, first=first, climbed=climbed, settled=settled, best=best)
    return best


def _teaser_blurbs(page: PageIndex) -> set[int]:
    """The paragraphs that are teasers' blurbs: each under a heading that is nothing but a link,
    in a row of at least ``feed_items`` such pairs in one element (the shape of a list of other
    stories, whatever its name). Their prose is the other stories', not this one's."""
    tags = page.tags
    pairs: dict[int, list[int]] = {}
    for index, tag in enumerate(tags):
        if tag != "p":
            continue
        before = page.elements[index].getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is None or before.tag not in _TEASER_HEADINGS or len(before) != 1:
            continue
        link = before[0]
        if link.tag != "a" or (before.text or "").strip() or (link.tail or "").strip():
            continue
        pairs.setdefault(page.parent_of[index], []).append(index)
    needed = TUNING.feed_items
    return {index for found in pairs.values() if len(found) >= needed for index in found}


_TEASER_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _story_lists(
    page: PageIndex,
    prose: list[int],
    linked: list[int],
    value: list[float],
    noise: list[float],
    *,
    relief: float,
) -> None:
    # A list that a paragraph of the story introduces (a prose paragraph, or a line ending in a
    # colon, right before it) is part of the story's flow: its links are the story's own (shops,
    # sources, the books an editor recommends), so they cost what links in a paragraph cost, not
    # what a menu's do. Only the list's own items are weighed anew, so the cost stays linear.
    tags, parent_of, position = page.tags, page.parent_of, page.position
    flowing: set[int] = set()
    for index, tag in enumerate(tags):
        if tag not in _LIST_TAGS or not linked[index]:
            continue
        before = page.elements[index].getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is None or before.tag != "p":
            continue
        if prose[position[before]] or (before.text_content().rstrip().endswith(_INTRODUCING)):
            flowing.add(index)
    if not flowing:
        return
    for index, tag in enumerate(tags):
        if tag == "li" and parent_of[index] in flowing and noise[index] < 0:
            value[index] -= (1 - relief) * noise[index]
            noise[index] *= relief


_LIST_TAGS = frozenset({"ul", "ol"})
_INTRODUCING = (":", "\uff1a")
"""What a line introducing a list ends with (a colon, a full-width one)."""


def _holds(parent_of: list[int], outer: int, inner: int) -> bool:
    # Whether element ``outer`` holds element ``inner`` (a walk up from ``inner``: done once a page).
    while inner >= 0:
        if inner == outer:
            return True
        inner = parent_of[inner]
    return False


def _fallback(
    page: PageIndex, best: int, anchor: int, total: list[int], linked: list[int], noisy: list[bool]
) -> int:
    # Nothing scores well (a story of short lines beside a tag cloud; a page of links and one
    # plain <article>): rather than a near-empty element, take the headline's container or the
    # element the page marks as the article, whichever holds text, and more than the best one.
    def text(index: int) -> int:
        return total[index] - linked[index]

    floor = max(text(best), 0) + 1
    if anchor >= 0:
        own = text(anchor)
        index = page.parent_of[anchor]
        while index >= 0 and not noisy[index]:
            if text(index) - own >= max(TUNING.short_story, floor):
                return index
            index = page.parent_of[index]
    hinted = [i for i, hint in enumerate(page.article_hint) if hint and not noisy[i] and text(i) >= floor]
    if hinted:
        return max(hinted, key=text)
    return best


def boxes_after(page: PageIndex, main: html.HtmlElement) -> list[html.HtmlElement]:
    """The boxes of related stories after ``main`` inside the ``<article>`` around it, when ``main``
    is named as the story's text: the story's read-also boxes, which the name leaves out."""
    index = page.position.get(main, -1)
    if index < 0 or page.tags[index] == "article" or not page.article_hint[index]:
        return []
    found: list[html.HtmlElement] = []
    chrome, position = page.chrome, page.position
    node = main
    for ancestor in main.iterancestors():
        stack = list(reversed([s for s in node.itersiblings() if isinstance(s.tag, str)]))
        while stack:
            element = stack.pop()
            if chrome[position.get(element, 0)] == RELATED_BOX:
                found.append(element)
                continue
            stack.extend(reversed([c for c in element if isinstance(c.tag, str)]))
        if ancestor.tag == "article":
            return found
        node = ancestor
    return []  # no <article> around: what lies beside the named element is the site's


def _anchored(
    page: PageIndex, best: int, anchor: int, total: list[int], linked: list[int], noisy: list[bool]
) -> int:
    # The best-scoring element may be a long block of prose elsewhere (a sidebar widget, a site
    # description, a legal notice) while the story beside the headline is made of short lines,
    # list items or <br> text, which score low. The rival: the headline's lowest ancestor with
    # enough text. It wins when the two are apart and the best one looks misplaced.
    parent_of, tuning = page.parent_of, TUNING
    own = total[anchor] - linked[anchor]
    index = parent_of[anchor]
    while index >= 0:
        if noisy[index]:
            return best  # a headline inside chrome anchors nothing
        if total[index] - linked[index] - own >= tuning.anchor_text:
            break
        index = parent_of[index]
    if index < 0:
        return best
    if _holds(parent_of, index, best) or _holds(parent_of, best, index):
        return best  # the best element sits inside the headline's container, or holds it
    # Before the headline, or named like chrome (a name its prose overruled): a story's body is
    # neither; a short body beside a long standfirst is, so the size of the two is not compared.
    if total[index] - linked[index] < tuning.anchor_share * (total[best] - linked[best]):
        return best  # a headline's header beside a long story (named "partner-wrapper", say)
    if best < anchor:
        return index
    # Inside a sidebar, navigation or footer that does not hold the headline (by tag: a class
    # name its prose overruled is as often the story's own wrapper).
    around = set()
    ancestor = anchor
    while ancestor >= 0:
        around.add(ancestor)
        ancestor = parent_of[ancestor]
    inner = best
    while inner >= 0 and inner not in around:
        if page.tags[inner] in _SIDE_TAGS:
            return index
        inner = parent_of[inner]
    return best


_REPORTED = 6
"""How many of the best-scoring elements an explanation lists besides the chosen one."""


def _report(
    page: PageIndex,
    score: list[float],
    noisy: list[bool],
    total: list[int],
    hints: list[bool],
    *,
    first: int,
    climbed: int,
    settled: int,
    best: int,
) -> None:
    # Only when someone records: the runners-up, best first, that neither hold nor sit inside the
    # best-scoring element (those are the same text, told again).
    parent_of = page.parent_of

    def weighed(index: int) -> float:
        value = score[index]
        return value * TUNING.article_body_bonus if value > 0 and hints[index] else value

    # Where each element's subtree ends in document order: nesting is then two comparisons.
    end = list(range(1, len(score) + 1))
    for index in range(len(score) - 1, 0, -1):
        parent = parent_of[index]
        end[parent] = max(end[parent], end[index])

    def nested(a: int, b: int) -> bool:
        return b <= a < end[b] or a <= b < end[a]

    ranked = sorted(
        (i for i in range(len(score)) if not noisy[i] and weighed(i) > 0),
        key=lambda i: -weighed(i),
    )
    others: list[int] = []
    for index in ranked:
        if len(others) == _REPORTED:
            break
        if nested(index, first) or any(nested(index, other) for other in others):
            continue
        others.append(index)
    notes = []
    if first != best:
        notes.append(f"best score at {tracing.describe(page.elements[first])}")
    if first != climbed:
        notes.append("widened to take the story's short parts along")
    if climbed != settled:
        notes.append("widened to the enclosing article")
    if settled != best:
        notes.append(f"{tracing.describe(page.elements[settled])} holds too little text: taken instead")
    tracing.candidate(page.elements[best], weighed(best), total[best], chosen=True, note="; ".join(notes))
    for index in others:
        tracing.candidate(page.elements[index], weighed(index), total[index])
