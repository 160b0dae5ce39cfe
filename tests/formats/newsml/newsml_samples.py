"""Documents for the NewsML-G2 tests beyond the seed (which comes from ``seed_story``): an edition."""

from __future__ import annotations

import datetime as dt

import attrs

from broadsheet.model import Article, Edition, Image, Paragraph, Publisher, Section, Text
from seed_story import full_article


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
