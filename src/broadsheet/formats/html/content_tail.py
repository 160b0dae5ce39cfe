"""Trim the edges of an extracted body: the site's own sections that follow a story inside its
container ("More on this topic", "About the author", "Comments"), and date and byline lines left
above the first paragraph.

A section label in the second half of the body ends the story; the links of what follows are kept
as a read-also box under that label.  Earlier, the label alone is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.errors import ModelError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text, inline_text
from broadsheet.formats.html.content_chrome import READ_ALSO_LABEL
from broadsheet.formats.html.content_score import DENSE_SCRIPT
from broadsheet.formats.html.tuning import TUNING
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
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Strong,
)

_SECTION_LABEL = re.compile(
    r"\s*(?:about the authors?|more information|more info|related topics|more stories|top stories"
    r"|most (?:read|popular|viewed)(?: (?:in|on|from) .{1,30})?|editor'?s'? picks|latest on"
    r"|next (?:article|story)|nächster artikel|article suivant|siguiente artículo|prossimo articolo"
    r"|następny artykuł|ähnliche(?: artikel| themen)?|similar (?:articles|stories)|(?:\d+ )?comments?|(?:show |view |load )?comments|comments? \(\d+\)|share this(?: article| story)?"
    r"|más información|más info|sobre (?:la firma|el autor|la autora)|über (?:den autor|die autorin)"
    r"|zur person|mehr aus .{1,40}|weitere themen|meistgelesen|meist gelesen|(?:\d+ )?kommentare|empfehlungen"
    r"|à propos de l'auteur|l'auteur|sur le même thème|plus d'infos|об авторе|про автора|комментарии"
    r"|коментарі|популярное|популярне|новости партнеров|новини партнерів|trending|recommended(?: for you)?"
    r"|das könnte sie (?:auch )?interessieren|you (?:may|might) also like|more from .{1,40}|auch interessant"
    r"|weitere artikel|(?:le|te) puede interesar|potrebbe interessarti|вас може зацікавити"
    r"|вас может заинтересовать|vous aimerez aussi|à lire également sur .{1,40}"
    r")\W*$",
    re.IGNORECASE,
)
_BY_LINE = re.compile(
    r"\s*(?:by|von|par|por|di|door|av|af|przez|от|від|автор|авторка|автори)\b[\s:]", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_NAME = r"[A-ZÀ-ÞĀ-Ž][\w'’.-]+(?:\s+[A-ZÀ-ÞĀ-Ž][\w'’.-]+){1,3}"
_AUTHOR_BIO = re.compile(
    rf"(?:{_NAME}\s+is\s+(?:a|an|the)\s+[^.]{{0,80}}?\b(?:writer|reporter|correspondent|editor|journalist"
    r"|columnist|contributor|author|staff|professor|fellow|researcher|producer)"
    rf"|{_NAME}\s+ist\s+[^.]{{0,60}}?(?i:journalist|autor|redakteur|korrespondent|reporter|kolumnist)"
    rf"|{_NAME}\s+est\s+[^.]{{0,60}}?(?i:journaliste|correspondant|rédact|chroniqueu)"
    rf"|{_NAME}\s+es\s+[^.]{{0,60}}?(?i:periodista|corresponsal|redactor|columnista)"
    r"|(?i:the author|der autor|die autorin|l'auteur|l’auteur|el autor|la autora)\s+(?:is|ist|est|es)\b)",
)
"""An author's bio under the story, in English, German, French or Spanish."""
_RELATIVE_TIME = re.compile(
    r"\d+\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\s+ago|vor\s+\d+\s+(?:stunden|minuten|tagen)"
    r"|\d+\s+(?:годин|хвилин|часов|часа|минут)\w*\s+(?:тому|назад)|il y a \d+|hace \d+",
    re.IGNORECASE,
)
_CLOCK_FIRST = re.compile(r"\s*\d{1,2}[:.]\d{2}(?!\d)(?:\s*(?:uhr|h|am|pm))?\s*\S")


def is_section_label(text: str) -> bool:
    """Whether ``text`` is nothing but the label of the site's material after a story."""
    return len(text) <= 60 and _SECTION_LABEL.match(text) is not None


def is_box_label(text: str) -> bool:
    """Whether ``text`` is nothing but a read-also label ("Читайте також:")."""
    match = READ_ALSO_LABEL.match(text[:80])
    return match is not None and not text[match.end() :].strip(" :.-–—»>|")


