"""Writing and reading JSON Lines one article at a time, for files larger than memory.

:class:`JsonLinesWriter` appends lines to a temporary file beside the target
and renames it over the target only when closed without error, so a stopped
or failed batch leaves the old file (or none), never half of a new one.
:func:`iter_articles` reads a file line by line, holding one line at a time.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from broadsheet.errors import LimitError, OutputError, SourceError
from broadsheet.formats._shared.files import remove_stale, temporary_name
from broadsheet.formats.jsonl import MAX_LINE_BYTES, article_line, parse_line
from broadsheet.model import Article

__all__ = ["JsonLinesWriter", "iter_articles", "numbered_lines"]


class JsonLinesWriter:
    """Append articles (or ready lines) to ``path``, which appears, complete, only on :meth:`close`.

    Use it as a context manager: leaving the block by an exception (a
    Ctrl-C, an error) removes the temporary and leaves ``path`` as it was::

        with JsonLinesWriter("day.jsonl") as out:
            for article in articles:
                out.append(article)
    """

    def __init__(self, path: str | os.PathLike[str], *, ascii: bool = False) -> None:
        """Open a temporary beside ``path`` to write to."""
        self.path = Path(path)
        self.ascii = ascii
        self.count = 0
        """How many lines have been written."""
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder, not a file")
        folder = self.path.parent
        if not folder.is_dir():
            raise OutputError(f"{self.path}: the folder {str(folder)!r} does not exist")
        remove_stale(folder, self.path.name)
        prefix, suffix = temporary_name(self.path.name)
        try:
            fd, self._temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from error
        self._file: BinaryIO | None = os.fdopen(fd, "wb")

    def append(self, article: Article) -> None:
        """Write ``article`` as the next line."""
        self.append_line(article_line(article, ascii=self.ascii))

    def append_line(self, line: bytes) -> None:
        """Write one line already rendered by :func:`~broadsheet.formats.jsonl.article_line`."""
        if self._file is None:
            raise OutputError(f"{self.path}: already closed")
        try:
            self._file.write(line if line.endswith(b"\n") else line + b"\n")
        except OSError as error:
            self.abort()
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from error
        self.count += 1

    def close(self) -> None:
        """Flush the lines to disk and put the file in place of ``path``."""
        if self._file is None:
            return
        handle, self._file = self._file, None
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            if self.path.exists():
                os.chmod(self._temporary, self.path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self._temporary, 0o666 & ~umask)
            os.replace(self._temporary, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                handle.close()
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from error

    def abort(self) -> None:
        """Drop what was written; ``path`` stays as it was."""
        if self._file is None:
            return
        handle, self._file = self._file, None
        with contextlib.suppress(OSError):
            handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temporary)

    def __enter__(self) -> JsonLinesWriter:
        """The writer itself."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Close on success, abort on any exception (``KeyboardInterrupt`` included)."""
        if kind is None:
            self.close()
        else:
            self.abort()


def iter_articles(source: str | os.PathLike[str] | BinaryIO) -> Iterator[Article]:
    """Each line's article, in order, reading one line at a time; a bad line is a :class:`ReadError`
    naming its number."""
    if isinstance(source, (str, os.PathLike)):
        try:
            handle: BinaryIO = open(source, "rb")  # noqa: SIM115 - closed below, after the generator ends
        except OSError as error:
            raise SourceError(f"{source}: {error.strerror or error}") from error
        with handle:
            yield from _articles(handle)
    else:
        yield from _articles(source)


def numbered_lines(handle: BinaryIO, max_bytes: int | None = None) -> Iterator[tuple[int, bytes | None]]:
    """Each line of ``handle`` with its number, one line in memory at a time; a line longer than
    ``max_bytes`` (default :data:`MAX_LINE_BYTES`) comes as ``None`` and is skipped to its end in
    pieces, so a file without line breaks is never read whole. A byte-order mark is dropped."""
    limit = MAX_LINE_BYTES if max_bytes is None else max_bytes
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(65536)
            yield number, None
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        yield number, line


def _articles(handle: BinaryIO) -> Iterator[Article]:
    for number, line in numbered_lines(handle):
        if line is None:
            raise LimitError(f"a line longer than {MAX_LINE_BYTES:,} bytes", where=f"line {number}")
        if line.strip():
            yield parse_line(line, number)
