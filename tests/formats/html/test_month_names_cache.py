"""Month names kept in the cache folder: a new process reads them without importing Babel, and reads
exactly what Babel would have given."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet.formats.html import month_names


def _forget() -> None:
    """What a new process knows: nothing cached in memory."""
    for cached in (
        month_names._facts,
        month_names._month_first,
        month_names._stored,
        month_names._store_path,
        month_names._locale_numbers,
        month_names._numbers,
    ):
        cached.cache_clear()
    if hasattr(month_names._locale, "cache_clear"):
        month_names._locale.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    _forget()
    yield tmp_path / "month-names"
    _forget()  # later tests get the session's cache folder again


def _answers() -> tuple[object, ...]:
    return (
        dict(month_names.numbers("de-AT")),
        dict(month_names.numbers("ru")),
        dict(month_names.numbers(None)),
        month_names.month_first("en"),
        month_names.month_first("en-GB"),
        month_names.month_first("zz-QQ"),
        month_names.number("Mai", "de"),
    )


def test_a_new_process_reads_the_file_and_not_babel(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_babel = _answers()
    (stored,) = cache.glob("babel-*.json")
    table = json.loads(stored.read_text("utf-8"))
    assert (
        table["de-AT"]["names"]["jänner"] == 1
        and table["en"]["month_first"] is True
        and "month_first" not in table["pl"]
    )
    _forget()
    babel_before = "babel" in sys.modules

    def no_babel(tag: str) -> None:
        raise AssertionError(f"Babel asked for {tag!r}")

    monkeypatch.setattr(month_names, "_locale", no_babel)
    assert _answers() == from_babel
    assert ("babel" in sys.modules) == babel_before


def test_a_file_that_does_not_check_out_is_read_again_from_babel(cache: Path) -> None:
    from_babel = _answers()
    (stored,) = cache.glob("babel-*.json")
    table = json.loads(stored.read_text("utf-8"))
    table["ru"]["names"] = {"мая": "five"}
    stored.write_text(json.dumps(table), "utf-8")
    _forget()
    assert _answers() == from_babel
    stored.write_bytes(b"\x00 not json")
    _forget()
    assert _answers() == from_babel


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget()
    expected = _answers()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(blocker))
    _forget()
    try:
        assert _answers() == expected
    finally:
        monkeypatch.undo()
        _forget()
