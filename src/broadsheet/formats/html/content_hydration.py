"""Recover a story that a page ships only as data for its scripts: the HTML of the article body kept
in JSON strings of a hydration payload (Next.js, Nuxt and the like), with no text in the markup.

Used only when the markup itself holds no story; the HTML found goes through the same cleaning
and block reading as any page, so nothing from a script runs or reaches the model except text.
"""

from __future__ import annotations

import json
import re

from lxml import html

from broadsheet.errors import ReadError
from broadsheet.formats._shared import parsers

_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.DOTALL)
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z]")
_MIN_PARAGRAPHS = 3
_MAX_SCRIPT = 2_000_000


def payload_scripts(root: html.HtmlElement) -> list[str]:
    """The texts of scripts that may carry escaped article HTML (read before scripts are removed)."""
    found: list[str] = []
    for script in root.iter("script"):
        text = script.text
        if text and len(text) < _MAX_SCRIPT and ("\\u003cp" in text or "<p>" in text or "<p " in text):
            found.append(text)
    return found


def hydrated_body(scripts: list[str]) -> html.HtmlElement | None:
    """An element holding the longest run of paragraphs found in the scripts' strings, if any."""
    best, best_count = "", _MIN_PARAGRAPHS - 1
    for text in _strings(scripts, depth=3):
        count = len(_PARAGRAPH.findall(text))
        if count > best_count:
            best, best_count = text, count
    if not best:
        return None
    # From the first tag to the last paragraph's end: what lies around is data, not the story.
    start = _TAG.search(best)
    end = best.rfind("</p>")
    fragment = best[start.start() if start else 0 : end + 4 if end >= 0 else len(best)]
    try:
        return parsers.parse_html_fragment(fragment)
    except ReadError:
        return None


def _strings(texts: list[str], depth: int) -> list[str]:
    # Payloads nest (JSON inside a JavaScript string): decode each long string literal, and look
    # for literals inside what it decodes to, a few layers deep.
    found: list[str] = []
    for text in texts:
        for match in _STRING.finditer(text):
            try:
                decoded = json.loads(f'"{match.group(1)}"')
            except ValueError:
                continue
            if not isinstance(decoded, str):
                continue
            found.append(decoded)
            if depth > 1 and '"' in decoded:
                found.extend(_strings([decoded], depth - 1))
    return found
