"""Flattening a paragraph's inlines to one string and splicing new nodes back into ranges of it."""

from __future__ import annotations

from broadsheet.analysis.inline_text import FlatInlines, block_words, inline_words, reading_text
from broadsheet.formats._shared.plain_text import OPAQUE
from broadsheet.model import (
    Emphasis,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    Paragraph,
    Person,
    Quote,
    RelatedBox,
    RelatedLink,
    Text,
)

QUOTE = InlineQuote(quote=Quote(text="так", speaker=Person(name="Ann")))
CHILDREN = (
    Text(text="ab «cd» "),
    Link(url="https://example.org/", children=(Text(text="ef"),)),
    Text(text=" gh"),
    LineBreak(),
    QUOTE,
)


def test_flat_text_and_pieces() -> None:
    flat = FlatInlines(CHILDREN)
    assert flat.text == f"ab «cd» ef gh\n{OPAQUE}"
    assert [(piece.start, piece.end) for piece in flat.pieces] == [
        (0, 8),
        (8, 10),
        (10, 13),
        (13, 14),
        (14, 15),
    ]


def test_cuts_split_text_but_not_other_nodes() -> None:
    flat = FlatInlines(CHILDREN)
    assert flat.can_cut(3) and flat.can_cut(8) and not flat.can_cut(9)
    assert flat.widen(9, 12) == (8, 12)
    assert flat.only_text(3, 7) and not flat.only_text(3, 9)


def test_covered_cuts_texts_at_the_ends() -> None:
    flat = FlatInlines(CHILDREN)
    assert flat.covered(3, 12) == (Text(text="«cd» "), CHILDREN[1], Text(text=" g"))


def test_splice_replaces_ranges_and_keeps_the_rest() -> None:
    flat = FlatInlines(CHILDREN)
    quote = InlineQuote(quote=Quote(text="cd"))
    mention = Mention(link=RelatedLink(title="ef"), children=flat.covered(8, 10))
    spliced = flat.splice([(3, 7, quote), (8, 10, mention)])
    assert spliced == (Text(text="ab "), quote, Text(text=" "), mention, Text(text=" gh"), LineBreak(), QUOTE)
    assert inline_words(spliced) == inline_words(CHILDREN)


def test_splice_without_ranges_returns_the_same_tuple() -> None:
    flat = FlatInlines(CHILDREN)
    assert flat.splice([]) is flat.children


def test_a_range_across_emphasis_holds_it_whole() -> None:
    children = (Text(text="x «a"), Emphasis(children=(Text(text="b"),)), Text(text="c» y"))
    flat = FlatInlines(children)
    assert flat.covered(2, 7) == (Text(text="«a"), children[1], Text(text="c»"))
    assert not flat.only_text(2, 7)


def test_words_and_reading_text() -> None:
    assert inline_words(CHILDREN) == ["ab", "cd", "ef", "gh", "так"]
    assert reading_text(CHILDREN) == "ab «cd» ef gh\n\nтак\n"
    box = RelatedBox(label="Читайте також", links=(RelatedLink(title="Назва статті"),))
    assert block_words(box) == ["Читайте", "також", "Назва", "статті"]
    assert block_words(Paragraph(children=CHILDREN)) == inline_words(CHILDREN)
