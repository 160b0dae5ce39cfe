"""What a list in a story is when it is not the story's: a table of contents, the story's metadata
printed as a list, or nothing but links (navigation, tags, or related stories).
"""

from __future__ import annotations

from lxml import html

from broadsheet.formats.html.content_inlines import text_of
from broadsheet.formats.html.content_lines import is_stamp
from broadsheet.formats.html.content_tail import starts_with_clock
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import Block, Link, Paragraph


def is_table_of_contents(element: html.HtmlElement) -> bool:
    """Whether a list's every entry is a link to a place on this page (its crossheads)."""
    entries = [item for item in element if item.tag == "li"]
    if len(entries) < 2:
        return False
    for entry in entries:
        anchors = [a for a in entry.iter("a") if (a.get("href") or "").startswith("#")]
        if not anchors:
            return False
        if len(entry.text_content().strip()) > len(anchors[0].text_content().strip()) + TUNING.toc_slack:
            return False
    return True


def is_meta_list(items: list[tuple[Block, ...]], *, above_text: bool, lexicon: Lexicon = EVERY) -> bool:
    """Whether a list is the story's metadata: dates, reading time, bylines.

    Every entry must be such a stamp; above the story's first paragraph half of them will do when
    all entries are short lines ("Translated by …" beside "3 min read").
    """
    lines = [_line(item) for item in items]
    if not above_text and all(line is not None and starts_with_clock(line) for line in lines):
        return False  # entries that open with a time, in the story's text: a schedule, an agenda
    stamps = sum(1 for line in lines if line is not None and is_stamp(line, lexicon))
    if stamps == len(lines):
        return True
    if not above_text or 2 * stamps < len(lines):
        return False
    return all(line is not None and len(line) <= TUNING.meta_line for line in lines)


def _line(item: tuple[Block, ...]) -> str | None:
    if len(item) != 1 or not isinstance(item[0], Paragraph):
        return None
    return text_of(item[0].children)


def lone_link(item: tuple[Block, ...]) -> Link | None:
    """The link a list entry consists of, or ``None`` when it holds anything else."""
    if len(item) != 1 or not isinstance(item[0], Paragraph):
        return None
    children = item[0].children
    if len(children) == 1 and isinstance(children[0], Link):
        return children[0]
    return None
