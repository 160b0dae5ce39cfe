"""Whole journeys through several formats: a story keeps what each format can carry."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import broadsheet
from broadsheet.model import Article, Edition

DATA = Path(__file__).resolve().parent / "data"
PAGE = DATA / "html" / "zn_blinken_uk.html"


@pytest.fixture(scope="module")
def story() -> Article:
    return broadsheet.read(PAGE)


def test_the_seed_page_reads_into_a_complete_article(story: Article) -> None:
    assert story.language == "uk-UA"  # inLanguage "uk", og:locale "uk_UA": the region is kept
    assert story.source is not None and story.source.name == "Інтерфакс-Україна"
    assert story.published is not None and story.published.utcoffset() is not None
    assert [q.speaker.name for q in story.quotes if q.speaker] == ["Ентоні Блінкен"]
    authors = [person.name for link in story.related for person in link.authors]
    assert authors == ["Сергій Корсунський", "Олексій Іжак", "Олександр Хара"]
    assert [t.language for t in story.translations] == ["ru"]


def test_html_to_newsml_to_broadsheet_to_epub_loses_nothing(story: Article) -> None:
    through_newsml = broadsheet.read(broadsheet.write(story, "newsml"), "newsml")
    assert through_newsml == story
    assert broadsheet.write(through_newsml, "epub") == broadsheet.write(story, "epub")


def test_html_to_ninjs_and_back_keeps_all_but_author_roles(story: Article) -> None:
    back = broadsheet.read(broadsheet.write(story, "ninjs"), "ninjs")
    no_roles = attrs.evolve(story, authors=tuple(attrs.evolve(p, role=None) for p in story.authors))
    assert back == no_roles


def test_json_is_the_identity_for_any_journey(story: Article) -> None:
    for fmt in ("json", "newsml"):
        data = broadsheet.write(story, fmt)
        again = broadsheet.read(data)  # format told from the content
        assert again == story, fmt


def test_an_edition_of_pages_in_every_format(tmp_path: Path, story: Article) -> None:
    other = broadsheet.read(DATA / "html" / "zn_blinken_ru.html")
    edition = Edition.of("Ранковий випуск", [story, other], language="uk")
    for fmt in ("json", "newsml"):
        assert broadsheet.read_edition(broadsheet.write(edition, fmt), fmt) == edition
    for fmt in ("epub", "pdf", "markdown", "text"):
        path = tmp_path / f"edition.{fmt}"
        broadsheet.write_file(edition, path, fmt)
        assert path.stat().st_size > 0
