"""A PDF prints its labels and dates in its article's language (CLDR's dates, the lexicon's
labels), read back with pypdf; an edition without a language speaks its articles'."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings

import attrs
import pytest
from pdf_checks import reader, text

import broadsheet
from broadsheet.errors import MissingGlyphsWarning
from broadsheet.formats._shared.wording import date_text
from local_words import ENGLISH_LABELS, SAMPLES, Sample, article, edition

_RIGHT_TO_LEFT = {"ar", "he"}

UKRAINIAN = Sample(
    "uk", "Заголовок", "Автор:", "Опубліковано", "Оновлено", "3 травня 2024\u00a0р., 14:05",
    "15 жовтня 2024\u00a0р., 09:30", "Джерело", "Іншими мовами", "Зміст", "Русский",
)  # fmt: skip


def _write(document: object) -> tuple[str, bool]:
    """The PDF's text with spaces made plain, and whether some characters had no font."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = broadsheet.write(document, "pdf")  # type: ignore[arg-type]
    missing = any(issubclass(w.category, MissingGlyphsWarning) for w in caught)
    return text(data).replace("\u00a0", " "), missing


def _plain(words: str) -> str:
    return words.replace("\u00a0", " ")


def _latin_and_digits(words: str) -> str:
    # What is left of words in a script no embedded font draws yet (another part of issue 12).
    return " ".join(re.sub(r"[^0-9A-Za-z:., ]", "", words).split()).strip(" ,")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.language)
def test_an_article_prints_its_own_words_and_dates(sample: Sample) -> None:
    extracted, missing = _write(attrs.evolve(article(sample), modified=None))
    flat = " ".join(extracted.split())
    for english in ENGLISH_LABELS:
        assert english not in flat.split(), f"{english!r} on a {sample.language} page: {flat}"
    if missing:
        # Japanese and Arabic glyphs are not embedded yet: what can be drawn must be in CLDR's order.
        assert _latin_and_digits(sample.date) in flat, flat
        pytest.xfail(f"no font for {sample.language} yet: the words themselves cannot be read back")
    if sample.language in _RIGHT_TO_LEFT:
        # Shaped right-to-left text extracts as presentation forms in visual order: NFKC gives the
        # letters back, and each label's words must be there (their order on the line is visual).
        words = set(unicodedata.normalize("NFKC", flat).replace(":", " ").split())
        for phrase in (sample.by, sample.source, sample.translations):
            assert set(phrase.replace(":", " ").split()) <= words, (phrase, flat)
        # The date's numbers are drawn right to left: day, year, time read from the right.
        numbers = re.findall(r"\d[\d:]*", flat)
        drawn = list(reversed(re.findall(r"\d[\d:]*", sample.date)))
        assert any(numbers[i : i + len(drawn)] == drawn for i in range(len(numbers))), flat
        return
    assert f"{sample.by} Anna Smith" in flat
    assert _plain(sample.date) in flat
    assert f"{sample.source}: AP" in flat
    assert f"{sample.translations}: {sample.russian}: Заголовок" in flat


@pytest.mark.parametrize("sample", [*SAMPLES[:3], UKRAINIAN], ids=lambda s: s.language)
def test_an_edition_without_a_language_speaks_its_articles(sample: Sample) -> None:
    extracted, _ = _write(edition(sample))
    lines = [" ".join(line.split()) for line in extracted.splitlines()]
    assert sample.contents in lines, lines[:20]
    assert "Contents" not in lines
    assert _plain(date_text(dt.date(2024, 5, 3), sample.language)) in lines, lines[:20]


def test_the_outline_and_running_heads_say_contents_in_the_editions_language() -> None:
    pdf = broadsheet.write(edition(UKRAINIAN), "pdf")
    titles = [item.title for item in reader(pdf).outline if not isinstance(item, list)]
    assert "Зміст" in titles and "Contents" not in titles, titles
