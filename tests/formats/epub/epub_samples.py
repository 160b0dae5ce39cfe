"""Documents the EPUB tests write and check: the seed story, an edition, edge cases.

The seed story and its fully filled variant come from ``seed_story`` (the one seed of all tests).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from broadsheet.model import (
    Article,
    BulletList,
    Edition,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    InlineQuote,
    Link,
    OrderedList,
    Paragraph,
    Person,
    Publisher,
    Quote,
    QuoteBlock,
    RelatedLink,
    Relation,
    Section,
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
)
from seed_story import full_article, seed_article

DATA = Path(__file__).resolve().parents[2] / "data" / "epub"
KYIV = dt.timezone(dt.timedelta(hours=2))


def p(*parts: str | object) -> Paragraph:
    """A paragraph from strings and inline nodes."""
    return Paragraph(children=tuple(Text(text=x) if isinstance(x, str) else x for x in parts))


def two_authors() -> Article:
    """An English article by two authors, with crossheads, lists, a table and an embed."""
    return Article(
        title="Grain corridor reopens as talks resume",
        lead="Ships leave Odesa for the first time in weeks.",
        language="en",
        authors=(
            Person(name="Jane Doe", role="correspondent"),
            Person(name="John Roe", url="https://example.com/roe"),
        ),
        published=dt.datetime(2023, 8, 1, 9, 0, tzinfo=dt.UTC),
        modified=dt.datetime(2023, 8, 1, 12, 15, tzinfo=dt.UTC),
        dateline="ODESA, Aug 1",
        tags=("Ukraine", "grain", "shipping"),
        rights="© 2023 Example News",
        body=(
            p(
                "The first ",
                Strong(children=(Text(text="three"),)),
                " ships left ",
                Emphasis(children=(Text(text="on Tuesday"),)),
                ", officials said (",
                Link(url="/relative/link", children=(Text(text="a relative link with no base"),)),
                ").",
            ),
            Heading(level=1, children=(Text(text="What comes next"),)),
            BulletList(items=((p("Insurance"),), (p("Escorts"), p("and more")))),
            OrderedList(items=((p("First"),), (p("Second"),)), start=3),
            Table(
                caption="Departures",
                header_rows=1,
                rows=(
                    (
                        TableCell(children=(Text(text="Ship"),), header=True),
                        TableCell(children=(Text(text="Tonnes"),)),
                    ),
                    (
                        TableCell(children=(Text(text="Joseph Schulte"),)),
                        TableCell(children=(Text(text="30,000"),)),
                    ),
                    (TableCell(children=(Text(text="Total"),), colspan=2),),
                ),
            ),
            Embed(url="https://www.youtube.com/watch?v=xyz", title="Ships leaving port", provider="YouTube"),
            Embed(
                url="https://x.com/port/status/1",
                provider="X",
                text="The first ship is out.\nTwo more tomorrow.",
            ),
            Separator(),
            p(Link(url="https://example.com/a b?q=ä#x", children=(Text(text="odd but fixable URL"),))),
        ),
        see_also=(
            RelatedLink(
                title="Earlier: the corridor closes",
                url="https://example.com/earlier",
                relation=Relation.SEE_ALSO,
            ),
        ),
    )


def with_images() -> Article:
    """Every kind of image source: files, file: URL, data: URL, remote, missing, broken."""
    png = base64.b64encode((DATA / "chart.png").read_bytes()).decode()
    return Article(
        title="Pictures of the day",
        language="en",
        images=(
            Image(
                url=str(DATA / "photo.jpg"),
                alt="A blue square on sand",
                caption="The lead picture",
                credit="Photo: Example",
            ),
        ),
        body=(
            Figure(
                image=Image(url=(DATA / "icon.gif").as_uri(), alt="An icon", caption="A GIF by file: URL")
            ),
            Figure(image=Image(url=f"data:image/png;base64,{png}", alt="A chart", credit="Chart: Example")),
            Figure(image=Image(url=str(DATA / "scan.bmp"), alt="A scan", caption="A BMP, converted to PNG")),
            Figure(image=Image(url=str(DATA / "photo.jpg"), alt="The same photo again")),
            Figure(image=Image(url="https://example.com/remote.jpg", caption="Remote: kept as a caption")),
            Figure(image=Image(url=str(DATA / "missing.jpg"), caption="Missing file: kept as a caption")),
            Figure(image=Image(url=str(DATA / "broken.png"), caption="Broken PNG: kept as a caption")),
            Figure(image=Image(url=str(DATA / "unknown.img"), caption="Unknown type: kept as a caption")),
            Figure(
                image=Image(
                    url=str(DATA / "scripted.svg"), alt="A teal square", caption="SVG, scripts removed"
                )
            ),
            Figure(image=Image(url=str(DATA / "tile.webp"), alt="A WebP tile", caption="WebP, a core type")),
            Figure(image=Image(url=str(DATA / "missing.png"))),
        ),
    )


def rtl_arabic() -> Article:
    """An Arabic article with a quote and a link: right to left."""
    return Article(
        title="وزير الخارجية: المفاوضات مستمرة",
        lead="قال الوزير إن المحادثات ستستمر الأسبوع المقبل.",
        language="ar",
        authors=(Person(name="سارة أحمد"),),
        published=dt.datetime(2022, 1, 21, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        body=(
            p(
                "وقال الوزير ",
                InlineQuote(quote=Quote(text="لن نتراجع", speaker=Person(name="الوزير"))),
                " للصحفيين.",
            ),
            QuoteBlock(quote=Quote(text="السلام ممكن", speaker=Person(name="الوزير"), language="ar")),
            p(
                "English words inside: ",
                Link(url="https://example.com/", children=(Text(text="example"),)),
                ".",
            ),
        ),
    )


def rtl_hebrew() -> Article:
    """A Hebrew article."""
    return Article(title="השיחות יימשכו בשבוע הבא", language="he", body=(p("שלום עולם."),))


def empty_body() -> Article:
    """An article with nothing but a title."""
    return Article(title="Only a headline")


def odd_characters() -> Article:
    """Characters XML cannot hold (a lone surrogate, U+FFFE) in the title and text."""
    return Article(
        title="Odd \ud800 characters \ufffe here",
        language="en",
        body=(
            p("before\ud800after\uffff"),
            p(Link(url="https://example.com/\ufffe", children=(Text(text="x"),))),
        ),
    )


def deeply_nested(depth: int = 62) -> Article:
    """Emphasis nested ``depth`` levels deep (62: with the paragraph and the text, the model's bound)."""
    node: Text | Emphasis = Text(text="deep")
    for _ in range(depth):
        node = Emphasis(children=(node,))
    return Article(title="Deeply nested", body=(p(node),))


SCRIPTED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Scripted page</title>
<link rel="canonical" href="https://example.com/news/scripted.html">
<script>document.write('<p>injected</p>')</script></head>
<body onload="steal()"><article><h1 onclick="x()">Scripts must not survive</h1>
<p onmouseover="alert(1)">First paragraph with <a href="javascript:alert(2)">a script link</a>
and <a href="/news/other.html" onclick="y()">a relative link</a>.</p>
<script>alert(3)</script><iframe src="https://evil.example/"></iframe>
<p>Second paragraph <img src="x.png" onerror="alert(4)" alt="tracker"></p></article></body></html>"""


def scripted_page() -> Article:
    """A web page full of scripts and event handlers, read by the HTML reader."""
    import broadsheet

    return broadsheet.read(SCRIPTED_PAGE.encode("utf-8"), "html")


def edition(count: int = 50) -> Edition:
    """A Ukrainian edition of ``count`` articles in four sections (with one Arabic story)."""
    names = ("Політика", "Економіка", "Світ", "Культура")
    sections = []
    per = count // len(names)
    number = 0
    for index, name in enumerate(names):
        articles = []
        size = per if index < len(names) - 1 else count - per * (len(names) - 1)
        for _ in range(size):
            number += 1
            if number == 1:
                articles.append(seed_article())
            elif number == 7:
                articles.append(rtl_arabic())
            else:
                articles.append(
                    Article(
                        title=f"Новина номер {number}: уряд ухвалив рішення",
                        lead=f"Короткий виклад новини {number}.",
                        language="uk",
                        authors=(Person(name=f"Автор {number}"), Person(name="Редакція")),
                        published=dt.datetime(2022, 1, 21, 8, number % 60, tzinfo=KYIV),
                        body=tuple(p(f"Абзац {k} новини {number}. " * 6) for k in range(8)),
                    )
                )
        sections.append(Section(title=name, articles=tuple(articles)))
    return Edition(
        title="ZN.ua — ранковий випуск",
        sections=tuple(sections),
        date=dt.date(2022, 1, 22),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua/"),
    )


def untitled_edition() -> Edition:
    """An edition without sections, with a cover image from a file."""
    return Edition.of(
        "Weekend reading",
        (two_authors(), rtl_hebrew(), empty_body()),
        cover=Image(url=str(DATA / "photo.jpg"), alt="Cover photo"),
    )


BOOKS: dict[str, tuple[Callable[[], Article | Edition], dict[str, object]]] = {
    "seed": (seed_article, {}),
    "full-article": (full_article, {}),
    "edition-50": (edition, {}),
    "two-authors": (two_authors, {}),
    "images": (with_images, {}),
    "rtl-arabic": (rtl_arabic, {}),
    "rtl-hebrew": (rtl_hebrew, {}),
    "empty-body": (empty_body, {}),
    "untitled-edition": (untitled_edition, {}),
    "seed-no-cover-user-css": (seed_article, {"cover": False, "stylesheet": "p { color: #333; }"}),
    "edition-text-only": (edition, {"images": False, "contents_page": False}),
    "odd-characters": (odd_characters, {}),
    "deeply-nested": (deeply_nested, {}),
    "scripted-page": (scripted_page, {}),
}
"""Sample books: name → (document factory, writer options)."""

GENERATED_COUNT = 8
"""How many documents from broadsheet.testing strategies join the EPUBCheck run."""


def generated_documents() -> list[Article | Edition]:
    """A fixed (derandomized) sample of generated articles and editions."""
    from hypothesis import Phase, given, settings
    from hypothesis import strategies as st

    from broadsheet.testing import articles, editions

    found: list[Article | Edition] = []

    @settings(max_examples=GENERATED_COUNT, derandomize=True, database=None, phases=[Phase.generate])
    @given(st.one_of(articles(), editions()))
    def gather(document: Article | Edition) -> None:
        found.append(document)

    gather()
    return found[:GENERATED_COUNT]
