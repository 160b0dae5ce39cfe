"""The HTML page prints its labels and dates in its article's language (CLDR's dates, the
lexicon's labels); a site of an edition without a language speaks its articles'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

import broadsheet
from broadsheet.formats._shared.wording import date_text, label
from broadsheet.formats.html_page import write_site
from local_words import ENGLISH_LABELS, SAMPLES, Sample, article, edition


def _text(data: bytes) -> str:
    body = lxml.html.fromstring(data).find("body")
    return " ".join(" ".join(body.itertext()).split())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.language)
def test_a_page_prints_its_own_words_and_dates(sample: Sample) -> None:
    page = broadsheet.write(article(sample), "html")
    text = _text(page)
    assert f"{sample.by} Anna Smith" in text
    assert f"{sample.published} {sample.date}" in text
    assert f"{sample.updated} {sample.updated_date}" in text
    assert f"{sample.source}: AP" in text
    assert f"{sample.translations} {sample.russian}: Заголовок" in text
    for english in ENGLISH_LABELS:
        assert english not in text.split(), english


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.language)
def test_a_site_without_a_language_speaks_its_articles(sample: Sample, tmp_path: Path) -> None:
    write_site(edition(sample), tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_bytes()
    root = lxml.html.fromstring(index)
    assert root.get("lang") == sample.language
    assert date_text(dt.date(2024, 5, 3), sample.language) in _text(index)
    page = next(p for p in (tmp_path / "site").glob("*.html") if p.name != "index.html")
    assert label("all_articles", sample.language) in _text(page.read_bytes())
