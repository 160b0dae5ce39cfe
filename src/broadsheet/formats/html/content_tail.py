"""Trim the edges of an extracted body: the site's own sections that follow a story inside its
container ("More on this topic", "About the author", "Comments"), and date and byline lines left
above the first paragraph.

The rules run in the order of :data:`EDGE_RULES`, each reporting what it drops to
:mod:`~broadsheet.formats.html.tracing`. The story's end is kept unless its structure says chrome:
closing sentences, editor's notes without links and lists (recipe steps, an agenda) stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from broadsheet.errors import ModelError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text, inline_text
from broadsheet.formats.html import tracing
from broadsheet.formats.html.content_chrome import read_also_match
from broadsheet.formats.html.content_score import DENSE_SCRIPT
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Inline,
    Link,
    OrderedList,
    Paragraph,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Strong,
)

_SECTION_LABEL = r"(?i)\s*(?:{body.section_end})\W*$"
_BY_LINE = re.compile(
    r"\s*(?:by|von|par|por|di|door|av|af|przez|от|від|автор|авторка|автори)\b[\s:]", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?…]\W{0,2}$")
_SIGN_OFF = re.compile(r"[^,.!?]{2,40},\s*[^,]{2,40}")
"""A sign-off: a name and who they write for, joined by one comma ("Jana, Die Redaktion")."""
_PRICE_LINE = re.compile(r"[$€£¥₽₴]\s?\d|\d(?:[.,]\d+)?\s?(?:[$€£¥₽₴]|(?:eur|usd|chf|gbp)\b)", re.IGNORECASE)
"""A price in a line ("Preis: 24,90 €", "$499"): what a product story closes with."""
_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_NAME = r"[A-ZÀ-ÞĀ-Ž][\w'’.-]+(?:\s+[A-ZÀ-ÞĀ-Ž][\w'’.-]+){1,3}"
_AUTHOR_BIO = (
    rf"(?:{_NAME}\s+(?:{{body.bio_is}})\s+[^.]{{0,80}}?(?i:{{body.bio_role}})|(?i:{{body.bio_author}})\b)"
)
"""An author's bio under the story ("Jane Doe is a staff writer", "Der Autor ist …")."""
_RELATIVE_TIME = r"(?i){body.time_ago}"
_COPYRIGHT = re.compile(r"©|\([cC]\)\s*(?:19|20)\d\d")
"""The copyright sign, or its spelling "(c) 2013"."""
_CLOCK_FIRST = re.compile(r"\s*\d{1,2}[:.]\d{2}(?!\d)(?:\s*(?:uhr|h|am|pm))?\s*\S")


