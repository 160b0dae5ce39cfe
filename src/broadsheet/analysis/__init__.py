"""Language-level recognisers on the article model: quotes and speakers, related articles, source credits.

:func:`enrich` finds, in an article's text, what markup rarely says: direct
quotations with their speakers, read-also paragraphs, other articles named
in the prose with their authors, and the agency the story is credited to.
It works on model objects only, so every reader can call it::

    from broadsheet.analysis import enrich
    article = enrich(article)

It never loses or changes a word of the text, and enriching twice gives
what enriching once gave. The rules are in docs/analysis.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from broadsheet.analysis import credits, quotes, related, speech
from broadsheet.analysis.inline_text import FlatInlines, block_words, flat_text, inline_words, reading_text
from broadsheet.analysis.people import People
from broadsheet.errors import ModelError
from broadsheet.lexicon import Lexicon, for_language
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Emphasis,
    Heading,
    Inline,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Source,
    Strong,
    collect,
    rebuild,
)

__all__ = ["enrich"]


def enrich(article: Article) -> Article:
    """``article`` with quotes, speakers, read-also boxes, mentions and its source credit recognised.

    Returns a new article (or ``article`` itself when nothing was found).
    Existing inline quotes, mentions and a source already set are kept.
    """
    people = People(_texts(article))
    blocks: list[Block] = []
    lead_in: str | None = None  # the previous paragraph, which may introduce a quotation ("…заявив:")
    try:
        words = for_language(article.language)
        for block in (_top_level(block, words) for block in article.body):
            if isinstance(block, Paragraph):
                block = _paragraph(block, people, words, lead_in)
                lead_in = _flat(block.children)
            elif isinstance(block, QuoteBlock):
                block = _introduced(block, people, words, lead_in)
                lead_in = None
            else:
                block = rebuild(
                    block,
                    lambda node: _paragraph(node, people, words) if isinstance(node, Paragraph) else node,
                )
                lead_in = None
            blocks.append(block)
    except ModelError:
        return article  # nested too deep to walk: leave it as the reader made it
    body = tuple(blocks)
    source = article.source
    if source is None:
        name = credits.find_credit(
            article.dateline, article.lead, _opening_texts(body), _last_text(body), people, words
        )
        if name is not None:
            source = Source(name=name)
    if source is article.source and all(new is old for new, old in zip(body, article.body, strict=True)):
        return article
    return attrs.evolve(article, body=body, source=source)


def _top_level(block: Block, words: Lexicon) -> Block:
    if not isinstance(block, Paragraph):
        return block
    box = related.read_also(block, words)
    if box is None or block_words(box) != block_words(block):
        return block
    return box


def _paragraph(paragraph: Paragraph, people: People, words: Lexicon, lead_in: str | None = None) -> Paragraph:
    children = _inlines(paragraph.children, people, words, lead_in, 0)
    if children is paragraph.children:
        return paragraph
    if inline_words(children) != inline_words(paragraph.children):
        return paragraph  # a guard: recognition must never lose or reorder a word
    return Paragraph(children=children)


_STYLED_DEPTH = 3
"""How deep inside emphasis quotes and mentions are still looked for (a wholly italic paragraph)."""


def _inlines(
    children: tuple[Inline, ...], people: People, words: Lexicon, lead_in: str | None, depth: int
) -> tuple[Inline, ...]:
    """``children`` with mentions and quotes recognised, inside emphasis first and then around it."""
    if depth < _STYLED_DEPTH and any(isinstance(child, (Emphasis, Strong)) for child in children):
        styled = tuple(
            attrs.evolve(child, children=_inlines(child.children, people, words, None, depth + 1))
            if isinstance(child, (Emphasis, Strong))
            else child
            for child in children
        )
        if any(new is not old for new, old in zip(styled, children, strict=True)):
            children = styled
    flat = FlatInlines(children)
    found = related.mentions(flat)
    if found:
        children = flat.splice(found)
        flat = FlatInlines(children)
    found_quotes = quotes.recognise(flat, people, lead_in, words)
    if found_quotes:
        children = flat.splice(found_quotes)
    return children


def _introduced(block: QuoteBlock, people: People, words: Lexicon, lead_in: str | None) -> QuoteBlock:
    """A block quotation without a speaker, introduced by the paragraph before ("Блінкен заявив:")."""
    if block.quote.speaker is not None or not lead_in:
        return block
    introduced = lead_in.rstrip()
    found = speech.before(introduced, 0, len(introduced), people, words)
    if found is None or not found[1] or found[0].speaker is None:
        return block
    return QuoteBlock(quote=attrs.evolve(block.quote, speaker=Person(name=found[0].speaker)))


def _texts(article: Article) -> Iterator[str]:
    """Every text of the article where people may be named, one string per paragraph."""
    yield article.title
    for field in (article.subtitle, article.lead):
        if field:
            yield field
    yield from collect(article.body, _block_text)


def _block_text(node: Any) -> list[str]:
    if isinstance(node, (Paragraph, Heading)):
        return [reading_text(node.children)]
    if isinstance(node, Quote):
        return [node.text]
    if isinstance(node, RelatedLink):
        return [node.title]
    return []


def _opening_texts(body: tuple[Block, ...]) -> Iterator[str]:
    for block in body:
        if isinstance(block, Paragraph):
            yield _flat(block.children)


def _last_text(body: tuple[Block, ...]) -> str | None:
    for block in reversed(body):
        if isinstance(block, Paragraph):
            return _flat(block.children)
        if not isinstance(block, (RelatedBox, QuoteBlock, BulletList, OrderedList)):
            return None
    return None


def _flat(children: tuple[Inline, ...]) -> str:
    return "".join(flat_text(child) for child in children)
