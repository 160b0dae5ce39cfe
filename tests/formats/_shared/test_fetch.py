"""Fetching pages over HTTP from a local server: headers, redirects, timeouts and size limits."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import broadsheet
from broadsheet.errors import LimitError, SourceError
from broadsheet.formats._shared.fetch import fetch

PAGE = (
    "<!DOCTYPE html><html lang='uk'><head><title>Новина дня</title></head><body><article><h1>Новина дня</h1>"
    "<p>Держсекретар США зазначив, що держави не можуть диктувати іншим країнам їх вибір та їхню політику, "
    "і додав, що переговори триватимуть наступного тижня в Женеві.</p></article></body></html>"
)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        if self.path == "/page":
            body = PAGE.encode("cp1251")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=windows-1251")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(100):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif self.path == "/silent":
            time.sleep(3)
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_read_a_url_uses_the_http_charset(server: str) -> None:
    article = broadsheet.read(f"{server}/page", format="html", enrich=False)
    assert article.title == "Новина дня"
    assert article.url == f"{server}/page"
    assert article.language == "uk"


def test_redirects_are_followed_and_the_final_url_kept(server: str) -> None:
    loaded = fetch(f"{server}/moved", max_bytes=1_000_000)
    assert loaded.url == f"{server}/page"
    assert loaded.headers is not None and "windows-1251" in loaded.headers["content-type"]


def test_http_errors(server: str) -> None:
    with pytest.raises(SourceError, match="404"):
        fetch(f"{server}/missing", max_bytes=1_000_000)


def test_declared_size_over_the_limit(server: str) -> None:
    with pytest.raises(LimitError, match="limit"):
        fetch(f"{server}/big", max_bytes=1_000_000)


def test_streamed_size_over_the_limit(server: str) -> None:
    with pytest.raises(LimitError, match="limit"):
        fetch(f"{server}/big-chunked", max_bytes=1_000_000)


def test_a_silent_server_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(SourceError, match="within"):
        fetch(f"{server}/silent", max_bytes=1_000_000, timeout=0.5)
    assert time.monotonic() - start < 2.5


def test_a_dripping_server_cannot_hold_the_caller(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(SourceError, match="within"):
        fetch(f"{server}/drip", max_bytes=1_000_000, timeout=0.6)
    assert time.monotonic() - start < 2.5


def test_nothing_listening() -> None:
    with pytest.raises(SourceError):
        fetch("http://127.0.0.1:9/", max_bytes=1000, timeout=2)


def test_the_cli_converts_a_url(server: str, tmp_path: Path) -> None:
    from broadsheet.cli import main

    out = tmp_path / "page.json"
    assert main(["convert", f"{server}/page", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["title"] == "Новина дня"


def test_the_cli_reports_a_missing_page_and_writes_nothing(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from broadsheet.cli import main

    out = tmp_path / "page.json"
    assert main(["convert", f"{server}/missing", "-o", str(out)]) != 0
    assert "404" in capsys.readouterr().err
    assert not out.exists()
