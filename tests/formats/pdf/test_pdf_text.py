"""The seed story comes back out of its PDF word for word, hyphenated where lines end."""

from __future__ import annotations

import re

import pytest
from pdf_checks import annotations, loose, reader, strict, text

import broadsheet
from broadsheet.formats.pdf.hyphenation import SOFT_HYPHEN, hyphenator, long_word_pieces
from broadsheet.model import Article, Emphasis, Link, Paragraph, RelatedBox, Relation, Strong, Text
from seed_story import full_article, seed_article, story_paragraphs


@pytest.fixture(scope="module")
def seed_text_by_columns() -> dict[int, str]:
    article = seed_article()
    return {columns: text(broadsheet.write(article, "pdf", columns=columns)) for columns in (1, 2, 3)}


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_every_seed_paragraph_comes_back_exactly(seed_text_by_columns: dict[int, str], columns: int) -> None:
    extracted = seed_text_by_columns[columns]
    paragraphs = story_paragraphs(seed_article())
    assert len(paragraphs) == 10  # headline, standfirst, eight paragraphs
    for paragraph in paragraphs:
        assert strict(paragraph).search(extracted), f"not found with {columns} column(s): {paragraph[:60]}"


def test_the_loose_pattern_is_not_too_loose() -> None:
    pattern = loose("Росія-НАТО у Брюсселі")
    assert pattern.search("Росія-\nНАТО у Брюс-\nселі")
    assert pattern.search("Росія-НАТО у\nБрюсселі")
    assert not pattern.search("РосіяНАТО у Брюсселі")
    assert not pattern.search("Росія-НАТО у Брюселі")
    assert not pattern.search("Росія-НАТО уБрюсселі")


def test_lines_are_really_hyphenated_in_narrow_columns(seed_text_by_columns: dict[int, str]) -> None:
    source = " ".join(story_paragraphs(seed_article()))
    broken = re.findall(r"(\w+)-\n(\w+)", seed_text_by_columns[3])
    inserted = [(a, b) for a, b in broken if f"{a}{b}" in source and f"{a}-{b}" not in source]
    assert len(inserted) >= 5, broken


def test_no_hyphens_are_inserted_when_hyphenation_is_off() -> None:
    extracted = text(broadsheet.write(seed_article(), "pdf", columns=3, hyphenate=False))
    source = " ".join(story_paragraphs(seed_article()))
    broken = re.findall(r"(\w+)-\n(\w+)", extracted)
    assert all(f"{a}-{b}" in source for a, b in broken), broken


def test_ukrainian_and_greek_words_get_break_points() -> None:
    # reportlab's own hyphenation skips words with і, ї, є, ґ and all Greek words.
    uk = hyphenator("uk")
    el = hyphenator("el")
    assert uk is not None and el is not None
    assert SOFT_HYPHEN in uk("зустрічі міністром")
    assert SOFT_HYPHEN in el("Καλημέρα κόσμε")
    assert hyphenator("tlh") is None
    assert uk("НАТО 2022").replace(SOFT_HYPHEN, "") == "НАТО 2022"


def test_seed_parts_are_all_there(seed_text_by_columns: dict[int, str]) -> None:
    extracted = seed_text_by_columns[2]
    article = seed_article()
    (box,) = [block for block in article.body if isinstance(block, RelatedBox)]
    assert strict(f"{box.label}").search(extracted)
    assert strict(box.links[0].title).search(extracted)
    assert strict(article.quotes[0].text).search(extracted)
    assert strict("Джерело: Інтерфакс-Україна").search(extracted)
    assert strict("21 січня 2022 р., 19:45").search(extracted)  # the no-break space reads back as a space
    assert strict("Русский: США не будут обсуждать").search(extracted)
    mentioned = [link.title for link in article.related if link.relation is Relation.MENTIONED]
    assert len(mentioned) == 3
    for title in mentioned:
        assert strict(title).search(extracted)


@pytest.mark.filterwarnings("ignore:.*remote images are not fetched")
def test_links_are_clickable() -> None:
    article = full_article()  # the seed with a URL on every read-also link and named article
    data = broadsheet.write(article, "pdf")
    uris = {str(a["/A"]["/URI"]) for _, a in annotations(data) if "/A" in a and "/URI" in a["/A"]}
    in_body = {link.url for link in article.related if link not in article.see_also}
    assert len(in_body) == 4 and in_body <= uris  # the read-also box and the named articles
    assert article.source is not None and article.source.url in uris  # the source credit
    assert article.translations[0].url in uris


def test_metadata_and_language() -> None:
    pdf = reader(broadsheet.write(seed_article(), "pdf"))
    assert pdf.metadata is not None
    assert pdf.metadata.title == seed_article().title
    assert pdf.metadata.subject and pdf.metadata.subject.startswith("Держсекретар США")
    assert pdf.trailer["/Root"]["/Lang"] == "uk"


def test_a_100k_character_word_is_set_in_bounded_time() -> None:
    word = "ж" * 100_000
    article = Article(
        title="Long", language="uk", body=[Paragraph(children=[Text(text=f"Start {word} end.")])]
    )
    data = broadsheet.write(article, "pdf", columns=2)
    extracted = text(data)
    assert extracted.count("ж") == 100_000
    assert "Start" in extracted and "end." in extracted


def test_long_words_are_cut_without_losing_characters() -> None:
    value = "a " + "x" * 250 + " b"
    pieces = long_word_pieces(value)
    assert "".join(piece for _, piece in pieces) == value
    assert sum(is_break for is_break, _ in pieces) == 3
    assert long_word_pieces("short words") == [(False, "short words")]


def _boundary_paragraphs() -> list[Paragraph]:
    # Words a hyphenator splits ("визнані", "засідання", "Jenkins") right before and after links
    # and emphasis, shifted word by word so every boundary lands mid-line, at a line's end and
    # on a paragraph's last line in some column width.
    out = []
    for shift in range(0, 24, 3):
        filler = " ".join(["переговори"] * shift)
        out.append(
            Paragraph(
                children=(
                    Text(text=f"{filler} Вимоги були визнані ".lstrip()),
                    Link(url="https://zn.ua/a", children=(Text(text="неприйнятними"),)),
                    Text(text=". Делегації в Женеві, "),
                    Emphasis(children=(Text(text="засідання"),)),
                    Text(text=" Ради та J. Jenkins "),
                    Strong(children=(Text(text="et al."),)),
                    Text(text=" у Брюсселі."),
                )
            )
        )
    return out


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_no_space_is_lost_at_links_and_emphasis(columns: int) -> None:
    paragraphs = _boundary_paragraphs()
    article = Article(title="Межі посилань", language="uk", body=tuple(paragraphs))
    extracted = text(broadsheet.write(article, "pdf", columns=columns))
    for paragraph in paragraphs:
        words = "".join(
            child.text if isinstance(child, Text) else "".join(t.text for t in child.children)  # type: ignore[union-attr]
            for child in paragraph.children
        )
        assert strict(words).search(extracted), f"{columns} column(s): {words[-80:]}"


def test_the_strict_pattern_refuses_a_lost_space() -> None:
    assert strict("визнані неприйнятними").search("визнані\nнеприйнят-\nними")
    assert not strict("визнані неприйнятними").search("визнанінеприйнятними")
    assert not strict("визнані неприйнятними").search("визнані неприйнят\nними")
