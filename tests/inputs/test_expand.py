"""expand(): files, folders, lists, URLs, JSON Lines and feeds into items, lazily and in order."""

from __future__ import annotations

import gzip
import io
import os
import socket
import time
from pathlib import Path

import pytest
from input_samples import atom, page, rss, sitemap

from broadsheet import Loaded
from broadsheet.errors import LimitError, ReadError, SourceError
from broadsheet.inputs import Item, expand
from broadsheet.inputs.fetching import Fetcher
from image_server import Server

HTML = "text/html; charset=utf-8"


def origins(items: list[Item]) -> list[str]:
    return [item.origin for item in items]


def test_folders_are_walked_sorted_by_extension_without_hidden_files(tmp_path: Path) -> None:
    for name in [
        "b/2.html",
        "b/1.HTM",
        "a.json",
        "c.txt",
        ".hidden.html",
        ".git/x.html",
        "d/.e/f.html",
        "z.ninjs",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"<p>x</p>")
    found = origins(list(expand([str(tmp_path)])))
    assert found == [str(tmp_path / name) for name in ["a.json", "z.ninjs", "b/1.HTM", "b/2.html"]]


def test_files_pass_as_paths_and_a_missing_one_is_an_error_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>a</p>")
    items = list(expand([str(tmp_path / "missing.html"), str(tmp_path / "a.html"), "-"]))
    assert isinstance(items[0].error, SourceError) and "no such file" in str(items[0].error)
    assert items[1].source == str(tmp_path / "a.html") and items[1].error is None
    assert items[2].source == "-"


def test_an_input_list_skips_blank_lines_and_comments(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>a</p>")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# today's pages\n\n  {tmp_path / 'a.html'}  \n# end\n{tmp_path / 'gone.html'}\n")
    items = list(expand(["first-missing.html"], input_list=str(listing)))
    assert origins(items) == ["first-missing.html", str(tmp_path / "a.html"), str(tmp_path / "gone.html")]
    assert items[1].error is None and items[2].error is not None


def test_an_input_list_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>a</p>")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{tmp_path / 'a.html'}\n"))
    assert origins(list(expand([], input_list="-"))) == [str(tmp_path / "a.html")]


def test_an_unreadable_input_list_is_one_error(tmp_path: Path) -> None:
    (item,) = expand([], input_list=str(tmp_path / "nope.txt"))
    assert isinstance(item.error, SourceError)


