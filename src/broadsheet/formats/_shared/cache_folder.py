"""broadsheet's cache folder, shared by everything it keeps between runs (downloaded images, the HTML
reader's derived data): ``$BROADSHEET_CACHE_DIR``, else the user's cache folder (platformdirs:
``~/.cache/broadsheet`` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder"]


def cache_folder(name: str, root: str | None = None) -> Path:
    """The sub-folder ``name`` of ``root``, else of the cache folder (not created)."""
    root = root or os.environ.get("BROADSHEET_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("broadsheet", appauthor=False)
    return Path(root) / name
