"""Compiled lexicon patterns kept in the cache folder: the same pattern as re.compile's, whatever the
folder holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from broadsheet.lexicon import for_language, pattern_cache

_SOURCE = r"(?i)\s*(?P<label>Read also|Lesen Sie auch|Читайте також)\s*(?:[:.|>»-]+|$)"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    return tmp_path


def _same(found: re.Pattern[str], source: str, flags: int = 0) -> None:
    expected = re.compile(source, flags)
    assert found == expected  # flags, pattern and the engine's code
    assert (found.groups, found.groupindex) == (expected.groups, expected.groupindex)


def test_a_pattern_is_stored_then_read_back_without_compiling(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same(pattern_cache.compile_pattern(_SOURCE), _SOURCE)
    assert len(list(cache.rglob("*.json"))) == 1

    def refuse(source: str, flags: int = 0) -> re.Pattern[str]:
        raise AssertionError("compiled again")

    monkeypatch.setattr(pattern_cache.re, "compile", refuse)
    found = pattern_cache.compile_pattern(_SOURCE)
    monkeypatch.undo()
    _same(found, _SOURCE)
    match = found.match("Lesen Sie auch: Mehr")
    assert match is not None and match["label"] == "Lesen Sie auch"


def test_flags_name_another_pattern(cache: Path) -> None:
    _same(pattern_cache.compile_pattern("abc"), "abc")
    _same(pattern_cache.compile_pattern("abc", re.IGNORECASE), "abc", re.IGNORECASE)
    assert pattern_cache.compile_pattern("abc", re.IGNORECASE).match("ABC")


def test_a_damaged_file_is_compiled_again(cache: Path) -> None:
    pattern_cache.compile_pattern(_SOURCE)
    (stored,) = cache.rglob("*.json")
    for damage in (
        b"not json",
        b'["another pattern", 0, [1, 2], 0, {}, []]',
        b'["' + _SOURCE.encode() + b'"]',
    ):
        stored.write_bytes(damage)
        _same(pattern_cache.compile_pattern(_SOURCE), _SOURCE)


def test_a_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(blocker))
    _same(pattern_cache.compile_pattern(_SOURCE), _SOURCE)


def test_the_lexicon_compiles_through_the_cache(cache: Path) -> None:
    # A template of this test's own, so no earlier test has compiled it in this process.
    pattern = for_language("de").compile(r"(?i)pattern-cache-test\s*(?:{body.read_also})\s*:")
    assert len(list(cache.rglob("*.json"))) == 1
    _same(pattern, pattern.pattern)


def test_a_python_it_was_not_checked_on_compiles_without_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # re's internals are private: a Python they were not checked on must not use them at all.
    monkeypatch.setattr(pattern_cache, "CHECKED_PYTHONS", frozenset())
    _same(pattern_cache.compile_pattern(_SOURCE), _SOURCE)
    assert not list(cache.rglob("*.json"))
