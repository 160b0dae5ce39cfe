"""Resuming a batch whose names need the article: the manifest says which inputs are done, unread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import broadsheet
from broadsheet import batch
from broadsheet.batch.manifest import MANIFEST_NAME, Manifest
from broadsheet.inputs import expand
from broadsheet.model import Article, Paragraph, Text


def story(title: str) -> bytes:
    body = (Paragraph(children=(Text(text=f"{title}: текст."),)),)
    return broadsheet.write(Article(title=title, body=body), "json")


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, title in enumerate(["Ранок", "День", "Ранок", "Вечір", "Ніч"]):  # two alike: -2 names
        (folder / f"p{n}.json").write_bytes(story(title))
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The inputs the batch reads, in order (jobs=1 reads in this process)."""
    import broadsheet.formats as formats

    real = formats.read_document
    seen: list[str] = []

    def counted(source: object, *args: object, **kwargs: object) -> object:
        seen.append(Path(str(source)).name)
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "read_document", counted)
    return seen


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST_NAME
    }


def test_a_rerun_after_an_interrupted_batch_reads_no_page_already_done(
    pages: Path, tmp_path: Path, reads: list[str]
) -> None:
    whole = tmp_path / "whole"
    list(batch.convert(expand([str(pages)]), whole, name="{slug}.{ext}", jobs=1))
    out = tmp_path / "out"
    results = batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1)
    assert [next(results).paths != () for _ in range(3)] == [True, True, True]
    results.close()  # interrupted after three pages
    assert len(files(out)) == 3
    reads.clear()
    again = list(batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1, skip_existing=True))
    assert reads == ["p3.json", "p4.json"]  # the three done are not even read
    assert [r.skipped for r in again] == [True, True, True, False, False]
    assert files(out) == files(whole)  # the same names (ранок-2.json too) and the same bytes
    reads.clear()
    list(batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1, skip_existing=True))
    assert reads == []


def test_an_entry_whose_file_is_gone_or_of_another_template_is_read_again(
    pages: Path, tmp_path: Path, reads: list[str]
) -> None:
    out = tmp_path / "out"
    list(batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1))
    (out / "вечір.json").unlink()
    with open(out / MANIFEST_NAME, "ab") as manifest:
        manifest.write(b'{"input": "cut short", "outp')  # the line a crash left half written
    reads.clear()
    list(batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1, skip_existing=True))
    assert reads == ["p3.json"] and (out / "вечір.json").is_file()
    reads.clear()
    list(batch.convert(expand([str(pages)]), out, name="{slug}-x.{ext}", jobs=1, skip_existing=True))
    assert len(reads) == 5  # another template: the manifest's names are not this one's


def test_the_manifest_keeps_only_its_format_and_template_and_safe_names(tmp_path: Path) -> None:
    lines = [
        {"input": "a", "output": "a.json", "format": "json", "template": "{slug}.{ext}"},
        {"input": "b", "output": "../b.json", "format": "json", "template": "{slug}.{ext}"},
        {"input": "c", "output": "c.md", "format": "markdown", "template": "{slug}.{ext}"},
        {"input": "a", "output": "a-2.json", "format": "json", "template": "{slug}.{ext}"},
        {"input": "a", "output": "a.json", "format": "json", "template": "{slug}.{ext}"},
        ["not", "an", "entry"],
    ]
    (tmp_path / MANIFEST_NAME).write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n" + "x" * 70_000 + "\n"
    )
    manifest = Manifest(tmp_path, "json", "{slug}.{ext}", load=True)
    assert [manifest.take(key) for key in "abca"] == ["a.json", None, None, "a-2.json"]


def test_names_of_input_fields_need_no_manifest(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    list(batch.convert(expand([str(pages)]), out, jobs=1))
    assert not (out / MANIFEST_NAME).exists()
