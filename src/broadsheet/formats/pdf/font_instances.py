"""Static faces cut from a variable font, made once and kept in broadsheet's cache folder.

reportlab draws a variable font in its default instance only, so a family that ships as one
variable file (Noto Sans Thai) would draw bold as regular. fontTools' instancer pins the font's
axes (``wght`` 700, every other axis at its default) and gives an ordinary static TrueType file.
Making one costs about half a second, so it is made once and stored under ``fonts/`` in the
cache folder (``$BROADSHEET_CACHE_DIR``, else the user's cache folder), named for the digest of
the variable file it comes from. It is written atomically; a folder that cannot be written is no
error (the face is then kept in a temporary file for this process), and without fontTools (the
``scripts`` extra brings it) there is no instance and the caller keeps its regular face.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import importlib.util
import io
import os
import tempfile
from pathlib import Path

from broadsheet.formats._shared.cache_folder import cache_folder, write_cache_file

__all__ = ["BOLD", "static_instance"]

BOLD = 700
"""The ``wght`` axis value of a bold face (CSS and OpenType's "Bold")."""

_VERSION = 1
"""Part of a stored file's name: raised when the way instances are made changes."""


def static_instance(variable: Path, weight: int, digest: str | None = None) -> Path | None:
    """A static TrueType file of ``variable`` at ``wght`` ``weight``, from the cache or made now;
    None without fontTools or when the file has no ``wght`` axis. ``digest`` is the variable
    file's SHA-256 when the caller already has it (the fonts module digests every file it loads)."""
    if digest is None:
        try:
            digest = hashlib.sha256(variable.read_bytes()).hexdigest()
        except OSError:
            return None
    return _instance(str(variable), digest, weight)


@functools.lru_cache(maxsize=8)
def _instance(variable: str, digest: str, weight: int) -> Path | None:
    if importlib.util.find_spec("fontTools") is None:
        return None
    name = f"{Path(variable).stem.split('[')[0]}-wght{weight}-v{_VERSION}-{digest[:16]}.ttf"
    try:
        stored = cache_folder("fonts") / name
    except Exception:  # no cache folder to be had (no platformdirs, no home): made in a temporary
        stored = None
    if stored is not None and _usable(stored):
        return stored
    made = _make(variable, weight)
    if made is None:
        return None
    if stored is not None and write_cache_file(stored, made):
        return stored
    return _temporary(made, name)


def _usable(path: Path) -> bool:
    """True when ``path`` holds a static TrueType font (a damaged or foreign file is made again)."""
    from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

    try:
        with TTFont(str(path), lazy=True) as font:
            return "glyf" in font and "fvar" not in font
    except (OSError, TTLibError, ValueError, KeyError, AssertionError):
        return False


def _make(variable: str, weight: int) -> bytes | None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer  # type: ignore[import-untyped]

    try:
        font = TTFont(variable, recalcTimestamp=False)  # the same bytes from every run
        axes = {axis.axisTag: axis for axis in font["fvar"].axes} if "fvar" in font else {}
        if "wght" not in axes:
            return None
        wght = axes["wght"]
        limits = {tag: axis.defaultValue for tag, axis in axes.items()}
        limits["wght"] = min(max(float(weight), wght.minValue), wght.maxValue)
        # Every axis pinned: a static font. Its names become the instance's ("Noto Sans Thai Bold").
        static = instancer.instantiateVariableFont(font, limits, updateFontNames="STAT" in font)
        out = io.BytesIO()
        static.save(out, reorderTables=True)
        return out.getvalue()
    except Exception:  # fontTools fails in many ways on fonts it cannot instance: no bold face
        return None


def _temporary(data: bytes, name: str) -> Path | None:
    """``data`` in a temporary file removed when the process ends (the cache could not be written)."""
    try:
        fd, temporary = tempfile.mkstemp(prefix="broadsheet-", suffix=f"-{name}")
        with os.fdopen(fd, "wb") as file:
            file.write(data)
    except OSError:
        return None
    atexit.register(_remove, temporary)
    return Path(temporary)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
