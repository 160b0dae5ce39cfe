"""Markdown writer (CommonMark with pipe tables): an article or edition as readable plain text markup."""

from __future__ import annotations

import re
import unicodedata
from typing import assert_never

import attrs

from broadsheet.formats._shared.links import safe_href
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats._shared.wording import date_text, label, language_name
from broadsheet.model import (
    Article,
    Block,
    BulletList,
    Document,
    Edition,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Inline,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    OrderedList,
    Paragraph,
    QuoteBlock,
    RelatedBox,
    Separator,
    Strong,
    Table,
    Text,
)

__all__ = ["WriteOptions", "write"]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """Options of the Markdown writer."""

    metadata: bool = True
    """Print the byline, date, source and translations under the headline."""


_ESCAPE = re.compile(r"([\\`*_\[\]<>#|&~])")
# At a line start: a bullet or a setext underline (escape the sign), an ordered-list number (escape its dot).
_LINE_START = re.compile(r"^([ \t]*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)
# Percent-encoded: what may not stand in a URL at all; backslash-escaped: what would end the
# destination or start markup (a code span, an entity) inside it.
_URL_ENCODE = re.compile(r"[\s<>\\]")
_URL_ESCAPE = re.compile(r"([()&`])")
_BREAK = "\\\n"


def _escape(text: str) -> str:
    """``text`` as literal Markdown: nothing in it becomes markup, at a line start or anywhere."""

    def line_start(found: re.Match[str]) -> str:
        space, sign, number, delimiter = found.groups()
        return f"{space}\\{sign}" if sign else f"{space}{number}\\{delimiter}"

    return _LINE_START.sub(line_start, _ESCAPE.sub(r"\\\1", text))


def _url(url: str) -> str:
    encoded = _URL_ENCODE.sub(lambda found: "".join(f"%{byte:02X}" for byte in found[0].encode()), url)
    return _URL_ESCAPE.sub(r"\\\1", encoded)


@attrs.frozen
class _Delimiter:
    """An emphasis delimiter (``*`` or ``**``), placed once its neighbours are known."""

    marks: str
    opening: bool


_Piece = str | _Delimiter


def _entity(char: str) -> str:
    return f"&#{ord(char)};"


def _punctuation(char: str) -> bool:
    # CommonMark's "Unicode punctuation": the P and S categories (and ASCII punctuation).
    return unicodedata.category(char)[0] in "PS"


def _literal_neighbour(char: str) -> bool:
    # A character that flanking rules read as a letter; written as an entity it reads as punctuation.
    return not char.isspace() and not (char.isascii() and _punctuation(char))


def _resolve(pieces: list[_Piece]) -> str:
    """Pieces joined; where a run of delimiters would not open or close (``a*«b»*c``: a letter
    outside, punctuation inside), the letter outside is written as a character reference."""
    out: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if isinstance(piece, str):
            out.append(piece)
            index += 1
            continue
        run: list[_Delimiter] = []
        while index < len(pieces) and isinstance(pieces[index], _Delimiter):
            run.append(pieces[index])  # type: ignore[arg-type]
            index += 1
        before = "".join(out)[-1:]
        following = next((p for p in pieces[index:] if isinstance(p, str) and p), "")
        after = following[:1]
        opens, closes = any(d.opening for d in run), any(not d.opening for d in run)
        if opens and after and _punctuation(after) and before and _literal_neighbour(before):
            out = ["".join(out)[:-1] + _entity(before)]
        # "_" closes only before punctuation or space, "*" after punctuation only before either.
        underscore = any("_" in d.marks and not d.opening for d in run)
        if (
            closes
            and (underscore or (before and _punctuation(before)))
            and after
            and _literal_neighbour(after)
        ):
            position = pieces.index(following, index)
            pieces[position] = _entity(after) + following[1:]
        out.append("".join(d.marks for d in run))
    # A line break at either end of a block shows nothing (a backslash, in CommonMark).
    text = re.sub(r"^(?:\\\n)+|(?:\\\n)+$", "", "".join(out))
    # A paragraph's lines lose the whitespace at their ends: keep no-break and other spaces as references.
    return re.sub(r"^[^\S\n]|[^\S\n]$", lambda found: _entity(found[0]), text)


def _peel(pieces: list[_Piece]) -> tuple[str, list[_Piece], str]:
    """Whitespace and line breaks at the ends of emphasis, moved outside its delimiters."""
    text_before = text_after = ""
    pieces = [piece for piece in pieces if piece != ""]
    while pieces and isinstance(pieces[0], str):
        found = re.match(r"(?:\s|\\\n)*", pieces[0])
        if not found or not found[0]:
            break
        text_before += found[0]
        pieces[0] = pieces[0][found.end() :]
        if not pieces[0]:
            pieces.pop(0)
    while pieces and isinstance(pieces[-1], str):
        found = re.search(r"(?:\s|\\\n)*$", pieces[-1])
        if not found or not found[0]:
            break
        text_after = found[0] + text_after
        pieces[-1] = pieces[-1][: found.start()]
        if not pieces[-1]:
            pieces.pop()
    return text_before, pieces, text_after


def _emphasis(marks: str, pieces: list[_Piece]) -> list[_Piece]:
    before, inner, after = _peel(pieces)
    if not inner:
        return [before + after]
    return [before, _Delimiter(marks, True), *inner, _Delimiter(marks, False), after]


def _closing_run(pieces: list[_Piece]) -> list[_Delimiter]:
    """The closing delimiters at the end of ``pieces``, in order."""
    run: list[_Delimiter] = []
    for piece in reversed(pieces):
        if isinstance(piece, _Delimiter) and not piece.opening:
            run.insert(0, piece)
        elif piece != "":
            break
    return run


def _pieces(
    nodes: tuple[Inline, ...],
    language: str | None,
    in_link: bool,
    inside: frozenset[str],
    line_break: str,
    out: list[_Piece] | None = None,
) -> list[_Piece]:
    """The pieces of inline content, added to ``out`` (what comes before them, when they have no
    delimiters of their own to start with)."""
    out = [] if out is None else out
    for node in nodes:
        match node:
            case Text():
                out.append(_escape(node.text))
            case Emphasis() | Strong():
                kind = "*" if isinstance(node, Emphasis) else "**"
                inner = _pieces(node.children, language, in_link, inside | {kind}, line_break)
                closed = _closing_run(out)
                # Emphasis inside the same emphasis, or right after it, reads as one: "**" would be strong.
                if kind in inside:
                    out.extend(inner)
                elif len(closed) == 1 and len(closed[0].marks) == len(kind):
                    # Two emphases side by side would make one run of delimiters ("*a**b*"): join them.
                    before, inner, after = _peel(inner)
                    del out[len(out) - out[::-1].index(closed[0]) - 1 :]
                    out.extend([before, *inner, closed[0], after])
                elif closed:
                    # Right after other emphasis closes, the same sign would join its run ("**a*****b***"):
                    # the other sign starts a run of its own.
                    other = "_" if "*" in closed[-1].marks else "*"
                    out.extend(_emphasis(kind.replace("*", other), inner))
                else:
                    out.extend(_emphasis(kind, inner))
            case Link() | Mention():
                url = safe_href(node.url if isinstance(node, Link) else node.link.url)
                linked = in_link or url is not None
                # CommonMark has no link inside a link: inside one, a link's words are plain text.
                if url and not in_link:
                    inner = _pieces(node.children, language, linked, inside, line_break)
                    out.extend(["[", *inner, f"]({_url(url)})"])
                else:
                    # Words without a link of their own run on from what comes before them.
                    _pieces(node.children, language, linked, inside, line_break, out)
            case InlineQuote():
                opening, closing = quote_marks(node.quote.language or language)
                out.append(f"{opening}{_escape(node.quote.text)}{closing}")
            case LineBreak():
                out.append(line_break)
            case _:
                assert_never(node)
    return out


def inlines(nodes: tuple[Inline, ...], language: str | None, *, line_break: str = _BREAK) -> str:
    """Inline content as Markdown; a line break is ``line_break`` (a space where lines cannot break)."""
    return _resolve(_pieces(nodes, language, False, frozenset(), line_break))


def _link(text: str, url: str | None) -> str:
    href = safe_href(url)
    return f"[{text}]({_url(href)})" if href else text


def _list_kind(node: Block) -> str | None:
    """What a block ends with, as far as list merging goes: a bullet or an ordered list."""
    match node:
        case BulletList() | RelatedBox():
            return "bullet"
        case OrderedList():
            return "ordered"
        case _:
            return None


def blocks(nodes: tuple[Block, ...], language: str | None, level: int = 1) -> list[str]:
    """Body blocks as Markdown chunks, one per block; the article's headline is at heading ``level``."""
    out: list[str] = []
    previous: tuple[str | None, int] = (None, 0)  # the last block's list kind and delimiter number
    for node in nodes:
        # Two lists in a row with the same delimiter would merge into one: alternate it.
        kind = _list_kind(node)
        variant = 1 - previous[1] if kind is not None and kind == previous[0] else 0
        previous = (kind, variant)
        match node:
            case Paragraph():
                out.append(inlines(node.children, language))
            case Heading():
                # A heading is one line: its line breaks are spaces.
                # Its line breaks are spaces; at its ends they show nothing.
                text = re.sub(
                    r"^(?:&#32;)+|(?:&#32;)+$", "", inlines(node.children, language, line_break=" ")
                )
                # A heading of nothing but spaces (a mention of a line break) shows nothing: left out.
                if text.replace("&#32;", " ").strip(" "):
                    out.append(f"{'#' * min(node.level + level, 6)} {text}")
            case BulletList():
                out.append(
                    _items([("*" if variant else "-") for _ in node.items], node.items, language, level)
                )
            case OrderedList():
                delimiter = ")" if variant else "."
                # CommonMark numbers lists from 0 to 999999999: a start outside that is moved into it.
                start = min(max(node.start, 0), 999_999_999 - len(node.items))
                markers = [f"{start + number}{delimiter}" for number in range(len(node.items))]
                out.append(_items(markers, node.items, language, level))
            case QuoteBlock():
                opening, closing = quote_marks(node.quote.language or language)
                paragraphs = [_escape(line) for line in node.quote.text.split("\n")]
                paragraphs[0] = opening + paragraphs[0]
                paragraphs[-1] += closing
                if node.quote.speaker:
                    paragraphs.append(f"— {_escape(node.quote.speaker.name)}")
                out.append("\n>\n".join(f"> {_resolve([paragraph])}" for paragraph in paragraphs))
            case Figure():
                image = node.image
                text = f"![{_escape(image.alt or image.caption or '')}]({_url(image.url)})"
                caption = " ".join(filter(None, (image.caption, image.credit)))
                out.append(text + (f"\n\n{_resolve(_emphasis('*', [_escape(caption)]))}" if caption else ""))
            case Table():
                out.append(_table(node, language))
            case RelatedBox():
                head = f"**{_escape(node.label or label('read_also', language))}:**"
                bullet = "*" if variant else "-"
                links = [
                    f"{bullet} {_resolve([_link(_escape(link.title), link.url)])}" for link in node.links
                ]
                out.append("\n".join([head, *links]))
            case Embed():
                link = _resolve([_link(_escape(node.title or node.provider or node.url), node.url)])
                if node.text is not None:
                    # The post's words as the page quoted them, then the link to the post itself.
                    quoted = [f"> {_resolve([_escape(line)])}" for line in node.text.split("\n")]
                    link = "\n>\n".join([*quoted, f"> — {link}"])
                out.append(link)
            case Separator():
                # Not "---", which under a line of text underlines it as a heading, nor "***", which
                # after a "*" bullet reads as a break instead of an item.
                out.append("___")
            case _:
                assert_never(node)
    # A block that gives nothing (a table without rows) leaves no empty chunk: inside a list item
    # a blank line after the marker would end the item.
    return [chunk for chunk in out if chunk]


def _items(markers: list[str], items: tuple[tuple[Block, ...], ...], language: str | None, level: int) -> str:
    lines = []
    for marker, item in zip(markers, items, strict=True):
        # Continuation lines are indented to the item's content, so they stay inside it.
        indent = " " * (len(marker) + 1)
        text = "\n".join(
            indent + line if line and number else line
            for number, line in enumerate("\n\n".join(blocks(item, language, level)).split("\n"))
        )
        lines.append(f"{marker} {text}".rstrip(" "))
    return "\n".join(lines)


def _table(table: Table, language: str | None) -> str:
    # A pipe table's row is one line: line breaks in a cell are spaces.
    rows = [[inlines(cell.children, language, line_break=" ") for cell in row] for row in table.rows]
    width = max((len(row) for row in rows), default=0)
    if width == 0:
        return _resolve(_emphasis("*", [_escape(table.caption)])) if table.caption else ""
    rows = [row + [""] * (width - len(row)) for row in rows]
    head = rows[0] if table.header_rows else [""] * width
    body = rows[1:] if table.header_rows else rows
    lines = [f"| {' | '.join(head)} |", f"|{'---|' * width}", *(f"| {' | '.join(row)} |" for row in body)]
    if table.caption:
        lines.insert(0, _resolve(_emphasis("*", [_escape(table.caption)])) + "\n")
    return "\n".join(lines)


def article(doc: Article, options: WriteOptions, level: int = 1) -> str:
    """One article as Markdown, its headline at heading ``level``."""
    parts = [f"{'#' * level} {_resolve([_escape(doc.title)])}"]
    if doc.subtitle:
        parts.append(_resolve(_emphasis("*", [_escape(doc.subtitle)])))
    if doc.lead:
        parts.append(_resolve(_emphasis("**", [_escape(doc.lead)])))
    if options.metadata:
        facts = [", ".join(person.name for person in doc.authors)]
        facts.append(date_text(doc.published, doc.language) if doc.published else "")
        facts.append(doc.source.name if doc.source else "")
        line = " · ".join(_escape(fact) for fact in facts if fact)
        if line:
            parts.append(_resolve([line]))
    parts.extend(blocks(doc.body, doc.language, level))
    if options.metadata and doc.translations:
        links = [_link(_escape(language_name(t.language)), t.url) for t in doc.translations]
        parts.append(f"{label('translations', doc.language)}: {', '.join(links)}")
    return "\n\n".join(parts)


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """An article or edition as Markdown (UTF-8)."""
    options = options or WriteOptions()
    if isinstance(document, Edition):
        parts = [f"# {_resolve([_escape(document.title)])}"]
        for section in document.sections:
            if section.title:
                parts.append(f"## {_resolve([_escape(section.title)])}")
            level = 3 if section.title else 2
            parts.extend(article(doc, options, level) for doc in section.articles)
        text = "\n\n".join(parts)
    else:
        text = article(document, options)
    return (text + "\n").encode("utf-8")
