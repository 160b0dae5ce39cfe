"""The model's nesting bound: the deepest body it accepts, every writer writes and its reader reads back."""

from __future__ import annotations

import warnings

import pytest

import broadsheet
from broadsheet.errors import ModelError
from broadsheet.model import Article, BulletList, Emphasis, Inline, Paragraph, Strong, Text
from broadsheet.model.nesting import MAX_NESTING


def _deep(lists: int, inlines: int) -> Article:
    inline: Inline = Text(text="bottom")
    for level in range(inlines):
        inline = (Emphasis if level % 2 else Strong)(children=(inline,))
    block: object = Paragraph(children=(inline,))
    for _ in range(lists):
        block = BulletList(items=((block,),))
    return Article(title="Deep", body=(block,))  # type: ignore[arg-type]


@pytest.mark.parametrize("lists", [0, MAX_NESTING // 2, MAX_NESTING - 2])
@pytest.mark.parametrize("fmt", ["json", "ninjs", "newsml"])  # HTML is read by heuristics
def test_the_deepest_body_round_trips(fmt: str, lists: int) -> None:
    article = _deep(lists, MAX_NESTING - 2 - lists)  # the paragraph and the text are levels too
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = broadsheet.read(broadsheet.write(article, fmt), format=fmt)
    assert "bottom" in repr(back.body)


def test_one_level_more_is_refused_by_the_model() -> None:
    with pytest.raises(ModelError, match="nests more than 64 levels"):
        _deep(MAX_NESTING - 1, 0)
    with pytest.raises(ModelError, match="nested more than 64 levels"):
        _deep(0, MAX_NESTING + 1)
