"""Readers' comments on a page: schema.org ``Comment`` data, else the page's comment thread.

Run only when the reader is asked (``comments=True``), on the page before the body extractor
cleans it. Two general sources, the first that gives any comment wins:

1. schema.org ``Comment`` objects: the article's JSON-LD ``comment`` (replies in their own
   ``comment``), or microdata ``itemtype=…/Comment`` elements.
2. A comment thread by structure: a section whose class/id name parts say so
   (:attr:`~broadsheet.formats.html.tuning.Tuning.comment_section_names`: ``comments``,
   ``commentlist``, ``respond``, ``disqus``…) holding items named as comments, each of which
   gives text (a ``comment-content`` part, else its paragraphs) and usually an author and a
   ``<time>``. A reply is an item inside another; its depth counts them. A section with no such
   item (a "12 comments" link, an empty form) gives nothing.
3. In a section with no item named as a comment, items by their shape (Disqus's ``li.post``, bare
   ``<li>``): the children of a list most of whose first few each have an author, a date and text.

Pingbacks and trackbacks are no comments. A printed time without an offset is read in the offset
of the article's own dates (``zone``).

The walk is one pass over each section (a stack, no ancestor climbs), and the number of
comments and the length of each are bounded.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

import attrs
import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html import dates, jsonld
from broadsheet.formats.html.content_inlines import BLOCK_LEVEL, absolute_url
from broadsheet.formats.html.tuning import TUNING
from broadsheet.model import Comment, Person
from broadsheet.model.comments import MAX_COMMENT_DEPTH

__all__ = ["find_comments"]

_PARTS = re.compile(r"[-_:.\s]+|(?<=[a-z])(?=[A-Z])")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "form", "button", "textarea", "select"})


_NO_PARTS: frozenset[str] = frozenset()


def _name_parts(element: lxml.html.HtmlElement) -> frozenset[str]:
    """The words of the element's class and id: ``commentList`` and ``comment-list`` both give
    ``comment`` and ``list``, beside the whole token."""
    classes, ident = element.get("class"), element.get("id")
    if classes is None and ident is None:
        return _NO_PARTS  # most elements: nothing to split
    names = f"{classes or ''} {ident or ''}"
    tokens = names.split()
    parts = {token.lower() for token in tokens}
    for token in tokens:
        parts.update(part.lower() for part in _PARTS.split(token) if part)
    return frozenset(parts)


def in_comments(element: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` is part of a readers' comment or of a comment thread, by its own or an
    ancestor's name: a commenter's ``comment-author`` names no author of the article."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        parts = _name_parts(node)
        if parts and (not TUNING.comment_section_names.isdisjoint(parts) or _is_item(node)):
            return True
        node = node.getparent()
    return False


def find_comments(
    root: lxml.html.HtmlElement,
    language: str | None = None,
    base_url: str | None = None,
    zone: dt.tzinfo | None = None,
) -> tuple[Comment, ...]:
    """The page's readers' comments in its order, from its schema.org data or its markup; ``()``
    when there are none. ``language`` is the page's (it reads printed dates); links are resolved
    against ``base_url``; a time without an offset is read in ``zone``, the offset of the article's
    own dates (else UTC, as the article's dates are then)."""
    clock = _Clock(zone)
    graph = jsonld.Graph(jsonld.nodes(jsonld.blocks(root)))
    found: list[Comment] = []
    for node in graph.nodes:
        if "comment" in node and "comment" not in jsonld.types(node):
            found = _from_jsonld(node, graph, clock)
            if found:
                break  # the first object with comments: a page's other objects repeat them
    if not found:
        found = _from_microdata(root, clock)
    if not found:
        found = _from_threads(root, language, clock)
    return tuple(_resolved(comment, base_url) for comment in found[: TUNING.comments_max])


@attrs.frozen
class _Clock:
    """Settles a comment's date on the page's clock: a naive time takes the article's offset."""

    zone: dt.tzinfo | None

    def settle(self, stamp: dates.Stamp | None) -> dt.datetime | None:
        if self.zone is None:
            return dates.settle(stamp, [])
        return dates.settle(stamp, [dates.Stamp(dt.datetime(2000, 1, 1, tzinfo=self.zone), has_time=True)])


def _resolved(comment: Comment, base_url: str | None) -> Comment:
    """The comment with its links absolute (``#comment-7`` is the comment's place on this page)."""
    url = comment.url
    if url is not None and url.startswith("#"):
        url = base_url.split("#", 1)[0] + url if base_url else None
    else:
        url = absolute_url(url, base_url)
    author = comment.author
    if author is not None and author.url is not None:
        author = attrs.evolve(author, url=absolute_url(author.url, base_url))
    if url == comment.url and author == comment.author:
        return comment
    try:
        return attrs.evolve(comment, url=url, author=author)
    except ModelError:
        return attrs.evolve(comment, url=None, author=Person(name=author.name) if author else None)


# ---------------------------------------------------------------- schema.org data


def _from_jsonld(node: dict[str, Any], graph: jsonld.Graph, clock: _Clock) -> list[Comment]:
    """The ``comment`` of a JSON-LD object (an article, a posting), each reply after its comment."""
    out: list[Comment] = []
    stack: list[tuple[Any, int]] = [(item, 0) for item in reversed(list(graph.each(node.get("comment"))))]
    while stack and len(out) < TUNING.comments_max:
        item, depth = stack.pop()
        if not isinstance(item, dict) or "comment" not in jsonld.types(item):
            continue
        comment = _comment(
            text=item.get("text") or item.get("commentText"),
            author=_jsonld_name(item.get("author")),
            author_url=_jsonld_url(item.get("author")),
            published=clock.settle(dates.parse(item.get("dateCreated") or item.get("datePublished"))),
            url=item.get("url") if isinstance(item.get("url"), str) else None,
            ident=item.get("@id") if isinstance(item.get("@id"), str) else None,
            depth=depth,
        )
        if comment is not None:
            out.append(comment)
        if item.get("comment") is not None and depth < MAX_COMMENT_DEPTH:
            replies = list(graph.each(item.get("comment")))[: TUNING.comments_max]
            stack.extend((reply, depth + 1) for reply in reversed(replies))
    return out


def _jsonld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return None


def _jsonld_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and isinstance(value.get("url"), str):
        return str(value["url"])
    return None


_MICRODATA_COMMENTS = "//*[@itemscope][@itemtype]"


def _from_microdata(root: lxml.html.HtmlElement, clock: _Clock) -> list[Comment]:
    """Microdata ``itemtype=…/Comment`` items in document order; an item inside one is a reply."""
    items = [
        element
        for element in root.xpath(_MICRODATA_COMMENTS)  # found by libxml2: most pages have none
        if (element.get("itemtype") or "").rsplit("/", 1)[-1].strip().lower() == "comment"
    ][: TUNING.comments_max * 4]
    depth_of: dict[lxml.html.HtmlElement, int] = {}
    out: list[Comment] = []
    for element in items:  # document order: an item's enclosing comment is met before it
        depth = 0
        for ancestor in element.iterancestors():
            if ancestor in depth_of:
                depth = min(depth_of[ancestor] + 1, MAX_COMMENT_DEPTH)
                break
        depth_of[element] = depth
        comment = _microdata_comment(element, depth, clock)
        if comment is not None:
            out.append(comment)
        if len(out) >= TUNING.comments_max:
            break
    return out


def _microdata_comment(element: lxml.html.HtmlElement, depth: int, clock: _Clock) -> Comment | None:
    props = _props(element)
    text_el = _first(props, "text", "commenttext")
    author_el = _first(props, "author", "creator")
    date_el = _first(props, "datecreated", "datepublished")
    url_el = props.get("url")
    text = None
    if text_el is not None:
        # An item inside the text (a quoted comment, a reply) is not this comment's words.
        inner = {
            e for e in text_el.iterdescendants() if isinstance(e.tag, str) and e.get("itemscope") is not None
        }
        text = _lines(text_el, inner)
    return _comment(
        text=text,
        author=_author_name(author_el) if author_el is not None else None,
        author_url=None,
        published=clock.settle(dates.parse(_date_value(date_el))) if date_el is not None else None,
        url=(url_el.get("href") or url_el.get("content")) if url_el is not None else None,
        ident=element.get("id"),
        depth=depth,
    )


def _props(item: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    """The first element of each ``itemprop`` of ``item``, not those of items inside it."""
    props: dict[str, lxml.html.HtmlElement] = {}
    stack = list(reversed(item))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        for name in (element.get("itemprop") or "").lower().split():
            props.setdefault(name, element)
        if element.get("itemscope") is None:
            stack.extend(reversed(element))
    return props


def _first(props: dict[str, lxml.html.HtmlElement], *names: str) -> lxml.html.HtmlElement | None:
    # Not ``a or b``: an element without children is false.
    for name in names:
        if name in props:
            return props[name]
    return None


def _author_name(element: lxml.html.HtmlElement) -> str | None:
    if element.get("itemscope") is not None:
        name = _props(element).get("name")
        if name is not None:
            return name.get("content") or name.text_content()
    return element.get("content") or element.text_content()


def _date_value(element: lxml.html.HtmlElement) -> str | None:
    return element.get("datetime") or element.get("content") or element.text_content()


# ---------------------------------------------------------------- comment threads


@functools.cache
def _section_pattern(names: frozenset[str]) -> re.Pattern[str]:
    # A token or part equal to a name has the name inside the lower-cased class and id: the cheap
    # test that spares splitting the names of every element of the page.
    return re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


def _from_threads(root: lxml.html.HtmlElement, language: str | None, clock: _Clock) -> list[Comment]:
    sections = TUNING.comment_section_names
    pattern = _section_pattern(sections)
    found: list[lxml.html.HtmlElement] = []
    for element in root.iter():  # lxml's walk; only elements named near a section name are split
        names = element.get("class"), element.get("id")
        if names == (None, None) or not isinstance(element.tag, str):
            continue
        lowered = f"{names[0] or ''} {names[1] or ''}".lower()
        if pattern.search(lowered) and not sections.isdisjoint(_name_parts(element)):
            found.append(element)
    named = set(found)
    covered: dict[lxml.html.HtmlElement, bool] = {}
    out: list[Comment] = []
    for section in found:
        # A section inside a section is read with it; one inside a skipped tag (a form) not at all.
        if section.tag in _SKIP_TAGS or _covered(section.getparent(), named, covered):
            continue
        before = len(out)
        out.extend(itertools.islice(_thread(section, language, clock), TUNING.comments_max - len(out)))
        if len(out) == before:  # no item named as a comment: a list of items shaped as comments
            out.extend(itertools.islice(_shaped(section, language, clock), TUNING.comments_max - len(out)))
        if len(out) >= TUNING.comments_max:
            break
    return out


def _covered(
    element: lxml.html.HtmlElement | None,
    named: set[lxml.html.HtmlElement],
    memo: dict[lxml.html.HtmlElement, bool],
) -> bool:
    """Whether ``element`` is, or is inside, a named section or a skipped tag; each element is
    looked at once over all calls (``memo``), so many nested sections cost no more than the page."""
    path: list[lxml.html.HtmlElement] = []
    answer = False
    while element is not None:
        if element in memo:
            answer = memo[element]
            break
        path.append(element)
        if element in named or element.tag in _SKIP_TAGS:
            answer = True
            break
        element = element.getparent()
    for seen in path:
        memo[seen] = answer
    return answer


def _heads(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The last word and the last two words (joined by ``-``) of each class/id token, a trailing
    number left off: ``comment-254922`` gives ``comment``, ``comment__item`` ``item`` and
    ``comment-item``."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    for token in names.split():
        parts = [part.lower() for part in _PARTS.split(token) if part]
        while parts and (parts[-1].isdigit() or len(parts[-1]) == 1):
            parts.pop()
        if parts:
            yield parts[-1]
        if len(parts) > 1:
            yield f"{parts[-2]}-{parts[-1]}"


def _is_item(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is named as one comment: a token ending in ``comment`` or
    ``comment-item`` (not ``comment-content``, ``comments`` or ``comment-author-x``)."""
    if element.tag not in _ITEM_TAGS or (element.get("class") is None and element.get("id") is None):
        return False
    return not TUNING.comment_item_names.isdisjoint(_heads(element))


_ITEM_TAGS = frozenset({"li", "article", "div", "section"})


def _opens(element: lxml.html.HtmlElement, parts: frozenset[str]) -> bool:
    """Whether a comment met inside ``element`` (itself inside a comment) is a reply: past a list
    (``ul.children``) or a box named for replies."""
    return element.tag in ("ul", "ol") or not TUNING.comment_reply_names.isdisjoint(parts)


def _thread(section: lxml.html.HtmlElement, language: str | None, clock: _Clock) -> Iterator[Comment]:
    """The comments of one section, in document order, replies after the comment they answer.

    An item is the first element named as a comment on each path down from the section, or one
    past a list (``ul.children``) inside an item: a reply, one level deeper.
    """
    # (element, depth of the item it is in or -1, whether an item can start here)
    stack: list[tuple[lxml.html.HtmlElement, int, bool]] = [(child, -1, True) for child in reversed(section)]
    while stack:
        element, depth, can_start = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
            continue
        if can_start and _is_item(element):
            if _is_notice(element):  # a pingback or trackback: a link to another page, no reader's words
                continue
            item_depth = min(depth + 1, MAX_COMMENT_DEPTH)
            comment = _thread_item(element, item_depth, language, clock)
            if comment is not None:
                yield comment
            stack.extend((child, item_depth, False) for child in reversed(element))
            continue
        opens = can_start or _opens(element, _name_parts(element))
        stack.extend((child, depth, opens) for child in reversed(element))


def _is_notice(element: lxml.html.HtmlElement) -> bool:
    """Whether the item is a pingback or trackback (WordPress classes them so), not a comment."""
    return not TUNING.comment_notice_names.isdisjoint(_name_parts(element))


def _shaped(section: lxml.html.HtmlElement, language: str | None, clock: _Clock) -> Iterator[Comment]:
    """The comments of a section whose items are not named as comments (Disqus's ``li.post``, a
    list of bare ``<li>``): the children of a list, or of a box of repeated same-tag children, are
    comments when most of its first few are shaped as one (an author, a date and text, see
    :func:`_thread_item`); a list of such items inside one holds its replies.

    Each candidate is read once, on a walk that stops at the item's own lists, so the section is
    walked about once; a list is judged by its first children only, and all judging together
    looks at no more than :attr:`~.Tuning.comment_shape_budget` elements.
    """
    judged: dict[lxml.html.HtmlElement, Comment | None] = {}
    spent = [0]

    def judge(element: lxml.html.HtmlElement, depth: int) -> Comment | None:
        if element not in judged:
            judged[element] = (
                None if _is_notice(element) else _thread_item(element, depth, language, clock, spent)
            )
        return judged[element]

    # (element, depth of the item it is in or -1, whether it is a candidate item of a list)
    stack: list[tuple[lxml.html.HtmlElement, int, bool]] = [(section, -1, False)]
    while stack and spent[0] < TUNING.comment_shape_budget:
        element, depth, candidate = stack.pop()
        in_item = depth >= 0  # an item's replies are in its lists, the only part its walk skipped
        if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
            continue
        inner = min(depth + 1, MAX_COMMENT_DEPTH)
        if candidate:
            comment = judge(element, inner)
            if comment is not None:
                yield comment
                stack.extend((child, inner, False) for child in reversed(element))
                continue
        children = [child for child in element if isinstance(child.tag, str) and child.tag not in _SKIP_TAGS]
        first = children[: TUNING.comment_shape_sample]
        repeated = element.tag in ("ul", "ol") or (
            not in_item
            and len(first) > 1
            and sum(child.tag == first[0].tag for child in first) * 2 > len(first)
        )
        is_list = repeated and sum(judge(child, inner) is not None for child in first) * 2 >= len(first) > 0
        stack.extend((child, depth, is_list) for child in reversed(children))


def _thread_item(
    item: lxml.html.HtmlElement,
    depth: int,
    language: str | None,
    clock: _Clock,
    spent: list[int] | None = None,
) -> Comment | None:
    """One comment from an item: its text, author, date and link.

    ``spent`` (a counter of elements looked at, added to): the item is not named as a comment but judged by its shape. Its lists are its
    replies (left out), it gives a comment only with an author, a date and text, its text may be
    its unnamed blocks and its author the first short marked-up words outside them; its walk
    stops after :attr:`~.Tuning.comment_shape_elements` elements.
    """
    text_el = author_el = time_el = date_el = None
    named_texts: list[tuple[int, lxml.html.HtmlElement]] = []  # parts named for the text, with rank
    replies: set[lxml.html.HtmlElement] = set()
    paragraphs: list[lxml.html.HtmlElement] = []  # the item's own <p>, outside its named parts
    walked: list[lxml.html.HtmlElement] = []  # elements in document order (shaped items only)
    shaped = spent is not None
    budget = TUNING.comment_shape_elements if shaped else -1
    # The item's own descendants, not those of a reply inside it.
    stack: list[tuple[lxml.html.HtmlElement, bool, bool]] = [
        (child, False, False) for child in reversed(item)
    ]
    while stack:
        element, past_list, in_part = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
            continue
        if (past_list and _is_item(element)) or (shaped and element.tag in ("ul", "ol")):
            replies.add(element)
            continue
        if spent is not None:
            if budget == 0:
                return None  # too big to be one comment
            budget -= 1
            spent[0] += 1
            walked.append(element)
        parts = _name_parts(element)
        in_part = in_part or bool(element.get("class") or element.get("id"))
        if element.tag == "p" and not in_part and not past_list:
            paragraphs.append(element)
        for rank, name in enumerate(TUNING.comment_text_names):
            if name in parts and element.tag not in ("a", "span", "time", "img"):
                named_texts.append((rank, element))
                break
        if author_el is None and not TUNING.comment_author_names.isdisjoint(parts):
            author_el = element
        if time_el is None and element.tag == "time":
            time_el = element
        if date_el is None and not TUNING.comment_date_names.isdisjoint(parts):
            date_el = element
        beyond = past_list or _opens(element, parts)
        stack.extend((child, beyond, in_part) for child in reversed(element))
    text_el = _text_part(item, named_texts, (author_el, time_el, date_el))
    if shaped and author_el is None:
        author_el = _first_short([item], (time_el, date_el), before=text_el)
    if text_el is None and paragraphs:
        # No part named for the text: the paragraphs the item holds itself (not inside a named
        # box, which is its author, date or reply link) are what the reader wrote; one that is
        # only a link ("Reply") is not.
        text = "\n".join(_lines(p, replies) for p in paragraphs if _own_words(p, replies))
    elif text_el is not None:
        text = _lines(text_el, replies)
    elif shaped:
        blocks = _free_blocks(item, walked, (author_el, time_el, date_el), replies)
        text = "\n".join(_lines(block, replies) for block in blocks)
    else:
        return None
    if shaped and (author_el is None or (time_el is None and date_el is None) or not text.strip()):
        return None
    author = author_url = None
    if author_el is not None:
        author, author_url = _thread_author(author_el)
    published: dt.datetime | None = None
    url = None
    if time_el is not None:
        stamp = dates.parse(time_el.get("datetime") or "") or dates.from_text(
            time_el.text_content(), language
        )
        published = clock.settle(stamp)
        link = time_el.getparent()
        if link is not None and link.tag == "a" and "#" in (link.get("href") or ""):
            url = link.get("href")
    elif date_el is not None:
        published = clock.settle(_printed_date(date_el, language))
        link = date_el if date_el.tag == "a" else next(date_el.iter("a"), None)
        if link is not None and "#" in (link.get("href") or ""):
            url = link.get("href")
    return _comment(
        text=text,
        author=author,
        author_url=author_url,
        published=published,
        url=url,
        ident=item.get("id"),
        depth=depth,
    )


def _text_part(
    item: lxml.html.HtmlElement,
    named: list[tuple[int, lxml.html.HtmlElement]],
    marks: tuple[lxml.html.HtmlElement | None, ...],
) -> lxml.html.HtmlElement | None:
    """The best-named part for the comment's text, preferring one that holds neither its author
    nor its date (Disqus's ``post-content`` holds the whole comment, ``post-message`` its words)."""
    holding = _holding(item, marks)
    clean = [(rank, i) for i, (rank, element) in enumerate(named) if element not in holding]
    pool = clean or [(rank, i) for i, (rank, _) in enumerate(named)]
    return named[min(pool)[1]][1] if pool else None


def _holding(
    item: lxml.html.HtmlElement, marks: tuple[lxml.html.HtmlElement | None, ...]
) -> set[lxml.html.HtmlElement]:
    """The elements inside ``item`` that are or hold one of ``marks``."""
    holding: set[lxml.html.HtmlElement] = set()
    for mark in marks:
        if mark is not None:
            for ancestor in itertools.chain([mark], mark.iterancestors()):
                if ancestor is item or ancestor in holding:
                    break
                holding.add(ancestor)
    return holding


def _printed_date(element: lxml.html.HtmlElement, language: str | None) -> dates.Stamp | None:
    """A date part's date: a ``datetime`` or ``title`` in it (a relative "a year ago" keeps the
    date there), else its text."""
    for inner in itertools.islice(element.iter(), 20):
        for value in (inner.get("datetime"), inner.get("title")):
            stamp = dates.parse(value) if value else None
            stamp = stamp or (dates.from_text(value, language) if value else None)
            if stamp is not None:
                return stamp
    return dates.from_text(element.text_content(), language)


_NAME_TAGS = ("cite", "b", "strong", "a", "span")


def _first_short(
    boxes: list[lxml.html.HtmlElement],
    dated: tuple[lxml.html.HtmlElement | None, ...],
    before: lxml.html.HtmlElement | None = None,
) -> lxml.html.HtmlElement | None:
    """The first short marked-up words (a ``<cite>``, ``<b>``, link or ``<span>``) in ``boxes``,
    not the date nor inside it, before ``before``: the author of a comment whose author part has
    no name."""
    limit = TUNING.comment_shape_elements
    for box in boxes:
        for element in box.iter():
            limit -= 1
            if element is before or limit < 0:
                return None
            if element.tag not in _NAME_TAGS or any(d is not None and _within(element, d) for d in dated):
                continue
            words = element.text_content().split()
            if 0 < len(words) <= 5 and len(" ".join(words)) <= 60 and not any(w[:1].isdigit() for w in words):
                return element
    return None


def _within(element: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` is ``other``, inside it, or holds it (a bounded climb)."""
    for node in (element, other):
        target = other if node is element else element
        for _, ancestor in zip(range(64), itertools.chain([node], node.iterancestors()), strict=False):
            if ancestor is target:
                return True
    return False


def _free_blocks(
    item: lxml.html.HtmlElement,
    walked: list[lxml.html.HtmlElement],
    marks: tuple[lxml.html.HtmlElement | None, ...],
    replies: set[lxml.html.HtmlElement],
) -> list[lxml.html.HtmlElement]:
    """A shaped item's text without a named part: its outermost blocks that hold neither its
    author nor its date and are not only links (a "Reply · Share" footer)."""
    holding = _holding(item, marks)
    out: list[lxml.html.HtmlElement] = []
    taken: set[lxml.html.HtmlElement] = set()
    for element in walked:  # document order: a block's parent is met before it
        parent = element.getparent()
        if parent in taken:
            taken.add(element)
            continue
        if element.tag not in BLOCK_LEVEL or element in holding:
            continue
        if _own_words(element, replies):
            out.append(element)
            taken.add(element)
    return out


def _thread_author(element: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """The author's name (the innermost named part, else the element's text) and link."""
    name_el = element
    names = TUNING.comment_author_names
    for inner in element.iterdescendants():
        if isinstance(inner.tag, str) and inner.tag != "img" and not names.isdisjoint(_name_parts(inner)):
            name_el = inner
    if name_el is element:
        # No inner part is named: the name is the first marked-up words (``<cite>``, ``<b>``, a
        # link), not the whole box, which may hold "says:" and the date.
        for inner in element.iter("cite", "b", "strong", "a"):
            if inner.text_content().strip():
                name_el = inner
                break
    link = name_el if name_el.tag == "a" else next(name_el.iter("a"), None)
    href = link.get("href") if link is not None else None
    text = " ".join(name_el.text_content().split())
    return text or None, href or None


def _own_words(element: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement]) -> bool:
    """Whether the element holds words outside links and buttons."""
    words, links = _text_and_links(element, skip)
    return links < words


def _text_and_links(element: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement]) -> tuple[int, int]:
    """Characters of the element's words, and of those inside links or buttons, ``skip`` left out;
    the walk is bounded like a comment's text."""
    words = links = 0
    budget = TUNING.comment_shape_elements
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(element, False)]
    while stack and budget > 0 and words < TUNING.comment_max_chars:
        node, in_link = stack.pop()
        budget -= 1
        if node is not element and node.tail and node.tail.strip():
            words += len(node.tail.strip())  # a tail is in the parent: inside a link when it is
            links += len(node.tail.strip()) if in_link else 0
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or node in skip:
            continue
        inside = in_link or node.tag in ("a", "button")
        if node.text and node.text.strip():
            words += len(node.text.strip())
            links += len(node.text.strip()) if inside else 0
        stack.extend((child, inside) for child in reversed(node))
    return words, links


def _lines(element: lxml.html.HtmlElement, skip: set[lxml.html.HtmlElement]) -> str:
    """The element's text, a line per block and ``<br>``, leaving out ``skip`` and form controls."""
    pieces: list[str] = []
    budget = TUNING.comment_max_chars
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(element, False)]
    while stack and budget > 0:
        node, closing = stack.pop()
        if closing:
            if node.tag in BLOCK_LEVEL:
                pieces.append("\n")
            if node is not element and node.tail:
                pieces.append(node.tail)
                budget -= len(node.tail)
            continue
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS or node in skip:
            if node is not element and node.tail:
                pieces.append(node.tail)
            continue
        if node.tag in BLOCK_LEVEL or node.tag == "br":
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
            budget -= len(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(pieces)[: TUNING.comment_max_chars]


def _comment(
    *,
    text: Any,
    author: str | None,
    author_url: str | None,
    published: dt.datetime | None,
    url: str | None,
    ident: str | None,
    depth: int,
) -> Comment | None:
    if not isinstance(text, str):
        return None
    text = "\n".join(" ".join(line.split()) for line in text[: TUNING.comment_max_chars].splitlines())
    if not text.strip():
        return None
    person = None
    if author and author.strip():
        try:
            person = Person(name=author.strip()[:200], url=author_url)
        except ModelError:
            person = Person(name=author.strip()[:200])
    when = published
    try:
        return Comment(text=text, author=person, published=when, url=url, id=ident, depth=depth)
    except ModelError:
        try:
            return Comment(text=text, author=person, published=when, depth=depth)
        except ModelError:
            return None
