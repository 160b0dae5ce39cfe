"""broadsheet's cache folder: where it is, and writes that never fail a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.formats._shared.cache_folder import cache_folder, write_cache_file


def test_the_folder_is_the_environment_s_else_the_root_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    assert cache_folder("images") == tmp_path / "images"
    assert cache_folder("images", str(tmp_path / "other")) == tmp_path / "other" / "images"
    assert not (tmp_path / "images").exists()  # named, not created


def test_a_cache_file_is_written_whole_with_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "x.json"
    assert write_cache_file(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert write_cache_file(target, b"[1]")  # replaced
    assert target.read_bytes() == b"[1]"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]  # no temporary left


def test_a_cache_file_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert not write_cache_file(blocker / "sub" / "x.json", b"{}")
    assert not write_cache_file(tmp_path, b"{}")  # a folder in the way
