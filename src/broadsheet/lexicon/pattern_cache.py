"""The lexicon's compiled patterns kept in broadsheet's cache folder, so a new process need not
compile them again.

A language's patterns are long alternations of case-insensitive phrases: Python's ``re`` parses and
compiles them in Python, about 40 ms a language, which every new process paid on its first page in
each language (more than the rest of reading that page). The first process that compiles one
stores what ``re`` made of it (the code ``re`` hands to its C engine) under ``lexicon-patterns/``
in the cache folder (``$BROADSHEET_CACHE_DIR``, else the user's cache folder); later processes
hand that code to the engine directly.

Only an optimisation, as the HTML reader's other cached data: a stored pattern is used only by the
Python build that stored it (the folder is named for it), is stored only when it equals
``re.compile``'s own result, and anything unexpected (another Python, a folder that cannot be
written, a file that does not check out) falls back to ``re.compile``. The code comes from
``re``'s internals (``re._parser``, ``re._compiler``, ``_sre.compile``), checked to be the same from
Python 3.11 to 3.13: on any other Python the cache is not used at all (:data:`CHECKED_PYTHONS`), so
a change in those internals costs time, never a wrong pattern.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C engine (no stubs)
import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from broadsheet.formats._shared.cache_folder import cache_folder, write_cache_file

__all__ = ["CHECKED_PYTHONS", "compile_pattern"]

CHECKED_PYTHONS = frozenset({(3, 11), (3, 12), (3, 13)})
"""The Python versions whose ``re`` internals this module was checked against; others compile."""

_MOST_FILES = 4_000
"""A folder holding more patterns than this (stale ones of earlier word lists) is emptied first."""


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the cache folder when this Python stored it before."""
    if sys.version_info[:2] not in CHECKED_PYTHONS:
        return re.compile(source, flags)
    try:
        path = _folder() / f"{hashlib.sha256(f'{flags}:{source}'.encode()).hexdigest()}.json"
    except Exception:  # no cache folder to be had (no platformdirs, no home): compile
        return re.compile(source, flags)
    stored = _load(path, source)
    if stored is not None:
        return stored
    pattern = re.compile(source, flags)
    _store(path, source, flags, pattern)
    return pattern


def _folder() -> Path:
    return _folder_under(os.environ.get("BROADSHEET_CACHE_DIR"))


@functools.lru_cache(maxsize=8)
def _folder_under(root: str | None) -> Path:
    # Asking platformdirs for the user's cache folder costs about as much as loading a pattern.
    return (
        cache_folder("lexicon-patterns", root)
        / f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    )


def _load(path: Path, source: str) -> re.Pattern[str] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        stored, flags, code, groups, groupindex, indexgroup = json.loads(data)
        if stored != source:
            return None  # another pattern with the same hash: compiled
        # The engine checks the code it is given (a malformed program is a RuntimeError).
        pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # a damaged or foreign file: compiled again (and stored over)
        return None
    return pattern


def _store(path: Path, source: str, flags: int, pattern: re.Pattern[str]) -> None:
    try:
        made = _engine_input(source, flags)
        if _sre.compile(source, *made) != pattern:  # compares flags, pattern and code
            return
        folder = path.parent
        if folder.is_dir() and sum(1 for _ in folder.iterdir()) > _MOST_FILES:
            for old in folder.iterdir():
                old.unlink(missing_ok=True)
        data = json.dumps([source, *made], ensure_ascii=False).encode()
    except Exception:  # re's internals not as expected, or the folder unreadable: nothing stored
        return
    write_cache_file(path, data)


def _engine_input(source: str, flags: int) -> tuple[Any, ...]:
    # What re._compiler.compile hands _sre.compile after the pattern: the same steps (3.11-3.13).
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