def is_section_label(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether ``text`` is nothing but the label of the site's material after a story."""
    return len(text) <= 60 and lexicon.compile(_SECTION_LABEL).match(text) is not None


def is_box_label(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether ``text`` is nothing but a read-also label ("Читайте також:")."""
    match = read_also_match(text[:80], lexicon)
    return match is not None and not text[match.end() :].strip(" :.-–—»>|")


def word_count(text: str) -> int:
    """Words in ``text``; in scripts written without spaces, about one per two characters."""
    words = len(text.split())
    if text.isascii():
        return words
    return max(words, len(DENSE_SCRIPT.findall(text)) // 2)


def looks_like_dateline(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a short text is a date or time stamp ("Stand: 22.04.2024, 06:00 Uhr")."""
    if len(text) > 80:
        return False
    if len(text) < 50 and (lexicon.compile(_RELATIVE_TIME).search(text) or _CLOCK_FIRST.match(text)):
        return True  # "5 hours ago", "vor 2 Stunden", "19:55 Jane Doe" in a live blog
    if len(_DIGIT.findall(text)) < 4 or _PRICE_LINE.search(text):
        return False  # "Preis: 24,90 €" is as many digits as a date, and no date
    letters = len(_LETTER.findall(text))
    return letters <= 0.5 * len(text.replace(" ", ""))


def starts_with_clock(text: str) -> bool:
    """Whether a line opens with a time of day ("10:30 Lightning talks", "19:55 Jane Doe")."""
    return _CLOCK_FIRST.match(text) is not None


def looks_like_byline(text: str) -> bool:
    """Whether a short text is a byline ("By Jane Doe", "Von Max Muster")."""
    return len(text.split()) <= 12 and _BY_LINE.match(text) is not None


@attrs.define
class _Edges:
    """The body being trimmed: blocks (``None`` once dropped), their running texts, bylines found."""

    out: list[Block | None]
    texts: list[str]
    bylines: list[str] = attrs.Factory(list)
    start: int = 0
    """The index of the first block that is no leading date or byline line."""
    ended: bool = False
    """Whether a section label ended the story: what followed is a box now, nothing more to trim."""
    lexicon: Lexicon = EVERY
    """The page language's words."""

    def drop(self, rule: str, index: int) -> None:
        tracing.dropped(rule, self.texts[index])
        self.out[index] = None

    def to_box(self, rule: str, index: int, label: str = "") -> None:
        block = self.out[index]
        if block is not None:
            tracing.dropped(rule, self.texts[index])  # its links stay, as a box; its text leaves the body
            self.out[index] = _box_of([block], label)

    def long_paragraphs(self) -> list[int]:
        return [
            i
            for i, b in enumerate(self.out)
            if isinstance(b, Paragraph) and word_count(self.texts[i]) >= TUNING.long_words
        ]


def leading_stamps(edges: _Edges) -> None:
    """Date and byline lines above the first paragraph of prose leave the body (bylines are kept aside)."""
    out, texts = edges.out, edges.texts
    start = 0
    while start < len(out) and word_count(texts[start]) < TUNING.prose_words:
        text = texts[start].strip()
        if isinstance(out[start], Paragraph) and looks_like_byline(text):
            edges.bylines.append(text)
            out[start] = None
        elif isinstance(out[start], Paragraph) and looks_like_dateline(text, edges.lexicon):
            edges.drop("leading_stamps", start)
        start += 1
    edges.start = start


def trailing_stamps(edges: _Edges) -> None:
    """Date stamps below the last paragraph leave ("Stand: 22.04.2024, 06:00 Uhr")."""
    # Lists there stay unless their links make them a box (link_lists): recipe steps, an agenda.
    out, texts = edges.out, edges.texts
    end = len(out) - 1
    while end > edges.start and (
        word_count(texts[end]) < TUNING.last_words or not isinstance(out[end], Paragraph)
    ):
        block = out[end]
        if isinstance(block, Paragraph) and looks_like_dateline(texts[end].strip(), edges.lexicon):
            edges.drop("trailing_stamps", end)
        end -= 1


def short_lead_lines(edges: _Edges) -> None:
    """Above the story's first line of some length, short lines are labels and kickers of the site's."""
    if not edges.long_paragraphs():
        return
    for index, block in enumerate(edges.out):
        if isinstance(block, Paragraph):
            if word_count(edges.texts[index]) >= TUNING.short_words:
                break
            edges.drop("short_lead_lines", index)


def copyright_notice(edges: _Edges) -> None:
    """A copyright notice under the story's last long paragraph leaves ("™ & © 2013 Network, Inc.")."""
    # The sign belongs to no language: a line under the story that holds it is the site's or the
    # agency's notice, never the story's (a caption's credit sits in its figure).
    # Read upwards from the end to the last long paragraph only: the cost is the tail's.
    notices: list[int] = []
    for index in range(len(edges.out) - 1, -1, -1):
        block = edges.out[index]
        if not isinstance(block, Paragraph):
            continue
        text = edges.texts[index]
        if word_count(text) >= TUNING.long_words:
            for notice in notices:
                edges.drop("copyright_notice", notice)
            return
        if len(text) <= TUNING.bio_text and _COPYRIGHT.search(text):
            notices.append(index)


def closing_lines(edges: _Edges) -> None:
    """Short lines under the story leave unless they read as its closing line or an address."""
    # A closing line is a sentence ("Vielen Dank!", "Keep talking sports!"), a sign-off ("Jana,
    # Die Redaktion") or a price line, and not mostly link text; an address is a line whose links
    # are all mailto: or tel:.
    if not edges.long_paragraphs():
        return
    for index in range(len(edges.out) - 1, -1, -1):
        block = edges.out[index]
        if not isinstance(block, Paragraph):
            continue
        text = edges.texts[index].strip()
        if word_count(text) >= TUNING.short_words and not _all_emphasis(block):
            break
        if _is_contact(block):
            continue  # an address to write to or call ends many stories
        closing = len(text.split()) >= 2 and (
            _SENTENCE_END.search(text) is not None
            or _SIGN_OFF.fullmatch(text) is not None
            or _PRICE_LINE.search(text) is not None
        )
        if not closing or _paragraph_link_share(block, text) >= TUNING.closing_linked:
            edges.drop("closing_lines", index)


def closing_notes(edges: _Edges) -> None:
    """A note wholly in bold or italics under the last long paragraph leaves when it links elsewhere."""
    # "Read our live blog", "Lest den Originalartikel hier" are the site's; an editor's note
    # without a link is the story's closing note.
    longs = edges.long_paragraphs()
    if not longs:
        return
    for index in range(longs[-1] + 1, len(edges.out)):
        block = edges.out[index]
        if isinstance(block, Paragraph) and _all_emphasis(block) and _links(block.children):
            edges.drop("closing_notes", index)


def link_lists(edges: _Edges) -> None:
    """Lists in the text that are mostly link text are boxes of other stories."""
    for index, block in enumerate(edges.out):
        if isinstance(block, (BulletList, OrderedList)) and _is_link_list(block, edges.texts[index]):
            edges.to_box("link_list", index)


def section_labels(edges: _Edges) -> None:
    """A site-section label in the body's second half ends the story; earlier the label alone leaves."""
    # What follows an ending label ("Most read", "Comments") becomes a box of its links under
    # the label; a read-also label printed apart from its links names the box that follows.
    out, texts = edges.out, edges.texts
    total = sum(len(text) for text in texts) or 1
    seen = 0
    for index, block in enumerate(out):
        if block is None:
            continue
        text = texts[index].strip()
        if isinstance(block, (Paragraph, Heading)) and is_section_label(text, edges.lexicon):
            if seen >= TUNING.section_end_share * total:
                box = _box_of(out[index + 1 :], text.rstrip(" :"))
                for after in range(index, len(out)):
                    if out[after] is not None:
                        edges.drop("section_end", after)
                if box is not None:
                    out.append(box)
                    texts.append("")
                edges.ended = True
                return
            edges.drop("section_label", index)
        elif isinstance(block, (Paragraph, Heading)) and is_box_label(text, edges.lexicon):
            following = out[index + 1] if index + 1 < len(out) else None
            if isinstance(following, RelatedBox) and following.label is None:
                out[index + 1] = RelatedBox(links=following.links, label=text.rstrip(" :"))
            edges.drop("box_label", index)
        seen += len(texts[index])


def author_bio(edges: _Edges) -> None:
    """The author's bio ("Jane Doe is a staff writer at …") under the last paragraph leaves."""
    index = len(edges.out)
    while index > 1:
        index -= 1
        block = edges.out[index]
        if block is None or isinstance(block, (Figure, Embed, RelatedBox, Separator)):
            continue
        if isinstance(block, Paragraph) and is_author_bio(inline_text(block.children), edges.lexicon):
            edges.drop("author_bio", index)
            continue
        break


def pull_quotes(edges: _Edges) -> None:
    """A block quote whose opening words a paragraph of the story prints too is a pull quote: it
    leaves, and the words stay where the story says them."""
    quotes = [index for index, block in enumerate(edges.out) if isinstance(block, QuoteBlock)]
    if not quotes:
        return
    prose = (
        " "
        + " ".join(
            " ".join(_WORDS.findall(edges.texts[index].lower()))
            for index, block in enumerate(edges.out)
            if isinstance(block, Paragraph)
        )
        + " "
    )
    for index in quotes:
        words = _WORDS.findall(edges.texts[index].split("\n", 1)[0].lower())
        size = TUNING.pull_quote_words
        if len(words) >= size and any(
            f" {' '.join(part)} " in prose for part in (words[:size], words[-size:])
        ):  # its opening words, or its closing ones when the pull quote starts mid-sentence
            edges.drop("pull_quote", index)


EDGE_RULES = (
    pull_quotes,
    leading_stamps,
    trailing_stamps,
    short_lead_lines,
    copyright_notice,
    closing_lines,
    closing_notes,
    link_lists,
    section_labels,
    author_bio,
)
"""The edge rules in the order they run; each sees what the ones before it left."""


def trim(blocks: Sequence[Block], lexicon: Lexicon = EVERY) -> tuple[list[Block], list[str]]:
    """The body without trailing site sections and leading date/byline lines, and the bylines found
    (``lexicon``: the page language's words)."""
    edges = _Edges(
        out=list(blocks), texts=[block_text(block, style=RUNNING_TEXT) for block in blocks], lexicon=lexicon
    )
    for rule in EDGE_RULES:
        rule(edges)
    return [block for block in edges.out if block is not None], edges.bylines


def is_author_bio(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a short paragraph introduces the author ("Jane Doe is a staff writer at …")."""
    return len(text) <= TUNING.bio_text and lexicon.compile(_AUTHOR_BIO).match(text.strip()) is not None


def _all_emphasis(block: Paragraph) -> bool:
    return len(block.children) == 1 and isinstance(block.children[0], (Strong, Emphasis))


def _is_link_list(block: BulletList | OrderedList, text: str) -> bool:
    linked = sum(
        len(inline_text(link.children)) for _, inlines in _list_inlines(block) for link in _links(inlines)
    )
    return linked >= TUNING.linked_list * max(len(text), 1)


def _is_contact(block: Paragraph) -> bool:
    links = _links(block.children)
    return bool(links) and all(link.url.startswith(("mailto:", "tel:")) for link in links)


def _paragraph_link_share(block: Paragraph, text: str) -> float:
    return sum(len(inline_text(link.children)) for link in _links(block.children)) / max(len(text), 1)


def _list_inlines(block: BulletList | OrderedList) -> list[tuple[Block, tuple[Inline, ...]]]:
    found: list[tuple[Block, tuple[Inline, ...]]] = []
    for item in block.items:
        for inner in item:
            if isinstance(inner, (Paragraph, Heading)):
                found.append((inner, inner.children))
            elif isinstance(inner, (BulletList, OrderedList)):
                found.extend(_list_inlines(inner))
    return found


def _box_of(blocks: Sequence[Block | None], label: str) -> RelatedBox | None:
    links: list[RelatedLink] = []
    seen: set[str] = set()
    for block in blocks:
        if isinstance(block, RelatedBox):
            candidates = [(link.url or "", link.title) for link in block.links]
        elif isinstance(block, (Paragraph, Heading)):
            candidates = [(link.url, inline_text(link.children)) for link in _links(block.children)]
        elif isinstance(block, (BulletList, OrderedList)):
            candidates = [
                (link.url, inline_text(link.children))
                for _, inlines in _list_inlines(block)
                for link in _links(inlines)
            ]
        else:
            continue
        for url, title in candidates:
            if url and url not in seen and len(title.strip()) >= TUNING.box_title:
                seen.add(url)
                try:
                    links.append(RelatedLink(title=title, url=url, relation=Relation.READ_ALSO))
                except ModelError:
                    continue
    return RelatedBox(links=links, label=label) if links else None


def _links(nodes: Sequence[Inline]) -> list[Link]:
    found: list[Link] = []
    for node in nodes:
        if isinstance(node, Link):
            found.append(node)
        elif hasattr(node, "children"):
            found.extend(_links(node.children))
    return found
