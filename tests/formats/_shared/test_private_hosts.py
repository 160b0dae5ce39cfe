"""Images a document names are never fetched from the local machine or a private network."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from broadsheet.errors import SourceError
from broadsheet.formats._shared import fetch


@pytest.fixture
def strict_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fetch.PRIVATE_HOSTS_VARIABLE, raising=False)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/a.jpg",
        "http://localhost/a.jpg",
        "http://[::1]/a.jpg",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/photo.png",
        "http://192.168.1.1/a.gif",
        "http://[::ffff:127.0.0.1]/a.jpg",
        "http://0.0.0.0/a.jpg",
        "http://224.0.0.1/a.jpg",
    ],
)
def test_local_and_private_hosts_are_refused(strict_hosts: None, url: str) -> None:
    with pytest.raises(SourceError, match="private or local address"):
        fetch.fetch(url, max_bytes=1000, timeout=1, public_only=True)


def test_a_name_that_resolves_to_a_private_address_is_refused(
    strict_hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def resolve(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 0))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(SourceError, match="10.1.2.3"):
        fetch.refuse_private("https://images.example.com/a.jpg")


def test_a_public_address_passes(strict_hosts: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 0))],
    )
    fetch.refuse_private("https://example.com/a.jpg")


def test_a_redirect_to_a_private_address_is_refused(strict_hosts: None) -> None:
    # The redirect handler checks the new target before following it.
    import urllib.request

    handler = fetch._WebOnlyRedirects(public_only=True)
    request = urllib.request.Request("https://example.com/a.jpg")
    with pytest.raises(SourceError, match="private or local"):
        handler.redirect_request(request, None, 302, "Found", None, "http://127.0.0.1/secret.png")  # type: ignore[arg-type]


def test_pages_the_user_names_may_be_local(strict_hosts: None) -> None:
    # Only URLs a document names are checked: a page the user asks for may live on their machine
    # (it fails here only because nothing listens).
    with pytest.raises(SourceError) as caught:
        fetch.fetch("http://127.0.0.1:9/", max_bytes=1000, timeout=1)
    assert "private or local" not in str(caught.value)


def test_a_name_that_rebinds_to_a_local_address_is_refused_on_connecting(
    strict_hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the check resolves the name to a public address, the connection to 127.0.0.1.
    # The address the socket reached is what counts, so nothing is asked of the local server.
    import http.server
    import threading

    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real = socket.getaddrinfo
    answers = iter([("93.184.215.14", 0)])

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        public = next(answers, None)
        address = public or ("127.0.0.1", int(port or 0))
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", address)]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    try:
        with pytest.raises(SourceError, match=r"private or local address \(127\.0\.0\.1\)"):
            fetch.fetch(
                f"http://rebind.example:{server.server_port}/secret",
                max_bytes=1000,
                timeout=2,
                public_only=True,
            )
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []
