"""broadsheet's cache folder, shared by everything it keeps between runs (downloaded images, the HTML
reader's derived data): ``$BROADSHEET_CACHE_DIR``, else the user's cache folder (platformdirs:
``~/.cache/broadsheet`` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder", "write_cache_file"]


def cache_folder(name: str, root: str | None = None) -> Path:
    """The sub-folder ``name`` of ``root``, else of the cache folder (not created)."""
    root = root or os.environ.get("BROADSHEET_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("broadsheet", appauthor=False)
    return Path(root) / name


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically (no reader sees half of it), making its folder;
    whether it was written. A cache that cannot be written is not an error: what it holds is
    derived again next time."""
    from broadsheet.errors import OutputError
    from broadsheet.formats._shared.files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, OutputError):
        return False
    return True
