"""The Markdown writer, checked by parsing its output back with a CommonMark parser (markdown-it-py).

The block structure (headings and their levels, lists and their items, quotes, breaks, tables),
the links and their targets, and the words of every block must come back as the model holds
them: nothing in the text turns into markup, no link sits inside another, quotation marks
appear once.
"""

from __future__ import annotations

from typing import assert_never
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt
from markdown_it.token import Token

import broadsheet
import local_words
from broadsheet.formats._shared.plain_text import inline_text
from broadsheet.formats._shared.typography import quote_marks
from broadsheet.formats._shared.wording import label
from broadsheet.model import (
    Article,
    Block,
    BulletList,
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
from broadsheet.testing import articles, editions
from seed_story import full_article, seed_article

_PARSER = MarkdownIt("commonmark").enable("table")
_WITH_WORDS = ("paragraph", "cell", "h1", "h2", "h3", "h4", "h5", "h6")

# One entry per block token the parser should give: its type (and tag for headings), and for
# a token with inline content, the plain text that content must read as.
Shape = list[tuple[str, str | None]]


def _links(nodes: tuple[Inline, ...], in_link: bool = False) -> list[str]:
    """The targets of the links a reader can follow, outermost only (no link inside a link)."""
    out: list[str] = []
    for node in nodes:
        match node:
            case Text() | InlineQuote() | LineBreak():
                pass
            case Emphasis() | Strong():
                out += _links(node.children, in_link)
            case Link() | Mention():
                url = node.url if isinstance(node, Link) else node.link.url
                if url and not in_link:
                    out.append(url)
                out += _links(node.children, in_link or url is not None)
            case _:
                assert_never(node)
    return out


def _shape(nodes: tuple[Block, ...], language: str | None, level: int, links: list[str]) -> Shape:
    out: Shape = []
    for node in nodes:
        match node:
            case Paragraph() | Heading():
                # Line breaks at a block's ends show nothing, and a block of nothing else is left out
                # (the model keeps a paragraph of empty emphasis).
                text = inline_text(node.children, language).strip("\n")
                # (a link of no words stays: its target is still there to follow).
                heading = isinstance(node, Heading)
                shows = text.replace("\n", " ").strip(" ") if heading else text
                if not shows and not _links(node.children):
                    continue
                tag = f"h{min(node.level + level, 6)}" if isinstance(node, Heading) else "paragraph"
                out += [(tag, text.replace("\n", " ").strip(" ") if heading else text)]
                links += _links(node.children)
            case BulletList() | OrderedList():
                kind = "bullet_list" if isinstance(node, BulletList) else "ordered_list"
                out.append((kind, None))
                for item in node.items:
                    out += [("list_item", None), *_shape(item, language, level, links), ("/list_item", None)]
                out.append((f"/{kind}", None))
            case QuoteBlock():
                opening, closing = quote_marks(node.quote.language or language)
                lines = node.quote.text.split("\n")
                lines[0] = opening + lines[0]
                lines[-1] += closing
                if node.quote.speaker:
                    lines.append(f"— {node.quote.speaker.name}")
                out += [("blockquote", None), *(("paragraph", line) for line in lines), ("/blockquote", None)]
            case Figure():
                image = node.image
                out.append(("paragraph", image.alt or image.caption or ""))
                caption = " ".join(filter(None, (image.caption, image.credit)))
                out += [("paragraph", caption)] if caption else []
            case Table():
                rows = [
                    [inline_text(cell.children, language).replace("\n", " ") for cell in r] for r in node.rows
                ]
                width = max((len(row) for row in rows), default=0)
                out += [("paragraph", node.caption)] if node.caption else []
                if width:
                    rows = [row + [""] * (width - len(row)) for row in rows]
                    head = rows[0] if node.header_rows else [""] * width
                    body = rows[1:] if node.header_rows else rows
                    out += [("table", None), *(("cell", cell) for row in [head, *body] for cell in row)]
                    out.append(("/table", None))
            case RelatedBox():
                out.append(("paragraph", f"{node.label or label('read_also', language)}:"))
                out.append(("bullet_list", None))
                for link in node.links:
                    out += [("list_item", None), ("paragraph", link.title), ("/list_item", None)]
                    links += [link.url] if link.url else []
                out.append(("/bullet_list", None))
            case Embed():
                words = node.title or node.provider or node.url
                if node.text is None:
                    out.append(("paragraph", words))
                else:  # the post's words quoted, the link to it the quote's last line
                    quoted = [("paragraph", line) for line in node.text.split("\n")]
                    out += [("blockquote", None), *quoted, ("paragraph", f"— {words}"), ("/blockquote", None)]
                links.append(node.url)
            case Separator():
                out.append(("hr", None))
            case _:
                assert_never(node)
    return out


def _words(token: Token) -> str:
    """What a reader sees of inline content: its text, breaks as newlines, images as their alt text."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(_words(child))
    return "".join(out)


def _parsed(markdown: str) -> tuple[Shape, list[str]]:
    tokens = _PARSER.parse(markdown)
    out: Shape = []
    links: list[str] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "inline":
            if out and out[-1][1] is None and out[-1][0] in _WITH_WORDS:
                # A break at a block's end (inside a link there) shows nothing.
                # (and in a heading, where breaks are spaces, nor do spaces at its ends).
                words = _words(token).strip("\n")
                out[-1] = (out[-1][0], words.strip(" ") if out[-1][0][0] == "h" else words)
            for child in token.children or []:
                if child.type == "link_open":
                    assert depth == 0, f"a link inside a link in {token.content!r}"
                    depth += 1
                    links.append(str(child.attrs["href"]))
                elif child.type == "link_close":
                    depth -= 1
            continue
        name = token.type.removesuffix("_open").removesuffix("_close")
        closing = token.type.endswith("_close")
        match name:
            case "paragraph" | "heading" | "th" | "td":
                if not closing:
                    out.append(
                        (token.tag if name == "heading" else "cell" if name in ("th", "td") else name, None)
                    )
                    if name in ("th", "td") and tokens[index + 1].type != "inline":
                        out[-1] = ("cell", "")
            case "bullet_list" | "ordered_list" | "list_item" | "blockquote" | "table":
                out.append((f"/{name}" if closing else name, None))
            case "hr":
                out.append(("hr", None))
            case _:
                pass  # thead, tbody, tr: the cells tell the table's shape
    return out, links


def _check(article: Article) -> None:
    markdown = broadsheet.write(article, "markdown", metadata=False).decode("utf-8")
    links: list[str] = []
    expected: Shape = [("h1", article.title)]
    expected += [("paragraph", article.subtitle)] if article.subtitle else []
    expected += [("paragraph", article.lead)] if article.lead else []
    expected += _shape(article.body, article.language, 1, links)
    shape, hrefs = _parsed(markdown)
    assert shape == expected, markdown
    assert [unquote(href) for href in hrefs] == [unquote(url) for url in links], markdown


def test_the_seed_parses_back_to_its_structure_and_words() -> None:
    _check(seed_article())
    markdown = broadsheet.write(seed_article(), "markdown").decode("utf-8")
    assert "««" not in markdown and "»»" not in markdown


def test_every_node_of_the_full_article_parses_back() -> None:
    _check(full_article())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(translations=False))
def test_any_article_parses_back_to_its_structure_and_words(article: Article) -> None:
    _check(article)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(editions())
def test_an_edition_parses_back_to_its_headlines(edition: Edition) -> None:
    tokens = _PARSER.parse(broadsheet.write(edition, "markdown").decode("utf-8"))
    headings = [
        (token.tag, _words(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert headings[0] == ("h1", edition.title)
    for section in edition.sections:
        if section.title:
            assert ("h2", section.title) in headings
        level = "h3" if section.title else "h2"
        for article in section.articles:
            assert (level, article.title) in headings


@pytest.mark.parametrize("sample", local_words.SAMPLES, ids=lambda s: s.language)
def test_markdown_prints_dates_and_language_names_in_the_article_language(
    sample: local_words.Sample,
) -> None:
    markdown = broadsheet.write(local_words.article(sample), "markdown").decode("utf-8")
    assert sample.date in markdown.replace("\\.", ".")  # "3\. Mai": a digit and a dot are escaped
    assert f"[{sample.russian}](https://example.com/ru/1)" in markdown
    assert "2024-05-03" not in markdown
