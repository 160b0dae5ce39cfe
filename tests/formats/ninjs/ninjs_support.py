"""What the ninjs tests share: the seed article, schema validators and the round-trip projection."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import attrs
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from broadsheet.model import (
    Article,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    InlineQuote,
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
    Separator,
    Source,
    Strong,
    Table,
    TableCell,
    Text,
    Translation,
)

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
NINJS = SHARED / "standards" / "ninjs"
EXAMPLES = NINJS / "examples"
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"


@functools.cache
def validator(version: str) -> Validator:
    """A validator for one ninjs schema, formats checked, GeoJSON resolved from the local copy (no network)."""
    schema = json.loads((NINJS / "schemas" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    geojson = Resource.from_contents(json.loads((NINJS / "schemas" / "GeoJSON.json").read_text("utf-8")))
    registry: Registry[Any] = Registry().with_resource(GEOJSON_URI, geojson)
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def schema_errors(document: Any, version: str) -> list[str]:
    """Every schema violation, as ``path: message`` lines (empty when valid)."""
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator(version).iter_errors(document), key=lambda e: e.json_path)
    ]


KYIV = dt.timezone(dt.timedelta(hours=2))

BLINKEN = Person(
    name="Ентоні Блінкен", role="Держсекретар США", url="https://www.state.gov/biographies/antony-j-blinken/"
)


def seed_article() -> Article:
    """The seed story (shared/seeds/000_…) as a fully filled Article: every field and every body node."""
    read_also = RelatedLink(
        title='США наступного тижня можуть передати Росії перелік своїх "побоювань та ідей" – Блінкен',
        url="https://zn.ua/POLITICS/ssha-nastupnoho-tizhnja-mozhut-peredati-rosiji-perelik.html",
    )
    korsunsky = RelatedLink(
        title="Ультиматум Путіна і переговори Росія–США: чи здадуть Україну",
        url="https://zn.ua/international/ultimatum-putina.html",
        authors=(Person(name="Сергій Корсунський", role="дипломат"),),
        relation=Relation.MENTIONED,
    )
    khara = RelatedLink(
        title="Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва",
        authors=(Person(name="Олександр Хара"),),
        relation=Relation.MENTIONED,
    )
    quote = Quote(
        text=(
            "Дуже важливо бути взаємно відвертим про речі, на які ми не підемо, і однією з них є факт того, "
            "що ми не переглядатимемо фундаментальні принципи, які ми маємо і які ми захищатимемо. "
            "Одним із них є принцип «відкритих дверей» НАТО"
        ),
        speaker=BLINKEN,
    )
    body = (
        Paragraph(
            children=(
                Text(text="Держсекретар Сполучених Штатів "),
                Strong(children=(Text(text="Ентоні Блінкен"),)),
                Text(
                    text=" після зустрічі з міністром закордонних справ РФ Сєргєєм Лавровим заявив, що США "
                    "не вестимуть переговори з Росією щодо принципу «відкритих дверей» НАТО, пише "
                ),
                Link(url="https://interfax.com.ua/", children=(Text(text="«Інтерфакс-Україна»"),)),
                Text(text=". Блінкен додав, що США вважають неприпустимою зміну кордонів за допомогою сили."),
            )
        ),
        Paragraph(
            children=(InlineQuote(quote=quote), Text(text=", - заявив Блінкен після зустрічі з Лавровим."))
        ),
        RelatedBox(links=(read_also,), label="Читайте також"),
        Heading(level=2, children=(Text(text="Переговори в Женеві"),)),
        OrderedList(
            items=(
                (Paragraph(children=(Text(text="переговори делегацій Росії і США в Женеві;"),)),),
                (Paragraph(children=(Text(text="засідання Ради Росія-НАТО у Брюсселі;"),)),),
                (Paragraph(children=(Text(text="переговори в рамках ОБСЄ."),)),),
            ),
            start=1,
        ),
        QuoteBlock(
            quote=Quote(text="складними, але професійними", speaker=Person(name="МЗС РФ"), language="ru")
        ),
        Figure(
            image=Image(
                url="https://zn.ua/img/forall/u/495/1/blinken-lavrov.jpg",
                alt="Блінкен і Лавров у Женеві",
                caption="Ентоні Блінкен і Сергій Лавров перед зустріччю в Женеві",
                credit="Фото: Reuters",
                width=1200,
                height=800,
                media_type="image/jpeg",
            )
        ),
        Table(
            rows=(
                (
                    TableCell(children=(Text(text="Дата"),), header=True),
                    TableCell(children=(Text(text="Формат"),), header=True),
                ),
                (TableCell(children=(Text(text="10 січня"),)), TableCell(children=(Text(text="Женева"),))),
                (TableCell(children=(Text(text="12–13 січня"),), colspan=2),),
            ),
            header_rows=1,
            caption="Раунди переговорів",
        ),
        BulletList(items=((Paragraph(children=(Emphasis(children=(Text(text="«сфери впливу»"),)),)),),)),
        Separator(),
        Paragraph(
            children=(
                Text(text="Докладніше читайте у статтях Сергія Корсунського "),
                Mention(
                    link=korsunsky,
                    children=(
                        Link(
                            url=korsunsky.url or "",
                            children=(
                                Text(text="«Ультиматум Путіна і переговори Росія–США: чи здадуть Україну»"),
                            ),
                        ),
                    ),
                ),
                Text(text=" та Олександра Хари "),
                Mention(link=khara, children=(Text(text="«Як Білий дім відповів Кремлю»"),)),
                Text(text="."),
            )
        ),
        Embed(
            url="https://twitter.com/SecBlinken/status/1484553585838092291",
            title="Blinken on X",
            provider="X",
        ),
    )
    return Article(
        title="США не обговорюватимуть із РФ принцип «відчинених дверей» НАТО – Блінкен",
        id="https://zn.ua/ukr/WORLD/ssha-ne-obhovorjuvatimut-iz-rf-printsip-vidchinenikh-dverej-nato-blinken.html",
        url="https://zn.ua/ukr/WORLD/ssha-ne-obhovorjuvatimut-iz-rf-printsip-vidchinenikh-dverej-nato-blinken.html",
        subtitle="Переговори в Женеві",
        lead="Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню політику.",
        language="uk",
        authors=(
            Person(name="Ірина Кузнєцова", role="кореспондентка", url="https://zn.ua/author/kuznetsova"),
        ),
        published=dt.datetime(2022, 1, 21, 19, 5, tzinfo=KYIV),
        modified=dt.datetime(2022, 1, 21, 20, 15, 30, tzinfo=KYIV),
        section="Світ",
        tags=("США", "Росія", "НАТО", "Ентоні Блінкен"),
        genre="news",
        dateline="ЖЕНЕВА, 21 січня",
        source=Source(name="Інтерфакс-Україна", url="https://interfax.com.ua/"),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua/", logo="https://zn.ua/img/logo.svg"),
        rights="© 2022 ZN.ua. Усі права захищені.",
        images=(
            Image(
                url="https://zn.ua/img/article/blinken.jpg",
                alt="Блінкен",
                caption="Ентоні Блінкен",
                credit="Фото: AP",
                width=800,
                height=450,
                media_type="image/jpeg",
            ),
        ),
        body=body,
        see_also=(
            RelatedLink(
                title="Блінкен приїхав до Києва",
                url="https://zn.ua/ukr/blinken-kyiv.html",
                relation=Relation.SEE_ALSO,
            ),
        ),
        translations=(
            Translation(
                language="ru",
                url="https://zn.ua/WORLD/ssha-ne-budut-obsuzhdat-s-rf-printsip-otkrytykh-dverej-nato.html",
                title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
                article=Article(
                    title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
                    language="ru",
                    body=(Paragraph(children=(Text(text="Госсекретарь США…"),)),),
                ),
            ),
        ),
    )


def _drop_author_roles(people: tuple[Person, ...]) -> tuple[Person, ...]:
    return tuple(attrs.evolve(person, role=None) for person in people)


def projection(article: Article) -> Article:
    """The part of ``article`` that ninjs holds: what ``read(write(a))`` must give back exactly.

    ninjs has no place for the role of an author (``by`` and ``infoSources`` hold
    a name and a link): authors of the article, of its ``see_also`` links and of
    full translations lose ``role``. Authors inside the body (related boxes,
    mentions, quote speakers) keep it in the HTML markup. Everything else survives.
    """
    return attrs.evolve(
        article,
        authors=_drop_author_roles(article.authors),
        see_also=tuple(
            attrs.evolve(link, authors=_drop_author_roles(link.authors)) for link in article.see_also
        ),
        translations=tuple(
            attrs.evolve(t, article=projection(t.article) if t.article is not None else None)
            for t in article.translations
        ),
    )
