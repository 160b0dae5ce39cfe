"""JSON Lines: one compact native article per line; streaming writer and reader; bad lines named."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import broadsheet
from broadsheet.errors import LimitError, OutputError, ReadError, SchemaError, VersionError
from broadsheet.formats import jsonl
from broadsheet.formats.jsonl.stream import JsonLinesWriter, iter_articles
from broadsheet.model import Article, Edition, Paragraph, Section, Text
from broadsheet.testing import articles


def _article(title: str) -> Article:
    return Article(title=title, language="uk", body=(Paragraph(children=(Text(text=f"Текст {title}."),)),))


@settings(max_examples=25)
@given(st.lists(articles(), min_size=1, max_size=3))
def test_every_article_survives_as_one_line(found: list[Article]) -> None:
    data = broadsheet.write(Edition.of("E", found), "jsonl")
    assert data.count(b"\n") == len(found)
    assert broadsheet.read_edition(data, "jsonl").articles == tuple(found)
    assert list(iter_articles(io.BytesIO(data))) == found


def test_a_line_is_the_compact_native_document() -> None:
    article = _article("Один")
    line = broadsheet.write(article, "jsonl")
    assert line == broadsheet.write(article, "json", indent=None)
    assert line.count(b"\n") == 1 and b": " not in line
    assert broadsheet.read(line, "json") == article  # each line is a .json file too


def test_the_format_is_told_from_the_extension_and_reads_an_edition(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    broadsheet.write_file(
        Edition(title="T", sections=(Section(articles=(_article("a"), _article("b"))),)), path
    )
    edition = broadsheet.read_edition(path)
    assert edition.title == "day" and [a.title for a in edition.articles] == ["a", "b"]
    assert broadsheet.read_edition(path, title="Ранок").title == "Ранок"


@pytest.mark.parametrize(
    ("line", "error", "where"),
    [
        (b"{not json", ReadError, "line 2: line 1, column 2"),
        (b'{"format": "broadsheet", "version": 7, "article": {"title": "x"}}', VersionError, "line 2"),
        (b'{"format": "broadsheet", "version": 1, "article": {"title": " "}}', SchemaError, "line 2"),
        (
            b'{"format": "broadsheet", "version": 1, "edition": {"title": "E", "sections": []}}',
            SchemaError,
            "line 2",
        ),
    ],
)
def test_a_bad_line_is_an_error_naming_its_number(line: bytes, error: type[Exception], where: str) -> None:
    data = broadsheet.write(_article("good"), "jsonl") + line + b"\n"
    with pytest.raises(error) as caught:
        broadsheet.read_document(data, "jsonl")
    assert str(caught.value).startswith(where), caught.value
    with pytest.raises(error, match="^line 2"):
        list(iter_articles(io.BytesIO(data)))


def test_blank_lines_and_a_bom_are_fine_but_no_articles_is_an_error() -> None:
    line = broadsheet.write(_article("a"), "jsonl")
    assert len(broadsheet.read_edition(b"\xef\xbb\xbf" + line + b"\n\n" + line, "jsonl").articles) == 2
    with pytest.raises(ReadError, match="no articles"):
        broadsheet.read_document(b"\n \n", "jsonl")


def test_the_stream_reader_refuses_an_endless_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("broadsheet.formats.jsonl.stream.MAX_LINE_BYTES", 100)
    with pytest.raises(LimitError, match="line 1"):
        list(iter_articles(io.BytesIO(b"x" * 1000)))


def test_the_stream_reader_holds_one_line_at_a_time() -> None:
    lines = [broadsheet.write(_article(str(n)), "jsonl") for n in range(3)]

    class Counting(io.BytesIO):
        reads = 0

        def readline(self, size: int | None = -1) -> bytes:
            Counting.reads += 1
            return super().readline(size)

    stream = Counting(b"".join(lines))
    first = next(iter_articles(stream))
    assert first.title == "0" and Counting.reads == 1


def test_the_writer_appears_only_when_closed(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    with JsonLinesWriter(path) as out:
        out.append(_article("a"))
        out.append(_article("b"))
        assert not path.exists()
        assert next(p.name for p in tmp_path.iterdir()).endswith(".part")
    assert [a.title for a in iter_articles(path)] == ["a", "b"]
    assert os.listdir(tmp_path) == ["day.jsonl"]


def test_an_interrupted_writer_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_bytes(b"old\n")

    def interrupted() -> None:
        with JsonLinesWriter(path) as out:
            out.append(_article("a"))
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert path.read_bytes() == b"old\n" and os.listdir(tmp_path) == ["day.jsonl"]


def test_the_writer_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        JsonLinesWriter(tmp_path / "no" / "day.jsonl")
    assert jsonl.MAX_LINE_BYTES > 1_000_000
