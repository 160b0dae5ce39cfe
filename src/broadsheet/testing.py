"""Hypothesis strategies for the model, for property tests here and in other projects.

Every strategy produces valid model objects: ``articles()`` covers every field
and every body node, so a format that claims to be lossless can be checked
with ``read(write(a)) == a``. Requires the ``hypothesis`` package (the
``test`` extra).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs
from hypothesis import strategies as st

from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Comment,
    Edition,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    OrderedList,
    Paragraph,
    Person,
    Publisher,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Section,
    Separator,
    Source,
    Strong,
    Table,
    TableCell,
    Text,
    Translation,
    values,
)

__all__ = [
    "articles",
    "blocks",
    "comments",
    "datetimes",
    "editions",
    "images",
    "inlines",
    "languages",
    "lines",
    "page_articles",
    "page_blocks",
    "page_images",
    "page_lines",
    "page_quotes",
    "page_related_boxes",
    "page_urls",
    "people",
    "quotes",
    "related_links",
    "texts",
    "urls",
]

_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "M"),
    exclude_characters="\u00ad\u2028\u2029",
)
# A readable mix most of the time, any Unicode some of the time.
_WORDS = st.sampled_from(
    [
        "news",
        "Київ",
        "Москва",
        "Ентоні",
        "«цитата»",
        "„лапки“",
        "“quote”",
        "a&b",
        "<tag>",
        "x > y",
        "1 000",
        "Ελλάδα",
        "café",
        "naïve",
        "—",
        "’",
        "ґанок",
        "їжак",
        "NATO",
        "ٱلعربية",
        "עברית",
        "😀",
    ]
)


@st.composite
def _phrase(draw: st.DrawFn, max_words: int) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(_ALPHABET, min_size=1, max_size=24))
    words = draw(st.lists(_WORDS, min_size=1, max_size=max_words))
    return " ".join(words)


@functools.cache
def lines(max_words: int = 8) -> st.SearchStrategy[str]:
    """Non-empty one-line strings, already in the model's normal form."""
    return _phrase(max_words).map(values.clean_line).filter(bool)


@functools.cache
def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs, some with paths, queries and non-ASCII paths."""
    host = st.sampled_from(["zn.ua", "example.com", "news.example.org", "interfax.com.ua"])
    path = st.lists(
        st.sampled_from(["politics", "2022", "01", "blinken-nato", "статья", "a b", "x%20y"]), max_size=4
    )
    query = st.sampled_from(["", "?id=1", "?q=a&b=c", "#part"])
    return st.builds(
        lambda scheme, h, p, q: f"{scheme}://{h}/{'/'.join(s.replace(' ', '%20') for s in p)}{q}",
        st.sampled_from(["https", "http"]),
        host,
        path,
        query,
    )


@functools.cache
def languages() -> st.SearchStrategy[str]:
    """BCP 47 tags in canonical case."""
    return st.sampled_from(["uk", "ru", "en", "de", "en-GB", "pl", "fr", "sr-Latn", "zh-Hant-TW", "ar", "he"])


@functools.cache
def datetimes() -> st.SearchStrategy[dt.datetime]:
    """Timezone-aware datetimes to the second, with offsets in quarter hours."""
    offsets = st.integers(-14 * 4, 14 * 4).map(lambda q: dt.timezone(dt.timedelta(minutes=15 * q)))
    return st.datetimes(
        min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2099, 12, 30), timezones=offsets
    ).map(lambda d: d.replace(microsecond=0))


@functools.cache
def people() -> st.SearchStrategy[Person]:
    """People with and without roles and pages."""
    return st.builds(Person, name=lines(4), role=_optional(lines(4)), url=_optional(urls()))


@functools.cache
def images() -> st.SearchStrategy[Image]:
    """Images with every optional field sometimes set."""
    return st.builds(
        Image,
        url=urls(),
        alt=_optional(lines()),
        caption=_optional(lines()),
        credit=_optional(lines(3)),
        width=_optional(st.integers(1, 5000)),
        height=_optional(st.integers(1, 5000)),
        media_type=_optional(st.sampled_from(["image/jpeg", "image/png", "image/webp"])),
    )


@functools.cache
def quotes() -> st.SearchStrategy[Quote]:
    """Quotations, some with a speaker, a cite URL or a language."""
    return st.builds(
        Quote,
        text=lines(12),
        speaker=_optional(people()),
        cite=_optional(urls()),
        language=_optional(languages()),
    )


@functools.cache
def texts(max_lines: int = 3) -> st.SearchStrategy[str]:
    """Non-empty texts of one to ``max_lines`` lines (paragraphs a line apart)."""
    return st.lists(lines(10), min_size=1, max_size=max_lines).map("\n".join)


@functools.cache
def comments() -> st.SearchStrategy[Comment]:
    """Readers' comments with every optional field sometimes set, replies at depth 0 to 2."""
    return st.builds(
        Comment,
        text=texts(),
        author=_optional(people()),
        published=_optional(datetimes()),
        url=_optional(urls()),
        id=_optional(st.sampled_from(["comment-1", "c42", "7"])),
        depth=st.integers(0, 2),
    )


