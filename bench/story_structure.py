"""Which of a page's story lists, tables and figures reach broadsheet's body.

No corpus marks lists or tables in its expected text, so a story list or table is found from the
page: a ``<ul>``/``<ol>`` or ``<table>`` of which at least two items (list items, table cells) of
some length, and at least half of such items, occur in the expected text (a list item as a whole
line of it, or inside a line when it is long), leaving out lists whose every item is one link (a
table of contents, a list of other articles). Each one found is
``kept`` (a list or table of broadsheet's body holds at least half of those items), ``flat`` (the
items are in the body's text, but not as a list or table), ``box`` (a list of links kept as a
read-also box, whose titles are not running text) or ``lost``.

Figures: each expected image (fundus-dev's ``images``) is ``kept`` when broadsheet gives an image
(in the body or the article's images) with the same host and path in any of the image's versions
(or the same host and file name but for a size such as ``1200x675``), or with the same caption.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from corpus_metrics import block_text
from lxml import etree

from broadsheet.model import Article, BulletList, Figure, OrderedList, RelatedBox, Table
from broadsheet.model.walk import collect

MIN_ITEM = 12
"""Characters an item needs to count: shorter ones ("Home", "1", "Yes") occur anywhere."""
MIN_INSIDE = 40
"""Characters a list item needs to count when found inside a line of the expected text rather than
as a whole line: a tag list's short names ("Ampel-Koalition") occur inside the story's sentences."""
MIN_MATCHED = 2
"""Items of a list or table that must occur in the expected text."""
MIN_SHARE = 0.5
"""Share of its counted items that must occur in the expected text."""


def norm(text: str) -> str:
    """Compare texts case-free, whitespace-free, without soft hyphens, in NFC."""
    return "".join(unicodedata.normalize("NFC", text).replace("\u00ad", "").casefold().split())


@dataclass
class Structure:
    """One story list or table of a page."""

    kind: str
    """``list`` or ``table``."""
    items: list[str]
    """Its items (normalised) that occur in the expected text."""
    label: str
    """The first words of its first such item, to name it in a report."""
    verdict: str = "lost"
    """``kept``, ``flat``, ``box`` (its links kept as a read-also box) or ``lost``."""


@dataclass
class PageStructure:
    """The story lists, tables and figures of one page and what broadsheet kept of them."""

    structures: list[Structure] = field(default_factory=list)
    figures_kept: int = 0
    figures_lost: list[str] = field(default_factory=list)
    """The captions (or addresses) of the expected figures broadsheet lost."""


def _items(element: Any) -> list[tuple[str, str]]:
    """Each item's normalised and raw text."""
    if element.tag == "table":
        cells = element.iter("td", "th")
    else:
        cells = (child for child in element if child.tag == "li")
    texts = (" ".join(" ".join(cell.itertext()).split()) for cell in cells)
    return [(norm(text), text) for text in texts]


def _link_list(element: Any) -> bool:
    """Whether every item of a list is all one link's text: a table of contents or a list of other
    articles, which some truths copy as lines but which is no part of the story's own text."""
    for item in element:
        if item.tag != "li":
            continue
        text = norm(" ".join(item.itertext()))
        links = [norm(" ".join(link.itertext())) for link in item.iter("a")]
        if not text or text not in links:
            return False
    return True


def story_structures(root: Any, expected: str) -> list[Structure]:
    """The lists and tables of a parsed page whose items the expected text holds."""
    truth = norm(expected)
    lines = {norm(line) for line in expected.splitlines()}
    found: list[Structure] = []
    seen: set[tuple[str, ...]] = set()
    taken: set[Any] = set()  # structures inside a story structure are part of it
    for element in root.iter("ul", "ol", "table"):
        if any(ancestor in taken for ancestor in element.iterancestors("ul", "ol", "table")):
            continue
        counted = [item for item in _items(element) if len(item[0]) >= MIN_ITEM]
        inside = MIN_ITEM if element.tag == "table" else MIN_INSIDE
        matched = [
            item for item in counted if item[0] in lines or (len(item[0]) >= inside and item[0] in truth)
        ]
        if len(matched) < MIN_MATCHED or len(matched) < MIN_SHARE * len(counted):
            continue
        taken.add(element)
        if element.tag != "table" and _link_list(element):
            continue
        key = tuple(item[0] for item in matched)
        if key in seen:  # the same list twice in the page (a template, a print copy)
            continue
        seen.add(key)
        label = " ".join(matched[0][1].split()[:6])
        kind = "table" if element.tag == "table" else "list"
        found.append(Structure(kind=kind, items=list(key), label=label))
    return found


def structures_holding(root: Any, strings: Iterable[str]) -> list[Structure]:
    """The innermost list items and table cells that hold one of ``strings`` (must-contain
    assertions), one structure per list or table: the story lists and tables of a suite that gives
    strings, not the whole expected text."""
    wanted = [(norm(text), text) for text in strings if len(norm(text)) >= MIN_ITEM]
    by_element: dict[Any, Structure] = {}
    for cell in root.iter("li", "td", "th"):
        text = norm(" ".join(cell.itertext()))
        for key, raw in wanted:
            if key not in text:
                continue
            owner = next(cell.iterancestors("ul", "ol", "table"), None)
            if owner is None or any(key in item for item in _inner_texts(cell, key)):
                continue
            structure = by_element.setdefault(
                owner,
                Structure(kind="table" if owner.tag == "table" else "list", items=[], label=""),
            )
            if key not in structure.items:
                structure.items.append(key)
                structure.label = structure.label or " ".join(raw.split()[:6])
    return list(by_element.values())


