"""Whole-page reading rules, one fixture case each (tests/data/html/cases/read.txt).

A case's input is the whole page, read as UTF-8 bytes by ``broadsheet.read``
without the text analysis; the expected text is ``field: value`` lines of the
:class:`~broadsheet.model.Article` fields the case is about.
"""

from __future__ import annotations

import pytest
from html_cases import Case, check, params
from html_outline import fields

import broadsheet


@pytest.mark.parametrize("case", params("read.txt"))
def test_read(case: Case) -> None:
    article = broadsheet.read(case.input.encode(), format="html", enrich=False)
    check(case, fields(article, case.expected))
