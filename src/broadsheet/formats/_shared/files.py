"""Writing output files so that they are complete or absent, never partial, and all or none.

Every output is first written in full to a temporary file beside its target
and flushed to disk; only when all of them are written are they renamed over
their targets, and if a rename fails the targets already replaced get their
old contents back (from hard-link backups taken just before). So a full disk,
a kill or an error in the second of three outputs leaves every target as it
was. What the user's target *is* is respected: a symbolic link is written
through (the file it points to is replaced, the link stays), a character
device or FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written in place,
an existing file keeps its permissions and, where we may, its owner; other
kinds of node are refused.

Temporaries are named ``.NAME.bs<pid>-XXXX.part`` (and backups ``….old``),
so one left behind by a process that was killed outright can be recognised
and is removed by the next write to the same folder (:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from broadsheet.errors import OutputError

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.bs(?P<pid>[0-9]+)-[^.]+\.(?:part|old)$")


def temporary_name(name: str) -> tuple[str, str]:
    """The ``(prefix, suffix)`` of a temporary for the output ``name``, for :func:`tempfile.mkstemp`."""
    return f".{name}.bs{os.getpid()}-", ".part"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's live process (or an absurd number): leave its files alone
    return True


def remove_stale(directory: Path, name: str) -> None:
    """Remove the temporaries for ``name`` in ``directory`` that a dead process left behind."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            found = _TEMPORARY.match(entry.name)
            if found is None or found["name"] != name or _alive(int(found["pid"])):
                continue
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):  # a static site's build or backup folder
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)


def _resolve(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """The file to replace for the output ``path`` and its kind: ``"new"``, ``"file"`` or ``"stream"``."""
    given = Path(path)
    if given.is_dir():
        raise OutputError(f"{given}: is a folder, not a file")
    # A link is written through: the file it names is the output, and the link stays a link.
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise OutputError(f"{given}: the folder {str(target.parent)!r} does not exist") from None
        return target, "new"
    except OSError as error:
        raise OutputError(f"{given}: cannot write: {error.strerror or error}") from error
    if stat.S_ISREG(mode):
        return target, "file"
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return target, "stream"
    if stat.S_ISDIR(mode):
        raise OutputError(f"{given}: is a folder, not a file")
    raise OutputError(f"{given}: is not a regular file, a character device or a pipe; refusing to replace it")


def _new_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _Staged:
    """One regular output written to its temporary, waiting to be renamed over its target."""

    def __init__(self, given: str, target: Path, exists: bool) -> None:
        self.given = given
        self.target = target
        self.exists = exists
        self.temporary: str | None = None
        self.backup: str | None = None
        self.replaced = False

    def write(self, data: bytes) -> None:
        remove_stale(self.target.parent, self.target.name)
        prefix, suffix = temporary_name(self.target.name)
        fd, self.temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=self.target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if self.exists:
            old = self.target.stat()
            os.chmod(self.temporary, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away; then keep ours
                os.chown(self.temporary, old.st_uid, old.st_gid)
        else:
            os.chmod(self.temporary, _new_mode())

    def commit(self) -> None:
        assert self.temporary is not None
        if self.exists:
            # A second name for the old contents, so a later failure can put them back.
            self.backup = self.temporary[: -len(".part")] + ".old"
            try:
                os.link(self.target, self.backup)
            except OSError:
                self.backup = None  # a file system without hard links: this one cannot be rolled back
        os.replace(self.temporary, self.target)
        self.temporary = None
        self.replaced = True

    def roll_back(self) -> None:
        with contextlib.suppress(OSError):
            if self.replaced and self.backup is not None:
                os.replace(self.backup, self.target)
                self.backup = None
            elif self.replaced and not self.exists:
                os.unlink(self.target)

    def clean(self) -> None:
        for name in (self.temporary, self.backup):
            if name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(name)


def _failed(given: str, error: OSError) -> OutputError:
    return OutputError(f"{given}: cannot write: {error.strerror or error}")


def write_all_atomic(outputs: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write each ``(path, data)`` so that either every target gets its new bytes or none changes.

    Streams (character devices and FIFOs) cannot be undone: they are written
    after every file is staged and before any is renamed in, so a failure
    anywhere before the renames still leaves every file target untouched.
    """
    staged: list[tuple[_Staged, bytes]] = []
    streams: list[tuple[str, Path, bytes]] = []
    seen: dict[Path, str] = {}
    for path, data in outputs:
        given = os.fspath(path)
        target, kind = _resolve(given)
        key = Path(os.path.realpath(target))
        if key in seen:
            raise OutputError(f"{given}: names the same file as {seen[key]}; give each output its own file")
        seen[key] = given
        if kind == "stream":
            streams.append((given, target, data))
        else:
            staged.append((_Staged(given, target, exists=kind == "file"), data))
    current = ""
    try:
        for item, data in staged:
            current = item.given
            item.write(data)
        for given, target, data in streams:
            current = given
            with open(target, "wb") as handle:  # a device or pipe: no truncation to undo, no rename
                handle.write(data)
        for item, _ in staged:
            current = item.given
            item.commit()
    except BaseException as error:
        for item, _ in staged:
            item.roll_back()
        if isinstance(error, OSError):
            raise _failed(current, error) from error
        raise
    finally:
        for item, _ in staged:
            item.clean()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`write_all_atomic`)."""
    write_all_atomic([(path, data)])
