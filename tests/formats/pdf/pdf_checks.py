"""Reading a written PDF back with pypdf: text, lines by position, fonts, colour operators, outline."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pypdf
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject


def reader(data: bytes) -> pypdf.PdfReader:
    """A pypdf reader over ``data``, which must be a complete PDF."""
    assert data.startswith(b"%PDF-"), data[:20]
    assert data.rstrip().endswith(b"%%EOF")
    return pypdf.PdfReader(io.BytesIO(data))


def text(data: bytes) -> str:
    """All the text, page after page."""
    return "\n".join(page.extract_text() for page in reader(data).pages)


def loose(paragraph: str) -> re.Pattern[str]:
    """A pattern for ``paragraph`` as extracted from a typeset page, and nothing looser.

    Between two characters a line may end, with an inserted hyphen (hyphenation)
    or without (a forced break of an over-long word); a space may be a line end.
    """
    parts: list[str] = []
    for index, char in enumerate(paragraph):
        if char in " \u00a0":
            parts.append(r"(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)")
            continue
        if index and paragraph[index - 1] not in " \u00a0":
            parts.append(r"(?:-?\n)?")
        parts.append(re.escape(char))
    return re.compile("".join(parts))


def lines(page: Any) -> list[str]:
    """The page's text as lines, grouped by baseline (content order can differ from reading order)."""
    found: list[tuple[float, float, str]] = []
    # pypdf reports text inside a form XObject (the contents' page numbers) in the form's own
    # coordinates; the page's transformation at the form's ``Do`` places it.
    forms: list[tuple[float, float]] = []

    def before(operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        if operator == b"Do":
            forms.append((cm[4], cm[5]))

    def after(operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        if operator == b"Do" and forms:
            forms.pop()

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            dx, dy = forms[-1] if forms else (0.0, 0.0)
            x = tm[4] * cm[0] + cm[4] + dx
            y = tm[5] * cm[3] + cm[5] + dy
            found.append((round(y), x, text.strip()))

    page.extract_text(visitor_text=visit, visitor_operand_before=before, visitor_operand_after=after)
    rows: dict[float, list[tuple[float, str]]] = {}
    for y, x, piece in found:
        rows.setdefault(y, []).append((x, piece))
    return [" ".join(piece for _, piece in sorted(rows[y])) for y in sorted(rows, reverse=True)]


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def fonts(data: bytes) -> list[DictionaryObject]:
    """Every font dictionary used by any page or form XObject."""
    out: dict[int, DictionaryObject] = {}
    for page in reader(data).pages:
        for resources in _resources(_resolve(page.get("/Resources")), depth=0):
            for font in _resolve(resources.get("/Font", {})).values():
                resolved = _resolve(font)
                out[id(resolved)] = resolved
    return list(out.values())


def _resources(resources: Any, depth: int) -> Iterator[DictionaryObject]:
    if not resources or depth > 5:
        return
    yield resources
    for xobject in _resolve(resources.get("/XObject", {})).values():
        xobject = _resolve(xobject)
        if xobject.get("/Subtype") == "/Form":
            yield from _resources(_resolve(xobject.get("/Resources")), depth + 1)


def colour_operators(data: bytes) -> set[str]:
    """The colour-setting operators used in page content, plus image colour spaces as ``image:/Name``."""
    pdf = reader(data)
    found: set[str] = set()
    wanted = {b"rg", b"RG", b"k", b"K", b"g", b"G", b"sc", b"SC", b"scn", b"SCN", b"cs", b"CS"}
    for page in pdf.pages:
        contents = page.get_contents()
        if contents is None:
            continue
        for operands, operator in ContentStream(contents, pdf).operations:
            if operator in wanted:
                found.add(operator.decode())
            if operator in (b"cs", b"CS"):
                found.add(f"space:{operands[0]}")
        for resources in _resources(_resolve(page.get("/Resources")), depth=0):
            for xobject in _resolve(resources.get("/XObject", {})).values():
                xobject = _resolve(xobject)
                if xobject.get("/Subtype") == "/Image":
                    found.add(f"image:{xobject.get('/ColorSpace')}")
    return found


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """The outline flattened to ``(level, title, page number from 1)``."""
    pdf = reader(data)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, str(item.title), pdf.get_destination_page_number(item) + 1))

    walk(pdf.outline, 0)
    return out


def annotations(data: bytes) -> list[tuple[int, DictionaryObject]]:
    """Every link annotation with its page number (from 1)."""
    out = []
    for number, page in enumerate(reader(data).pages, start=1):
        for annotation in page.get("/Annots", []) or []:
            annotation = _resolve(annotation)
            if annotation.get("/Subtype") == "/Link":
                out.append((number, annotation))
    return out


def strict(paragraph: str) -> re.Pattern[str]:
    """A pattern for ``paragraph`` of ordinary words as extracted from a typeset page.

    Stricter than :func:`loose`: inside a word a line may end only at a hyphen the typesetter
    added; a space may be a line end; nothing else may change (no space lost or added).
    """
    parts: list[str] = []
    for index, char in enumerate(paragraph):
        if char == " ":
            parts.append(r"(?: +| *\n *)")
            continue
        if index and paragraph[index - 1] != " ":
            parts.append(r"(?:-\n)?")
        parts.append(re.escape(char))
    return re.compile("".join(parts))
