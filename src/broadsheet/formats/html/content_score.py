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
    scores: dict[html.HtmlElement, float] = {}
    parents: list[tuple[html.HtmlElement, html.HtmlElement]] = []
    # (element, in noise, paragraph length, paragraph is prose)
    stack: list[tuple[html.HtmlElement, bool, bool]] = [(root, False, False)]
    while stack:
        element, noisy, prose = stack.pop()
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if not noisy and element is not root and is_chrome(element):
            noisy = True
        if tag == "a":
            noisy = noisy or not prose
        elif tag in PARAGRAPH_TAGS:
            length = len(element.text_content().strip())
            prose = length >= PROSE_LENGTH and _link_ratio(element, length) < 0.5
        elif tag in CONTAINER_TAGS:
            direct = _direct_length(element)
            if direct:
                prose = direct >= PROSE_LENGTH
        own = _length(element.text) + sum(_length(child.tail) for child in element)
        if noisy:
            score = -NOISE_WEIGHT * own
        elif prose:
            score = float(own)
        else:
            score = -NEUTRAL_WEIGHT * own
        scores[element] = score
        for child in reversed(element):
            if isinstance(child.tag, str):
                parents.append((child, element))
                stack.append((child, noisy, prose))
    # Children come after their parents in ``parents``; summing in reverse adds each subtree up.
    for child, parent in reversed(parents):
        scores[parent] += scores[child]
    best, best_score = root, float("-inf")
    for element, score in scores.items():
        if score > 0 and (element.get("itemprop") == "articleBody" or element.tag == "article"):
            score *= _ARTICLE_BODY_BONUS
        # Ties go to the later element in document order, i.e. the deeper of two nested ones.
        if score >= best_score:
            best, best_score = element, score
    # Short paragraphs and captions beside the best element cost little: take them along as long
    # as the wider element keeps nearly all of the score.
    while True:
        wider = best.getparent()
        if wider is None or scores[best] <= 0 or scores[wider] < CLIMB_KEEP * scores[best]:
            return best
        best = wider
