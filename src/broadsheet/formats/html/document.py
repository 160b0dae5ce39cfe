"""Parsing untrusted page bytes into an lxml.html tree within fixed limits of size and depth.

Everything the HTML reader looks at comes from :func:`parse`. It refuses
what cannot be a page (empty or binary input), bounds the size it will
parse, and turns libxml2's silent truncation of absurdly deep nesting into
a :class:`~broadsheet.errors.LimitError`, so no later recursive walk can
blow the stack.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

import attrs
import lxml.html

from broadsheet.errors import LimitError, ReadError
from broadsheet.formats._shared import parsers
from broadsheet.formats.html.encoding import decode, utf16_codec

MAX_BYTES = 20_000_000
"""The largest page parsed by default (news pages are rarely over 3 MB)."""
MAX_DEPTH = parsers.HTML_MAX_DEPTH
"""libxml2's own limit on element nesting; deeper documents are refused, not truncated."""

_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# The references _xml_safe_reference may change: a leading zero, one or two digits (below 0x20),
# four hex digits from D or F (surrogates, U+FFFE/FFFF), five decimal digits from 5 or 6 (the same
# in decimal), or too many digits. Pages are full of "&#8217;" and "&#x2014;", which can never
# change; finding none of these spares the substitution's call back into Python on every one.
_SUSPECT_REFERENCE = re.compile(
    r"&#(?:[xX](?:0|[0-9a-fA-F]{1,2}(?![0-9a-fA-F])|[dDfF][0-9a-fA-F]{3}(?![0-9a-fA-F])|[0-9a-fA-F]{6})"
    r"|0|[0-9]{1,2}(?![0-9])|[56][0-9]{4}(?![0-9])|[0-9]{7})"
)


def _xml_safe_reference(found: re.Match[str]) -> str:
    """The reference as written when it names a character XML can hold; else nothing (a form feed: a space)."""
    code = int(found[1], 16) if found[1] is not None else int(found[2])
    if code == 0x0C:
        return " "
    if (
        code in (0x09, 0x0A, 0x0D)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ):
        return found[0]
    return "\ufffd" if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else ""


_JUNK_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd\ufff0-\uffff]")


@attrs.frozen(kw_only=True)
class Parsed:
    """A parsed page and what was learnt on the way."""

    root: lxml.html.HtmlElement
    """The ``<html>`` element."""
    encoding: str
    """The codec the bytes were decoded with."""
    encoding_source: str
    """Where the encoding came from (see :class:`~broadsheet.formats.html.encoding.Decoded`)."""


def parse(
    data: bytes,
    *,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    where: str = "the page",
) -> Parsed:
    """Decode and parse ``data`` as an HTML page.

    Raises :class:`ReadError` for empty input or bytes that are not text, and
    :class:`LimitError` for pages over ``max_bytes`` or nested deeper than
    :data:`MAX_DEPTH` elements.
    """
    if len(data) > max_bytes:
        raise LimitError(
            f"the page is {len(data):,} bytes; the HTML reader reads at most {max_bytes:,} "
            "(option max_bytes)",
            where=where,
        )
    if not data or data.isspace():
        raise ReadError("the page is empty", where=where)
    _refuse_binary(data, where)
    decoded = decode(data, headers=headers, where=where)
    text = decoded.text
    if not text.strip():
        raise ReadError("the page is empty", where=where)
    sample = text[:4096]
    junk = len(_JUNK_CHARS.findall(sample))
    if junk * 10 > len(sample) or "<" not in text[:65536]:
        raise ReadError("the input is binary data or plain text, not an HTML page", where=where)
    # Control characters are invalid in HTML, and lxml refuses them in any
    # text set later: none enters the tree.
    cleaned = _has_control_characters(data, text, decoded.encoding)
    if cleaned:
        text = _CONTROL_CHARS.sub(lambda m: " " if m.group() == "\x0c" else "", text)
    # Nor through a numeric reference: libxml2 turns "&#1;" (or "&#1" with no semicolon) into U+0001.
    if "&#" in text and _SUSPECT_REFERENCE.search(text):
        replaced = _NUMERIC_REFERENCE.sub(_xml_safe_reference, text)
        cleaned = cleaned or replaced != text
        text = replaced
    # lxml refuses str input with an encoding declaration, and bare bytes
    # would be sniffed again; UTF-8 bytes with the encoding stated are neither.
    utf8 = (
        data
        if decoded.encoding == "utf-8" and decoded.how == "utf-8" and not cleaned
        else text.encode("utf-8", "replace")
    )
    root = parsers.parse_html_page(utf8, where=where)
    return Parsed(root=root, encoding=decoded.encoding, encoding_source=decoded.how)


_CONTROL_BYTE_STRINGS = tuple(bytes([c]) for c in range(32) if c not in (9, 10, 13))
_ASCII_COMPATIBLE = frozenset({"utf-8", "ascii"})
_SINGLE_BYTE_CODECS = ("cp", "windows-", "iso-8859", "latin", "koi8")
# EBCDIC code pages put control characters on other bytes: those texts are scanned.
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})


def _has_control_characters(data: bytes, text: str, codec: str) -> bool:
    # In UTF-8 (and the single-byte codecs lxml's pages use), a control character is its own byte
    # and never part of a longer sequence, so 29 byte searches (memchr) answer it; a regex
    # character class walks the decoded text one character at a time, ten times slower.
    single_byte = codec in _ASCII_COMPATIBLE or (
        codec.startswith(_SINGLE_BYTE_CODECS) and codecs.lookup(codec).name not in _EBCDIC
    )
    if single_byte and not any(byte in data for byte in _CONTROL_BYTE_STRINGS):
        return False
    return _CONTROL_CHARS.search(text) is not None


def _refuse_binary(data: bytes, where: str) -> None:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_codec(head) is not None:
        return  # UTF-16 text is full of NULs
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls * 10 > len(head) or (b"\x00" in head and b"<" not in head):
        raise ReadError("the input is binary data, not an HTML page", where=where)
