"""Articles in German, Spanish, Czech, Japanese and Arabic with a byline, dates, a source and a
translation, and the words each must print: the writers' tests of local labels and dates share
them (tests/formats/{epub,pdf,html_page}/test_*_labels.py)."""

from __future__ import annotations

import datetime as dt

import attrs

from broadsheet.model import Article, Edition, Paragraph, Person, Source, Text, Translation

PUBLISHED = dt.datetime(2024, 5, 3, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
UPDATED = dt.datetime(2024, 10, 15, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))

ENGLISH_LABELS = ("By", "Published", "Updated", "Source", "Also in", "Contents", "English")
"""Words that must not appear on a page of another language (the sample texts hold none)."""


@attrs.frozen
class Sample:
    language: str
    title: str
    by: str
    published: str
    updated: str
    date: str
    """The published date as the dateline prints it (CLDR's long date and short time)."""
    updated_date: str
    source: str
    translations: str
    contents: str
    russian: str
    """The name of the Russian translation, in Russian (CLDR)."""


SAMPLES = (
    Sample(
        "de", "Ein Titel", "Von", "Veröffentlicht", "Aktualisiert", "3. Mai 2024, 14:05",
        "15. Oktober 2024, 09:30", "Quelle", "Auch auf", "Inhalt", "Русский",
    ),
    Sample(
        "es", "Un título", "Por", "Publicado", "Actualizado", "3 de mayo de 2024, 14:05",
        "15 de octubre de 2024, 9:30", "Fuente", "También en", "Índice", "Русский",
    ),
    Sample(
        "cs", "Titulek", "Autor:", "Publikováno", "Aktualizováno", "3. května 2024 14:05",
        "15. října 2024 9:30", "Zdroj", "V dalších jazycích", "Obsah", "Русский",
    ),
    Sample(
        "ja", "見出し", "筆者：", "公開", "更新", "2024年5月3日 14:05",
        "2024年10月15日 9:30", "出典", "他の言語で", "目次", "Русский",
    ),
    Sample(
        "ar", "عنوان", "بقلم", "نُشر", "تحديث", "3 مايو 2024، 2:05 م",
        "15 أكتوبر 2024، 9:30 ص", "المصدر", "بلغات أخرى", "المحتويات", "Русский",
    ),
)  # fmt: skip


def article(sample: Sample) -> Article:
    """A short article in ``sample``'s language with every part that prints a label or a date."""
    return Article(
        title=sample.title,
        language=sample.language,
        url=f"https://example.com/{sample.language}/1",
        authors=(Person(name="Anna Smith"),),
        published=PUBLISHED,
        modified=UPDATED,
        source=Source(name="AP"),
        body=(Paragraph(children=(Text(text="Text text."),)),),
        translations=(Translation(language="ru", url="https://example.com/ru/1", title="Заголовок"),),
    )


def edition(sample: Sample, count: int = 2) -> Edition:
    """An edition that names no language, of ``count`` articles in ``sample``'s."""
    articles = tuple(
        attrs.evolve(article(sample), title=f"{sample.title} {n}", url=f"https://example.com/{n}")
        for n in range(count)
    )
    return Edition.of("Edition", articles, date=dt.date(2024, 5, 3))
