"""The batch API: typed results in input order, a bounded window, failures that never stop it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import broadsheet
from broadsheet import batch
from broadsheet.batch.names import NameBook, check_template, stem_of
from broadsheet.errors import OptionError, SourceError
from broadsheet.formats.jsonl.stream import iter_articles
from broadsheet.inputs import Item, expand
from broadsheet.model import Article, Paragraph, Text


def story(title: str, **fields: object) -> bytes:
    body = (Paragraph(children=(Text(text=f"{title}: текст."),)),)
    return broadsheet.write(Article(title=title, body=body, **fields), "json")  # type: ignore[arg-type]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for n in range(5):
        (folder / f"p{n}.json").write_bytes(story(f"Стаття {n}"))
    (folder / "sub" / "p0.json").write_bytes(story("Стаття 0"))  # same stem and title as p0.json
    (folder / "sub" / "broken.json").write_text('{"format": "broadsheet", "version": 1, "article": {}}')
    return folder


def test_results_come_in_input_order_with_articles_and_failures(pages: Path) -> None:
    results = list(batch.read(expand([str(pages)]), jobs=1))
    assert [Path(r.origin).name for r in results] == [
        "p0.json",
        "p1.json",
        "p2.json",
        "p3.json",
        "p4.json",
        "broken.json",
        "p0.json",
    ]
    assert [r.index for r in results] == list(range(7))
    assert results[0].article is not None and results[0].article.title == "Стаття 0"
    broken = results[5]
    assert broken.error is not None and broken.article is None and not broken.ok
    assert broken.error.kind == "SchemaError" and "title" in broken.error.message
    assert not broken.error.message.startswith(broken.origin)


def test_plain_sources_and_items_that_could_not_be_had() -> None:
    failed = Item(origin="gone.html", error=SourceError("gone.html: no such file"))
    results = list(batch.read([story("A"), failed, "missing.json"], jobs=1))
    assert results[0].origin == "<bytes #1>" and results[0].ok
    assert results[1].error == batch.Failure(kind="SourceError", message="no such file")
    assert results[2].error is not None and results[2].error.kind == "SourceError"


def test_any_executor_and_processes_give_the_same_lines(pages: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs, executor in ((1, None), (2, None), (None, ThreadPoolExecutor(3))):
        out = tmp_path / f"out-{jobs}.jsonl"
        results = list(batch.convert(expand([str(pages)]), out, jobs=jobs, executor=executor))
        assert sum(r.ok for r in results) == 6 and all(r.rendered == () for r in results)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert [a.title for a in iter_articles(tmp_path / "out-1.jsonl")][:2] == ["Стаття 0", "Стаття 1"]


def test_the_window_bounds_what_is_taken_from_the_input() -> None:
    taken = 0
    lock = threading.Lock()

    def endless() -> Iterator[bytes]:
        nonlocal taken
        page = story("Нескінченна")
        while True:
            with lock:
                taken += 1
            yield page

    with ThreadPoolExecutor(2) as executor:
        results = batch.read(endless(), executor=executor, window=5)
        for _ in range(20):
            next(results)
        results.close()  # type: ignore[attr-defined]
    assert 20 <= taken <= 20 + 5


def test_a_folder_gets_one_file_per_input_never_two_on_one_name(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    results = list(batch.convert(expand([str(pages)]), out, name="{slug}.{ext}", jobs=1))
    names = [Path(r.paths[0]).name for r in results if r.paths]
    assert names == [
        "стаття-0.json",
        "стаття-1.json",
        "стаття-2.json",
        "стаття-3.json",
        "стаття-4.json",
        "стаття-0-2.json",
    ]
    assert broadsheet.read(out / "стаття-0-2.json").title == "Стаття 0"
    # Nothing else: no temporaries; the manifest that lets --skip-existing resume without reading.
    assert sorted(os.listdir(out)) == sorted([*names, ".broadsheet-manifest.jsonl"])


def test_dates_make_folders_and_skip_existing_resumes(tmp_path: Path) -> None:
    import datetime as dt

    folder = tmp_path / "in"
    folder.mkdir()
    day = dt.datetime(2024, 5, 3, 9, tzinfo=dt.UTC)
    (folder / "a.json").write_bytes(story("A", published=day, id="urn:a/1"))
    (folder / "b.json").write_bytes(story("B"))
    out = tmp_path / "out"
    results = list(batch.convert(expand([str(folder)]), out, name="{date}/{id}.{ext}", to="markdown", jobs=1))
    assert [Path(r.paths[0]).relative_to(out).as_posix() for r in results] == [
        "2024-05-03/urn-a-1.md",
        "undated/b.md",
    ]
    (out / "undated" / "b.md").unlink()
    again = list(
        batch.convert(expand([str(folder)]), out, name="{date}/{id}.{ext}", to="md", skip_existing=True)
    )
    assert [r.paths != () for r in again] == [False, True]
    plain = tmp_path / "plain"
    list(batch.convert(expand([str(folder)]), plain, jobs=1))
    (plain / "a.json").write_bytes(b"kept")
    (plain / "b.json").unlink()
    resumed = list(batch.convert(expand([str(folder)]), plain, skip_existing=True, jobs=1))
    assert [r.skipped for r in resumed] == [True, False] and (plain / "a.json").read_bytes() == b"kept"


def test_strict_makes_a_warning_fail_its_page(tmp_path: Path) -> None:
    from broadsheet.model import Figure, Image

    figure = Figure(image=Image(url="https://img.invalid/a.jpg"))
    page = broadsheet.write(Article(title="З фото", body=(figure,)), "json")
    loose = list(batch.convert([page], tmp_path / "a", to="epub", jobs=1))
    assert loose[0].ok and loose[0].notices and "left out" in loose[0].notices[0].problem
    strict = list(batch.convert([page], tmp_path / "b", to="epub", jobs=1, strict_warnings=True))
    assert strict[0].error is not None and "strict" in strict[0].error.message and strict[0].paths == ()
    assert os.listdir(tmp_path / "b") == []


def test_stopping_early_leaves_no_json_lines_file_and_no_part(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.jsonl"
    results = batch.convert(expand([str(pages)]), out, jobs=1)
    next(results)
    results.close()
    assert os.listdir(tmp_path) == ["pages"]


def test_name_templates() -> None:
    assert check_template("{date}/{slug}.{ext}") == {"date", "slug", "ext"}
    with pytest.raises(OptionError, match="unknown field"):
        check_template("{title}.{ext}")
    with pytest.raises(OptionError, match="same name"):
        check_template("out.{ext}")
    book = NameBook("{stem}.{ext}")
    assert [book.name({"stem": "a", "ext": "json"}) for _ in range(3)] == ["a.json", "a-2.json", "a-3.json"]
    with pytest.raises(OptionError, match="leaves the output folder"):
        NameBook("../{stem}").name({"stem": "a"})
    assert stem_of("https://x.example/news/story.html?id=3") == "story"
    assert stem_of("crawl.warc.gz#1234") == "crawl-1234"
    assert stem_of("/tmp/pages/Стаття 1.html.gz") == "Стаття-1"


def test_a_bug_on_one_page_is_reported_as_one_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import broadsheet.formats as formats

    real = formats.read_document

    def flaky(source: object, *args: object, **kwargs: object) -> object:
        if b"Bug" in source:  # type: ignore[operator]
            raise RuntimeError("boom")
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "read_document", flaky)
    results = list(batch.read([story("Bug"), story("Fine")], jobs=1))
    assert results[0].error == batch.Failure(
        kind="RuntimeError", message="internal error (a bug; please report it): boom"
    )
    assert results[1].article is not None and results[1].article.title == "Fine"


def test_a_worker_is_warmed_once_with_the_writers_it_will_use() -> None:
    import signal

    from broadsheet.batch.worker import warm

    previous = signal.getsignal(signal.SIGINT)
    try:
        warm(("pdf", "jsonl"))
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # Ctrl-C is the parent's to handle
    finally:
        signal.signal(signal.SIGINT, previous)
    import sys

    assert "broadsheet.formats.pdf.writer" in sys.modules and "broadsheet.formats.jsonl" in sys.modules


def test_chunks_keep_input_order_around_failed_and_skipped_items() -> None:
    failed = Item(origin="gone.html", error=SourceError("gone.html: no such file"))
    sources = [story(f"S{n}") if n % 4 else failed for n in range(11)]
    skipped = {6}
    job = batch.Job(keep_article=True)
    for jobs, executor, chunk in ((2, None, None), (None, ThreadPoolExecutor(2), 3)):
        results = list(
            batch.run(sources, job, jobs=jobs, executor=executor, chunk=chunk, skip=lambda i, _: i in skipped)
        )
        assert [r.index for r in results] == list(range(11))
        assert [r.error is not None for r in results] == [n % 4 == 0 for n in range(11)]
        assert [r.skipped for r in results] == [n == 6 for n in range(11)]
        titles = [r.article.title if r.article else None for r in results]
        assert titles == [None if n % 4 == 0 or n == 6 else f"S{n}" for n in range(11)]
    with pytest.raises(ValueError, match="chunk"):
        next(batch.run(sources, job, executor=ThreadPoolExecutor(1), chunk=0))


def test_an_input_that_comes_slowly_is_converted_before_a_chunk_fills(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    import broadsheet.formats as formats

    real = formats.read_document
    converted: list[bytes] = []

    def noted(source: bytes, *args: object, **kwargs: object) -> object:
        converted.append(source)
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "read_document", noted)
    first = story("Перша")
    waited: list[bool] = []

    def slowly() -> Iterator[bytes]:
        yield first
        deadline = time.monotonic() + 5
        while first not in converted and time.monotonic() < deadline:
            time.sleep(0.01)
        waited.append(first in converted)  # a worker had it while the next was still to come
        yield story("Друга")

    with ThreadPoolExecutor(2) as executor:
        results = list(batch.run(slowly(), batch.Job(keep_article=True), executor=executor, chunk=4))
    assert waited == [True] and [r.ok for r in results] == [True, True]
