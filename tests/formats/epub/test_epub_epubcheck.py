"""EPUBCheck (``--failonwarnings``) reports nothing at all on any book we write."""

from __future__ import annotations

import pytest
from epub_samples import BOOKS, GENERATED_COUNT

# One worker runs the whole module, so the session's single EPUBCheck call is made once.
pytestmark = pytest.mark.xdist_group("epubcheck")


@pytest.mark.parametrize("name", sorted(BOOKS))
def test_sample_book_passes_epubcheck(name: str, epubcheck_reports: dict[str, tuple[int, str]]) -> None:
    status, report = epubcheck_reports[name]
    assert status == 0, report
    assert "No errors or warnings detected" in report, report


@pytest.mark.parametrize("index", range(GENERATED_COUNT))
def test_generated_document_passes_epubcheck(
    index: int, epubcheck_reports: dict[str, tuple[int, str]]
) -> None:
    status, report = epubcheck_reports[f"generated-{index:02d}"]
    assert status == 0, report
