"""The seed story (../shared/seeds/000_5d8bebfd66070adc.txt) built with the model, and editions made from it.

The bench script imports this module too, so both measure the same documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from broadsheet.model import (
    Article,
    Edition,
    InlineQuote,
    Mention,
    Paragraph,
    Person,
    Publisher,
    Quote,
    RelatedBox,
    RelatedLink,
    Relation,
    Section,
    Source,
    Text,
    Translation,
)

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds" / "000_5d8bebfd66070adc.txt"

TITLE = "США не обговорюватимуть із РФ принцип «відчинених дверей» НАТО – Блінкен"
LEAD = "Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню політику."
QUOTE = (
    "Дуже важливо бути взаємно відвертим про речі, на які ми не підемо, і однією з них є факт того, що ми не "
    "переглядатимемо фундаментальні принципи, які ми маємо і які ми захищатимемо. Одним із них є принцип "
    "«відкритих дверей» НАТО"
)
READ_ALSO = 'США наступного тижня можуть передати Росії перелік своїх "побоювань та ідей" – Блінкен'
MENTIONS = (
    (
        "Сергій Корсунський",
        "Сергія Корсунського",
        "Ультиматум Путіна і переговори Росія–США: чи здадуть Україну",
    ),
    ("Олексій Іжак", "Олексія Іжака", "Чи відведе Путін війська від України після переговорів зі США?"),
    ("Олександр Хара", "Олександра Хари", "Як Білий дім відповів Кремлю: навіщо Блінкен приїздив до Києва"),
)


def seed_paragraphs() -> list[str]:
    """The seed file's paragraphs of story text (site chrome and the read-also line left out)."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [
        line
        for line in lines
        if line not in ("UA / RU", "Підтримати ZN.ua") and not line.startswith("Читайте")
    ]


def _p(*parts: str | InlineQuote | Mention) -> Paragraph:
    return Paragraph(children=[Text(text=part) if isinstance(part, str) else part for part in parts])


def _mention(index: int, words: str) -> Mention:
    name, genitive, title = MENTIONS[index]
    assert words.startswith(genitive) and title in words
    link = RelatedLink(
        title=title,
        url=f"https://zn.ua/ukr/article-{index + 1}.html",
        authors=(Person(name=name),),
        relation=Relation.MENTIONED,
    )
    return Mention(link=link, children=(Text(text=words),))


def seed_article() -> Article:
    """The seed story: headline, lead, Interfax source, Blinken's quote, read-also box, three mentions, RU link."""
    paragraphs = seed_paragraphs()
    assert paragraphs[0] == TITLE and paragraphs[1] == LEAD
    body = paragraphs[2:]
    blinken = Person(name="Ентоні Блінкен", role="Держсекретар США")
    quote = InlineQuote(quote=Quote(text=QUOTE, speaker=blinken))
    mention_para = body[6]
    first = mention_para.index("Сергія")
    first_end = mention_para.index("»", first) + 1
    second = mention_para.index("Олексія")
    last_para = body[7]
    third = last_para.index("Олександра")
    third_end = last_para.index("»", third) + 1
    blocks = [
        _p(body[0]),
        _p(quote, body[1][len(QUOTE) + 2 :]),
        _p(body[2]),
        RelatedBox(
            links=(RelatedLink(title=READ_ALSO, url="https://zn.ua/ukr/WORLD/ssha-pereluk.html"),),
            label="Читайте також",
        ),
        _p(body[3]),
        _p(body[4]),
        _p(body[5]),
        _p(
            mention_para[:first],
            _mention(0, mention_para[first:first_end]),
            mention_para[first_end:second],
            _mention(1, mention_para[second:]),
        ),
        _p(last_para[:third], _mention(2, last_para[third:third_end]), last_para[third_end:]),
    ]
    return Article(
        title=TITLE,
        lead=LEAD,
        language="uk",
        url="https://zn.ua/ukr/WORLD/ssha-ne-obhovorjuvatimut-blinken.html",
        authors=(),
        published=dt.datetime(2022, 1, 21, 18, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        section="Світ",
        source=Source(name="Інтерфакс-Україна", url="https://interfax.com.ua/"),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua/"),
        body=blocks,
        translations=(
            Translation(
                language="ru",
                url="https://zn.ua/WORLD/ssha-ne-budut-obsuzhdat-blinken.html",
                title="США не будут обсуждать с РФ принцип «открытых дверей» НАТО – Блинкен",
            ),
        ),
    )


def edition(count: int = 50, *, sections: int = 5) -> Edition:
    """An edition of ``count`` copies of the seed story in ``sections`` titled sections, each with its own URL."""
    base = seed_article()
    articles = [
        attrs.evolve(
            base, title=f"{index + 1}. {base.title}", url=f"https://zn.ua/ukr/story-{index + 1}.html"
        )
        for index in range(count)
    ]
    per = -(-count // sections)
    parts = [
        Section(title=f"Розділ {number + 1}", articles=articles[number * per : (number + 1) * per])
        for number in range(sections)
        if articles[number * per : (number + 1) * per]
    ]
    return Edition(
        title="Ранковий випуск",
        sections=parts,
        date=dt.date(2022, 1, 22),
        publisher=Publisher(name="ZN.ua", url="https://zn.ua/"),
        language="uk",
    )
