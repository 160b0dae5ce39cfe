"""What a list in a story is when it is not the story's: a table of contents, the story's metadata
printed as a list, or nothing but links (navigation, tags, or related stories).
"""

from __future__ import annotations

from lxml import html

from broadsheet.formats.html.content_inlines import text_of
from broadsheet.formats.html.content_lines import is_stamp
from broadsheet.model import Block, Link, Paragraph

_LABEL_SLACK = 5
"""Characters an entry of a table of contents may hold besides its link (a number, a dash)."""


def is_table_of_contents(element: html.HtmlElement) -> bool:
    """Whether a list's every entry is a link to a place on this page (its crossheads)."""
    entries = [item for item in element if item.tag == "li"]
    if len(entries) < 2:
        return False
    for entry in entries:
        anchors = [a for a in entry.iter("a") if (a.get("href") or "").startswith("#")]
        if not anchors:
            return False
        if len(entry.text_content().strip()) > len(anchors[0].text_content().strip()) + _LABEL_SLACK:
            return False
    return True


def is_meta_item(item: tuple[Block, ...]) -> bool:
    """Whether a list entry is a date, reading-time or publication stamp, or a byline."""
    if len(item) != 1 or not isinstance(item[0], Paragraph):
        return False
    return is_stamp(text_of(item[0].children))


def lone_link(item: tuple[Block, ...]) -> Link | None:
    """The link a list entry consists of, or ``None`` when it holds anything else."""
    if len(item) != 1 or not isinstance(item[0], Paragraph):
        return None
    children = item[0].children
    if len(children) == 1 and isinstance(children[0], Link):
        return children[0]
    return None
