"""The pages of a WARC crawl (``.warc``, ``.warc.gz``): every HTML response record as an :class:`Item`.

The one module that knows the WARC library (warcio, the ``warc`` extra; chosen by
measurement, see docs/inputs.md). A record becomes a :class:`~broadsheet.Loaded`
with the page's bytes, its target URI and its HTTP headers, so the HTML reader
sees what a browser saw. Records that are not pages (requests, metadata, images,
redirects, errors) are skipped; a page record that cannot be read, or a file cut
short, is an :class:`Item` with an error, after the good records before it.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from broadsheet.errors import BroadsheetError, LimitError, ReadError, SourceError
from broadsheet.formats._shared.loaded import Loaded
from broadsheet.inputs.item import Item, open_or_item

__all__ = ["MAX_RECORD_BYTES", "is_warc", "records"]

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""The largest page body read from a record; a larger one is an :class:`Item` with a :class:`LimitError`."""

_SUFFIXES = (".warc", ".warc.gz")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
INSTALL_HINT = "reading WARC files needs warcio: pip install broadsheet[warc]"


def is_warc(path: str) -> bool:
    """Whether a file's name says it is a web archive."""
    return path.lower().endswith(_SUFFIXES)


def records(path: str, *, max_bytes: int = MAX_RECORD_BYTES) -> Iterator[Item]:
    """An :class:`Item` for every HTML page the WARC file at ``path`` holds, in file order, lazily."""
    name = os.path.basename(path)
    try:
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

        class Quiet(ArchiveIterator):  # type: ignore[misc]
            # warcio writes a warning to stderr for each record whose Content-Length is off, through
            # this template; a batch's progress bar is not the place for it, and _pages reports the
            # page as an error item instead (from warcio's count of them).
            INC_RECORD = ""
    except ImportError:
        yield Item(origin=path, error=SourceError(f"{path}: {INSTALL_HINT}"))
        return
    stream = open_or_item(path)
    if isinstance(stream, Item):
        yield stream
        return
    with stream:
        if not _starts_as_warc(stream):
            yield Item(
                origin=path, error=ReadError(f"{path}: not a WARC file (it does not start with WARC/)")
            )
            return
        read = [0]  # records read so far, for a second pass to skip
        size = os.fstat(stream.fileno()).st_size
        compressed = stream.read(2) == b"\x1f\x8b"
        stream.seek(0)

        def read_to_end() -> bool:  # warcio failed where the file ends: it was cut
            return stream.tell() >= size

        def more_after(end: int) -> bool:  # bytes after the last whole record: the start of a cut one
            stream.seek(end)
            rest = stream.read(65536)
            return bool(rest if compressed else rest.strip())

        try:
            yield from _pages(
                Quiet(stream), name, path, max_bytes, read, skip=0, cut=read_to_end, rest=more_after
            )
        except _OneGzipStream:
            # The whole file compressed as one gzip stream (``gzip crawl.warc``), not one member per
            # record as crawlers write: warcio refuses it; read it again through gzip, with offsets
            # in the decompressed stream, from the record after the last one handed out.
            stream.seek(0)
            unzipped = _Gunzip(stream)
            yield from _pages(
                Quiet(unzipped),
                name,
                path,
                max_bytes,
                [0],
                skip=read[0],
                cut=lambda: unzipped.cut,
                rest=lambda end: unzipped.cut,
            )


