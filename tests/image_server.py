"""A local HTTP server for download tests (images, pages, feeds): routes set per test, every request counted.

>>> with serve() as server:                      # doctest: +SKIP
...     server.route("/a.jpg", jpeg(40, 30), delay=0.3)
...     url = server.url("/a.jpg")
"""

from __future__ import annotations

import contextlib
import http.server
import io
import threading
import time
from collections import Counter
from collections.abc import Iterator

import attrs
from PIL import Image


def jpeg(width: int, height: int) -> bytes:
    """A photograph-like JPEG: a colour gradient (compresses as a photo does, not as a flat area)."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image.putpixel((0, 0), (255, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def transparent_png(width: int, height: int) -> bytes:
    """An RGBA PNG: its left half opaque red, its right half fully transparent (black, if alpha is lost)."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((220, 20, 20, 255), (0, 0, width // 2, height))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@attrs.define
class Route:
    body: bytes = b""
    content_type: str | None = "image/jpeg"
    status: int = 200
    delay: float = 0.0
    location: str | None = None
    content_length: int | None = None
    """A Content-Length to claim instead of the body's (a truncated answer)."""


@attrs.define
class Server:
    """What the test sees: add routes, read the request counts."""

    base: str
    routes: dict[str, Route] = attrs.field(factory=dict)
    requests: Counter[str] = attrs.field(factory=Counter)
    lock: threading.Lock = attrs.field(factory=threading.Lock)
    active: int = 0
    """Requests being answered now."""
    peak: int = 0
    """The most requests answered at once (a politeness test's measure)."""
    arrivals: list[tuple[float, str]] = attrs.field(factory=list)
    """When each request came (``time.monotonic()``) and for which path, in order."""

    def route(self, path: str, body: bytes = b"", **kwargs: object) -> str:
        """Serve ``body`` at ``path``; its URL."""
        self.routes[path] = Route(body, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path

    def total(self) -> int:
        with self.lock:
            return sum(self.requests.values())


class _Handler(http.server.BaseHTTPRequestHandler):
    server_state: Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        state = self.server_state
        with state.lock:
            state.requests[self.path] += 1
            state.arrivals.append((time.monotonic(), self.path))
            state.active += 1
            state.peak = max(state.peak, state.active)
        self._counted = True
        try:
            self._answer(state)
        finally:
            self._finished(state)

    def _finished(self, state: Server) -> None:
        # A request stops counting as active once its answer is about to be sent: the client can
        # read the last byte, and send its next request, before this thread gets back from the write
        # (counting until after it made ``peak`` one too high now and then on a busy machine).
        if self._counted:
            self._counted = False
            with state.lock:
                state.active -= 1

    def _answer(self, state: Server) -> None:
        route = state.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        if route.delay:
            time.sleep(route.delay)
        try:
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(route.content_length or len(route.body)))
            self.end_headers()
            self._finished(state)
            self.wfile.write(route.body)
            if route.content_length:
                self.close_connection = True
        except OSError:  # the client gave up (a timeout test)
            pass


@contextlib.contextmanager
def serve() -> Iterator[Server]:
    """A server on 127.0.0.1 on a free port, in a thread, for the duration of the block."""
    handler = type("Handler", (_Handler,), {})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state = Server(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    handler.server_state = state
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
