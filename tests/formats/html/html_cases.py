"""HTML reader rule cases kept in fixture files, in the layout of markdown-it-py's port fixtures.

A file under ``tests/data/html/cases/`` holds cases separated by blank lines.
Each case is::

    title line (says what rule the case shows)
    option: value        (zero or more; see below)
    .
    the input HTML, any number of lines
    .
    the expected result, any number of lines
    .

A separator is a line holding only ``.``. Options: ``title`` (the headline the
body extraction is told; ``None`` for none), ``base_url``, ``body_selector``,
``drop_selectors`` (comma-separated), ``url`` and ``lang`` (metadata cases),
``note`` (a remark for whoever reads the case; not used) and ``xfail`` (the name of a reader bug: the case must fail, strictly, until it
is fixed). ``{PROSE}`` in input or expected text stands for :data:`PROSE`, a
sentence long enough to read as article text.

How the expected result reads is up to each area's test module; this one
only splits files into cases, turns them into pytest parameters with ids of
the form ``<file>-<line>-<title>``, and compares text with a readable diff.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest

CASES = Path(__file__).resolve().parents[2] / "data" / "html" / "cases"
PROSE = (
    "The ministers met for three hours in a hotel by the lake and agreed on nothing but the date "
    "of their next meeting, officials on both sides said afterwards."
)
BASE = "https://news.example/world/2024/story.html"
HEADLINE = "Ministers meet in Geneva"
AFTER = "<!-- after the page -->"
PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title} | Example News</title></head>
<body>
<header class="site-header"><a href="/">Example News</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/culture">Culture and arts</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>{title}</h1>
{body}
</article>
<aside class="most-read"><h2>Most read</h2><ol>
  <li><a href="/a">A story everybody read yesterday about something else entirely</a></li>
  <li><a href="/b">Another story with a long title that is not part of this article</a></li>
</ol></aside></main>
<footer><p>© 2024 Example News. All rights reserved. Contact us at the address below for more.</p></footer>
</body></html>"""


def page(markup: str) -> str:
    """The document a body case's input stands for: a whole page as it is, anything else set in PAGE."""
    if markup.lstrip().lower().startswith(("<html", "<!doctype")):
        return markup
    inside, _, after = markup.partition(AFTER)
    return PAGE.format(title=HEADLINE, body=inside.strip("\n")) + after.strip("\n")


_OPTION = re.compile(r"^([a-z_]+):\s?(.*)$")


@attrs.frozen
class Case:
    """One fixture case, as written in its file."""

    file: str
    line: int
    """The line number of the case's title, counted from 1."""
    title: str
    options: Mapping[str, str]
    input: str
    expected: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


class FixtureSyntaxError(Exception):
    """A fixture file that does not follow the layout; names the file and line."""


def expand(text: str) -> str:
    """Fixture text with its placeholders filled in."""
    return text.replace("{PROSE}", PROSE)


def load(name: str, folder: Path = CASES) -> list[Case]:
    """The cases of ``tests/data/html/cases/<name>`` (or of ``name`` in ``folder``)."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    cases: list[Case] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        start = index
        title = lines[index].strip()
        index += 1
        options: dict[str, str] = {}
        while index < len(lines) and lines[index] != ".":
            match = _OPTION.match(lines[index])
            if match is None:
                raise FixtureSyntaxError(f"{name}:{index + 1}: expected 'option: value' or '.'")
            options[match.group(1)] = match.group(2)
            index += 1
        sections: list[list[str]] = []
        for _ in range(2):
            index += 1  # past the "." that opens this section
            section: list[str] = []
            while index < len(lines) and lines[index] != ".":
                section.append(lines[index])
                index += 1
            if index >= len(lines):
                raise FixtureSyntaxError(f"{name}:{start + 1}: case {title!r} is not closed by '.'")
            sections.append(section)
        index += 1  # past the closing "."
        cases.append(
            Case(
                file=name,
                line=start + 1,
                title=title,
                options=options,
                input=expand("\n".join(sections[0])),
                expected=expand("\n".join(sections[1])),
            )
        )
    if not cases:
        raise FixtureSyntaxError(f"{name}: no cases")
    return cases


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def params(name: str) -> list[object]:
    """The cases of a file as pytest parameters, a named reader bug making one a strict xfail."""
    out: list[object] = []
    for case in load(name):
        marks = []
        if "xfail" in case.options:
            marks.append(pytest.mark.xfail(strict=True, reason=case.options["xfail"]))
        stem = name.removesuffix(".txt")
        out.append(pytest.param(case, id=f"{stem}-{case.line}-{_slug(case.title)}", marks=marks))
    return out


def check(case: Case, actual: str) -> None:
    """Fail with a unified diff, expected against actual, when they differ."""
    if actual == case.expected:
        return
    # The diff is shown as the file is written, with the placeholder folded back in.
    diff = "\n".join(
        difflib.unified_diff(
            case.expected.replace(PROSE, "{PROSE}").splitlines(),
            actual.replace(PROSE, "{PROSE}").splitlines(),
            fromfile=f"expected ({case.where})",
            tofile="actual",
            lineterm="",
        )
    )
    pytest.fail(f"{case.where}: {case.title}\n{diff}", pytrace=False)


def option(case: Case, key: str) -> str | None:
    """An option's value; ``None`` when it is not given or written ``None``."""
    value = case.options.get(key)
    return None if value in (None, "None") else value
