"""Editions: cover, contents whose page numbers match the outline, clickable internal links."""

from __future__ import annotations

import re

import attrs
import pytest
from pdf_checks import annotations, lines, outline, reader, strict, text
from pdf_seed import edition, seed_article

import broadsheet
from broadsheet.model import Edition, Link, Paragraph, Text
from seed_story import story_paragraphs


@pytest.fixture(scope="module")
def fifty() -> bytes:
    return broadsheet.write(edition(50), "pdf", columns=2)


def _contents(data: bytes) -> dict[str, int]:
    """Entry title (its first words) → page number, read from the contents pages by position."""
    pdf = reader(data)
    found: dict[str, int] = {}
    for page in pdf.pages[1:6]:
        for line in lines(page):
            match = re.fullmatch(r"(\d+\. США|Розділ \d+)\b.*?(?:\s*\.)+\s+(\d+)", line)
            if match:
                found[match.group(1)] = int(match.group(2))
    return found


def test_contents_page_numbers_match_the_outline(fifty: bytes) -> None:
    contents = _contents(fifty)
    entries = outline(fifty)
    assert entries[0][1] == "Зміст"
    sections = [(title, page) for level, title, page in entries if level == 0 and title.startswith("Розділ")]
    articles = [(title, page) for level, title, page in entries if level == 1]
    assert len(sections) == 5 and len(articles) == 50
    assert len(contents) == 55, sorted(contents)
    for title, page in sections:
        assert contents[title] == page, title
    for title, page in articles:
        key = title.split(" ", 2)[0] + " США"
        assert contents[key] == page, title


def test_outline_points_at_the_page_with_the_headline(fifty: bytes) -> None:
    pdf = reader(fifty)
    for _, title, page in outline(fifty)[::7]:
        assert title.split(" ", 1)[0] in pdf.pages[page - 1].extract_text(), (title, page)


def test_cover_then_contents_then_articles(fifty: bytes) -> None:
    pdf = reader(fifty)
    cover = pdf.pages[0].extract_text()
    assert "ZN.ua" in cover and "Ранковий випуск" in cover and "22 січня 2022" in cover
    assert pdf.pages[1].extract_text().startswith("Зміст")
    assert len(pdf.pages) >= 53
    metadata = pdf.metadata
    assert metadata is not None and metadata.title == "Ранковий випуск" and metadata.author == "ZN.ua"
    assert pdf.trailer["/Root"]["/Lang"] == "uk"


def test_contents_entries_are_links_to_their_pages(fifty: bytes) -> None:
    internal = [(page, a) for page, a in annotations(fifty) if "/Dest" in a and page in (2, 3)]
    assert len(internal) >= 55


def test_running_heads_and_page_numbers(fifty: bytes) -> None:
    pdf = reader(fifty)
    second_contents_page = lines(pdf.pages[2])
    assert second_contents_page[0] == "Ранковий випуск Зміст"
    first_article_page = lines(pdf.pages[3])
    assert first_article_page[0] == "Розділ 1"  # no running head above a headline
    numbers = [lines(pdf.pages[index])[-1] for index in range(1, 10)]
    assert numbers == [str(n) for n in range(2, 11)]
    assert lines(pdf.pages[0])[-1] != "1"  # the cover has none


def test_a_long_article_has_its_title_as_running_head() -> None:
    data = broadsheet.write(seed_article(), "pdf", font_size=13)
    pdf = reader(data)
    assert len(pdf.pages) >= 2
    head = lines(pdf.pages[1])[0]
    assert head.startswith("ZN.ua США не обговорюватимуть"), head


def test_links_between_articles_of_an_edition_stay_inside_the_pdf() -> None:
    ed = edition(3, sections=1)
    first, second, third = ed.articles
    pointer = Paragraph(
        children=[Text(text="See "), Link(url=first.url, children=[Text(text="the first story")])]
    )
    second = attrs.evolve(second, body=(pointer, *second.body))
    ed = Edition(title=ed.title, sections=[attrs.evolve(ed.sections[0], articles=(first, second, third))])
    data = broadsheet.write(ed, "pdf")
    entries = {title: page for _, title, page in outline(data)}
    pdf = reader(data)
    targets = []
    for page, annotation in annotations(data):
        if "/Dest" in annotation and page > 2:
            targets.append(pdf.get_page_number(annotation["/Dest"][0].get_object()) + 1)
    assert entries[first.title] in targets


def test_an_edition_can_run_articles_on_without_cover_or_contents() -> None:
    data = broadsheet.write(edition(6), "pdf", cover=False, toc=False, article_break="continue", columns=3)
    pdf = reader(data)
    assert len(pdf.pages) < 6
    assert len([entry for entry in outline(data) if entry[0] == 1]) == 6


def test_the_cover_shows_the_edition_cover_image() -> None:
    import base64
    import io

    from PIL import Image as PILImage

    from broadsheet.model import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), (20, 60, 140)).save(buffer, format="JPEG")
    url = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()
    data = broadsheet.write(attrs.evolve(edition(2), cover=Image(url=url)), "pdf")
    cover = reader(data).pages[0]
    xobjects = [x.get_object() for x in cover["/Resources"]["/XObject"].values()]
    assert [x["/Subtype"] for x in xobjects] == ["/Image"]
    assert "Ранковий випуск" in cover.extract_text()


def test_each_article_ends_with_balanced_columns(fifty: bytes) -> None:
    from test_pdf_blocks import _column_bottoms

    for page in (3, 17, 52):  # articles 1, 15 and 50, each one page long
        left, right = _column_bottoms(fifty, page)
        assert abs(left - right) < 4 * 13.6, (page, left, right)


def test_every_seed_paragraph_comes_back_exactly_from_an_edition() -> None:
    # Three articles in two columns: the story's paragraphs, links and quotes set beside other
    # articles extract back word for word, spaces included.
    book = edition(3, sections=1)
    extracted = text(broadsheet.write(book, "pdf", columns=2))
    article = book.sections[0].articles[1]
    for paragraph in story_paragraphs(article):
        assert strict(paragraph).search(extracted), paragraph[:60]
