"""Find the element that holds a page's main text by weighing prose against links and chrome.

Every run of text is classed as prose (part of a long paragraph), as noise (link text, chrome) or
as neutral (short labels); each element's score is the prose it holds minus weighted noise.  The
best-scoring element is the smallest one that gathers the story without the site around it, so a
body split by an ad slot is taken whole while a list of teasers beside it is left out.
"""

from __future__ import annotations

from lxml import html

from broadsheet.formats.html.content_chrome import is_chrome

PARAGRAPH_TAGS = frozenset(
    {"p", "li", "dd", "dt", "td", "th", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6",
     "figcaption", "caption", "address"}
)  # fmt: skip
"""Elements whose whole text is read as one paragraph when scoring."""

CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "span", "font", "center", "td"})

PROSE_LENGTH = 80
"""A paragraph at least this long (in characters) is prose."""
NOISE_WEIGHT = 2.5
"""How much a character of link text or chrome costs against one of prose."""
NEUTRAL_WEIGHT = 0.3
"""How much a character of short text (labels, dates, bylines) costs."""
MISLEADING_NAME_SHARE = 0.5
"""An element named like chrome is read as content when it holds this share of the page's prose."""
CLIMB_KEEP = 0.9
"""A parent replaces the best element when it keeps this share of its score."""
_ARTICLE_BODY_BONUS = 1.25


def _length(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _direct_length(element: html.HtmlElement) -> int:
    # A container's own paragraph: its text and tails plus what inline children say.
    total = _length(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag in ("a", "b", "strong", "i", "em", "span", "u"):
            total += len(child.text_content().strip())
        total += _length(child.tail)
    return total


def _link_ratio(element: html.HtmlElement, length: int) -> float:
    if not length:
        return 0.0
    linked = sum(len(a.text_content().strip()) for a in element.iter("a"))
    return min(1.0, linked / length)


def choose_main(root: html.HtmlElement) -> html.HtmlElement:
    """The element that most likely holds the article's text (``root`` when nothing stands out)."""
    elements: list[html.HtmlElement] = []
    parent_of: list[int] = []
    prose_chars: list[int] = []
    own_scores: list[float] = []
    text_chars: list[int] = []
    chrome: list[bool] = []
    # (element, index of its parent, inside link noise, inside a prose paragraph)
    stack: list[tuple[html.HtmlElement, int, bool, bool]] = [(root, -1, False, False)]
    while stack:
        element, parent, link_noise, prose = stack.pop()
        tag = element.tag
        if tag == "a":
            link_noise = not prose
        elif tag in PARAGRAPH_TAGS:
            length = len(element.text_content().strip())
            prose = length >= PROSE_LENGTH and _link_ratio(element, length) < 0.5
        elif tag in CONTAINER_TAGS:
            direct = _direct_length(element)
            if direct:
                prose = direct >= PROSE_LENGTH
        own = _length(element.text) + sum(_length(child.tail) for child in element)
        index = len(elements)
        elements.append(element)
        parent_of.append(parent)
        text_chars.append(own)
        chrome.append(index > 0 and is_chrome(element))
        if link_noise:
            prose_chars.append(0)
            own_scores.append(-NOISE_WEIGHT * own)
        elif prose:
            prose_chars.append(own)
            own_scores.append(float(own))
        else:
            prose_chars.append(0)
            own_scores.append(-NEUTRAL_WEIGHT * own)
        for child in reversed(element):
            if isinstance(child.tag, str):
                stack.append((child, index, link_noise, prose))
    # Parents precede their children, so a backward sweep adds up every subtree.
    count = len(elements)
    for index in range(count - 1, 0, -1):
        parent = parent_of[index]
        prose_chars[parent] += prose_chars[index]
        text_chars[parent] += text_chars[index]
    # A chrome name on an element holding much of the page's prose is misleading (a page wrapped
    # in "sticky-sidebar" or "partner-wrapper"); elsewhere the whole subtree counts as noise.
    enough = MISLEADING_NAME_SHARE * prose_chars[0]
    noisy = [False] * count
    for index in range(1, count):
        noisy[index] = noisy[parent_of[index]] or (chrome[index] and prose_chars[index] < enough)
    scores = own_scores
    for index in range(count - 1, 0, -1):
        parent = parent_of[index]
        if noisy[index] and not noisy[parent]:
            scores[parent] -= NOISE_WEIGHT * text_chars[index]
        elif not noisy[index]:
            scores[parent] += scores[index]
    best, best_score = 0, float("-inf")
    for index in range(count):
        if noisy[index]:
            continue
        score = scores[index]
        element = elements[index]
        if score > 0 and (element.tag == "article" or element.get("itemprop") == "articleBody"):
            score *= _ARTICLE_BODY_BONUS
        # Ties go to the later element in document order, i.e. the deeper of two nested ones.
        if score >= best_score:
            best, best_score = index, score
    # Short paragraphs and captions beside the best element cost little: take them along as long
    # as the wider element keeps nearly all of the score.
    while True:
        wider = parent_of[best]
        if wider < 0 or scores[best] <= 0 or scores[wider] < CLIMB_KEEP * scores[best]:
            return elements[best]
        best = wider