def _inner_texts(cell: Any, key: str) -> Iterator[str]:
    """The texts of the list items and cells inside ``cell`` (so only the innermost counts)."""
    for inner in cell.iter("li", "td", "th"):
        if inner is not cell:
            yield norm(" ".join(inner.itertext()))


def _structure_texts(article: Article, kinds: tuple[type, ...]) -> list[str]:
    nodes = collect(article.body, lambda node: [node] if isinstance(node, kinds) else [])
    return [norm(block_text(node)) for node in nodes]


def judge(structures: list[Structure], article: Article) -> None:
    """Set each structure's verdict from broadsheet's body."""
    lists = _structure_texts(article, (BulletList, OrderedList))
    tables = _structure_texts(article, (Table,))
    boxes = [
        norm(" ".join(link.title for link in node.links))
        for node in collect(article.body, lambda node: [node] if isinstance(node, RelatedBox) else [])
    ]
    body = norm("\n".join([article.lead or "", *(block_text(block) for block in article.body)]))
    for structure in structures:
        need = MIN_SHARE * len(structure.items)
        pool = tables if structure.kind == "table" else lists
        if any(sum(item in text for item in structure.items) >= need for text in pool):
            structure.verdict = "kept"
        elif sum(item in body for item in structure.items) >= need:
            structure.verdict = "flat"
        elif any(sum(item in text for item in structure.items) >= need for text in boxes):
            structure.verdict = "box"


_SIZE = re.compile(r"\d{2,5}x\d{2,5}")


def _keys(url: str) -> set[str]:
    """An image's host and path, and its host and file name without a size ("1200x675"): one
    picture served in several sizes is one figure."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    name = _SIZE.sub("", parts.path.rsplit("/", 1)[-1])
    return {f"{host}{parts.path}", f"{host} {name}"}


def judge_figures(expected: list[dict[str, Any]], article: Article, page: PageStructure) -> None:
    """Count the expected images broadsheet gives, by address or caption."""
    images = [*article.images, *(node.image for node in collect(article.body, _figures))]
    keys = {key for image in images for key in _keys(image.url)}
    captions = {norm(image.caption) for image in images if image.caption}
    for image in expected:
        wanted = {
            key
            for version in image.get("versions", [])
            if version.get("url")
            for key in _keys(version["url"])
        }
        caption = norm(image.get("caption") or "")
        if wanted & keys or (caption and any(caption in found for found in captions)):
            page.figures_kept += 1
        else:
            name = image.get("caption") or min(wanted, default="?")
            page.figures_lost.append(" ".join(name.split()[:8]))


def _figures(node: Any) -> list[Figure]:
    return [node] if isinstance(node, Figure) else []


def read_page(data: bytes, expected_text: str, article: Article) -> PageStructure:
    """The story lists and tables of a page, judged against broadsheet's article."""
    root = etree.HTML(data)
    page = PageStructure()
    if root is None:
        return page
    page.structures = story_structures(root, expected_text)
    judge(page.structures, article)
    return page


def read_assertions(data: bytes, strings: Iterable[str], article: Article) -> PageStructure:
    """The lists and tables holding a page's must-contain strings, judged against the article."""
    root = etree.HTML(data)
    page = PageStructure()
    if root is None:
        return page
    page.structures = structures_holding(root, strings)
    judge(page.structures, article)
    return page


def report(pages: list[tuple[str, PageStructure]], figures: bool = True) -> dict[str, int]:
    """Print kept/flat/lost per kind, with the page names of the ones not kept; return the counts."""
    counts: dict[str, int] = {}
    for kind in ("list", "table"):
        for verdict in ("kept", "flat", "box", "lost"):
            counts[f"{kind} {verdict}"] = sum(
                structure.kind == kind and structure.verdict == verdict
                for _, page in pages
                for structure in page.structures
            )
    line = "  ".join(f"{name} {count}" for name, count in counts.items())
    print(f"\nstory lists and tables ({len(pages)} pages): {line}")
    for name, page in pages:
        for structure in page.structures:
            if structure.verdict != "kept":
                print(
                    f"  {structure.verdict:<5} {structure.kind:<6}{name:<44} {len(structure.items):>3} items"
                    f"  {structure.label!r}"
                )
    if figures:
        counts["figures kept"] = sum(page.figures_kept for _, page in pages)
        counts["figures lost"] = sum(len(page.figures_lost) for _, page in pages)
        print(f"figures: kept {counts['figures kept']}  lost {counts['figures lost']}")
        for name, page in sorted(pages, key=lambda pair: -len(pair[1].figures_lost)):
            if page.figures_lost:
                print(f"  lost {len(page.figures_lost):>3} of {len(page.figures_lost) + page.figures_kept:>3}"
                      f"  {name:<44} {page.figures_lost[0]!r}")  # fmt: skip
    return counts