@functools.cache
def related_links() -> st.SearchStrategy[RelatedLink]:
    """Links to other articles of every relation."""
    return st.builds(
        RelatedLink,
        title=lines(),
        url=_optional(urls()),
        authors=st.lists(people(), max_size=2).map(tuple),
        relation=st.sampled_from(list(Relation)),
    )


@functools.cache
def _text() -> st.SearchStrategy[Text]:
    return st.builds(Text, text=_phrase(6).map(values.clean_inline))


@functools.cache
def inlines(max_leaves: int = 4) -> st.SearchStrategy[Inline]:
    """Inline nodes, nested a few levels deep."""

    def extend(children: st.SearchStrategy[Inline]) -> st.SearchStrategy[Inline]:
        kids = st.lists(children, min_size=1, max_size=2).map(tuple)
        return st.one_of(
            st.builds(Emphasis, children=kids),
            st.builds(Strong, children=kids),
            st.builds(Link, url=urls(), children=kids, title=_optional(lines())),
            st.builds(Mention, link=related_links(), children=kids),
        )

    leaves = st.one_of(
        _text(), _text(), _text(), st.builds(InlineQuote, quote=quotes()), st.just(LineBreak())
    )
    return st.recursive(leaves, extend, max_leaves=max_leaves)


@functools.cache
def _inline_seq() -> st.SearchStrategy[tuple[Inline, ...]]:
    return st.lists(inlines(), min_size=1, max_size=3).map(tuple)


