"""An EPUB chapter prints its labels and dates in its article's language (CLDR's dates, the
lexicon's labels), and an edition without a language speaks its articles'."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from lxml import etree

import broadsheet
from broadsheet.formats._shared.wording import date_text
from local_words import ENGLISH_LABELS, SAMPLES, Sample, article, edition

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/ops/2007/ops"}


def _files(document: object) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(broadsheet.write(document, "epub"))) as book:  # type: ignore[arg-type]
        return {name: book.read(name) for name in book.namelist()}


def _text(data: bytes) -> str:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return " ".join("".join(root.find("x:body", NS).itertext()).split())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.language)
def test_a_chapter_prints_its_own_words_and_dates(sample: Sample) -> None:
    text = _text(_files(article(sample))["EPUB/article-001.xhtml"])
    assert f"{sample.by} Anna Smith" in text
    assert f"{sample.published} {sample.date}" in text
    assert f"{sample.updated} {sample.updated_date}" in text
    assert f"{sample.source}: AP" in text
    assert sample.translations in text
    assert f"{sample.russian}: Заголовок" in text
    for english in ENGLISH_LABELS:
        assert english not in text.split(), english


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.language)
def test_an_edition_without_a_language_speaks_its_articles(sample: Sample) -> None:
    files = _files(edition(sample))
    nav = _text(files["EPUB/nav.xhtml"])
    assert nav.startswith(sample.contents), nav
    masthead = _text(files["EPUB/contents.xhtml"])
    assert sample.contents in masthead
    assert date_text(dt.date(2024, 5, 3), sample.language, with_time=False) in masthead
    assert not set(ENGLISH_LABELS) & set(masthead.split()), masthead
    opf = files["EPUB/content.opf"].decode()
    assert f"<dc:language>{sample.language}</dc:language>" in opf
