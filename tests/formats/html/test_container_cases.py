"""Container choice, one fixture case per mechanism (tests/data/html/cases/containers.txt): the
headline's container against the best-scoring element, the fallback when the choice holds too
little text, sibling blocks of one story, content names, and prose elsewhere on the page."""

from __future__ import annotations

import pytest
from html_cases import Case, check, params
from test_body_cases import run


@pytest.mark.parametrize("case", params("containers.txt"))
def test_containers(case: Case) -> None:
    check(case, run(case))
