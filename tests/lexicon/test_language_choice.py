"""The analysis reads the words of the article's language (and English's), every language's when
the article has none."""

from __future__ import annotations

import pytest

from broadsheet.analysis import enrich
from broadsheet.model import Article, Paragraph, RelatedBox, Text


def _types(language: str | None, text: str) -> list[type]:
    body = (Paragraph(children=(Text(text="Перший абзац."),)), Paragraph(children=(Text(text=text),)))
    article = enrich(Article(title="T", language=language, body=body))
    return [type(block) for block in article.body]


@pytest.mark.parametrize("language", ["ru", "ru-UA", None])
def test_a_russian_label_makes_a_box_in_russian_or_unknown_text(language: str | None) -> None:
    assert _types(language, "Читайте также: Запад проиграл войну санкций") == [Paragraph, RelatedBox]


def test_a_russian_label_quoted_in_a_german_article_stays_a_paragraph() -> None:
    assert _types("de", "Читайте также: Запад проиграл войну санкций") == [Paragraph, Paragraph]


def test_english_labels_hold_in_every_language() -> None:
    assert _types("de", "Read also: The talks that changed nothing") == [Paragraph, RelatedBox]


def test_speech_verbs_are_the_articles_languages() -> None:
    text = "«Ми не підемо на це», — заявив Сергій Лавров."
    body = (Paragraph(children=(Text(text=text),)),)
    ukrainian = enrich(Article(title="T", language="uk", body=body))
    english = enrich(Article(title="T", language="en", body=body))
    assert [quote.speaker.name for quote in ukrainian.quotes if quote.speaker] == ["Сергій Лавров"]
    # In an article said to be English, "заявив" is no verb of saying: a short quotation with no
    # attribution is not recognised (the declared language must be right; see docs/lexicon.md).
    assert english.quotes == ()
