"""enrich() on whole articles: the seed story, properties over generated articles, and speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadsheet.analysis import enrich
from broadsheet.analysis.inline_text import block_words
from broadsheet.model import (
    Article,
    Block,
    Emphasis,
    Inline,
    Link,
    Paragraph,
    Person,
    RelatedBox,
    RelatedLink,
    Relation,
    Source,
    Strong,
    Text,
    collect,
)
from broadsheet.testing import articles
from data_paths import SEED_TEXT

from .cases import found_quotes


def seed_article() -> Article:
    """The seed story as a reader would build it: headline, standfirst, one paragraph per line."""
    lines = [line for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Lines 0-1 are site chrome (language switch, donation button).
    return Article(
        title=lines[2],
        lead=lines[3],
        language="uk",
        body=tuple(Paragraph(children=(Text(text=line),)) for line in lines[4:]),
    )


@pytest.fixture(scope="module")
def seed() -> Article:
    return enrich(seed_article())


def test_seed_quotes(seed: Article) -> None:
    quotes = seed.quotes
    assert [quote.speaker.name if quote.speaker else None for quote in quotes] == ["Ентоні Блінкен", None]
    assert quotes[0].text.startswith("Дуже важливо бути взаємно відвертим")
    assert quotes[0].text.endswith("Одним із них є принцип «відкритих дверей» НАТО")
    assert quotes[1].text == "складними, але професійними"
    texts = " ".join(quote.text for quote in quotes)
    for not_a_quote in ("гарантій безпеки", "сфери впливу", "Інтерфакс-Кераїна"):
        assert not any(quote.text == not_a_quote for quote in quotes)
        assert not_a_quote in texts or not_a_quote in _all_text(seed)


def test_seed_read_also_box(seed: Article) -> None:
    boxes = [block for block in seed.body if isinstance(block, RelatedBox)]
    assert boxes == [
        RelatedBox(
            label="Читайте також",
            links=(
                RelatedLink(
                    title='США наступного тижня можуть передати Росії перелік своїх "побоювань та ідей" – Блінкен',
                    relation=Relation.READ_ALSO,
                ),
            ),
        )
    ]
    assert seed.body.index(boxes[0]) == 3  # in place


def test_seed_mentions(seed: Article) -> None:
    mentioned = [link for link in seed.related if link.relation is Relation.MENTIONED]
    assert [(link.title, link.authors, link.url) for link in mentioned] == [
        (
            "Ультиматум Путіна і переговори Росія–США: чи здадуть Україну",
            (Person(name="Сергій Корсунський"),),
            None,
        ),
        (
            "Чи відведе Путін війська від України після переговорів зі США?",
            (Person(name="Олексій Іжак"),),
            None,
        ),
        (
            "Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва",
            (Person(name="Олександр Хара"),),
            None,
        ),
    ]


def test_seed_source(seed: Article) -> None:
    assert seed.source == Source(name="Інтерфакс-Кераїна")


def test_seed_is_idempotent(seed: Article) -> None:
    assert enrich(seed) == seed


def test_seed_words_unchanged(seed: Article) -> None:
    assert _body_words(seed.body) == _body_words(seed_article().body)


def _all_text(article: Article) -> str:
    return " ".join(collect(article.body, lambda node: [node.text] if isinstance(node, Text) else []))


def _body_words(body: tuple[Block, ...]) -> list[list[str]]:
    """The words of each top-level block, paragraph by paragraph."""
    return [
        collect(block, lambda node: block_words(node) if isinstance(node, (Paragraph, RelatedBox)) else [])
        for block in body
    ]


# --- properties --------------------------------------------------------------------------------


@given(articles(translations=False))
def test_generated_articles_keep_their_words(article: Article) -> None:
    enriched = enrich(article)
    assert _body_words(enriched.body) == _body_words(article.body)
    assert enrich(enriched) == enriched


_FRAGMENTS = [
    "«",
    "»",
    "„",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    " — ",
    " – ",
    " - ",
    ", — ",
    "», — ",
    '," ',
    ": «",
    ":",
    "заявив",
    "сказав",
    "сказал",
    "said",
    "Blinken said",
    "заявив Блінкен",
    "Ентоні Блінкен",
    "Сергія Корсунського",
    "у статті",
    "в статье",
    "in an article by John Smith,",
    "Читайте також:",
    "Read also:",
    "пише",
    "сообщает ТАСС",
    "(Reuters)",
    "KYIV (AP) -",
    "according to AP",
    "за словами",
    "Блінкена",
    "він",
    "he",
    "що",
    "that",
    "Ми не підемо на це",
    "We will not",
    "гарантій безпеки",
    "США",
    "НАТО",
    ".",
    ",",
    "!",
    "?",
    "…",
    "\u00a0",
    "\ufffc",
    "Лавров",
    "у РФ",
    "the minister",
    "Олександра Хари",
    "та",
    "and",
]


@st.composite
def _tricky_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25))
    joiners = draw(st.lists(st.sampled_from(["", " "]), min_size=len(parts), max_size=len(parts)))
    return "".join(part + joiner for part, joiner in zip(parts, joiners, strict=True))


@st.composite
def _tricky_inlines(draw: st.DrawFn) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for _ in range(draw(st.integers(1, 4))):
        text = Text(text=draw(_tricky_text()))
        wrap = draw(st.sampled_from(["text", "text", "link", "em", "strong"]))
        if wrap == "link":
            out.append(Link(url="https://example.org/a", children=(text,)))
        elif wrap == "em":
            out.append(Emphasis(children=(text,)))
        elif wrap == "strong":
            out.append(Strong(children=(text,)))
        else:
            out.append(text)
    return tuple(out)


@given(st.lists(_tricky_inlines(), min_size=1, max_size=6))
def test_tricky_paragraphs_keep_their_words_and_settle(paragraphs: list[tuple[Inline, ...]]) -> None:
    body = tuple(Paragraph(children=children) for children in paragraphs if children)
    article = Article(title="T", body=body)
    enriched = enrich(article)
    assert _body_words(enriched.body) == _body_words(article.body)
    assert enrich(enriched) == enriched


# --- speed -------------------------------------------------------------------------------------

_HOSTILE = [
    "«" * 100_000,
    '"' * 100_000,
    "«Ми не підемо на це», — заявив Блінкен. " * 2_500,
    "— Так, — сказав він. " * 5_000,
    "у статті Сергія Корсунського «" * 3_500,
    "Читайте також: " + "слово " * 16_000,
    "пише " * 20_000,
    "a" * 100_000,
    "A" * 100_000,
    "A." * 50_000,
    '"a," said ' * 10_000,
    "'" * 100_000,
    ("Сергія " * 5 + ", ") * 2_800,
]


def _timed_enrich(text: str) -> float:
    """CPU seconds taken to enrich one paragraph holding ``text`` (its words checked kept)."""
    # CPU time of this process, not the wall clock: other processes on a busy
    # machine do not count against it.
    article = Article(title="T", body=(Paragraph(children=(Text(text=text),)),))
    started = time.process_time()
    enriched = enrich(article)
    elapsed = time.process_time() - started
    assert _body_words(enriched.body) == _body_words(article.body)
    return elapsed


@pytest.mark.parametrize("text", _HOSTILE, ids=lambda text: repr(text[:24]))
def test_hundred_thousand_characters_stay_fast(text: str) -> None:
    # Linear, judged by growth rather than by a wall-clock limit that a loaded
    # machine breaks: four times the text may take at most eight times as long
    # (quadratic work takes sixteen). The absolute ceiling only catches a hang.
    assert len(text) >= 90_000
    quarter = text[: len(text) // 4]
    small, large = _timed_enrich(quarter), _timed_enrich(text)
    assert large < 30.0, f"{large:.2f} s for {len(text)} characters"
    assert large < 8 * max(small, 0.02), f"{small:.3f} s for {len(quarter)}, {large:.3f} s for {len(text)}"


def test_quotes_found_in_a_long_paragraph() -> None:
    text = "«Ми не підемо на це», — заявив Блінкен. " * 2_500
    enriched = enrich(Article(title="T", body=(Paragraph(children=(Text(text=text),)),)))
    assert len(found_quotes(enriched.body[0])) == 2_500


def test_russian_sibling_of_the_seed() -> None:
    lines = (Path(__file__).resolve().parents[1] / "data" / "analysis" / "seed_ru.txt").read_text("utf-8")
    title, *paragraphs = lines.splitlines()
    article = enrich(
        Article(
            title=title, language="ru", body=tuple(Paragraph(children=(Text(text=p),)) for p in paragraphs)
        )
    )
    assert [quote.speaker.name if quote.speaker else None for quote in article.quotes] == [
        "Энтони Блинкен",
        None,
    ]
    assert [(link.relation, [person.name for person in link.authors]) for link in article.related] == [
        (Relation.READ_ALSO, []),
        (Relation.MENTIONED, ["Сергей Корсунский"]),
        (Relation.MENTIONED, ["Алексей Ижак"]),
        (Relation.MENTIONED, ["Александр Хара"]),
    ]
    assert article.source == Source(name="Интерфакс-Украина")
    assert enrich(article) == article
