"""Links to other articles in the text: read-also paragraphs and articles named in the prose.

A paragraph that opens with a read-also label ("Читайте також:", "Read
also:", "Lesen Sie auch:" …) and holds only a title or links becomes a
:class:`~broadsheet.model.RelatedBox`. A title in quotation marks (or a
link) after "у статті", "в статье", "in an article by" and the like, with
its authors, becomes a :class:`~broadsheet.model.Mention` around the words
that name it, the authors in the nominative.
"""

from __future__ import annotations

import re

from broadsheet.analysis import marks
from broadsheet.analysis.inline_text import FlatInlines, flat_text
from broadsheet.analysis.names import Case, base_form
from broadsheet.analysis.people import WORD, is_name_word
from broadsheet.formats._shared.plain_text import OPAQUE
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import Inline, Link, Mention, Paragraph, Person, RelatedBox, RelatedLink, Relation

# The reader's read-also labels (the lexicon's body.read_also), here before a title in running text.
_LABEL = r"(?i)[^\S\n]*(?P<label>{body.read_also})[^\S\n]*(?P<sep>[:：|]|[-–—](?=[^\S\n]))[^\S\n]*"
MAX_TITLE_WORDS = 40
"""Longer text after a read-also label is prose, not a title."""
_SEPARATORS = re.compile(r"[\s;,|•·/]*")
_OUTER_PAIRS = {"«": "»", "„": "“”", "“": "”", '"': '"', "‘": "’", "'": "'"}


def strip_outer_quotes(title: str) -> str:
    """``title`` without quotation marks that wrap all of it (inner ones stay)."""
    title = title.strip()
    spans = marks.outermost(marks.scan(title))
    if len(spans) == 1 and spans[0].open == 0 and spans[0].close == len(title) - 1:
        return title[1:-1].strip()
    return title


def _title(text: str) -> str:
    title = strip_outer_quotes(text.strip())
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title


def read_also(paragraph: Paragraph, lexicon: Lexicon = EVERY) -> RelatedBox | None:
    """The read-also box ``paragraph`` is, or ``None`` when it is ordinary text (``lexicon``: the
    words of the article's language)."""
    flat = FlatInlines(paragraph.children)
    match = lexicon.compile(_LABEL).match(flat.text)
    if match is None or OPAQUE in flat.text:
        return None
    label = match.group("label")
    rest_start = match.end()
    rest = flat.text[rest_start:]
    if not WORD.search(rest) or len(WORD.findall(rest)) > MAX_TITLE_WORDS:
        return None
    if not flat.can_cut(rest_start) or not flat.can_cut(match.start("label")):
        return None
    links = [piece for piece in flat.pieces if isinstance(piece.node, Link) and piece.end > rest_start]
    # Several links with nothing but separators between them: one entry each.
    if len(links) > 1:
        position = rest_start
        for piece in links:
            if not _SEPARATORS.fullmatch(flat.text[position : piece.start]):
                break
            position = piece.end
        else:
            if _SEPARATORS.fullmatch(flat.text[position:]):
                entries = [
                    RelatedLink(
                        title=_title(flat.text[p.start : p.end]),
                        url=_url(p.node),
                        relation=Relation.READ_ALSO,
                    )
                    for p in links
                    if WORD.search(flat.text[p.start : p.end])
                ]
                if entries:
                    return RelatedBox(label=label, links=tuple(entries))
    url = _url(links[0].node) if len(links) == 1 else None
    title = _title(rest)
    if not WORD.search(title):
        return None
    return RelatedBox(label=label, links=(RelatedLink(title=title, url=url, relation=Relation.READ_ALSO),))


def _url(node: Inline) -> str | None:
    return node.url if isinstance(node, Link) else None


# --- articles named in the prose -------------------------------------------------------------