@functools.cache
def _table() -> st.SearchStrategy[Table]:
    cell = st.builds(
        TableCell,
        children=st.lists(_text(), max_size=2).map(tuple),
        header=st.booleans(),
        colspan=st.integers(1, 3),
        rowspan=st.integers(1, 2),
    )
    rows = st.lists(st.lists(cell, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3).map(tuple)
    return rows.flatmap(
        lambda r: st.builds(
            Table, rows=st.just(r), header_rows=st.integers(0, len(r)), caption=_optional(lines())
        )
    )


@functools.cache
def blocks() -> st.SearchStrategy[Block]:
    """Block nodes of every kind; lists nest other blocks."""
    simple: st.SearchStrategy[Block] = st.one_of(
        st.builds(Paragraph, children=_inline_seq()),
        st.builds(Paragraph, children=_inline_seq()),
        st.builds(Heading, level=st.integers(1, 6), children=_inline_seq()),
        st.builds(QuoteBlock, quote=quotes()),
        st.builds(Figure, image=images()),
        _table(),
        st.builds(
            RelatedBox,
            links=st.lists(related_links(), min_size=1, max_size=3).map(tuple),
            label=_optional(lines(3)),
        ),
        st.builds(
            Embed,
            url=urls(),
            title=_optional(lines()),
            provider=_optional(lines(2)),
            text=_optional(texts()),
        ),
        st.just(Separator()),
    )

    def extend(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
        items = st.lists(st.lists(children, min_size=1, max_size=2).map(tuple), min_size=1, max_size=3)
        return st.one_of(
            st.builds(BulletList, items=items.map(tuple)),
            st.builds(OrderedList, items=items.map(tuple), start=st.integers(-5, 100)),
        )

    return st.recursive(simple, extend, max_leaves=3)


@st.composite
def _translations(draw: st.DrawFn, own: str | None, full: bool) -> tuple[Translation, ...]:
    langs = draw(st.lists(languages().filter(lambda t: t != own), max_size=2, unique=True))
    out = []
    for lang in langs:
        article = None
        if full and draw(st.booleans()):
            article = draw(articles(translations=False, language=lang))
        out.append(
            Translation(
                language=lang, url=draw(_optional(urls())), title=draw(_optional(lines())), article=article
            )
        )
    return tuple(out)


@st.composite
def articles(
    draw: st.DrawFn, *, translations: bool = True, language: str | None = None, max_blocks: int = 5
) -> Article:
    """Articles with any combination of fields and body nodes.

    ``translations=False`` leaves translations out; ``language`` fixes the
    article's language.
    """
    lang = language if language is not None else draw(_optional(languages()))
    return Article(
        title=draw(lines()),
        id=draw(_optional(st.sampled_from(["urn:uuid:3f1c", "tag:zn.ua,2022:1", "12345"]))),
        url=draw(_optional(urls())),
        subtitle=draw(_optional(lines())),
        lead=draw(_optional(lines(20))),
        language=lang,
        authors=tuple(draw(st.lists(people(), max_size=3))),
        published=draw(_optional(datetimes())),
        modified=draw(_optional(datetimes())),
        section=draw(_optional(lines(2))),
        tags=tuple(draw(st.lists(lines(2), max_size=4))),
        genre=draw(_optional(st.sampled_from(["news", "interview", "opinion", "analysis"]))),
        dateline=draw(_optional(lines(3))),
        source=draw(_optional(st.builds(Source, name=lines(2), url=_optional(urls())))),
        publisher=draw(
            _optional(st.builds(Publisher, name=lines(2), url=_optional(urls()), logo=_optional(urls())))
        ),
        rights=draw(_optional(lines())),
        images=tuple(draw(st.lists(images(), max_size=2))),
        body=tuple(draw(st.lists(blocks(), max_size=max_blocks))),
        see_also=tuple(draw(st.lists(related_links(), max_size=2))),
        translations=draw(_translations(lang, translations)) if translations else (),
        comments=tuple(draw(st.lists(comments(), max_size=2))),
    )


@st.composite
def editions(draw: st.DrawFn, max_articles: int = 3) -> Edition:
    """Editions of one to three sections of a few articles each."""
    sections = draw(
        st.lists(
            st.builds(
                Section,
                articles=st.lists(
                    articles(translations=False, max_blocks=3), min_size=1, max_size=max_articles
                ).map(tuple),
                title=_optional(lines(3)),
            ),
            min_size=1,
            max_size=3,
        )
    )
    return Edition(
        title=draw(lines()),
        sections=tuple(sections),
        date=draw(_optional(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))),
        publisher=draw(_optional(st.builds(Publisher, name=lines(2), url=_optional(urls())))),
        language=draw(_optional(languages())),
        cover=draw(_optional(images())),
        id=draw(_optional(st.sampled_from(["urn:uuid:1", "edition-2022-01-21"]))),
    )


# Words as news pages print them: no text that looks like markup, no leading dashes
# (a reader takes "— Name" for a byline mark), no invisible spaces.
_PAGE_WORDS = st.sampled_from(
    ["news", "Київ", "Москва", "Ентоні", "«цитата»", "„лапки“", "“quote”", "a&b", "x > y", "1 000",
     "Ελλάδα", "café", "naïve", "ґанок", "їжак", "NATO", "ٱلعربية", "עברית", "😀", "переговори", "Berlin"]
)  # fmt: skip


_PAGE_NAMES = st.sampled_from(
    ["Ентоні Блінкен", "Сергій Лавров", "Anna Müller", "Ελένη Παππά", "Jan Kowalski"]
)


@functools.cache
def page_lines(max_words: int = 8) -> st.SearchStrategy[str]:
    """One-line strings of the words a news page prints."""
    return st.lists(_PAGE_WORDS, min_size=1, max_size=max_words).map(" ".join)


@functools.cache
def page_urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs in the percent-encoded form a page's links hold."""
    host = st.sampled_from(["zn.ua", "example.com", "news.example.org", "interfax.com.ua"])
    path = st.lists(
        st.sampled_from(["politics", "2022", "01", "blinken-nato", "x%20y", "a.html"]), max_size=3
    )
    query = st.sampled_from(["", "?id=1", "?q=a&b=c"])
    return st.builds(lambda h, p, q: f"https://{h}/{'/'.join(p)}{q}", host, path, query)


@functools.cache
def _page_names() -> st.SearchStrategy[str]:
    return _PAGE_NAMES | page_lines(3)


# Prose is mostly letters: a short line of figures is a date stamp to a reader.
_PROSE_WORDS = _PAGE_WORDS.filter(lambda word: not word[0].isdigit())
_PAGE_SENTENCES = st.lists(_PROSE_WORDS, min_size=3, max_size=12).map(lambda words: " ".join(words) + ".")


@functools.cache
def page_quotes() -> st.SearchStrategy[Quote]:
    """Quotations as pages set them apart: one or two paragraphs, a speaker with a role or not, a cite
    URL, a language of their own (which :func:`page_articles` keeps apart from the article's)."""
    speaker = st.builds(Person, name=_page_names(), role=st.none() | page_lines(3))
    return st.builds(
        Quote,
        # Paragraphs of a few words: readers drop one-word lines as page furniture ("Share").
        text=st.lists(_PAGE_SENTENCES, min_size=1, max_size=2).map("\n".join),
        speaker=st.none() | speaker,
        cite=st.none() | page_urls(),
        language=st.none() | languages(),
    )


@functools.cache
def page_images() -> st.SearchStrategy[Image]:
    """Pictures as pages show them: alt text, caption, credit and size each set or not."""
    size = st.none() | st.integers(64, 4000)
    return st.builds(
        Image,
        url=page_urls(),
        alt=st.none() | page_lines(),
        caption=st.none() | page_lines(),
        credit=st.none() | page_lines(3),
        width=size,
        height=size,
    ).filter(
        # A caption ending in the credit's words prints the credit twice: readers take it off.
        lambda image: (
            image.caption is None or image.credit is None or not image.caption.endswith(image.credit)
        )
    )


# A read-also title as pages print one: long enough to be a story's title (short link texts are
# buttons), with no quotation marks around it (readers take those off).
_PAGE_TITLES = page_lines().filter(lambda t: len(t) >= 12 and t[0] not in "«„“" and t[-1] not in "»“”")


@functools.cache
def page_related_boxes() -> st.SearchStrategy[RelatedBox]:
    """Read-also boxes of one to three links to other stories, with a label of their own or none."""
    link = st.builds(RelatedLink, title=_PAGE_TITLES, url=page_urls())
    return st.builds(
        RelatedBox,
        links=st.lists(link, min_size=1, max_size=3, unique_by=lambda link: link.url).map(tuple),
        label=st.none() | page_lines(3),
    )


@functools.cache
def page_blocks() -> st.SearchStrategy[Block]:
    """Body blocks of the kinds and shapes a web page carries back to an HTML reader."""
    words = st.builds(Text, text=st.lists(_PROSE_WORDS, min_size=1, max_size=10).map(" ".join))
    inline = st.one_of(
        words,
        words,
        st.builds(Emphasis, children=st.tuples(words)),
        st.builds(Strong, children=st.tuples(words)),
        st.builds(Link, url=page_urls(), children=st.tuples(words)),
    )
    prose = st.lists(inline, min_size=1, max_size=4).map(lambda kids: (*kids, Text(text=" кінець.")))
    paragraph = st.builds(Paragraph, children=prose)
    # List items without links: a list of links is a box of other stories to a reader.
    item = st.builds(
        Paragraph,
        children=st.lists(inline.filter(lambda n: not isinstance(n, Link)), min_size=1, max_size=3).map(
            lambda kids: (*kids, Text(text=" кінець."))
        ),
    )
    return st.one_of(
        paragraph,
        paragraph,
        # Crossheads of a few words: a one-word heading ("News") is a site's label to a reader.
        st.builds(
            Heading,
            level=st.integers(1, 5),
            children=st.tuples(
                st.builds(Text, text=st.lists(_PAGE_WORDS, min_size=3, max_size=10).map(" ".join))
            ),
        ),
        st.builds(QuoteBlock, quote=page_quotes()),
        st.builds(Figure, image=page_images()),
        st.builds(BulletList, items=st.lists(st.tuples(item), min_size=1, max_size=3).map(tuple)),
        page_related_boxes(),
    )


@functools.cache
def _source_urls() -> st.SearchStrategy[str]:
    # An agency's own site, never the outlet's (readers tell a credit from the outlet by its host).
    host = st.sampled_from(["www.ukrinform.ua", "www.unian.ua", "www.reuters.com"])
    return st.builds(lambda h, p: f"https://{h}/{p}", host, st.sampled_from(["", "news", "uk/agency"]))


def _page_body(blocks: list[Block], language: str | None, title: str) -> tuple[Block, ...]:
    # As a page says it: no crosshead right above a read-also box or another crosshead (a reader
    # takes it for the box's label, or for a kicker), crossheads by rank (the top one is level 1, as a page's outline gives
    # them), none that repeats the headline, and a quote's language only when it differs from
    # the article's.
    kept = [
        block
        for block, following in zip(blocks, [*blocks[1:], None], strict=False)
        if not (
            isinstance(block, Heading)
            and (
                isinstance(following, (RelatedBox, Heading))
                or " ".join(t.text for t in block.children if isinstance(t, Text)).casefold()
                == title.casefold()
            )
        )
    ]
    shift = min((block.level for block in kept if isinstance(block, Heading)), default=1) - 1
    out: list[Block] = []
    for block in kept:
        if isinstance(block, QuoteBlock) and block.quote.language == language:
            block = QuoteBlock(quote=attrs.evolve(block.quote, language=None))
        elif isinstance(block, Heading) and shift:
            block = attrs.evolve(block, level=block.level - shift)
        out.append(block)
    return (_PAGE_PROSE, *out, _PAGE_PROSE)


@functools.cache
def _lead_images() -> st.SearchStrategy[Image]:
    # Under addresses of their own: a picture the body shows again is the body's.
    return page_images().map(
        lambda image: attrs.evolve(image, url=image.url.split("?")[0].rstrip("/") + "/lead.jpg")
    )


_PAGE_PROSE = Paragraph(
    children=(
        Text(
            text="Переговори тривали кілька годин, і сторони домовилися зустрітися знову наступного "
            "тижня, щоб обговорити решту питань порядку денного."
        ),
    )
)


@st.composite
def page_articles(draw: st.DrawFn) -> Article:
    """Articles holding what a web page carries, in the forms pages print them.

    For round trips through HTML: every field a page carries, set or not; the
    body's blocks from :func:`page_blocks`.
    """
    lang = draw(_optional(languages()))
    published = draw(_optional(datetimes()))
    other_languages = draw(st.lists(languages().filter(lambda t: t != lang), max_size=2, unique=True))
    title = draw(page_lines())
    return Article(
        title=title,
        url=draw(_optional(page_urls())),
        # A subtitle that repeats the headline is no subtitle (readers drop it).
        subtitle=draw(_optional(page_lines().filter(lambda line: line != title))),
        # Nor is a lead that repeats it.
        lead=draw(
            _optional(
                st.lists(_PAGE_WORDS, min_size=8, max_size=20)
                .map(" ".join)
                .filter(lambda lead: lead.casefold() != title.casefold())
            )
        ),
        language=lang,
        authors=tuple(
            draw(
                st.lists(
                    st.builds(Person, name=_PAGE_NAMES, url=_optional(page_urls())),
                    max_size=3,
                    unique_by=lambda p: p.name,
                )
            )
        ),
        published=published,
        modified=draw(_optional(datetimes())) if published else None,
        section=draw(_optional(page_lines(2))),
        tags=tuple(draw(st.lists(page_lines(2), max_size=4))),
        source=draw(_optional(st.builds(Source, name=page_lines(2), url=_optional(_source_urls())))),
        images=tuple(draw(st.lists(_lead_images(), max_size=1))),
        body=_page_body(draw(st.lists(page_blocks(), max_size=4)), lang, title),
        translations=tuple(
            Translation(language=t, url=draw(page_urls()), title=draw(_optional(page_lines())))
            for t in other_languages
        ),
    )
