"""Editions made from the seed story (``seed_story.seed_article``), for the PDF tests and bench/pdf_speed.py.

The bench script imports this module too, so both measure the same documents.
"""

from __future__ import annotations

import datetime as dt

import attrs

from broadsheet.model import Article, Edition, Publisher, Section
from seed_story import seed_article

__all__ = ["edition", "seed_article"]


def edition(count: int = 50, *, sections: int = 5) -> Edition:
    """An edition of ``count`` copies of the seed story in ``sections`` titled sections, each with its own URL."""
    base: Article = seed_article()
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