_ANCHOR = re.compile(
    r"""\b(?:
      стат(?:т[іяю]|тях|тями|ей|ья|ье|ью|ьи|ьях|ьями)
    | матеріал(?:і|ах|и|у|ом)? | материал(?:е|ах|ы|ом)? | колонц[іе] | колонк(?:ах|у|ою|ой|и)
    | публікаці(?:ї|ях|ю) | публикаци(?:и|ях|ю) | інтерв'ю | інтерв’ю | интервью | розслідуванн(?:і|ях|я)
    | расследовани(?:и|ях|е) | огляд(?:і|у)? | обзор(?:е|ах)? | аналіз(?:і)? | анализ(?:е)? | есе | эссе
    | тексті | тексте | блозі | блоге
    | article | articles | piece | pieces | column | op-ed | essay | analysis | commentary | feature
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CONNECTOR = re.compile(
    r"[^\S\n]*(?:,|;|та|і|й|и|а\ також|а\ также|and|as\ well\ as)?[^\S\n]+", re.IGNORECASE
)
_BY = re.compile(r"[^\S\n]+by[^\S\n]+", re.IGNORECASE)
_LOWER_REACH = 3
_AUTHOR_JOIN = re.compile(r"[^\S\n]*(?:,|та|і|и|and|&)[^\S\n]+", re.IGNORECASE)
_GAP = re.compile(r"[^\S\n]*[,:]?[^\S\n]*")
_SPACE = re.compile(r"[^\S\n]+")
_INITIAL = re.compile(r"[A-ZА-ЯІЇЄҐ]\.[^\S\n]?")
_LOWER_WORD = re.compile(r"[^\S\n]*([^\W\d_][\w'’.-]*)[^\S\n]+")
_NOT_SKIPPED = frozenset({"by", "та", "і", "и", "and", "що", "что", "that", "про", "о", "about"})
_POSSESSIVE = re.compile(
    r"(?P<name>(?:[A-Z][\w-]+[^\S\n]){0,2}[A-Z][\w-]+)['’]s[^\S\n]+(?:(?:new|latest|recent|own)[^\S\n]+)?$"
)


def _title_at(
    flat: FlatInlines, spans: dict[int, marks.QuoteSpan], position: int
) -> tuple[int, int, str] | None:
    """A title starting at ``position``: a quotation, or a link, or a linked quotation."""
    text = flat.text
    span = spans.get(position)
    if span is not None:
        inner = text[span.open + 1 : span.close].strip().rstrip(",")
        if WORD.search(inner) and OPAQUE not in inner:
            return span.open, span.end, inner
        return None
    for piece in flat.pieces:
        if piece.start == position and isinstance(piece.node, Link):
            title = strip_outer_quotes(flat_text(piece.node)).rstrip(",").strip()
            if WORD.search(title) and OPAQUE not in title:
                return piece.start, piece.end, title
        if piece.start > position:
            break
    return None


def _authors_at(text: str, position: int) -> tuple[list[list[str]], int]:
    """Names of authors starting at ``position`` (Сергія Корсунського; John Smith and Jane Doe), and where they end."""
    authors: list[list[str]] = []
    cursor = position
    while True:
        name: list[str] = []
        probe = cursor
        for _ in range(4):
            match = WORD.match(text, probe)
            if match is None or not is_name_word(match.group()):
                initial = _INITIAL.match(text, probe)
                if initial is not None and len(name) < 2:
                    name.append(initial.group().strip())
                    probe = initial.end()
                    continue
                break
            name.append(match.group())
            probe = match.end()
            space = _SPACE.match(text, probe)
            following = WORD.match(text, space.end()) if space else None
            if space is None or following is None or not is_name_word(following.group()):
                break
            probe = space.end()
        if not any(is_name_word(word) for word in name):
            break
        authors.append(name)
        cursor = probe
        join = _AUTHOR_JOIN.match(text, cursor)
        following = WORD.match(text, join.end()) if join else None
        if join is None or following is None or not is_name_word(following.group()):
            break
        cursor = join.end()
    return authors, cursor


def _people(authors: list[list[str]], cyrillic: bool) -> tuple[Person, ...]:
    """The authors as people, in the nominative (a Cyrillic name after an article word is genitive)."""
    case = Case.GENITIVE if cyrillic else None
    return tuple(Person(name=base_form(name, case)) for name in authors)


def mentions(flat: FlatInlines) -> list[tuple[int, int, Mention]]:
    """Mentions of other articles named in ``flat``'s text: ``(start, end, node)`` ranges, in order."""
    text = flat.text
    anchors = list(_ANCHOR.finditer(text))
    if not anchors:
        return []
    spans = {span.open: span for span in marks.outermost(marks.scan(text))}
    out: list[tuple[int, int, Mention]] = []
    claimed_until = 0
    for anchor in anchors:
        if anchor.start() < claimed_until:
            continue
        found = _after_anchor(flat, spans, anchor)
        for start, end, link in found:
            start, end = flat.widen(start, end)
            if start < claimed_until or (out and start < out[-1][1]):
                break
            out.append((start, end, Mention(link=link, children=flat.covered(start, end))))
            claimed_until = end
    return out


def _skip_lower(text: str, position: int) -> int:
    """Skip a few lower-case words ("нашого автора", "експерта ZN.UA") before a name or title."""
    cursor = position
    for _ in range(_LOWER_REACH):
        match = _LOWER_WORD.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        initial = len(word) == 2 and word.endswith(".")
        if initial or (word[0].isupper() and not word.isupper()) or word.lower() in _NOT_SKIPPED:
            break
        cursor = match.end()
    return cursor


def _after_gap(text: str, position: int) -> int:
    """``position`` moved past spaces and one comma or colon."""
    gap = _GAP.match(text, position)
    return gap.end() if gap else position


def _possessive_author(text: str, anchor: re.Match[str]) -> tuple[list[str], int] | None:
    """ "John Smith's article": the author before an English anchor word, and where the name starts."""
    window_start = max(0, anchor.start() - 80)
    match = _POSSESSIVE.search(text[window_start : anchor.start()])
    if match is None:
        return None
    return match.group("name").split(), window_start + match.start("name")


def _trailing_authors(text: str, position: int, cyrillic: bool) -> tuple[list[list[str]], int]:
    """Authors named after the title: "«…» Олександра Хари", "“…” by Anne Applebaum"."""
    lead = (_SPACE if cyrillic else _BY).match(text, position)
    if lead is None:
        return [], position
    authors, end = _authors_at(text, lead.end())
    # A Cyrillic name after a title is its author only in the genitive.
    if cyrillic and (not authors or base_form(authors[0], Case.GENITIVE) == " ".join(authors[0])):
        return [], position
    return authors, end


def _after_anchor(
    flat: FlatInlines, spans: dict[int, marks.QuoteSpan], anchor: re.Match[str]
) -> list[tuple[int, int, RelatedLink]]:
    """The articles named after one anchor word: one or several (author, title) pairs joined by "та", "and"."""
    text = flat.text
    cyrillic = any("\u0400" <= char <= "\u04ff" for char in anchor.group())
    out: list[tuple[int, int, RelatedLink]] = []
    cursor = anchor.end()
    by = _BY.match(text, cursor)
    possessive = None if cyrillic else _possessive_author(text, anchor)
    while True:
        position = _after_gap(text, cursor)
        start = position
        authors: list[list[str]] = []
        if possessive is not None:
            authors, start = [possessive[0]], possessive[1]
            possessive = None
        elif by is not None:
            start = by.end()
            authors, position = _authors_at(text, start)
            position = _after_gap(text, position)
            by = None
        elif cyrillic:
            start = _skip_lower(text, position)
            authors, after = _authors_at(text, start)
            position = _after_gap(text, after) if authors else start
        title = _title_at(flat, spans, position)
        if title is None:
            break
        title_start, end, title_text = title
        if not authors:
            start = title_start
            authors, end = _trailing_authors(text, end, cyrillic)
            end = max(end, title[1])
        urls = [link.url for link in flat.links(title_start, title[1])]
        link = RelatedLink(
            title=title_text,
            url=urls[0] if urls else None,
            authors=_people(authors, cyrillic),
            relation=Relation.MENTIONED,
        )
        out.append((start, end, link))
        connector = _CONNECTOR.match(text, end)
        if connector is None or connector.end() == end:
            break
        cursor = connector.end()
    return out
