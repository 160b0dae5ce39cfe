"""Hand-built documents for the NewsML-G2 tests: the seed story with every field and body node filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

import broadsheet
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
    LineBreak,
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
    Translation,
)

REPO = Path(__file__).resolve().parents[3]
KYIV = dt.timezone(dt.timedelta(hours=2))
BLINKEN = Person(
    name="Ентоні Блінкен", role="Держсекретар США", url="https://www.state.gov/biographies/antony-j-blinken/"
)


def seed() -> Article:
    """The seed story as the lead built it (examples/zn-blinken.json)."""
    return broadsheet.read(REPO / "examples" / "zn-blinken.json", format="json")


def full_article() -> Article:
    """The seed story with every field NewsML-G2 carries and every kind of body node."""
    article = seed()
    extra = (
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
    russian = Article(
        title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
        language="ru",
        url="https://zn.ua/WORLD/ssha-ne-budut-obsuzhdat.html",
        body=(Paragraph(children=(Text(text="Госсекретарь США Энтони Блинкен заявил…"),)),),
    )
    return attrs.evolve(
        article,
        id="tag:zn.ua,2022:ssha-ne-obhovorjuvatimut",
        subtitle="Держави не можуть диктувати іншим країнам їхній вибір",
        lead="Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір.\nДругий абзац лиду.",
        authors=(
            Person(name="Олена Кравченко", role="кореспондентка", url="https://zn.ua/author/olena"),
            Person(name="Редакція ZN.ua"),
        ),
        modified=dt.datetime(2022, 1, 21, 21, 5, 30, tzinfo=KYIV),
        dateline="ЖЕНЕВА, 21 січня",
        rights="© ZN.ua, 2022. Передрук лише з посиланням.",
        publisher=Publisher(name="ZN.ua", url="https://zn.ua", logo="https://zn.ua/logo.svg"),
        genre="news",
        images=(
            Image(
                url="https://zn.ua/img/lead.jpg",
                caption="Ентоні Блінкен",
                credit="AP",
                media_type="image/jpeg",
            ),
        ),
        body=article.body + extra,
        see_also=(
            RelatedLink(
                title="Ультиматум Путіна і переговори Росія–США",
                url="https://zn.ua/ukr/international/ultimatum.html",
                authors=(Person(name="Сергій Корсунський"),),
                relation=Relation.MORE_ON_TOPIC,
            ),
            RelatedLink(title="Як Білий дім відповів Кремлю", url="https://zn.ua/ukr/bilyj-dim.html"),
        ),
        translations=(
            Translation(language="ru", url=russian.url, title=russian.title, article=russian),
            Translation(language="en", url="https://zn.ua/eng/blinken.html"),
        ),
    )


def edition() -> Edition:
    """An edition of two sections, one untitled, with a cover and two articles sharing no id."""
    first = full_article()
    second = Article(title="Друга новина", language="uk", body=(Paragraph(children=(Text(text="Текст."),)),))
    return Edition(
        title="ZN.ua — ранковий випуск",
        sections=(
            Section(title="Світ", articles=(first,)),
            Section(articles=(second, attrs.evolve(second, title="Третя"))),
        ),
        date=dt.date(2022, 1, 22),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua"),
        language="uk",
        cover=Image(
            url="https://zn.ua/cover.png",
            alt="Обкладинка",
            caption="Випуск 22 січня",
            credit="ZN.ua",
            width=600,
            height=800,
            media_type="image/png",
        ),
        id="tag:zn.ua,2022:edition-2022-01-22",
    )
