"""Atomic output: complete or absent, never partial, never clobbered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from broadsheet.errors import OutputError
from broadsheet.formats._shared import files


def test_writes_the_bytes_with_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    files.write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left"):
        files.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_missing_folder_and_folder_target_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        files.write_atomic(tmp_path / "nope" / "out.json", b"x")
    with pytest.raises(OutputError, match="is a folder"):
        files.write_atomic(tmp_path, b"x")


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    files.write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "made.json")
    files.write_atomic(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "made.json").read_bytes() == b"made"


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    files.write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes() == b"new"


def test_a_character_device_is_written_in_place_not_replaced() -> None:
    null = Path("/dev/null")
    assert null.is_char_device()
    files.write_atomic(null, b"discarded")
    assert null.is_char_device()


def test_a_full_device_is_an_output_error_and_stays_a_device() -> None:
    full = Path("/dev/full")
    if not full.is_char_device():
        pytest.skip("no /dev/full here")
    with pytest.raises(OutputError, match="/dev/full: cannot write"):
        files.write_atomic(full, b"x" * 100_000)
    assert full.is_char_device()


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    files.write_atomic(fifo, b"through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert _listing(tmp_path) == ["pipe"]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="not a regular file"):
            files.write_atomic(path, b"x")
    assert path.exists() and not path.is_file()


def test_several_outputs_are_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, third = (tmp_path / f"{n}.out" for n in ("a", "b", "c"))
    first.write_bytes(b"old a")
    third.write_bytes(b"old c")
    real_replace = os.replace
    calls = []

    def fail_on_the_third(src: str, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", fail_on_the_third)
    with pytest.raises(OutputError, match="c.out: cannot write: No space left"):
        files.write_all_atomic([(first, b"new a"), (second, b"new b"), (third, b"new c")])
    monkeypatch.setattr(os, "replace", real_replace)
    assert first.read_bytes() == b"old a"
    assert not second.exists()
    assert third.read_bytes() == b"old c"
    assert _listing(tmp_path) == ["a.out", "c.out"]


def test_a_failing_write_changes_no_output(tmp_path: Path) -> None:
    first = tmp_path / "a.out"
    first.write_bytes(b"old")
    with pytest.raises(OutputError, match="does not exist"):
        files.write_all_atomic([(first, b"new"), (tmp_path / "missing" / "b.out", b"new")])
    assert first.read_bytes() == b"old"
    if Path("/dev/full").is_char_device():
        with pytest.raises(OutputError, match="/dev/full"):
            files.write_all_atomic([(first, b"new"), ("/dev/full", b"x" * 100_000)])
        assert first.read_bytes() == b"old"
    assert _listing(tmp_path) == ["a.out"]


def test_the_same_file_twice_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    link = tmp_path / "b.json"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="same file"):
        files.write_all_atomic([(target, b"1"), (link, b"2")])
    assert _listing(tmp_path) == ["b.json"]


def test_temporaries_of_dead_processes_are_removed_live_ones_kept(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".out.json.bs{dead_pid}-abcd.part"
    stale.write_bytes(b"half")
    (tmp_path / f".out.json.bs{dead_pid}-efgh.old").write_bytes(b"backup")
    live = tmp_path / f".out.json.bs{os.getppid()}-ijkl.part"
    live.write_bytes(b"someone is writing")
    other = tmp_path / f".other.json.bs{dead_pid}-mnop.part"
    other.write_bytes(b"another output's")
    files.write_atomic(tmp_path / "out.json", b"new")
    assert _listing(tmp_path) == sorted([live.name, other.name, "out.json"])


def test_a_kill_during_a_write_leaves_no_temporary(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    # A writer that stalls after its temporary exists; SIGTERM must unwind it (the CLI installs
    # the same handler) and remove the temporary.
    script = f"""
import os, signal, sys, time
from broadsheet.formats._shared import files
def stop(signum, frame):
    raise SystemExit(143)
signal.signal(signal.SIGTERM, stop)
real = os.fsync
def slow(fd):
    real(fd)
    print("staged", flush=True)
    time.sleep(30)
os.fsync = slow
files.write_atomic({str(tmp_path / "out.json")!r}, b"x")
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline() == b"staged\n"
    assert any(name.endswith(".part") for name in _listing(tmp_path))
    child.send_signal(signal.SIGTERM)
    assert child.wait(20) == 143
    time.sleep(0.1)
    assert _listing(tmp_path) == []