def test_json_lines_one_item_per_line_streamed(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_bytes(b'{"a": 1}\n\n{"b": 2}\n')
    items = list(expand([str(path)]))
    assert origins(items) == ["day.jsonl:1", "day.jsonl:3"]
    assert all(item.format == "json" for item in items)
    assert isinstance(items[1].source, Loaded) and items[1].source.data == b'{"b": 2}\n'


def test_a_json_line_over_the_limit_is_an_error_and_the_next_line_is_read(tmp_path: Path) -> None:
    from broadsheet.inputs.jsonl import lines

    path = tmp_path / "day.jsonl"
    path.write_bytes(b'{"long": "' + b"x" * 200 + b'"}\n{"b": 2}\n')
    items = list(lines(str(path), max_bytes=50))
    assert isinstance(items[0].error, LimitError)
    assert isinstance(items[1].source, Loaded) and items[1].source.data == b'{"b": 2}\n'


def test_urls_are_fetched_in_parallel_and_come_back_in_order(server: Server) -> None:
    urls = [
        server.route(f"/{n}.html", page(f"P{n}"), content_type=HTML, delay=0.4 - n * 0.1) for n in range(4)
    ]
    start = time.monotonic()
    items = list(expand(urls))
    elapsed = time.monotonic() - start
    assert origins(items) == urls
    assert [item.source.data for item in items if isinstance(item.source, Loaded)] == [
        page(f"P{n}") for n in range(4)
    ]
    assert elapsed < 0.9  # 1.0 s one after another


def test_a_host_gets_few_requests_at_once(server: Server) -> None:
    urls = [server.route(f"/{n}.html", page("P"), content_type=HTML, delay=0.1) for n in range(8)]
    with Fetcher(per_host=2, threads=8) as fetcher:
        answers = list(fetcher.fetch_all(urls))
    assert len(answers) == 8 and server.peak <= 2


def test_unreachable_and_oversized_urls_are_errors_and_the_rest_goes_on(server: Server) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/gone.html"
    big = server.route("/big.html", b"<p>" + b"x" * 5000 + b"</p>", content_type=HTML)
    good = server.route("/good.html", page("Good"), content_type=HTML)
    items = list(expand([closed, big, server.url("/404.html"), good], max_bytes=1000, timeout=5))
    assert isinstance(items[0].error, SourceError)
    assert isinstance(items[1].error, LimitError)
    assert isinstance(items[2].error, SourceError) and "404" in str(items[2].error)
    assert items[3].error is None and isinstance(items[3].source, Loaded)


def test_a_feed_url_becomes_its_pages(server: Server) -> None:
    pages = [server.route(f"/story/{n}", page(f"S{n}"), content_type=HTML) for n in range(3)]
    feed = server.route(
        "/rss",
        rss("News", [("/story/0", None), (pages[1], None), (pages[2], None)]),
        content_type="application/rss+xml",
    )
    items = list(expand([feed]))
    assert origins(items) == pages  # a relative link resolves against the feed's address
    assert all(isinstance(item.source, Loaded) and item.source.url == item.origin for item in items)


def test_a_sitemap_index_and_gzip_sitemaps_become_their_pages(server: Server) -> None:
    pages = [server.route(f"/p{n}", page(f"S{n}"), content_type=HTML) for n in range(3)]
    first = server.route("/s1.xml.gz", gzip.compress(sitemap(pages[:2])), content_type="application/gzip")
    second = server.route("/s2.xml", sitemap(pages[2:]), content_type="application/xml")
    index = server.route("/sitemap.xml", sitemap([first, second], index=True), content_type="application/xml")
    assert origins(list(expand([index]))) == pages


def test_feed_and_sitemap_files(server: Server, tmp_path: Path) -> None:
    url = server.route("/a", page("A"), content_type=HTML)
    (tmp_path / "news.atom").write_bytes(atom("News", [(url, None)]))
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap([url])))
    (tmp_path / "story.xml").write_bytes(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>')
    items = list(
        expand([str(tmp_path / "news.atom"), str(tmp_path / "sitemap.xml.gz"), str(tmp_path / "story.xml")])
    )
    assert origins(items) == [url, url, str(tmp_path / "story.xml")]
    assert items[2].source == str(tmp_path / "story.xml")  # NewsML-G2, not a feed: a path for the reader


def test_a_feed_that_is_not_xml_is_an_error_and_the_expansion_goes_on(server: Server, tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_bytes(b"<html><p>not a feed")
    good = server.route("/g", page("G"), content_type=HTML)
    broken_url = server.route(
        "/feed", b'<?xml version="1.0"?><rss><channel><item>', content_type="application/rss+xml"
    )
    items = list(expand([str(tmp_path / "broken.rss"), broken_url, good]))
    assert isinstance(items[0].error, ReadError) and "not a feed" in str(items[0].error)
    assert isinstance(items[1].error, ReadError)
    assert items[2].error is None


def test_expansion_is_lazy(tmp_path: Path, server: Server) -> None:
    urls = [server.route(f"/{n}", page("P"), content_type=HTML) for n in range(100)]
    items = expand(urls)
    next(items)
    items.close()
    assert server.total() < 40  # a window of downloads ahead, not all of them


def test_a_slow_server_is_a_timeout_error(server: Server) -> None:
    slow = server.route("/slow", page("S"), content_type=HTML, delay=2.0)
    start = time.monotonic()
    (item,) = expand([slow], timeout=0.5)
    assert isinstance(item.error, SourceError) and "0.5 s" in str(item.error)
    assert time.monotonic() - start < 1.8


def test_a_json_lines_line_reads_as_the_article_it_holds(tmp_path: Path) -> None:
    import json

    import broadsheet

    example = Path(__file__).resolve().parents[2] / "examples" / "zn-blinken.json"
    line = json.dumps(json.loads(example.read_text(encoding="utf-8")), ensure_ascii=False)
    (tmp_path / "day.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    items = list(expand([str(tmp_path)]))
    assert origins(items) == ["day.jsonl:1", "day.jsonl:2"]
    assert items[0].source is not None
    assert broadsheet.read(items[0].source, items[0].format) == broadsheet.read(example)


def test_a_folder_expands_its_crawls_and_sitemaps_too(tmp_path: Path, server: Server) -> None:
    from input_samples import response, warc

    url = server.route("/a", page("A"), content_type=HTML)
    (tmp_path / "crawl.warc.gz").write_bytes(warc([response(url, page("A"))], compress=True))
    (tmp_path / "sitemap.xml").write_bytes(sitemap([url]))
    items = list(expand([str(tmp_path)]))
    assert [item.error for item in items] == [None, None]
    assert items[0].origin.startswith("crawl.warc.gz#") and items[1].origin == url


def test_sitemap_indexes_that_nest_too_deeply_stop(server: Server) -> None:
    for depth in range(6):
        server.route(
            f"/i{depth}.xml",
            sitemap([server.url(f"/i{depth + 1}.xml")], index=True),
            content_type="application/xml",
        )
    (item,) = expand([server.url("/i0.xml")])
    assert isinstance(item.error, LimitError) and "nest too deeply" in str(item.error)


def test_a_folder_that_cannot_be_listed_is_an_error_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_bytes(b"<p>a</p>")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path: str) -> object:  # a folder without read permission (chmod cannot stop root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(expand([str(tmp_path)]))
    assert items[0].origin == str(tmp_path / "a.html")
    assert isinstance(items[1].error, SourceError) and "Permission denied" in str(items[1].error)


def test_a_list_that_is_not_text_is_an_error_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"a.html\n\xff\xfe\n"), encoding="utf-8"))
    items = list(expand([], input_list="-"))
    assert isinstance(items[-1].error, SourceError) and "cannot read the list" in str(items[-1].error)
