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
