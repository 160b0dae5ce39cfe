"""Dates the article's own markup shows: microformats and the date printed by its headline or byline.

Two kinds of evidence, both read only where they belong to the story:

- **microformats**: ``<time datetime>`` (``pubdate``, or a class naming publication or update),
  hAtom's ``published`` / ``updated`` (an ``<abbr title>`` holds the machine date);
- **printed text** near the headline: a short element that holds a date ("Datum: 03.11.2021",
  ``<p>January 22, 2014</p>``, "Do 25.04.24 | 14:07 Uhr | Von …"), ranked by a label from the
  lexicon's ``[dates]`` table ("Veröffentlicht", "Published"), a class naming a date or byline,
  and its distance from the headline; an "updated" label makes it the modification date.

Never from an embedded post, a teaser card, a related or most-read list, a caption, a form or a
script: an element inside one of those (by tag, class/id word or a nested ``<article>`` that is
not the story's) is not read. Every text is cut to :data:`dates.MAX_LINE` characters.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import lxml.html

from broadsheet import lexicon
from broadsheet.formats.html import dates
from broadsheet.formats.html.pagemeta import by_itemprop
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon.pattern_cache import compile_pattern

__all__ = ["Printed", "find_printed"]


class Printed:
    """What the story's own markup says about its dates, each part read when first asked for.

    The microformats cost a walk over ``<time>`` elements; the printed text near the headline is
    read only when a caller needs it (no metadata date, or to learn the page's local clock), and
    a page without a headline is searched for date-named elements only when ``anywhere``.
    """

    def __init__(self, root: lxml.html.HtmlElement, title: str | None, language: str | None) -> None:
        self._body = root.find("body")
        self._root = root
        self._title = title
        self._language = language

    @functools.cached_property
    def _headline(self) -> lxml.html.HtmlElement | None:
        return _headline(self._body, self._title) if self._body is not None else None

    @functools.cached_property
    def _story(self) -> lxml.html.HtmlElement | None:
        return _story(self._headline)

    @functools.cached_property
    def _marks(self) -> tuple[dates.Stamp | None, dates.Stamp | None]:
        if self._body is None:
            return None, None
        published, modified = _microformats(self._body, self._story)
        published = _itemprop(self._root, "datePublished", self._story) or published
        modified = _itemprop(self._root, "dateModified", self._story) or modified
        return published, modified

    @property
    def marked(self) -> dates.Stamp | None:
        """Publication as microformats or microdata mark it (``time[datetime]``, hAtom
        ``published``, ``itemprop=datePublished``), not in another story, an embed or chrome."""
        return self._marks[0]

    @property
    def marked_modified(self) -> dates.Stamp | None:
        """The last change as they mark it (``updated``, ``itemprop=dateModified``)."""
        return self._marks[1]

    @functools.cached_property
    def _near(self) -> list[tuple[int, lxml.html.HtmlElement]]:
        return _window(self._body, self._headline) if self._body is not None else []

    @functools.cached_property
    def _shown_near(self) -> list[tuple[str, dates.Stamp]]:
        return _shown(self._near if self._headline is not None else [], self._story, self._language)

    @functools.cached_property
    def _shown_anywhere(self) -> list[tuple[str, dates.Stamp]]:
        if self._headline is not None:
            return self._shown_near
        return _shown(self._near, self._story, self._language)

    @property
    def shown(self) -> tuple[dates.Stamp, ...]:
        """Every printed date by the headline, best first: the page's local clock."""
        return tuple(stamp for _, stamp in self._shown_near)

    def published(self, *, anywhere: bool = True) -> dates.Stamp | None:
        """The printed date that best reads as the publication date (by the headline; with
        ``anywhere``, on a page without one, in an element whose class names a date). A page
        that prints only when it was updated is dated by that."""
        shown = self._shown_anywhere if anywhere else self._shown_near
        published = next((stamp for kind, stamp in shown if kind != "modified"), None)
        return published or self.modified(anywhere=anywhere)

    def modified(self, *, anywhere: bool = True) -> dates.Stamp | None:
        """A printed date labelled as an update."""
        shown = self._shown_anywhere if anywhere else self._shown_near
        return next((stamp for kind, stamp in shown if kind == "modified"), None)


# Tags whose content is never the story's own date line.
_OUTSIDE_TAGS = frozenset(
    {"aside", "nav", "blockquote", "figure", "figcaption", "iframe", "template", "noscript", "script"}
    | {"style", "select", "option", "form", "button"}
)
_OUTSIDE_NAME = re.compile(
    r"(?<![a-z])(?:teaser|teasers|card|cards|related|recommend\w*|promo|promos|promotion|promotions|embed\w*"
    r"|tweet|twitter|instagram|tiktok|facebook|social|comment\w*|sidebar|widget|carousel|slider|rail"
    r"|trending|popular|most|newsletter|breadcrumbs?|caption|gallery|ticker|weather|playlist|next|previous"
    r"|prev|masthead|topbar|today|clock)(?![a-z])"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HINT_NAME = re.compile(
    r"date|time|datum|zeit|publish|posted|created|erstellt|byline|dateline|meta|info|stamp|day"
    r"|author|autor|auteur|writer|credit",
    re.IGNORECASE,
)
_ANY_DIGIT = re.compile(r"\d")


def find_printed(
    root: lxml.html.HtmlElement, title: str | None = None, language: str | None = None
) -> Printed:
    """The story's dates from microformats and from the text printed around its headline
    (``title`` picks the headline, ``language`` the month names and labels)."""
    return Printed(root, title, language)


def _itemprop(
    root: lxml.html.HtmlElement, name: str, story: lxml.html.HtmlElement | None
) -> dates.Stamp | None:
    """The first ``itemprop=name`` date that is not in another story, an embed or chrome."""
    for element in by_itemprop(root, name)[: TUNING.date_candidates]:
        if _outside(element, story):
            continue
        value = element.get("content") or element.get("datetime")
        stamp = dates.parse(value) if value else None
        if stamp is None:
            line = value or _bounded_text(element) or ""
            stamp = dates.from_text(line)
        if stamp is not None:
            return stamp
    return None


def _headline(body: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The heading that prints the title (an ``h1``, else an ``h2``/``h3``), else the first ``h1``
    in an ``<article>`` or ``<main>``, else the first ``h1`` (never one in chrome)."""
    headings = list(itertools.islice(body.iter("h1"), 20))
    wanted = _words(title) if title else ""
    if wanted:
        for heading in _chain(headings, body.iter("h2", "h3")):
            words = _words(heading.text_content()[:500])
            # The heading is the title, or most of it (a site name cut off), or holds it (a kicker).
            same = words and (wanted in words or (words in wanted and 2 * len(words) >= len(wanted)))
            if same and not _outside(heading, None):
                return heading
    headings = [h for h in headings if not _outside(h, None)]
    for heading in headings:
        if any(a.tag in ("article", "main") for a in heading.iterancestors()):
            return heading
    return headings[0] if headings else None


def _chain(
    first: list[lxml.html.HtmlElement], then: Iterator[lxml.html.HtmlElement]
) -> Iterator[lxml.html.HtmlElement]:
    yield from first
    for count, element in enumerate(then):
        if count >= TUNING.date_candidates:
            break
        yield element


def _story(headline: lxml.html.HtmlElement | None) -> lxml.html.HtmlElement | None:
    """The ``<article>`` around the headline: other ``<article>`` elements are other stories."""
    if headline is None:
        return None
    return next((a for a in headline.iterancestors("article")), None)


_HATOM = frozenset({"published", "updated", "modified", "dt-published", "dt-updated"})
_UPDATED = frozenset({"updated", "modified", "dt-updated"})


def _microformats(
    body: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None
) -> tuple[dates.Stamp | None, dates.Stamp | None]:
    """Publication and update as ``<time datetime>`` and hAtom's ``<abbr title>`` mark them (hAtom
    classes on other elements are read with the printed text, see _shown)."""
    published: dates.Stamp | None = None
    plain: dates.Stamp | None = None
    modified: dates.Stamp | None = None
    found = list(itertools.islice(body.iter("time", "abbr"), TUNING.date_candidates))  # a walk in C
    for element in found:
        if not isinstance(element, lxml.html.HtmlElement) or _outside(element, story):
            continue
        names = f"{element.get('class', '')} {element.get('itemprop', '')}".lower()
        if element.tag == "abbr" and _HATOM.isdisjoint(_classes(element)):
            continue  # an abbreviation, not a date
        value = element.get("datetime") or (element.get("title") if element.tag == "abbr" else None)
        stamp = dates.parse(value) if value else None
        if stamp is None:
            stamp = dates.from_text(_bounded_text(element) or "")
        if stamp is None:
            continue
        if "updated" in names or "modified" in names:
            modified = modified or stamp
        elif "publish" in names or element.get("pubdate") is not None:
            published = published or stamp
        elif element.tag == "time":
            plain = plain or stamp
    return published or plain, modified


def _window(
    body: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None
) -> list[tuple[int, lxml.html.HtmlElement]]:
    """The elements near the headline with their distance from it: those after it in reading
    order, then those before. Without a headline: elements whose class names a date or byline."""
    if headline is None:
        hinted: list[lxml.html.HtmlElement] = []
        for element in body.iter("time", "span", "div", "p", "li", "small", "header"):
            if _hinted(element):
                hinted.append(element)
                if len(hinted) >= TUNING.date_reach_after:
                    break
        return list(enumerate(hinted))
    window: list[tuple[int, lxml.html.HtmlElement]] = []
    for distance, element in enumerate(_following(headline), start=1):
        if distance > TUNING.date_reach_after:
            break
        window.append((distance, element))
    for distance, element in enumerate(_preceding(headline), start=1):
        if distance > TUNING.date_reach_before:
            break
        window.append((distance, element))
    return window


def _following(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements after ``element`` in document order (its own descendants first)."""
    node: lxml.html.HtmlElement | None = element
    yield from (e for e in element.iterdescendants() if isinstance(e, lxml.html.HtmlElement))
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling, lxml.html.HtmlElement):
                yield sibling
                yield from (e for e in sibling.iterdescendants() if isinstance(e, lxml.html.HtmlElement))
        node = node.getparent()


def _preceding(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements before ``element``, nearest first (each earlier sibling's subtree, then the
    parent's earlier siblings), not its ancestors."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if isinstance(sibling, lxml.html.HtmlElement):
                yield sibling
                yield from (e for e in sibling.iterdescendants() if isinstance(e, lxml.html.HtmlElement))
        node = node.getparent()


def _shown(
    window: list[tuple[int, lxml.html.HtmlElement]], story: lxml.html.HtmlElement | None, language: str | None
) -> list[tuple[str, dates.Stamp]]:
    """Printed dates near the headline, best first, each marked ``published``, ``modified`` or
    ``shown`` (no label)."""
    labels = _labels(language)
    ranked: list[tuple[int, int, str, dates.Stamp]] = []
    for distance, element in window:
        if element.tag in _OUTSIDE_TAGS:
            continue
        hinted = _hinted(element)
        if not hinted and not _own_digits(element):
            continue  # the date is in a child, read on its own
        line = _bounded_text(element)
        if not line or not _ANY_DIGIT.search(line):
            continue
        classes = _classes(element)
        if not _UPDATED.isdisjoint(classes):  # hAtom / h-entry classes are labels too
            label: str | None = "modified"
        elif not _HATOM.isdisjoint(classes):
            label = "published"
        else:
            label = _label(line, labels)
        if not hinted and label is None and len(line) > TUNING.date_line_alone:
            continue  # an unnamed element is read only when it is little more than a date
        stamp = dates.from_text(line, language)
        if stamp is None or _outside(element, story):
            continue
        rank = 0 if label == "published" else 1 if label == "modified" else 2 if hinted else 3
        ranked.append((rank, distance, label or "shown", stamp))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [(kind, stamp) for _, _, kind, stamp in ranked]


def _own_digits(element: lxml.html.HtmlElement) -> bool:
    """Whether the element's own text (not its children's) holds a digit."""
    if element.text and _ANY_DIGIT.search(element.text):
        return True
    return any(child.tail and _ANY_DIGIT.search(child.tail) for child in element)


def _classes(element: lxml.html.HtmlElement) -> list[str]:
    return (element.get("class") or "").lower().split()


def _hinted(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is a ``<time>`` or its class/id names a date, a byline or meta line."""
    if element.tag == "time":
        return True
    names = element.get("class")
    ident = element.get("id")
    if ident:
        names = f"{names} {ident}"
    return bool(names) and _hint_name(names)


@functools.lru_cache(maxsize=4096)
def _hint_name(names: str) -> bool:
    return _HINT_NAME.search(names) is not None


def _label(line: str, labels: tuple[re.Pattern[str], re.Pattern[str]]) -> str | None:
    """``modified`` or ``published`` when a lexicon label stands before the line's first digit."""
    digit = _ANY_DIGIT.search(line)
    head = line[: digit.start()] if digit else line
    if labels[1].search(head):
        return "modified"
    if labels[0].search(head):
        return "published"
    return None


@functools.cache
def _labels(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon.for_language(language)
    english = lexicon.for_language("en")
    published = "|".join((words.alternation("dates.published"), english.alternation("dates.published")))
    modified = "|".join((words.alternation("dates.modified"), english.alternation("dates.modified")))
    return (  # through the lexicon's pattern cache: compiled once per machine, not per process
        compile_pattern(rf"(?<!\w)(?:{published})(?!\w)", re.IGNORECASE),
        compile_pattern(rf"(?<!\w)(?:{modified})(?!\w)", re.IGNORECASE),
    )


def _outside(element: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> bool:
    """Whether the element sits in chrome, an embed, a teaser, a caption or another story.

    Tags count at any height; class and id names only on the nearest ancestors (high up they
    name the layout: "has-sidebar", "penci_sidebar"), and none above the story's container (an
    ``<article>``, ``<main>``, hAtom entry or schema.org Article item), nor topic tokens
    ("category-popular").
    """
    names_count = True
    in_footer = False
    for depth, node in enumerate((element, *element.iterancestors())):
        if depth > TUNING.date_ancestry:
            break
        if node.tag in _OUTSIDE_TAGS:
            return True
        # Another story (a card, an embedded post), unless it wraps the story.
        if (
            node.tag == "article"
            and story is not None
            and node is not story
            and node not in story.iterancestors()
        ):
            return True
        if names_count and depth <= TUNING.date_name_depth:
            names = f"{node.get('class', '')} {node.get('id', '')}"
            if names.strip() and _outside_name(names):
                return True
        if node is story:
            return False
        if node.tag == "footer" and names_count:
            in_footer = True  # the page's footer, unless a story container holds it
        if story is None and _bounds_a_story(node):
            names_count = in_footer = False  # above a story's container: only tags still count
    return in_footer


_ENTRY = frozenset({"hentry", "h-entry"})


def _bounds_a_story(node: lxml.html.HtmlElement) -> bool:
    """Whether the element holds one story: ``<article>``, ``<main>``, an hAtom/h-entry entry or a
    schema.org Article/Posting item."""
    if node.tag in ("article", "main") or not _ENTRY.isdisjoint(_classes(node)):
        return True
    kind = node.get("itemtype") or ""
    return "Article" in kind or "Posting" in kind


# Class tokens that file the content under a topic (WordPress's "category-popular", "tag-embed")
# say what it is about, not what part of the page it is.
_TAXONOMY = re.compile(r"(?<!\S)(?:category|tag|tags|topic|topics|format|type|status|section)-\S*")


@functools.lru_cache(maxsize=4096)
def _outside_name(names: str) -> bool:
    return _OUTSIDE_NAME.search(_CAMEL.sub("-", _TAXONOMY.sub(" ", names)).lower()) is not None


def _bounded_text(element: lxml.html.HtmlElement) -> str | None:
    """The element's text without scripts, one-spaced; ``None`` when longer than a date line."""
    pieces: list[str] = []
    size = 0
    for node in element.iter():
        if node.tag in ("script", "style", "template", "noscript") or not isinstance(node.tag, str):
            if node is not element and node.tail:
                pieces.append(node.tail)
                size += len(node.tail)
            continue
        if node.text:
            pieces.append(node.text)
            size += len(node.text)
        if node is not element and node.tail:
            pieces.append(node.tail)
            size += len(node.tail)
        if size > dates.MAX_LINE:
            return None
    text = " ".join(" ".join(pieces).split())
    return text or None


_WORD = re.compile(r"\w+")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
