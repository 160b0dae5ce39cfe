"""Main-content extraction rules, one fixture case each (tests/data/html/cases/{body,related,chrome,lines,lists,tables,edges}.txt).

An input that is not a whole page (no ``<html``) is set inside
:data:`html_cases.PAGE`, site chrome around the article; a line
``<!-- after the page -->`` puts what follows it after the page's closing
tag. The expected text is
:func:`outline.body` of the extraction.
"""

from __future__ import annotations

import html_outline as outline
import lxml.html
import pytest
from html_cases import BASE, HEADLINE, Case, check, option, page, params

from broadsheet.formats.html.body import extract_body


def run_markup(markup: str, options: dict[str, str]) -> str:
    """The outline of what the body extraction finds in a case's input."""
    case = Case(file="-", line=0, title="-", options=options, input=markup, expected="")
    return run(case)


def run(case: Case) -> str:
    drop = option(case, "drop_selectors")
    root = lxml.html.document_fromstring(page(case.input))
    found = extract_body(
        root,
        base_url=option(case, "base_url") or BASE,
        title=option(case, "title") if "title" in case.options else HEADLINE,
        body_selector=option(case, "body_selector"),
        drop_selectors=tuple(drop.split(",")) if drop else (),
        language=option(case, "lang"),
    )
    return outline.body(found)


@pytest.mark.parametrize("case", params("body.txt"))
def test_body(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("related.txt"))
def test_related(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("chrome.txt"))
def test_chrome(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("lines.txt"))
def test_lines(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("lists.txt"))
def test_lists(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("tables.txt"))
def test_tables(case: Case) -> None:
    check(case, run(case))


@pytest.mark.parametrize("case", params("edges.txt"))
def test_edges(case: Case) -> None:
    check(case, run(case))
