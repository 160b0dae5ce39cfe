"""The output folder's record of which input became which file, so a resumed batch skips without reading.

A name made of article fields (``{slug}``, ``{id}``, ``{date}``) is known only
once the page is read; without a record, ``--skip-existing`` would read every
page again to learn whether its file exists. :class:`Manifest` appends one
JSON line per output as the output is put in place (``{"input": …,
"output": …, "format": …, "template": …}``) to :data:`MANIFEST_NAME` in the
folder, flushed at once, so an interrupted batch has a line for each file it
completed. A line cut short by a crash, or any line that does not parse, is
ignored: that input is read again, as it would be without a manifest.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from broadsheet.errors import OutputError

__all__ = ["MANIFEST_NAME", "Manifest"]

MANIFEST_NAME = ".broadsheet-manifest.jsonl"
"""The manifest's file name in an output folder (hidden: a folder walk of inputs passes over it)."""

_MAX_LINE_BYTES = 64 * 1024
"""A longer line is not one of ours: it is skipped in pieces, never held whole."""


class Manifest:
    """The lines of one folder's manifest for one output format and name template."""

    def __init__(self, folder: Path, format: str, template: str, *, load: bool) -> None:
        """Bind to ``folder``'s manifest; ``load`` reads what earlier batches recorded (for a resume)."""
        self.path = folder / MANIFEST_NAME
        self.format = format
        self.template = template
        self._outputs: dict[str, list[str]] = {}
        self._file: BinaryIO | None = None
        if load:
            self._load()

    def _load(self) -> None:
        from broadsheet.formats.jsonl.stream import numbered_lines

        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            return
        except OSError as error:
            raise OutputError(f"{self.path}: cannot read: {error.strerror or error}") from error
        with handle:
            for _, line in numbered_lines(handle, _MAX_LINE_BYTES):
                entry = _entry(line)
                if entry is None or entry.get("format") != self.format:
                    continue
                if entry.get("template") != self.template:
                    continue  # another template named that input otherwise: its file is not this one's
                # One input named twice in a batch has two outputs, given in turn; a rerun's same name once.
                outputs = self._outputs.setdefault(entry["input"], [])
                if entry["output"] not in outputs:
                    outputs.append(entry["output"])

    def take(self, origin: str) -> str | None:
        """The file name (relative to the folder) an earlier batch wrote for ``origin``, if recorded;
        an input named more than once gets each of its recorded names in turn."""
        outputs = self._outputs.get(origin)
        if not outputs:
            return None
        output = outputs.pop(0)
        if not outputs:
            del self._outputs[origin]
        return output

    def record(self, origin: str, output: str) -> None:
        """Note that ``origin``'s output ``output`` is complete; on disk (flushed) before this returns."""
        # ASCII with escapes: a path's undecodable bytes (surrogates) come back exactly as they went.
        line = json.dumps(
            {"input": origin, "output": output, "format": self.format, "template": self.template}
        )
        try:
            if self._file is None:
                self._file = open(self.path, "ab")  # noqa: SIM115 - closed by close()
            self._file.write(line.encode("ascii") + b"\n")
            self._file.flush()
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from error

    def close(self) -> None:
        """Close the file (every line was flushed already)."""
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None


def _entry(line: bytes | None) -> dict[str, str] | None:
    if not line or not line.endswith(b"\n"):
        return None  # too long, or the last line of a batch that stopped while writing it
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    if not all(isinstance(entry.get(key), str) for key in ("input", "output", "format", "template")):
        return None
    output = PurePosixPath(entry["output"])
    if output.is_absolute() or ".." in output.parts or "\\" in entry["output"]:
        return None  # a name that would leave the folder was never written by a batch
    return entry
