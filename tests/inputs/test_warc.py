"""WARC crawls as input: every HTML response record a page, with its URL and HTTP headers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from input_samples import page, request, response, warc, warc_record

from broadsheet import Loaded
from broadsheet.errors import LimitError, ReadError, SourceError
from broadsheet.inputs import expand
from broadsheet.inputs.warc import records

A, B = "https://news.example/a", "https://news.example/b"


def crawl(tmp_path: Path, *, compress: bool, name: str | None = None) -> Path:
    path = tmp_path / (name or ("crawl.warc.gz" if compress else "crawl.warc"))
    path.write_bytes(
        warc(
            [
                warc_record("warcinfo", None, b"software: test\r\n", "application/warc-fields"),
                request(A),
                response(A, page("First")),
                response("https://news.example/logo.png", b"\x89PNG....", "image/png"),
                response("https://news.example/old", b"<html>moved</html>", status="301 Moved Permanently"),
                warc_record("metadata", A, b"outlinks: none\r\n", "application/warc-fields"),
                request(B),
                response(B, page("Second")),
            ],
            compress=compress,
        )
    )
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_each_html_response_is_a_page_with_its_url_and_headers(tmp_path: Path, compress: bool) -> None:
    path = crawl(tmp_path, compress=compress)
    items = list(expand([str(path)]))
    assert [item.error for item in items] == [None, None]  # requests, images, redirects, metadata: skipped
    first, second = (item.source for item in items)
    assert isinstance(first, Loaded) and isinstance(second, Loaded)
    assert (first.url, second.url) == (A, B)
    assert first.headers is not None and first.headers["x-crawl"] == "yes"
    assert first.data == page("First") and second.data == page("Second")
    assert items[0].origin.startswith(f"{path.name}#") and items[0].origin != items[1].origin
    assert first.name == items[0].origin


def test_pages_of_a_crawl_read_as_articles(tmp_path: Path) -> None:
    import broadsheet

    item = next(expand([str(crawl(tmp_path, compress=True))]))
    assert item.source is not None
    article = broadsheet.read(item.source)
    assert article.title == "First"


@pytest.mark.parametrize("compress", [False, True])
def test_a_truncated_crawl_yields_the_good_records_then_one_error(tmp_path: Path, compress: bool) -> None:
    whole = crawl(tmp_path, compress=compress).read_bytes()
    last = response(B, page("Second"))
    cut = whole[: len(whole) - (len(gzip_of(last)) if compress else len(last)) // 2]
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(cut)
    items = list(records(str(path)))
    assert [item.error is None for item in items] == [True, False]
    assert items[0].source is not None and items[0].source.data == page("First")
    error = items[1].error
    assert isinstance(error, ReadError)
    assert "ends in the middle" in str(error) or "not a readable WARC record" in str(error)


def gzip_of(record: bytes) -> bytes:
    import gzip

    return gzip.compress(record, mtime=0)


def test_an_html_record_whose_body_cannot_be_decoded_is_an_error_and_the_crawl_goes_on(
    tmp_path: Path,
) -> None:
    broken = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        + b"\x1f\x8bnot gzip at all"
    )
    path = tmp_path / "odd.warc"
    path.write_bytes(
        warc(
            [
                warc_record("response", A, broken, "application/http; msgtype=response"),
                response(B, page("Second")),
            ],
            compress=False,
        )
    )
    items = list(records(str(path)))
    assert len(items) == 2
    assert isinstance(items[0].error, ReadError) and "cannot be read" in str(items[0].error)
    assert items[1].source is not None and items[1].source.url == B


def test_a_page_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    path = crawl(tmp_path, compress=False)
    items = list(records(str(path), max_bytes=100))
    assert all(isinstance(item.error, LimitError) for item in items) and len(items) == 2


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("hello\nthis is not a crawl\n")
    (item,) = records(str(path))
    assert isinstance(item.error, ReadError) and "not a WARC file" in str(item.error)


def test_without_warcio_a_crawl_says_which_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    (item,) = records(str(crawl(tmp_path, compress=True)))
    assert isinstance(item.error, SourceError) and "pip install broadsheet[warc]" in str(item.error)


def test_stopping_early_closes_the_file(tmp_path: Path) -> None:
    pages = records(str(crawl(tmp_path, compress=True)))
    assert next(pages).error is None
    pages.close()  # the generator's with-block closes the file; nothing is left open


def test_a_crawl_gzip_d_as_one_stream_is_read_too(tmp_path: Path) -> None:
    import gzip

    plain = crawl(tmp_path, compress=False).read_bytes()
    whole = tmp_path / "one.warc.gz"
    whole.write_bytes(gzip.compress(plain, mtime=0))  # `gzip crawl.warc`, not a member per record
    items = list(records(str(whole)))
    assert [item.error for item in items] == [None, None]
    assert [item.source.url for item in items if isinstance(item.source, Loaded)] == [A, B]
    cut = tmp_path / "one-cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) - 200])
    items = list(records(str(cut)))
    assert items[0].error is None and isinstance(items[-1].error, ReadError)
    assert "ends in the middle" in str(items[-1].error)


@pytest.mark.parametrize("kind", ["plain", "members", "one stream"])
def test_a_crawl_cut_anywhere_never_yields_part_of_a_page(tmp_path: Path, kind: str) -> None:
    import gzip

    records_in = [
        warc_record("warcinfo", None, b"software: test\r\n", "application/warc-fields"),
        request(A),
        response(A, page("First")),
        response(B, page("Second")),
    ]
    plain = warc(records_in, compress=False)
    data = {
        "plain": plain,
        "members": warc(records_in, compress=True),
        "one stream": gzip.compress(plain, mtime=0),
    }[kind]
    bodies = {page("First"), page("Second")}
    first_body = plain.find(page("First"))
    path = tmp_path / "cut.warc.gz"
    for cut in range(1, len(data), 3):
        path.write_bytes(data[:cut])
        items = list(records(str(path)))
        assert all(item.error is None for item in items[:-1]), cut
        assert all(item.source.data in bodies for item in items if isinstance(item.source, Loaded)), cut
        if kind == "plain" and first_body < cut < first_body + len(page("First")):
            assert isinstance(items[-1].error, ReadError) and "ends in the middle" in str(items[-1].error), (
                cut
            )


@pytest.mark.parametrize("compress", [False, True])
def test_a_record_whose_length_is_wrong_is_an_error_not_a_cut_page(
    tmp_path: Path, compress: bool, capfd: pytest.CaptureFixture[str]
) -> None:
    short = response(A, page("First")).replace(b"Content-Length: 6", b"Content-Length: 5", 1)  # 100 too few
    path = tmp_path / ("odd.warc.gz" if compress else "odd.warc")
    path.write_bytes(warc([short, response(B, page("Second"))], compress=compress))
    items = list(records(str(path)))
    assert isinstance(items[0].error, ReadError) and "Content-Length" in str(items[0].error)
    assert items[-1].source is not None and items[-1].source.data == page("Second")
    assert capfd.readouterr().err == ""  # warcio's own warning is not printed


def test_the_command_line_converts_one_crawl_to_json_lines(tmp_path: Path) -> None:
    # One input that holds many pages runs as a batch, like a folder does.
    import subprocess

    out = tmp_path / "day.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "broadsheet.cli",
            "convert",
            str(crawl(tmp_path, compress=True)),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "2 converted, 0 failed" in done.stderr
    titles = [line.split('"title":')[1].split('"')[1] for line in out.read_text("utf-8").splitlines()]
    assert titles == ["First", "Second"]
