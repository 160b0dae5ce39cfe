"""Metadata rules, one fixture case each (tests/data/html/cases/{metadata,titles,dates,authors,translations}.txt).

A case's input is what goes in the page's ``<head>``; a line ``<!-- body -->``
starts what goes in its ``<body>``. Options: ``lang`` (the ``<html lang>``) and
``url`` (the address the page was fetched from). The expected text is
``field: value`` lines, in :func:`html_outline.value`'s form, of only the
fields the case is about. ``bylines.txt`` and ``date_strings.txt`` test the
byline splitter and the date parser on one line of text each (``printed: <language>`` reads a
date line as visible text, as :func:`dates.from_text` does).
"""

from __future__ import annotations

import pytest
from html_cases import Case, check, option, params
from html_outline import fields, value

from broadsheet.formats.html import bylines, dates
from broadsheet.formats.html.document import parse
from broadsheet.formats.html.metadata import Metadata, extract

BODY = "<!-- body -->"


def page(case: Case) -> str:
    """The document a case's input stands for."""
    head, _, body = case.input.partition(BODY)
    lang = option(case, "lang")
    attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{attr}><head><meta charset='utf-8'>{head.strip()}</head>"
        f"<body>{body.strip()}</body></html>"
    )


def metadata(case: Case) -> Metadata:
    return extract(parse(page(case).encode()).root, url=option(case, "url"))


def _page_params() -> list[object]:
    out: list[object] = []
    for name in ("metadata.txt", "titles.txt", "dates.txt", "authors.txt", "translations.txt"):
        out.extend(params(name))
    return out


@pytest.mark.parametrize("case", _page_params())
def test_metadata(case: Case) -> None:
    check(case, fields(metadata(case), case.expected))


@pytest.mark.parametrize("case", params("bylines.txt"))
def test_byline(case: Case) -> None:
    check(case, f"bylines: {value(bylines.split(case.input))}".rstrip())


@pytest.mark.parametrize("case", params("date_strings.txt"))
def test_date_string(case: Case) -> None:
    # Option ``printed: <language>`` reads the line as visible text ("-" for no language).
    printed = option(case, "printed")
    if printed is None:
        stamp = dates.parse(case.input)
    else:
        stamp = dates.from_text(case.input, None if printed == "-" else printed)
    check(case, "None" if stamp is None else fields(stamp, case.expected))
