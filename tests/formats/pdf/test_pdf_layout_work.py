"""Work the writer does not repeat: long paragraphs broken about once, articles built as the layout
reaches them, page streams compressed once. Counted, never timed (timings live in bench/)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from pdf_checks import outline, reader, text
from pdf_seed import edition, seed_article
from reportlab.platypus import Paragraph

import broadsheet
from broadsheet.formats.pdf import writer
from broadsheet.model import Article, Emphasis, Text
from broadsheet.model import Paragraph as ParagraphNode

PLAIN = {"page_numbers": False, "running_heads": False}

WORDS = (
    "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ РФ "
    "заявив, що Вашингтон готовий до дипломатії. "
)


def _long(chars: int, *, emphasis: bool = False) -> tuple[Article, str]:
    body = (WORDS * (chars // len(WORDS) + 1))[:chars].rstrip()
    children: tuple[Any, ...] = (Text(text=body),)
    if emphasis:  # fragments of two fonts: reportlab's other way of breaking lines
        half = body.index(" ", len(body) // 2)
        children = (Text(text=body[:half] + " "), Emphasis(children=(Text(text=body[half + 1 :]),)))
    article = attrs.evolve(seed_article(), body=(ParagraphNode(children=children),), see_also=(), images=())
    return article, body


def _broken_chars(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Patch line breaking to count the characters it is given (all calls, summed)."""
    broken = [0]
    original = Paragraph.breakLines

    def counting(self: Paragraph, width: Any) -> Any:
        for frag in self.frags:
            if isinstance(frag, list):  # a word of mixed fonts: [width, (frag, text), ...]
                broken[0] += 1 + sum(len(part[1]) for part in frag[1:] if isinstance(part, tuple))
            else:
                broken[0] += len(getattr(frag, "text", "") or "")
                broken[0] += sum(len(word) + 1 for word in getattr(frag, "words", ()))
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    return broken


@pytest.mark.parametrize("emphasis", [False, True])
def test_long_paragraph_is_broken_into_lines_about_once(
    emphasis: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, body = _long(60_000, emphasis=emphasis)
    broken = _broken_chars(monkeypatch)
    data = broadsheet.write(article, "pdf", **PLAIN)
    assert len(reader(data).pages) >= 8
    # Each page's window is a few lines longer than the page and the lines placed are not broken
    # again. Breaking the whole paragraph for the first page (as reportlab's own split does), or
    # every placed part a second time, each add the whole text once more.
    assert broken[0] < 1.6 * len(body), broken[0] / len(body)


@pytest.mark.parametrize("emphasis", [False, True])
def test_long_paragraph_extracts_back_complete_and_in_order(emphasis: bool) -> None:
    article, body = _long(30_000, emphasis=emphasis)
    data = broadsheet.write(article, "pdf", **PLAIN)
    assert len(reader(data).pages) >= 4
    # Every character, in order. Spaces are left out of the comparison: a word hyphenated at a
    # page's last line extracts without its hyphen and so as two words (reportlab 5.1, before
    # windows too); within pages the lines must join back word for word.
    pages = [page.extract_text() for page in reader(data).pages]
    assert "".join(body.split()) in "".join("".join(pages).replace("-\n", "").split())
    first = pages[0].replace("-\n", "")
    assert " ".join(first.split()[-60:]) in " ".join(body.split())


def test_edition_articles_are_built_while_the_layout_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = writer._Build._article_story

    def recording(self: Any, doc: Any, *args: Any, **kwargs: Any) -> Any:
        built.append(getattr(doc, "page", 0))  # no page before the layout starts
        return original(self, doc, *args, **kwargs)

    monkeypatch.setattr(writer._Build, "_article_story", recording)
    document = edition(6, sections=2)
    data = broadsheet.write(document, "pdf", columns=2)
    assert len(built) == 6
    # The first article before the layout (its page template must exist then), each other one
    # when the layout reaches it: not all articles' flowables held at once.
    assert built[0] == 0
    assert built[1:] == sorted(built[1:]) and built[-1] >= 6, built
    # The contents list every article and section, with the pages the outline gives them.
    entries = outline(data)
    titles = [title for _, title, _ in entries]
    assert [title for title in titles if title in {a.title for a in document.articles}] == [
        a.title for a in document.articles
    ]


def test_page_streams_are_compressed_once() -> None:
    data = broadsheet.write(edition(3), "pdf")
    pdf = reader(data)
    for page in pdf.pages:
        contents = page.get_contents()
        assert contents is not None
        raw = page["/Contents"].get_object()
        # Flate only: reportlab's default adds an ASCII85 layer, a quarter larger.
        assert raw["/Filter"] in ("/FlateDecode", ["/FlateDecode"]), raw["/Filter"]
        assert b"BT" in contents.get_data()
    assert "Держсекретар" in text(data)
