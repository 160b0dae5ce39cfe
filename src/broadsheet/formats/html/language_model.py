"""py3langid's model, loaded in milliseconds from a decompressed copy kept in broadsheet's cache folder.

py3langid ships its model as an LZMA-compressed NumPy archive of 68 MB; unpacking it is what its
first use costs (about a second, nine tenths of it LZMA), in every new process. The first process
that needs it writes the arrays, exactly as py3langid loads them, as plain ``.npy`` files under
``language-model/`` in the cache folder (``$BROADSHEET_CACHE_DIR``, else the user's cache folder);
later processes map those files into memory instead, so the load is the time to open six files,
and worker processes share one copy of the pages. The identifier built from them is py3langid's
own class with the same arrays, so it classifies exactly as the stock load does.

The copy is only an optimisation: a cache folder that cannot be written, a copy that does not
check out, or a py3langid whose loader differs from the one this was written for (0.4) falls back
to py3langid's own load.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from broadsheet.formats.html import data_cache

__all__ = ["cache_folder", "load"]

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
"""The model's arrays, in the order py3langid's ``modelio.load_model`` returns them."""

_TOUCH = 86_400.0
"""A copy in use has its marker's time refreshed at most once a day..."""
_STALE = 30 * 86_400.0
"""...and one unused for 30 days (another install's, an older py3langid's: 68 MB each) is removed."""


def cache_folder() -> Path:
    """Where the unpacked copies live: ``language-model`` in broadsheet's cache folder."""
    return data_cache.folder("language-model")


def load() -> Any:
    """py3langid's ``LanguageIdentifier`` with probabilities normalised, from the cached copy (made
    on the first call on this machine); py3langid's own load when the copy cannot be used."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    try:
        # A reinstalled or upgraded py3langid has a new file: its copy gets a new name.
        folder = cache_folder() / f"py3langid-{data_cache.stamp(model)}"
        arrays = _mapped(folder) or _write(folder, model)
        if arrays is not None:
            ptc, pc, classes, nextmove, nextmove_row, out_feat = arrays
            return LanguageIdentifier(
                ptc, pc, classes, nextmove, out_feat, norm_probs=True, tk_row=nextmove_row
            )
    except Exception:  # noqa: S110 - any surprise in the shortcut: the stock load below
        pass
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _mapped(folder: Path) -> tuple[Any, ...] | None:
    """The copy's arrays, mapped read-only, in the shapes py3langid's loader gives; ``None`` when
    there is no complete copy."""
    marker = folder / "complete"
    try:
        used = marker.stat().st_mtime
    except OSError:
        return None
    import numpy as np

    try:
        ptc, pc, classes, nextmove, nextmove_row, out_feat = (
            np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS
        )
    except (OSError, ValueError):
        return None
    rows = len(nextmove_row)
    if not (ptc.ndim == 2 and ptc.shape[1] == len(pc) == len(classes)) or len(out_feat) != rows:
        return None
    if len(nextmove) % 256 or (rows and int(nextmove_row.max()) >= len(nextmove) // 256):
        return None
    if used < time.time() - _TOUCH:
        with contextlib.suppress(OSError):
            os.utime(marker)  # in use: not one of the stale copies _write clears
    # py3langid walks its automaton by indexing Python arrays: a memoryview of the mapped
    # transitions (39 MB) indexes the same way, to the same integers, without a copy; the
    # outputs, a list as py3langid has them (0.4 MB), are read at every step, where a list is faster.
    return (
        np.asarray(ptc),
        np.asarray(pc),
        classes.tolist(),
        memoryview(nextmove),
        memoryview(nextmove_row),
        out_feat.tolist(),
    )


def _write(folder: Path, model: Path) -> tuple[Any, ...] | None:
    """Unpack the model the way py3langid does, keep a copy in ``folder`` (written beside it and
    renamed in, so no process sees half of one), and return the arrays; ``None`` when py3langid's
    loader is not the one this module knows."""
    import numpy as np

    try:
        from py3langid.modelio import load_model
    except ImportError:
        return None
    ptc, pc, classes, nextmove, nextmove_row, out_feat = load_model(model)
    with contextlib.suppress(OSError):
        folder.parent.mkdir(parents=True, exist_ok=True)
        _clear_stale(folder.parent)
        work = Path(tempfile.mkdtemp(prefix=".part-", dir=folder.parent))
        try:
            values = (
                np.asarray(ptc),
                np.asarray(pc),
                np.array(classes),
                np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
                np.frombuffer(nextmove_row, dtype=f"u{nextmove_row.itemsize}"),
                np.asarray(out_feat, dtype=np.int32),
            )
            for name, value in zip(_ARRAYS, values, strict=True):
                np.save(work / f"{name}.npy", value, allow_pickle=False)
            (work / "complete").write_bytes(b"")
            if folder.exists():  # a copy that did not check out (_mapped): replaced, not kept
                shutil.rmtree(folder, ignore_errors=True)
            os.replace(work, folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)  # gone already when the rename worked
    return (ptc, pc, classes, nextmove, nextmove_row, out_feat)


def _clear_stale(parent: Path) -> None:
    """Remove copies nobody has loaded for :data:`_STALE` seconds, and unfinished ones as old."""
    limit = time.time() - _STALE
    for old in parent.glob("*"):
        marker = old / "complete"
        with contextlib.suppress(OSError):
            if (marker.stat().st_mtime if marker.exists() else old.stat().st_mtime) < limit:
                shutil.rmtree(old, ignore_errors=True)
