"""The Markdown and plain-text writers' cases, from ``tests/data/writers/markdown.md`` and ``text.md``."""

from __future__ import annotations

import sys
from pathlib import Path

import broadsheet

# The runner sits beside this file; tests are imported by path (--import-mode=importlib).
sys.path.insert(0, str(Path(__file__).parent))
from writer_cases import Case, Input, check, parametrize


def _markdown(given: Input) -> str:
    options = {"metadata": False} | given.options
    written = broadsheet.write(given.article, "markdown", **options).decode("utf-8")
    return written.removeprefix("# —\n\n") if given.body_only else written


def _text(given: Input) -> str:
    written = broadsheet.write(given.article, "text", **given.options).decode("utf-8")
    return written.removeprefix("—\n\n") if given.body_only else written


@parametrize("markdown.md")
def test_markdown_case(case: Case) -> None:
    check(case, _markdown)


@parametrize("text.md")
def test_text_case(case: Case) -> None:
    check(case, _text)
