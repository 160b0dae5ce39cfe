"""The rest of a page's text, accounted for: what neither reached the body nor was reported dropped.

Run at the end of body extraction, and only while an explanation is being recorded, so that
``broadsheet explain`` accounts for all of the page's text whether or not the rule that left a
piece out reports it: a piece outside the chosen container is charged to the container choice,
a piece inside it to the block reading. The page is walked once over the flat index, so the
account costs a few passes over the page however deep it nests.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from lxml import html

from broadsheet.formats._shared.plain_text import PlainText, Quoting, block_text
from broadsheet.formats.html import tracing
from broadsheet.formats.html.content_score import PageIndex
from broadsheet.model import Block

__all__ = ["OUTSIDE", "UNREAD", "account"]

OUTSIDE = "outside_container"
"""The rule charged with text outside the chosen container."""
UNREAD = "not_read"
"""The rule charged with text inside the container that no block holds and no rule reported."""

_OWNERS = frozenset(
    {"html", "body", "p", "div", "section", "article", "main", "ul", "ol", "dl", "li", "dd", "dt", "table",
     "tr", "td", "th", "caption", "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
     "pre", "aside", "header", "footer", "nav", "form", "address", "details", "summary", "center"}
)  # fmt: skip
"""Block elements: the text of the inline elements inside one is one piece of the page."""

_EMPTY, _LOST, _KEPT = 0, 1, 2
_APART = 3
"""Up to this many lost siblings in a row are reported one by one."""
_REPORTS = 200
"""At most this many places are reported one by one; the rest as one piece."""
_PLAIN = PlainText(quotes=Quoting.BARE)


def _squeezed(text: str) -> str:
    # Compared without any spaces and in NFC, as the model holds text: block boundaries and
    # whitespace differ between the markup and the blocks, the characters do not.
    return unicodedata.normalize("NFC", "".join(text.split())).replace("\u00ad", "")


def account(
    page: PageIndex,
    containers: list[html.HtmlElement],
    blocks: Iterable[Block],
    extra: Iterable[str] = (),
) -> None:
    """Report every piece of ``page``'s text that is in neither ``blocks`` nor ``extra`` (the lead
    and bylines) and that no rule reported, charged to the container choice or the block reading."""
    trace = tracing.active()
    if trace is None:
        return
    kept = _squeezed(" ".join([*(block_text(block, style=_PLAIN) for block in blocks), *extra]))
    reported = "\u0000".join(trace.covered_text)
    covered_elements = set(trace.covered)
    elements, parent_of, tags = page.elements, page.parent_of, page.tags
    count = len(elements)
    inside = set(containers)
    # Downward, in document order: what each element's piece is, and whether it is reported or
    # inside the container.
    owner = [0] * count
    covered = [False] * count
    in_container = [False] * count
    pieces: dict[int, list[str]] = {}
    for index in range(count):
        parent = parent_of[index]
        element = elements[index]
        owner[index] = index if tags[index] in _OWNERS or parent < 0 else owner[parent]
        covered[index] = element in covered_elements or (parent >= 0 and covered[parent])
        in_container[index] = element in inside or (parent >= 0 and in_container[parent])
        if element.text:
            pieces.setdefault(owner[index], []).append(element.text)
        if element.tail and parent >= 0:
            pieces.setdefault(owner[parent], []).append(element.tail)
    # Upward: an element is lost when all the text under it is, kept when any of it is.
    state = [_EMPTY] * count
    own_lost: dict[int, str] = {}
    for index, parts in pieces.items():
        text = _squeezed("".join(parts))
        if not text:
            continue
        if covered[index] or text in kept or text in reported:
            state[index] = _KEPT
        else:
            state[index] = _LOST
            own_lost[index] = " ".join(" ".join(parts).split())
    for index in range(count - 1, 0, -1):
        parent = parent_of[index]
        if state[index] > state[parent]:
            state[parent] = state[index]
    state[0] = _KEPT  # the page as a whole is told by its parts, even when none reached the body
    # Report each run of lost siblings under a kept element once, and a kept element's own lost text.
    runs: dict[int, list[int]] = {}
    found: list[list[int] | str] = []
    for index in range(1, count):
        parent = parent_of[index]
        if state[parent] != _KEPT:
            continue
        if state[index] == _LOST:
            run = runs.get(parent)
            if run is None:
                run = runs[parent] = []
                found.append(run)
            run.append(index)
        elif state[index] == _KEPT:
            runs.pop(parent, None)
            if index in own_lost:
                found.append(str(index))
    if 0 in own_lost:
        found.insert(0, "0")
    # A few lost siblings are told one by one; a long run of them (a list of teasers, a link
    # farm) as one piece.
    found = [
        piece
        for item in found
        for piece in ([[i] for i in item] if isinstance(item, list) and len(item) <= _APART else [item])
    ]
    for item in found[:_REPORTS]:
        first = int(item) if isinstance(item, str) else item[0]
        stage, rule = ("read blocks", UNREAD) if in_container[first] else ("choose container", OUTSIDE)
        if isinstance(item, str):
            tracing.dropped(rule, own_lost[first], stage=stage, where=tracing.describe(elements[first]))
        elif len(item) == 1:
            tracing.dropped(rule, elements[first], stage=stage)
        else:
            text = " ".join(elements[i].text_content() for i in item)
            where = f"{tracing.describe(elements[first])} and {len(item) - 1} more beside it"
            tracing.dropped(rule, text, stage=stage, where=where)
    rest = found[_REPORTS:]
    if rest:
        text = " ".join(
            own_lost[int(item)]
            if isinstance(item, str)
            else " ".join(elements[i].text_content() for i in item)
            for item in rest
        )
        tracing.dropped(UNREAD, text, stage="account for the rest", where=f"{len(rest)} more places")
