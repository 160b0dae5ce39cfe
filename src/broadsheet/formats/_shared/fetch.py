"""Fetching a document over HTTP(S), with a timeout and a size limit."""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Any

from broadsheet.errors import LimitError, SourceError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.version import __version__

USER_AGENT = f"broadsheet/{__version__} (+https://pypi.org/project/broadsheet/)"

PAGE_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"
"""What a page download asks for."""


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to ``http(s)`` only: urllib would also follow one to ``ftp:``, which a
    stranger's server could use to reach a host or protocol the caller never meant to allow. With
    ``public_only``, only to hosts on public addresses (:func:`refuse_private`)."""

    def __init__(self, *, public_only: bool = False) -> None:
        super().__init__()
        self.public_only = public_only

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise SourceError(f"{req.full_url}: redirected to a {scheme}: URL, which is not followed")
        if self.public_only:
            refuse_private(urllib.parse.urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


PRIVATE_HOSTS_VARIABLE = "BROADSHEET_FETCH_PRIVATE"
"""Set to ``1`` to let :func:`fetch` with ``public_only`` reach private and local addresses (an
intranet's image server, a test's server on 127.0.0.1)."""


def refuse_private(url: str) -> None:
    """Raise :class:`SourceError` when ``url``'s host is, or resolves to, an address that is not on
    the public internet (loopback, private, link-local such as a cloud's 169.254.169.254, multicast,
    reserved), unless :data:`PRIVATE_HOSTS_VARIABLE` allows it.

    A URL written by a stranger (an image on a page) must not make broadsheet call the machine it
    runs on or its network, and bring what answers into a document that leaves it.
    """
    if os.environ.get(PRIVATE_HOSTS_VARIABLE) == "1":
        return
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        raise SourceError(f"{url}: no host to fetch from")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise SourceError(f"{url}: cannot resolve {host}: {error}") from error
    for info in infos:
        _refuse_address(url, host, str(info[4][0]))


def _refuse_address(url: str, host: str, text: str) -> None:
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if not address.is_global or address.is_multicast:
        raise SourceError(
            f"{url}: {host} is a private or local address ({address}), not fetched "
            f"(set {PRIVATE_HOSTS_VARIABLE}=1 to allow)"
        )


def _checked_connection(url: str, host: str) -> Any:
    """``socket.create_connection`` that refuses a socket whose peer is private or local.

    :func:`refuse_private` resolves the host once and the connection resolves it again: a
    stranger's DNS server can answer a public address the first time and 127.0.0.1 the second
    (DNS rebinding). Checking the address the socket actually reached closes that gap before a
    byte of the request (or a TLS greeting) is sent.
    """

    def connect(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        sock = socket.create_connection(address, *args, **kwargs)
        if os.environ.get(PRIVATE_HOSTS_VARIABLE) != "1":
            try:
                _refuse_address(url, host, str(sock.getpeername()[0]))
            except SourceError:
                sock.close()
                raise
        return sock

    return connect


def _peer_checked(connection: Any, request: urllib.request.Request) -> Any:
    """``connection`` (an HTTP(S) connection class) made to check the address it reaches
    (:func:`_checked_connection`); through a proxy the peer is the proxy, which the user chose."""
    if request.has_proxy() or getattr(request, "_tunnel_host", None):
        return connection
    host = (request.host or "").rsplit(":", 1)[0].strip("[]")
    checked = _checked_connection(request.full_url, host)

    def make(*args: Any, **options: Any) -> http.client.HTTPConnection:
        made = connection(*args, **options)
        made._create_connection = checked
        return made  # type: ignore[no-any-return]

    return make


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_peer_checked(http_class, req), req, **kwargs)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_peer_checked(http_class, req), req, **kwargs)


_OPENER = urllib.request.build_opener(_WebOnlyRedirects())
_PUBLIC_OPENER = urllib.request.build_opener(
    _WebOnlyRedirects(public_only=True), _PublicHTTPHandler(), _PublicHTTPSHandler()
)


def fetch(
    url: str, *, max_bytes: int, timeout: float = 30.0, accept: str = PAGE_ACCEPT, public_only: bool = False
) -> Loaded:
    """GET ``url`` and return its body and headers.

    ``public_only`` (for URLs a document names, such as its images) refuses hosts on private or
    local addresses, also after a redirect (:func:`refuse_private`).

    Redirects are followed (to ``http(s)`` only); a non-2xx status, a timeout, a body over
    ``max_bytes`` or any network failure raises :class:`SourceError` (or
    :class:`LimitError` for size). ``timeout`` bounds the whole download, not
    only each read, so a server that drips bytes cannot hold the caller.
    """
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    if public_only:
        refuse_private(url)
    opener = _PUBLIC_OPENER if public_only else _OPENER
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise LimitError(f"{url} is {int(declared):,} bytes; the limit is {max_bytes:,}")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(min(65536, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise LimitError(f"{url} is larger than the limit of {max_bytes:,} bytes")
            if declared and declared.isdigit() and size < int(declared):
                # http.client's read1 ends quietly when the connection drops early.
                raise SourceError(f"{url}: the answer ended after {size:,} of {int(declared):,} bytes")
            data = b"".join(chunks)
            headers = {key.lower(): value for key, value in response.headers.items()}
            final_url = response.geturl()
    except SourceError:
        raise
    except urllib.error.HTTPError as error:
        raise SourceError(f"{url}: HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise SourceError(f"{url}: {error.reason}") from error
    except TimeoutError as error:
        raise SourceError(f"{url}: no complete answer within {timeout:g} s") from error
    except OSError as error:
        raise SourceError(f"{url}: {error}") from error
    except (http.client.HTTPException, ValueError) as error:  # a URL urllib cannot send, a broken answer
        raise SourceError(f"{url}: {type(error).__name__}: {error}") from error
    return Loaded(data=data, name=url, url=final_url, headers=headers)
