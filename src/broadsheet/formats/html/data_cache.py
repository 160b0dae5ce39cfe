"""Where the HTML reader keeps what it derives from its dependencies' data, so a new process need
not derive it again: py3langid's unpacked model (:mod:`.language_model`), CLDR month names
(:mod:`.month_names`).

It is broadsheet's cache folder (``$BROADSHEET_CACHE_DIR``, else the user's cache folder, as for
images). Everything in it is an optimisation, named by the installed file it was derived from and
checked when read: a folder that cannot be written, or a file that does not check out, only makes
the reader derive the data again, never changes what it reads.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["folder", "stamp", "write_file"]


def folder(name: str) -> Path:
    """The cache's sub-folder ``name`` (not created)."""
    root = os.environ.get("BROADSHEET_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("broadsheet", appauthor=False)
    return Path(root) / name


def stamp(path: str | os.PathLike[str]) -> str:
    """A name for what was derived from the installed file ``path``: its size and time, which an
    upgrade or reinstall changes."""
    info = os.stat(path)
    return f"{info.st_size}-{info.st_mtime_ns}"


def write_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary renamed in, so no reader sees half of it;
    whether it was written."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
            return True
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # gone already when the rename worked
    return False
