"""The IPTC files and the seed text in tests/data are the upstream bytes, all listed, none missing or extra."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from data_paths import SEED_TEXT, STANDARDS

NOT_COPIED = {"README.md", "SHA256SUMS", ".gitattributes"}  # ours, about the copies
SEED_SHA256 = "0cee727398805e3395f881547e08dd63e5da47c43c87bd561f524cf4f8208f29"


def _listed() -> dict[str, str]:
    """``relative path -> sha256`` from SHA256SUMS (the ``sha256sum`` format)."""
    listed = {}
    for line in (STANDARDS / "SHA256SUMS").read_text("utf-8").splitlines():
        digest, name = line.split("  ", 1)
        assert len(digest) == 64 and name not in listed, line
        listed[name] = digest
    return listed


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(_listed()))
def test_every_listed_file_has_its_upstream_bytes(name: str) -> None:
    assert _sha256(STANDARDS / name) == _listed()[name], f"{name} differs from the upstream copy"


def test_every_file_is_listed() -> None:
    present = {p.relative_to(STANDARDS).as_posix() for p in STANDARDS.rglob("*") if p.is_file()}
    assert present - NOT_COPIED == set(_listed())


def test_the_licences_of_every_source_repository_are_here() -> None:
    names = {name for name in _listed() if name.startswith("licences/")}
    assert names == {
        "licences/iptc-newsml-g2.LICENSE",
        "licences/iptc-newsinjson.LICENSE",
        "licences/iptc-python-newsmlg2.LICENSE",
    }
    readme = (STANDARDS / "README.md").read_text("utf-8")
    for name in names:
        assert name in readme


def test_the_seed_text_is_the_original() -> None:
    assert _sha256(SEED_TEXT) == SEED_SHA256
