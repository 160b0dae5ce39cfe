"""The fuzzing harness: mutate real documents and our own outputs, read them, write every format, read back.

One run of :func:`check` takes bytes said to be in a format and fails (raises
:class:`Finding`) on what a user must never see:

- an exception that is not a :class:`~broadsheet.errors.BroadsheetError`
  (reading, or writing what was read);
- a step that takes longer than :data:`HANG_SECONDS`;
- an output that its own reader refuses (what a writer writes, its reader reads).

The seeds are the repository's real documents (the seed pages, the bundled
example, IPTC's NewsML-G2 and ninjs examples) and the seed article written in
every format; :func:`mutations` derives inputs from them. The short run is
``tests/fuzz/test_fuzz.py`` (CI); ``bench/fuzz.py`` runs it for as long as you like.
"""

from __future__ import annotations

import contextlib
import signal
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import broadsheet
from broadsheet.errors import BroadsheetError
from broadsheet.model import Article

HANG_SECONDS = 10
"""A read or a write that takes longer than this is a finding."""

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

READABLE = ("json", "ninjs", "newsml", "html")
"""Formats with a reader: their outputs must read back."""
FAST_WRITERS = ("json", "ninjs", "newsml", "html", "markdown", "text")
SLOW_WRITERS = ("epub", "pdf")


class Finding(AssertionError):
    """Something the harness must never see, with the step and the input's format."""


class _Hang(BaseException):
    pass


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _step(what: str, action: Any, *, refusal: bool = True) -> Any:
    """Run one step; ``None`` when it ends in a BroadsheetError and ``refusal`` allows one (reading a
    stranger's document, writing it); with ``refusal=False`` (reading our own output) that too is a finding."""
    try:
        with _deadline(HANG_SECONDS), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return action()
    except BroadsheetError as error:
        if refusal:
            return None
        raise Finding(f"{what}: our own output refused: {type(error).__name__}: {error}"[:2000]) from error
    except _Hang:
        raise Finding(f"{what}: took longer than {HANG_SECONDS} s") from None
    except Exception as error:
        raise Finding(f"{what}: {type(error).__name__}: {error}"[:2000]) from error


def check(data: bytes, fmt: str, *, writers: tuple[str, ...] = FAST_WRITERS) -> bool:
    """Read ``data`` as ``fmt``; write what was read in ``writers``; read back those with a reader.

    Returns whether ``data`` was read as a document (``False``: refused with a clear error).
    """
    document = _step(f"reading {fmt}", lambda: broadsheet.read_document(data, format=fmt))
    if document is None:
        return False
    for writer in writers:
        if writer == "html" and not isinstance(document, Article):
            continue  # an edition is written as a site folder, not one page
        output = _step(f"{fmt} → {writer}", lambda w=writer: broadsheet.write(document, w))
        if output is not None and writer in READABLE:
            _step(
                f"{fmt} → {writer} → read back",
                lambda w=writer, o=output: broadsheet.read_document(o, format=w),
                refusal=False,
            )
    return True


@cache
def seeds() -> tuple[tuple[str, bytes], ...]:
    """``(format, bytes)`` of every real document in the repository and the seed in every readable format."""
    found: list[tuple[str, bytes]] = []
    for path in sorted((DATA / "html").glob("*.html")):
        found.append(("html", path.read_bytes()))
    found.append(("json", (ROOT / "examples" / "zn-blinken.json").read_bytes()))
    for path in sorted((DATA / "newsml").glob("*.xml")):
        found.append(("newsml", path.read_bytes()))
    for path in sorted((DATA / "standards" / "newsml-g2" / "examples").rglob("*.xml"))[:12]:
        found.append(("newsml", path.read_bytes()))
    for path in sorted((DATA / "standards" / "ninjs" / "examples").rglob("*.json"))[:12]:
        found.append(("ninjs", path.read_bytes()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seed = broadsheet.read(ROOT / "examples" / "zn-blinken.json")
        for fmt in READABLE:
            found.append((fmt, broadsheet.write(seed, fmt)))
    return tuple(found)


# Tokens an attacker or a broken system puts in documents.
_TOKENS = [
    b"<",
    b">",
    b"</p>",
    b"</div>",
    b"<div>" * 300,
    b"<ul><li>" * 80,
    b"<em>" * 100,
    b"<table><tr><td>",
    b"&#58;",
    b"&colon;",
    b"javascript:",
    b"java\tscript:",
    b"&#x0;",
    b"&#xD800;",
    b"\x00",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;",
    b"]]>",
    b"<![CDATA[",
    b'{"',
    b"}",
    b"[",
    b"]" * 50,
    b"[" * 300,
    b'"version": true',
    b"9" * 5000,
    b"NaN",
    b"-0",
    b"1e999",
    b'"\\ud800"',
    b"http://[::1",
    b"//host/a",
    b"file:///etc/passwd",
    b"data:image/png;base64,JVBT",
    b"<svg onload=x>",
    b"<script>alert(1)</script>",
    b"<img src=x onerror=y>",
    b"\r\n" * 50,
    b"9999-12-31T23:59:59-23:59",
    b"0001-01-01T00:00:00+23:59",
    b"2200-01-01",
    "\u202e".encode(),
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """One seed with a few mutations: byte flips, token insertions, deletions, splices, repeats."""
    fmt, data = draw(st.sampled_from(seeds()))
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "splice", "repeat", "truncate"]))
        at = draw(st.integers(0, max(0, len(buffer) - 1)))
        if kind == "flip" and buffer:
            buffer[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            buffer[at:at] = draw(st.sampled_from(_TOKENS))
        elif kind == "delete":
            del buffer[at : at + draw(st.integers(1, 64))]
        elif kind == "splice":
            _, other = draw(st.sampled_from(seeds()))
            start = draw(st.integers(0, max(0, len(other) - 1)))
            buffer[at:at] = other[start : start + draw(st.integers(1, 400))]
        elif kind == "repeat":
            piece = bytes(buffer[at : at + draw(st.integers(1, 40))])
            buffer[at:at] = piece * draw(st.integers(2, 200))
        elif kind == "truncate":
            del buffer[at:]
    return fmt, bytes(buffer)
