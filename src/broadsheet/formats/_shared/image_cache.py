"""Downloaded images kept on disk, so that an edition rebuilt an hour later does not fetch them again.

One file per URL, named by the URL's SHA-256: a header line, a JSON line
(the URL, the media type, when it was fetched, the size and digest of the
bytes) and the bytes. Entries are written to a temporary and renamed in, so
a reader never sees half of one; an entry that does not parse, whose bytes
do not match its digest, that names another URL or is older than the
maximum age is ignored (and refetched). The cache is only an optimisation:
a folder that cannot be written leaves builds as they were, only slower.
The caller checks what it gets back like any download (magic bytes, decoding).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

import attrs

from broadsheet.formats._shared.cache_folder import cache_folder
from broadsheet.formats._shared.files import temporary_name

_MAGIC = b"broadsheet-image-cache 1\n"
_MAX_HEADER = 8192
_SUFFIX = ".img"


def default_folder(option: str | None = None) -> Path:
    """The image cache: ``images`` in ``option``, else in ``$BROADSHEET_CACHE_DIR``, else in the
    user's cache folder for broadsheet (platformdirs: ``~/.cache/broadsheet`` on Linux)."""
    return cache_folder("images", option)


@attrs.frozen(kw_only=True)
class Cached:
    """One cached download."""

    data: bytes
    media_type: str
    fetched: float
    """When it was downloaded (seconds since the epoch)."""


@attrs.frozen(kw_only=True)
class ImageCache:
    """The image cache in ``folder``."""

    folder: Path
    max_age: float = 86_400.0
    """Entries older than this many seconds are fetched again."""
    max_bytes: int = 256 * 1024 * 1024
    """When the entries together are larger, the oldest are removed (:meth:`trim`)."""

    def _path(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest() + _SUFFIX)

    def get(self, url: str, *, max_bytes: int) -> Cached | None:
        """The fresh entry for ``url`` of at most ``max_bytes`` bytes, or ``None``."""
        try:
            fd = os.open(
                self._path(url), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            )
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(len(_MAGIC) + _MAX_HEADER + max_bytes + 1)
        found = self._parse(raw, url, max_bytes)
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(self._path(url))  # recently used: the last to go when the cache is trimmed
        return found

    def _parse(self, raw: bytes, url: str, max_bytes: int) -> Cached | None:
        if not raw.startswith(_MAGIC):
            return None
        line, newline, data = raw[len(_MAGIC) :].partition(b"\n")
        if not newline or len(line) > _MAX_HEADER:
            return None
        try:
            header = json.loads(line)
            fetched = float(header["fetched"])
            media_type = str(header["type"])
            ok = (
                header["url"] == url
                and header["size"] == len(data) <= max_bytes
                and header["sha256"] == hashlib.sha256(data).hexdigest()
            )
        except (ValueError, KeyError, TypeError):
            return None
        age = time.time() - fetched
        if not ok or not -60.0 <= age <= self.max_age:  # a clock far ahead is no fresher than one behind
            return None
        return Cached(data=data, media_type=media_type, fetched=fetched)

    def put(self, url: str, data: bytes, media_type: str) -> bool:
        """Keep ``data`` for ``url``; whether it could be written."""
        header = {
            "url": url,
            "type": media_type,
            "fetched": time.time(),
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        line = json.dumps(header, ensure_ascii=True).encode("ascii")
        if len(line) > _MAX_HEADER:  # an absurdly long URL: not worth keeping
            return False
        target = self._path(url)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            prefix, suffix = temporary_name(target.name)
            fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=self.folder)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + line + b"\n" + data)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return False
        return True

    def trim(self) -> None:
        """Remove the oldest entries until the rest fit :attr:`max_bytes`, and temporaries over a day old."""
        entries: list[tuple[float, int, str]] = []
        now = time.time()
        try:
            with os.scandir(self.folder) as scan:
                for entry in scan:
                    with contextlib.suppress(OSError):
                        info = entry.stat(follow_symlinks=False)
                        if entry.name.endswith(_SUFFIX):
                            entries.append((info.st_mtime, info.st_size, entry.path))
                        elif entry.name.endswith(".part") and now - info.st_mtime > 86_400:
                            os.unlink(entry.path)
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
