"""Writing output files so that they are complete or absent, never partial."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from broadsheet.errors import OutputError


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically.

    The bytes go to a temporary file beside the target, are flushed to disk,
    then renamed over it; on any failure the temporary file is removed and an
    existing file at ``path`` is left as it was.
    """
    target = Path(path)
    directory = target.parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {str(directory)!r} does not exist")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder, not a file")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    except OSError as error:
        raise OutputError(f"{target}: cannot create a file there: {error.strerror or error}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        if isinstance(error, OSError):
            raise OutputError(f"{target}: cannot write: {error.strerror or error}") from error
        raise