def word_count(text: str) -> int:
    """Words in ``text``; in scripts written without spaces, about one per two characters."""
    words = len(text.split())
    if text.isascii():
        return words
    return max(words, len(DENSE_SCRIPT.findall(text)) // 2)


def looks_like_dateline(text: str) -> bool:
    """Whether a short text is a date or time stamp ("Stand: 22.04.2024, 06:00 Uhr")."""
    if len(text) > 80:
        return False
    if len(text) < 50 and (_RELATIVE_TIME.search(text) or _CLOCK_FIRST.match(text)):
        return True  # "5 hours ago", "vor 2 Stunden", "19:55 Jane Doe" in a live blog
    if len(_DIGIT.findall(text)) < 4:
        return False
    letters = len(_LETTER.findall(text))
    return letters <= 0.5 * len(text.replace(" ", ""))


def looks_like_byline(text: str) -> bool:
    """Whether a short text is a byline ("By Jane Doe", "Von Max Muster")."""
    return len(text.split()) <= 12 and _BY_LINE.match(text) is not None


def trim(blocks: Sequence[Block]) -> tuple[list[Block], list[str]]:
    """The body without trailing site sections and leading date/byline lines, and the bylines found."""
    texts = [block_text(block, style=RUNNING_TEXT) for block in blocks]
    out: list[Block | None] = list(blocks)
    bylines: list[str] = []
    # Lines above the first real paragraph: dates and bylines.
    start = 0
    while start < len(out) and word_count(texts[start]) < TUNING.prose_words:
        text = texts[start].strip()
        if isinstance(out[start], Paragraph) and looks_like_byline(text):
            bylines.append(text)
            out[start] = None
        elif isinstance(out[start], Paragraph) and looks_like_dateline(text):
            out[start] = None
        start += 1
    # ... and date stamps after the last one ("Stand: 22.04.2024, 06:00 Uhr").
    # ... and date stamps and lists after the last one: the site's lists of other stories,
    # sources and tags, not the story.
    end = len(out) - 1
    while end > start and (word_count(texts[end]) < TUNING.last_words or not isinstance(out[end], Paragraph)):
        block = out[end]
        if isinstance(block, Paragraph) and looks_like_dateline(texts[end].strip()):
            out[end] = None
        elif isinstance(block, (BulletList, OrderedList)) and texts[end].strip():
            out[end] = _box_of([block], "")
        end -= 1
    # Around the story's long paragraphs, short lines are the site's: labels and bylines above,
    # sign-offs, credits and bold prompts below.
    if any(isinstance(b, Paragraph) and word_count(texts[i]) >= TUNING.long_words for i, b in enumerate(out)):
        for index, block in enumerate(out):
            if isinstance(block, Paragraph):
                if word_count(texts[index]) >= TUNING.short_words:
                    break
                out[index] = None
        for index in range(len(out) - 1, -1, -1):
            block = out[index]
            if isinstance(block, Paragraph):
                if word_count(texts[index]) >= TUNING.short_words and not _all_emphasis(block):
                    break
                out[index] = None
        # Below the last long paragraph, a paragraph set wholly in bold or italics is a note of
        # the site's ("Read our live blog", "The author is …"), not the story.
        last_long = max(
            (
                i
                for i, b in enumerate(out)
                if isinstance(b, Paragraph) and word_count(texts[i]) >= TUNING.long_words
            ),
            default=len(out),
        )
        for index in range(last_long + 1, len(out)):
            block = out[index]
            if isinstance(block, Paragraph) and _all_emphasis(block):
                out[index] = None
    # Lists that are mostly links inside the text are boxes of other stories.
    for index, block in enumerate(out):
        if (
            isinstance(block, (BulletList, OrderedList))
            and _link_share(block, texts[index]) >= TUNING.linked_list
        ):
            out[index] = _box_of([block], "")
    total = sum(len(text) for text in texts) or 1
    seen = 0
    for index, block in enumerate(out):
        if block is None:
            continue
        text = texts[index].strip()
        if isinstance(block, (Paragraph, Heading)) and is_section_label(text):
            if seen >= TUNING.section_end_share * total:
                kept = [b for b in out[:index] if b is not None]
                box = _box_of(out[index + 1 :], text.rstrip(" :"))
                return [*_without_bio(kept), *([box] if box else [])], bylines
            out[index] = None
        elif isinstance(block, (Paragraph, Heading)) and is_box_label(text):
            # A label printed apart from its links names the box that follows.
            following = out[index + 1] if index + 1 < len(out) else None
            if isinstance(following, RelatedBox) and following.label is None:
                out[index + 1] = RelatedBox(links=following.links, label=text.rstrip(" :"))
            out[index] = None
        seen += len(texts[index])
    return _without_bio([block for block in out if block is not None]), bylines


def _without_bio(blocks: list[Block]) -> list[Block]:
    # The author's bio signs the story off, below its last paragraph.
    end = len(blocks)
    while end > 1:
        block = blocks[end - 1]
        if isinstance(block, Paragraph) and is_author_bio(inline_text(block.children)):
            del blocks[end - 1]
        elif not isinstance(block, (Figure, Embed, RelatedBox, Separator)):
            break
        end -= 1
    return blocks


def is_author_bio(text: str) -> bool:
    """Whether a short paragraph introduces the author ("Jane Doe is a staff writer at …")."""
    return len(text) <= TUNING.bio_text and _AUTHOR_BIO.match(text.strip()) is not None


def _all_emphasis(block: Paragraph) -> bool:
    return len(block.children) == 1 and isinstance(block.children[0], (Strong, Emphasis))


def _link_share(block: BulletList | OrderedList, text: str) -> float:
    linked = sum(
        len(inline_text(link.children)) for _, inlines in _list_inlines(block) for link in _links(inlines)
    )
    return linked / max(len(text), 1)


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
