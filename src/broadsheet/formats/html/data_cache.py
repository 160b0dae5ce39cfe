"""Where the HTML reader keeps what it derives from its dependencies' data, so a new process need
not derive it again: py3langid's unpacked model (:mod:`.language_model`), CLDR month names
(:mod:`.month_names`).

It is broadsheet's cache folder (``$BROADSHEET_CACHE_DIR``, else the user's cache folder, as for
images). Everything in it is an optimisation, named by the installed file it was derived from and
checked when read: a folder that cannot be written, or a file that does not check out, only makes
the reader derive the data again, never changes what it reads.
"""

from __future__ import annotations

import os
from pathlib import Path

from broadsheet.formats._shared.cache_folder import cache_folder
from broadsheet.formats._shared.cache_folder import write_cache_file as write_file

__all__ = ["folder", "stamp", "write_file"]


def folder(name: str) -> Path:
    """The cache's sub-folder ``name`` (not created)."""
    return cache_folder(name)


def stamp(path: str | os.PathLike[str]) -> str:
    """A name for what was derived from the installed file ``path``: its size and time, which an
    upgrade or reinstall changes."""
    info = os.stat(path)
    return f"{info.st_size}-{info.st_mtime_ns}"
