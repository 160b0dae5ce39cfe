"""The top-level functions: read, write, convert, write_file."""

from __future__ import annotations

from pathlib import Path

import pytest

import broadsheet
from broadsheet.errors import OptionError, ReadError, SourceError, WriteError
from broadsheet.model import Article, Edition

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zn-blinken.json"


def test_read_accepts_paths_strings_bytes_and_text() -> None:
    by_path = broadsheet.read(EXAMPLE)
    assert broadsheet.read(str(EXAMPLE)) == by_path
    assert broadsheet.read(EXAMPLE.read_bytes()) == by_path
    assert broadsheet.read(EXAMPLE.read_text(encoding="utf-8")) == by_path


def test_missing_files_and_folders_are_source_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        broadsheet.read(tmp_path / "missing.json")
    with pytest.raises(SourceError, match="folder"):
        broadsheet.read(tmp_path)


def test_unknown_options_name_the_known_ones() -> None:
    article = Article(title="t")
    with pytest.raises(OptionError, match="no option 'colour'.*ascii, indent"):
        broadsheet.write(article, "json", colour="red")
    with pytest.raises(OptionError):
        broadsheet.read(EXAMPLE, "json", strict=True)


def test_write_refuses_what_is_not_a_document() -> None:
    with pytest.raises(WriteError):
        broadsheet.write("an article", "json")  # type: ignore[arg-type]


def test_convert_writes_atomically_and_returns_bytes(tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    data = broadsheet.convert(EXAMPLE, out)
    assert out.read_bytes() == data == EXAMPLE.read_bytes()
    assert broadsheet.convert(EXAMPLE, to="json", write_options={"indent": None}).count(b"\n") == 1


def test_write_file_then_read_edition(tmp_path: Path) -> None:
    edition = Edition.of("Digest", [broadsheet.read(EXAMPLE), Article(title="Second")])
    path = tmp_path / "digest.json"
    broadsheet.write_file(edition, path)
    assert broadsheet.read_edition(path) == edition
    with pytest.raises(ReadError, match="edition"):
        broadsheet.read(path)
