"""Where a batch's rendered outputs go: files in a folder, or lines of one JSON Lines file.

A sink takes results in input order in the process that runs the batch (the
workers only render), so names are given out once and the JSON Lines file
is written by one writer. Each file in a folder is written atomically; the
JSON Lines file appears only when the batch ends without error.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from broadsheet.batch.manifest import Manifest
from broadsheet.batch.names import NameBook, stem_of
from broadsheet.batch.results import Result
from broadsheet.errors import OutputError
from broadsheet.formats._shared.files import write_atomic
from broadsheet.inputs.item import Item

if TYPE_CHECKING:
    from broadsheet.formats.jsonl.stream import JsonLinesWriter

__all__ = ["FolderSink", "JsonLinesSink", "Sink", "StreamSink"]


class Sink(Protocol):
    """Takes each result in order and writes its part; ``finish`` or ``abort`` at the end."""

    format: str
    """The format whose rendering this sink writes."""

    def put(self, result: Result) -> tuple[str, ...]:
        """Write the result's output; return the paths written (none for a failed or skipped one)."""
        ...

    def finish(self) -> None:
        """The batch ended: make every output complete and in place."""
        ...

    def abort(self) -> None:
        """The batch was stopped: remove what is not complete, keep what is."""
        ...


def _data(result: Result, format: str) -> bytes | None:
    for rendered in result.rendered:
        if rendered.format == format:
            return rendered.data
    return None


class FolderSink:
    """One file per input in ``folder``, named from a template (see :mod:`broadsheet.batch.names`)."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        format: str,
        extension: str,
        template: str,
        *,
        skip_existing: bool,
    ) -> None:
        """Write ``format`` outputs named by ``template`` under ``folder`` (created if missing)."""
        self.folder = Path(folder)
        self.format = format
        self.extension = extension.lstrip(".")
        self.names = NameBook(template)
        self.skip_existing = skip_existing
        self._early: dict[int, str] = {}  # names given before reading, to inputs still in flight
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(f"{self.folder}: is a file, not a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"{self.folder}: cannot create the folder: {error.strerror or error}"
            ) from error
        # Names of article fields are known only after a read: the manifest lets a resume skip it.
        self.manifest = (
            Manifest(self.folder, format, template, load=skip_existing) if self.names.needs_article else None
        )

    def _values(self, index: int, origin: str, result: Result | None) -> dict[str, object]:
        values: dict[str, object] = {"stem": stem_of(origin), "index": index + 1, "ext": self.extension}
        if result is not None:
            values.update(slug=result.slug, id=result.id, date=result.date)
        return values

    def done(self, index: int, item: Item) -> bool:
        """Whether ``item``'s file exists already: told by its name when names need no article, else
        by the folder's manifest; ``False`` when neither can tell without reading the page."""
        if not self.skip_existing:
            return False
        if self.manifest is not None:
            recorded = self.manifest.take(item.origin)
            if recorded is not None and (self.folder / recorded).is_file():
                self.names.take(recorded)  # a new input with the same title gets the next free name
                return True
            return False
        name = self.names.name(self._values(index, item.origin, None))
        if (self.folder / name).exists():
            return True
        self._early[index] = name
        return False

    def put(self, result: Result) -> tuple[str, ...]:
        """Write the result's file; its path."""
        early = self._early.pop(result.index, None)
        data = _data(result, self.format)
        if result.error is not None or result.skipped or data is None:
            return ()
        name = early or self.names.name(self._values(result.index, result.origin, result))
        path = self.folder / name
        if self.skip_existing and early is None and path.exists():
            if self.manifest is not None:
                self.manifest.record(result.origin, name)  # read once to learn its name; not again
            return ()
        if path.parent != self.folder:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise OutputError(f"{path.parent}: cannot create the folder: {error.strerror}") from error
        write_atomic(path, data)
        if self.manifest is not None:
            self.manifest.record(result.origin, name)
        return (str(path),)

    def finish(self) -> None:
        """Close the manifest: each file was complete when written."""
        if self.manifest is not None:
            self.manifest.close()

    def abort(self) -> None:
        """Close the manifest: files written stay (and are recorded), the one being written was never
        put in place."""
        if self.manifest is not None:
            self.manifest.close()


class JsonLinesSink:
    """Every input's article as a line of one JSON Lines file, in input order."""

    format = "jsonl"
    """Inputs are rendered with the JSON Lines writer."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Check that ``path`` can be written; its temporary is opened by the first line."""
        self.path = Path(path)
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder, not a file")
        if not self.path.parent.is_dir():
            raise OutputError(f"{self.path}: the folder {str(self.path.parent)!r} does not exist")
        self._writer: JsonLinesWriter | None = None

    def _open(self) -> JsonLinesWriter:
        if self._writer is None:
            from broadsheet.formats.jsonl.stream import JsonLinesWriter

            self._writer = JsonLinesWriter(self.path)
        return self._writer

    def put(self, result: Result) -> tuple[str, ...]:
        """Append the result's line(s)."""
        data = _data(result, self.format)
        if result.error is not None or data is None:
            return ()
        self._open().append_line(data)
        return (str(self.path),)

    def finish(self) -> None:
        """Put the file in place (an empty one when no input was converted)."""
        self._open().close()

    def abort(self) -> None:
        """Drop the temporary; a previous file of that name stays."""
        if self._writer is not None:
            self._writer.abort()


class StreamSink:
    """Every input's article as a JSON line on an open stream (standard output, a pipe), as it comes.

    A stream cannot be taken back: lines already sent stay sent when the batch stops.
    """

    format = "jsonl"
    """Inputs are rendered with the JSON Lines writer."""

    def __init__(self, stream: BinaryIO, name: str = "<stdout>") -> None:
        """Write to ``stream``; ``name`` is how errors name it."""
        self.stream = stream
        self.name = name

    def put(self, result: Result) -> tuple[str, ...]:
        """Send the result's line(s) and flush them, so a reader downstream sees each page at once."""
        data = _data(result, self.format)
        if result.error is not None or data is None:
            return ()
        try:
            self.stream.write(data)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputError(f"{self.name}: cannot write: {error}") from error
        return (self.name,)

    def finish(self) -> None:
        """Nothing to do: every line was flushed."""

    def abort(self) -> None:
        """Nothing to do: a stream cannot be taken back."""
