"""Writer cases kept as fixture files, in the style of markdown-it-py's ``tests/test_port/fixtures``.

A case is a title line, a line holding only ``.``, the input, ``.``, the expected output, ``.``.
The input is the native JSON of a small article (an object with a ``"title"``) or of a body
(an object with ``"body"`` and, if wanted, ``"language"``); an ``"options"`` object is passed
to the writer's ``WriteOptions``. Text between cases is commentary.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from broadsheet.formats.json.codec import load_article
from broadsheet.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "writers"


@attrs.frozen
class Case:
    """One writer case: where it starts in its file, its title, its input and its expected output."""

    line: int
    title: str
    source: str
    expected: str


def read_cases(path: Path) -> list[Case]:
    """The cases of a fixture file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cases: list[Case] = []
    dots = [number for number, line in enumerate(lines) if line.rstrip("\n") == "."]
    if len(dots) % 3:
        raise ValueError(f"{path}: {len(dots)} lines of '.', not three per case")
    for first, second, third in zip(dots[::3], dots[1::3], dots[2::3], strict=True):
        title = lines[first - 1].strip() if first else ""
        if not title:
            raise ValueError(f"{path}:{first + 1}: a case needs a title line before its '.'")
        cases.append(
            Case(
                line=first,
                title=title,
                source="".join(lines[first + 1 : second]),
                expected="".join(lines[second + 1 : third]),
            )
        )
    return cases


def parametrize(name: str) -> pytest.MarkDecorator:
    """One test per case of ``tests/data/writers/<name>``, named by its title and line."""
    cases = read_cases(DATA / name)
    return pytest.mark.parametrize("case", cases, ids=[f"{c.line + 1}-{c.title}" for c in cases])


@attrs.frozen
class Input:
    """A case's input read: the article (a body gets a placeholder title), and the writer's options."""

    article: Article
    body_only: bool
    options: dict[str, Any]


def read_input(case: Case) -> Input:
    data = json.loads(case.source)
    options = data.pop("options", {})
    body_only = "title" not in data
    if body_only:
        data["title"] = "—"
    return Input(article=load_article(data), body_only=body_only, options=options)


def check(case: Case, write: Callable[[Input], str]) -> None:
    """The writer's output for the case's input is the expected output, or a diff says where not."""
    got = write(read_input(case))
    if got != case.expected:
        diff = difflib.unified_diff(
            case.expected.splitlines(keepends=True), got.splitlines(keepends=True), "expected", "written"
        )
        pytest.fail(f"{case.title} (line {case.line + 1}):\n{''.join(diff)}", pytrace=False)
