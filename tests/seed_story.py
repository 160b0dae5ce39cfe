"""The seed story, built once: ``examples/zn-blinken.json`` read with broadsheet's own JSON reader.

``seed_article()`` is the bundled example exactly: the ZN.ua story of 21 January 2022
as ``examples/seed_article.py`` builds it. Every test that wants "the seed" uses it.

``full_article()`` is the one place where tests get more than the page carries: the
seed with every ``Article`` field filled in, a URL on each link the page names without
one, and after the story's own blocks every kind of body node (nested lists, a figure,
a table with spans, an embed, a line break, a named article whose words are a link).
Writers that promise to carry everything are checked on it.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs

import broadsheet
from broadsheet.model import (
    Article,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
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
    RelatedLink,
    Relation,
    Separator,
    Strong,
    Table,
    TableCell,
    Text,
    Translation,
    rebuild,
)
from data_paths import EXAMPLE

KYIV = dt.timezone(dt.timedelta(hours=2))
BLINKEN = Person(
    name="Ентоні Блінкен", role="Держсекретар США", url="https://www.state.gov/biographies/antony-j-blinken/"
)

LINK_URLS = {
    'США наступного тижня можуть передати Росії перелік своїх "побоювань та ідей" – Блінкен': (
        "https://zn.ua/ukr/POLITICS/ssha-nastupnoho-tizhnja-mozhut-peredati-rosiji-perelik.html"
    ),
    "Ультиматум Путіна і переговори Росія–США: чи здадуть Україну": "https://zn.ua/ukr/international/ultimatum.html",
    "Чи відведе Путін війська від України після переговорів зі США?": "https://zn.ua/ukr/international/izhak.html",
    "Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва": "https://zn.ua/ukr/international/bilyj-dim.html",
}
"""Illustrative URLs for the read-also link and the three named articles (the page text gives none)."""


@functools.cache
def seed_article() -> Article:
    """The bundled example, read back from its native JSON."""
    article = broadsheet.read(EXAMPLE, format="json")
    assert isinstance(article, Article)
    return article


def _with_url(node: Any) -> Any:
    if isinstance(node, RelatedLink) and node.url is None:
        return attrs.evolve(node, url=LINK_URLS[node.title])
    return node


def _every_other_node() -> tuple[Any, ...]:
    """Blocks of every kind the seed lacks, after the story's own."""
    ultimatum = RelatedLink(
        title="Ультиматум Путіна і переговори Росія–США: чи здадуть Україну",
        url=LINK_URLS["Ультиматум Путіна і переговори Росія–США: чи здадуть Україну"],
        authors=(Person(name="Сергій Корсунський", role="дипломат"),),
        relation=Relation.MENTIONED,
    )
    return (
        Heading(level=2, children=(Text(text="Що далі"),)),
        QuoteBlock(
            quote=Quote(
                text="Ми не переглядатимемо фундаментальні принципи.\nОдним із них є принцип «відкритих дверей».",
                speaker=BLINKEN,
                cite="https://www.state.gov/secretary-blinkens-press-availability/",
                language="uk",
            )
        ),
        Paragraph(
            children=(
                Text(text="Лавров назвав зустріч "),
                InlineQuote(
                    quote=Quote(text="конструктивною", speaker=Person(name="Сергій Лавров", role="міністр"))
                ),
                Text(text=", а "),
                Emphasis(children=(Strong(children=(Text(text="НАТО"),)),)),
                Text(text=" — "),
                Link(url="https://www.nato.int/", children=(Text(text="відповіло"),), title="NATO"),
                LineBreak(),
                Text(text="окремо."),
            )
        ),
        Paragraph(
            children=(
                Text(text="Знову про це: "),
                Mention(
                    link=ultimatum,
                    children=(Link(url=ultimatum.url or "", children=(Text(text=f"«{ultimatum.title}»"),)),),
                ),
                Text(text="."),
            )
        ),
        BulletList(
            items=(
                (Paragraph(children=(Text(text="Женева"),)),),
                (Paragraph(children=(Text(text="Брюссель"),)),),
            )
        ),
        OrderedList(
            start=10,
            items=(
                (
                    Paragraph(children=(Text(text="перший"),)),
                    BulletList(items=((Paragraph(children=(Text(text="вкладений"),)),),)),
                ),
            ),
        ),
        Figure(
            image=Image(
                url="https://zn.ua/img/blinken-lavrov.jpg",
                alt="Блінкен і Лавров у Женеві",
                caption="Зустріч у Женеві\n21 січня 2022",
                credit="Фото: Reuters",
                width=1200,
                height=800,
                media_type="image/jpeg",
            )
        ),
        Table(
            rows=(
                (
                    TableCell(children=(Text(text="Місто"),), header=True),
                    TableCell(children=(Text(text="Дата"),), header=True),
                ),
                (
                    TableCell(children=(Text(text="Женева"),)),
                    TableCell(children=(Text(text="10 січня"),), rowspan=2),
                ),
                (TableCell(children=(Text(text="Брюссель, Відень"),), colspan=2),),
            ),
            header_rows=1,
            caption="Раунди переговорів",
        ),
        Embed(url="https://www.youtube.com/watch?v=abc", title="Пресконференція", provider="YouTube"),
        Separator(),
    )