class _Gunzip:
    """A gzip file read as a stream of its decompressed bytes, which stops where the file stops.

    :class:`gzip.GzipFile` raises at a cut and drops the bytes it had decompressed in that read;
    this hands them out, so the record they belong to is seen to be short.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.unzip = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        self.position = 0
        self.cut = False

    def tell(self) -> int:
        return self.position

    def read(self, size: int = -1) -> bytes:
        wanted = size if size is not None and size >= 0 else 1 << 62
        out = b""
        while len(out) < wanted:
            if self.unzip.eof:  # the next member of a file of several, or the end
                chunk = self.unzip.unused_data or self.raw.read(65536)
                if not chunk:
                    break
                self.unzip = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            else:
                chunk = self.unzip.unconsumed_tail or self.raw.read(65536)
                if not chunk:
                    self.cut = True
                    break
            try:
                out += self.unzip.decompress(chunk, min(wanted - len(out), 1 << 20))
            except zlib.error:
                self.cut = True
                break
        self.position += len(out)
        return out


class _OneGzipStream(Exception):
    """warcio met a gzip member that holds more than one record."""


def _pages(
    archive: Any,
    name: str,
    path: str,
    max_bytes: int,
    read: list[int],
    *,
    skip: int,
    cut: Callable[[], bool],
    rest: Callable[[int], bool],
) -> Iterator[Item]:
    """The pages of the records ``archive`` reads, after the first ``skip``; ``read`` counts them.

    ``cut`` tells whether the file was read to its end when warcio failed (then the record it could
    not parse was cut short); ``rest(end)`` whether anything but blank lines follows the last whole
    record, which ends at ``end`` (warcio stops quietly at a record cut in its header).
    """
    end = 0
    while True:
        try:
            record = next(archive)
        except StopIteration:
            if rest(end):
                where = f"{name}#{end}"
                yield Item(origin=where, error=ReadError(f"{where}: the file ends in the middle of a record"))
            return
        except Exception as error:  # warcio's ArchiveLoadFailed, zlib's error, EOFError, ...
            message = " ".join(str(error).split())
            if "non-chunked gzip" in message:
                raise _OneGzipStream from error
            where = f"{name} after record {read[0]}" if read[0] else path
            if read[0] and cut():
                yield Item(origin=where, error=ReadError(f"{where}: the file ends in the middle of a record"))
            else:
                yield Item(origin=where, error=ReadError(f"{where}: not a readable WARC record: {message}"))
            return
        declared = (record.rec_headers.get_header("Content-Length") or "").strip()
        if not record.rec_type or not declared.isdigit():  # a header without its type or length: cut?
            where = f"{name} after record {read[0]}" if read[0] else path
            problem = (
                "the file ends in the middle of a record" if cut() else "a record without WARC-Type or length"
            )
            yield Item(origin=where, error=ReadError(f"{where}: {problem}"))
            return
        read[0] += 1
        if read[0] <= skip:
            continue
        page = _page(record, max_bytes)  # before the offset: warcio reads to the record's end for it
        misfits = archive.err_count
        try:
            offset = archive.get_record_offset()
            end = offset + archive.get_record_length()
            origin = f"{name}#{offset}"
        except Exception:  # the rest of the record cannot be read: a compressed stream cut short
            origin = f"{name} after record {read[0] - 1}"
            yield Item(origin=origin, error=ReadError(f"{origin}: the file ends in the middle of a record"))
            return
        if int(getattr(record.raw_stream, "limit", 0) or 0) > 0:
            # warcio hands out what there is without complaint: the block is shorter than its
            # Content-Length says, the file was cut short.
            yield Item(
                origin=origin, error=ReadError(f"{origin}: the file ends in the middle of this record")
            )
            return
        if page is not None and archive.err_count > misfits:
            # What follows the block is not the blank lines a record ends with: its Content-Length
            # is wrong, and the page is cut or carries the start of the next record.
            page = ReadError("the record's Content-Length does not match where it ends")
        if isinstance(page, BroadsheetError):
            yield Item(origin=origin, error=type(page)(f"{origin}: {page}"))
        elif page is not None:
            data, url, headers = page
            yield Item(origin=origin, source=Loaded(data=data, name=origin, url=url, headers=headers))


def _starts_as_warc(stream: IO[bytes]) -> bool:
    """Whether the file (or its first gzip member) opens with a WARC version line; warcio would read
    any text as ARC records, with a warning on stderr for each line."""
    head = stream.read(2)
    stream.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=stream) as unzipped:
                head = unzipped.read(5)
        else:
            head = stream.read(5)
    except (OSError, EOFError, zlib.error):
        return False
    stream.seek(0)
    return head == b"WARC/"


def _page(record: Any, max_bytes: int) -> tuple[bytes, str | None, dict[str, str]] | BroadsheetError | None:
    """The record's page (bytes, URL, HTTP headers), why a page cannot be read, or ``None`` for any other record."""
    kind = record.rec_type
    if kind == "response":
        if record.http_headers is None:
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None  # a redirect or an error page, not an article
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if content_type.split(";", 1)[0].strip().lower() not in _PAGE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as error:  # a broken chunked or compressed body
        return ReadError(f"the page's body cannot be read: {error}")
    if len(data) > max_bytes:
        return LimitError(f"the page is larger than {max_bytes:,} bytes")
    if not data.strip():
        return ReadError("the page's body is empty")
    if data.startswith(b"\x1f\x8b"):  # warcio hands back the raw bytes when they do not decompress
        return ReadError("the page's body cannot be read: it is gzip data that does not decompress")
    headers = {}
    if record.http_headers is not None:
        headers = {key.lower(): value for key, value in record.http_headers.headers}
    return data, url, headers
