"""The words and dates writers print: CLDR's dates and language names, the lexicon's labels, one
language per document, and the document's language chosen in one place."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import tomllib
import unicodedata
from importlib import resources

import pytest

from broadsheet import lexicon
from broadsheet.formats._shared.wording import (
    DIGIT_ZERO,
    date_text,
    document_language,
    label,
    language_name,
    machine_datetime,
)
from broadsheet.model import Article, Edition, Paragraph, Section, Text

NBSP = "\u00a0"
MAY_3 = dt.date(2024, 5, 3)
OCTOBER_15 = dt.date(2024, 10, 15)


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("de", MAY_3, "3. Mai 2024"),
        ("de-AT", MAY_3, "3. Mai 2024"),
        ("es", OCTOBER_15, "15 de octubre de 2024"),
        ("uk", dt.date(2022, 1, 21), f"21 січня 2022{NBSP}р."),
        ("ru", MAY_3, f"3 мая 2024{NBSP}г."),
        ("cs", MAY_3, "3. května 2024"),
        ("no", MAY_3, "3. mai 2024"),
        ("nb", MAY_3, "3. mai 2024"),
        ("lt", MAY_3, "2024 m. gegužės 3 d."),
        ("ja", MAY_3, "2024年5月3日"),
        ("ko", MAY_3, "2024년 5월 3일"),
        ("zh", MAY_3, "2024年5月3日"),
        ("hi", MAY_3, "3 मई 2024"),
        ("ar", MAY_3, "3 مايو 2024"),
        ("he", MAY_3, "3 במאי 2024"),
        ("el", MAY_3, "3 Μαΐου 2024"),
        ("en", MAY_3, "May 3, 2024"),
        ("en-GB", MAY_3, "3 May 2024"),
        ("pt-BR", MAY_3, "3 de maio de 2024"),
        # Languages whose CLDR default numbering system is not Latin print their own digits.
        ("fa", MAY_3, "۳ مه ۲۰۲۴"),
        ("bn", MAY_3, "৩ মে, ২০২৪"),
        ("ar-EG", MAY_3, "٣ مايو ٢٠٢٤"),
        ("mr", MAY_3, "३ मे, २०२४"),
    ],
)
def test_a_date_is_written_as_cldr_writes_it(language: str, day: dt.date, expected: str) -> None:
    assert date_text(day, language, with_time=False) == expected


def test_every_default_numbering_system_in_cldr_has_its_digits() -> None:
    # A newer CLDR that makes another system a language's default fails here, not silently.
    from babel import Locale, localedata

    systems = {Locale.parse(tag).default_numbering_system for tag in localedata.locale_identifiers()}
    assert systems - {"latn"} <= set(DIGIT_ZERO)
    for tag in ("fa", "bn", "my", "dz", "ar-SA"):
        printed = date_text(dt.datetime(2024, 5, 3, 14, 5), tag)
        assert not any("0" <= char <= "9" for char in printed), (tag, printed)
        assert "".join(str(unicodedata.digit(char)) for char in printed if char.isdigit()).count("2024") == 1


@pytest.mark.parametrize("language", [None, "", "xx", "qaa", "not a tag", "-"])
def test_a_date_of_unknown_language_is_english(language: str | None) -> None:
    assert date_text(MAY_3, language) == "May 3, 2024"


def test_a_datetime_keeps_its_own_offset_and_cldr_glue() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=2))
    moment = dt.datetime(2022, 1, 21, 19, 30, 15, tzinfo=kyiv)
    assert date_text(moment, "uk") == f"21 січня 2022{NBSP}р., 19:30"
    assert date_text(moment, "de") == "21. Januar 2022, 19:30"
    assert date_text(moment, "cs") == "21. ledna 2022 19:30"
    assert date_text(moment, "en") == f"January 21, 2022, 7:30{NBSP}PM"
    assert date_text(moment, "uk", with_time=False) == f"21 січня 2022{NBSP}р."
    assert machine_datetime(moment) == "2022-01-21T19:30:15+02:00"


def test_the_process_time_zone_and_locale_are_not_consulted(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = dt.datetime(2024, 5, 3, 23, 45, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    before = date_text(moment, "de")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    time.tzset()
    try:
        assert date_text(moment, "de") == before == "3. Mai 2024, 23:45"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_no_narrow_no_break_space_reaches_a_page() -> None:
    # Not every embedded font draws U+202F, which CLDR puts in "7:30 PM" and "2022 р.".
    moment = dt.datetime(2022, 1, 21, 19, 30, tzinfo=dt.UTC)
    for language in ("en", "uk", "ru", "be", "fr", "ko", "ar", "th", "bn", "fa"):
        assert "\u202f" not in date_text(moment, language)


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("de", "Deutsch"),
        ("uk", "Українська"),
        ("es", "Español"),
        ("ja", "日本語"),
        ("ar", "العربية"),
        ("cs", "Čeština"),
        ("en", "English"),
        ("pt-BR", "Português (Brasil)"),
        ("xx", "xx"),
    ],
)
def test_a_translation_is_named_in_its_own_language(tag: str, name: str) -> None:
    assert language_name(tag) == name


@pytest.mark.parametrize(
    ("language", "published", "by", "contents"),
    [
        ("de", "Veröffentlicht", "Von", "Inhalt"),
        ("es", "Publicado", "Por", "Índice"),
        ("cs", "Publikováno", "Autor:", "Obsah"),
        ("nb", "Publisert", "Av", "Innhold"),
        ("lt", "Paskelbta", "Autorius:", "Turinys"),
        ("ja", "公開", "筆者：", "目次"),
        ("ko", "입력", "글", "목차"),
        ("hi", "प्रकाशित", "लेखक:", "विषय सूची"),
        ("ar", "نُشر", "بقلم", "المحتويات"),
        ("he", "פורסם", "מאת", "תוכן העניינים"),
        ("el", "Δημοσιεύθηκε", "Συντάκτης:", "Περιεχόμενα"),
        ("zh", "发布", "作者：", "目录"),
        ("th", "เผยแพร่", "โดย", "สารบัญ"),
        ("bn", "প্রকাশিত", "লেখক:", "সূচিপত্র"),
        ("uk-UA", "Опубліковано", "Автор:", "Зміст"),
        ("sw", "Published", "By", "Contents"),
        (None, "Published", "By", "Contents"),
    ],
)
def test_labels_in_the_documents_language(
    language: str | None, published: str, by: str, contents: str
) -> None:
    assert (label("published", language), label("by", language), label("contents", language)) == (
        published,
        by,
        contents,
    )


def _labels(tag: str) -> dict[str, object]:
    text = resources.files("broadsheet.lexicon").joinpath("data", f"{tag}.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text).get("labels", {})
    assert isinstance(table, dict)
    return table


def _keys_of(tag: str) -> set[str]:
    return set(_labels(tag))


def _every_label_key() -> set[str]:
    return _keys_of(lexicon.ENGLISH)


LABELLED = [tag for tag in lexicon.available() if _keys_of(tag)]


def test_the_languages_the_writers_speak() -> None:
    wanted = {
        "en",
        "uk",
        "ru",
        "de",
        "es",
        "fr",
        "pl",
        "cs",
        "no",
        "lt",
        "ja",
        "ko",
        "hi",
        "ar",
        "he",
        "el",
        "it",
        "pt",
    }
    assert wanted | {"zh", "th", "bn", "be"} <= set(LABELLED)


@pytest.mark.parametrize("tag", LABELLED)
def test_a_language_with_labels_has_every_label(tag: str) -> None:
    missing = sorted(_every_label_key() - _keys_of(tag))
    assert not missing, f"{tag}.toml [labels] lacks {missing}: its documents would print English labels"
    assert lexicon.label_language(tag) == tag


def test_a_partial_table_falls_back_to_english_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file with only some labels gives none of them: a document never mixes two languages.
    real = lexicon._table

    def partial(tag: str) -> dict[str, tuple[str, ...]]:
        table = dict(real(tag))
        if tag == "ar":
            del table["labels.published"]
        return table

    monkeypatch.setattr(lexicon, "_table", partial)
    lexicon.label_language.cache_clear()
    try:
        assert lexicon.label_language("ar") == "en"
        assert (label("by", "ar"), label("published", "ar")) == ("By", "Published")
    finally:
        monkeypatch.undo()
        lexicon.label_language.cache_clear()
    assert (label("by", "ar"), label("published", "ar")) == ("بقلم", "نُشر")


def _article(language: str | None, title: str = "T") -> Article:
    return Article(title=title, language=language, body=(Paragraph(children=(Text(text="x"),)),))


@pytest.mark.parametrize(
    ("edition_language", "articles", "expected"),
    [
        ("de", ("uk", "uk"), "de"),
        (None, ("uk", "uk", "en"), "uk"),
        (None, ("uk-UA", "uk", "uk-UA", "ru"), "uk-UA"),
        (None, ("pt-BR", "pt-PT", "pt-BR", "es"), "pt-BR"),
        (None, ("uk", "ru"), None),  # a tie: English words, as without any language
        (None, ("uk", None, None), "uk"),
        (None, (None, None), None),
    ],
)
def test_an_editions_language_defaults_to_its_articles(
    edition_language: str | None, articles: tuple[str | None, ...], expected: str | None
) -> None:
    edition = Edition(
        title="E",
        language=edition_language,
        sections=(Section(articles=tuple(_article(a, str(i)) for i, a in enumerate(articles))),),
    )
    assert document_language(edition) == expected
    assert document_language(_article("cs")) == "cs"


def test_babel_is_not_loaded_by_importing_the_writers() -> None:
    code = (
        "import sys, broadsheet.formats.pdf.writer, broadsheet.formats.epub.book, "
        "broadsheet.formats.html_page.page, broadsheet.formats._shared.wording; "
        "print('babel' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