@functools.cache
def full_article() -> Article:
    """The seed with every field and every kind of body node: derived here, and only here."""
    article = seed_article()
    russian = Article(
        title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
        language="ru",
        url=article.translations[0].url,
        lead="Госсекретарь США отметил, что государства не могут диктовать другим странам их выбор.",
        body=(Paragraph(children=(Text(text="Госсекретарь США Энтони Блинкен заявил…"),)),),
    )
    return attrs.evolve(
        article,
        id="tag:zn.ua,2022:ssha-ne-obhovorjuvatimut",
        subtitle="Держави не можуть диктувати іншим країнам їхній вибір",
        lead=f"{article.lead}\nДругий абзац лиду.",
        authors=(
            Person(name="Олена Кравченко", role="кореспондентка", url="https://zn.ua/author/olena"),
            Person(name="Редакція ZN.ua"),
        ),
        modified=dt.datetime(2022, 1, 21, 21, 5, 30, tzinfo=KYIV),
        dateline="ЖЕНЕВА, 21 січня",
        rights="© ZN.ua, 2022. Передрук лише з посиланням.",
        publisher=attrs.evolve(article.publisher or Publisher(name="ZN.ua"), logo="https://zn.ua/logo.svg"),
        images=(
            Image(
                url="https://zn.ua/img/lead.jpg",
                alt="Ентоні Блінкен",
                caption="Ентоні Блінкен",
                credit="AP",
                width=800,
                height=450,
                media_type="image/jpeg",
            ),
        ),
        body=rebuild(article.body, _with_url) + _every_other_node(),
        see_also=(
            RelatedLink(
                title="Блінкен приїхав до Києва",
                url="https://zn.ua/ukr/blinken-kyiv.html",
                authors=(Person(name="Олександр Хара", role="оглядач"),),
                relation=Relation.MORE_ON_TOPIC,
            ),
            RelatedLink(title="Як Білий дім відповів Кремлю", url="https://zn.ua/ukr/bilyj-dim.html"),
        ),
        translations=(
            attrs.evolve(article.translations[0], article=russian),
            Translation(language="en", url="https://zn.ua/eng/blinken.html"),
        ),
    )


def _words(nodes: tuple[Any, ...]) -> str:
    out: list[str] = []
    for node in nodes:
        match node:
            case Text(text=text):
                out.append(text)
            case InlineQuote(quote=quote):
                out.append(f"«{quote.text}»")  # the Ukrainian marks every writer prints around it
            case LineBreak():
                out.append(" ")
            case Mention(children=children) | Link(children=children) | Emphasis(children=children):
                out.append(_words(children))
            case Strong(children=children):
                out.append(_words(children))
            case _:
                raise AssertionError(f"not an inline node: {node!r}")
    return "".join(out)


def story_paragraphs(article: Article) -> list[str]:
    """What a reader of ``article`` sees: headline, standfirst, then each top-level paragraph's words.

    Inline quotes are shown in «», as every writer prints them for Ukrainian.
    """
    return [
        article.title,
        *([article.lead] if article.lead else []),
        *(_words(block.children) for block in article.body if isinstance(block, Paragraph)),
    ]
