"""The fixture reader itself: a case's parts, line numbers, options, and the errors a malformed file gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_cases import PROSE, FixtureSyntaxError, load


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "cases.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_cases_are_split_into_title_options_input_and_expected(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        "first case\n.\n<p>{PROSE}</p>\n<p>two</p>\n.\nP: {PROSE}\n.\n\n\nsecond case\ntitle: None\n.\n<p>x</p>\n.\n\n.\n",
    )
    first, second = load("cases.txt", folder)
    assert (first.line, first.title, dict(first.options)) == (1, "first case", {})
    assert first.input == f"<p>{PROSE}</p>\n<p>two</p>"
    assert first.expected == f"P: {PROSE}"
    assert (second.line, second.title, dict(second.options)) == (10, "second case", {"title": "None"})
    assert (second.input, second.expected) == ("<p>x</p>", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a case\n.\n<p>x</p>\n.\nP: x\n", "cases.txt:1: case 'a case' is not closed"),
        ("a case\nnot an option\n.\nx\n.\ny\n.\n", "cases.txt:2: expected 'option: value'"),
        ("\n\n", "cases.txt: no cases"),
    ],
)
def test_a_malformed_file_names_its_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(FixtureSyntaxError, match=message):
        load("cases.txt", write(tmp_path, text))
