"""The reader's word lists come from the page's language (tests/data/html/cases/lexicon.txt).

Each case names the page's language (``lang:``); a case without one reads as a page of unknown
language, which every lexicon file applies to.
"""

from __future__ import annotations

import pytest
from html_cases import Case, check, params
from test_body_cases import run


@pytest.mark.parametrize("case", params("lexicon.txt"))
def test_lexicon(case: Case) -> None:
    check(case, run(case))
