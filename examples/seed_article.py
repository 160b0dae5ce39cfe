"""Build the seed story (ZN.ua, 21 January 2022) by hand with the model and write it as JSON.

Run: ``python examples/seed_article.py [OUTPUT.json]`` (default: seed-article.json).
The result is the bundled example ``examples/zn-blinken.json``.
"""

from __future__ import annotations

import datetime as dt
import sys

import broadsheet
from broadsheet.model import (
    Article,
    InlineQuote,
    Mention,
    Paragraph,
    Person,
    Publisher,
    Quote,
    RelatedBox,
    RelatedLink,
    Relation,
    Source,
    Text,
    Translation,
)

KYIV = dt.timezone(dt.timedelta(hours=2))
BLINKEN = Person(name="Ентоні Блінкен", role="Держсекретар США")


def mention(author: str, title: str, as_printed: str) -> Mention:
    """An article the prose names by author (printed in the genitive) and title."""
    link = RelatedLink(title=title, authors=(Person(name=author),), relation=Relation.MENTIONED)
    return Mention(link=link, children=(Text(text=as_printed),))


def p(*children: Text | InlineQuote | Mention | str) -> Paragraph:
    """A paragraph; plain strings become text nodes."""
    return Paragraph(children=tuple(Text(text=c) if isinstance(c, str) else c for c in children))


def build() -> Article:
    """The seed article with every field the page carries."""
    body = (
        p(
            "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ "
            "РФ Сєргєєм Лавровим заявив, що США не вестимуть переговори з Росією щодо принципу "
            "«відкритих дверей» НАТО, пише «Інтерфакс-Україна». Блінкен додав, що США вважають "
            "неприпустимою зміну кордонів за допомогою сили."
        ),
        p(
            InlineQuote(
                quote=Quote(
                    text="Дуже важливо бути взаємно відвертим про речі, на які ми не підемо, і однією з них є "
                    "факт того, що ми не переглядатимемо фундаментальні принципи, які ми маємо і які ми "
                    "захищатимемо. Одним із них є принцип «відкритих дверей» НАТО",
                    speaker=BLINKEN,
                )
            ),
            ", - заявив Блінкен після зустрічі з Лавровим.",
        ),
        p(
            "За словами держсекретаря США, це стосується принципу того, що держави не можуть змінювати "
            "кордони інших країн за допомогою сили і не можуть диктувати іншим їхній вибір та їхню політику."
        ),
        RelatedBox(
            label="Читайте також",
            links=(
                RelatedLink(
                    title="США наступного тижня можуть передати Росії перелік своїх "
                    '"побоювань та ідей" – Блінкен',
                    relation=Relation.READ_ALSO,
                ),
            ),
        ),
        p(
            "Росія вже кілька місяців активно нарощує війська на кордоні з Україною. На тлі розмов про "
            "можливість повномасштабної війни РФ вимагає від НАТО «гарантій безпеки», згідно з якими "
            "Альянс має відмовитися від приєднання України та будь-якої військової діяльності в Україні, "
            "Східній Європі, Закавказзі та Центральній Азії."
        ),
        p(
            "10-13 січня відбулися три раунди переговорів, присвячених російським претензіям стосовно "
            "європейської безпеки: переговори делегацій Росії і США в Женеві, засідання Ради Росія-НАТО "
            "у Брюсселі та переговори в рамках ОБСЄ."
        ),
        p(
            "Переговори були ",
            InlineQuote(quote=Quote(text="складними, але професійними")),
            ", повідомили у РФ. За підсумками всі учасники заявили про розбіжності в позиціях. Вимоги "
            "Росії щодо нерозширення НАТО на схід були визнані неприйнятними. Москва отримала конкретну "
            "відмову на свою завуальовану пропозицію щодо переділу світу на нові «сфери впливу».",
        ),
        p(
            "Докладніше про те, чого добивається Москва і чи піде Захід їй на поступки, читайте у статтях ",
            mention(
                "Сергій Корсунський",
                "Ультиматум Путіна і переговори Росія–США: чи здадуть Україну",
                "Сергія Корсунського «Ультиматум Путіна і переговори Росія–США: чи здадуть Україну»",
            ),
            " та ",
            mention(
                "Олексій Іжак",
                "Чи відведе Путін війська від України після переговорів зі США?",
                "Олексія Іжака «Чи відведе Путін війська від України після переговорів зі США?»",
            ),
        ),
        p(
            "Про стратегію адміністрації Джо Байдена щодо стримування масштабної агресії Росії проти "
            "України, підходи Вашингтона до зниження ризиків ескалації читайте у статті ",
            mention(
                "Олександр Хара",
                "Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва",
                "Олександра Хари «Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва»",
            ),
            ".",
        ),
    )
    return Article(
        title="США не обговорюватимуть із РФ принцип «відчинених дверей» НАТО – Блінкен",
        lead="Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню "
        "політику.",
        language="uk",
        url="https://zn.ua/ukr/WORLD/ssha-ne-obhovorjuvatimut-iz-rf-printsip-vidchinenikh-dverej-nato-blinken.html",
        # The day of the Geneva meeting; the time of day is illustrative.
        published=dt.datetime(2022, 1, 21, 19, 45, tzinfo=KYIV),
        section="Світ",
        tags=("США", "Росія", "НАТО", "Ентоні Блінкен", "Сергій Лавров"),
        genre="news",
        # The page misprints the agency as «Інтерфакс-Кераїна»; the credit names the agency itself.
        source=Source(name="Інтерфакс-Україна", url="https://interfax.com.ua"),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua"),
        body=body,
        translations=(
            Translation(
                language="ru",
                url="https://zn.ua/WORLD/ssha-ne-budut-obsuzhdat-s-rf-printsip-otkrytykh-dverej-nato-blinken.html",
                title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
            ),
        ),
    )


def main(argv: list[str]) -> int:
    """Write the seed article as native JSON to the path given (or seed-article.json)."""
    output = argv[1] if len(argv) > 1 else "seed-article.json"
    article = build()
    broadsheet.write_file(article, output, "json")
    print(
        f"wrote {output}: {len(article.body)} blocks, {len(article.quotes)} quotes, "
        f"{len(article.related)} related articles, {len(article.translations)} translation"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
