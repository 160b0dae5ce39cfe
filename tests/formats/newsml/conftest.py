"""Fixtures for the NewsML-G2 tests; puts this folder's helper modules on the import path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from newsml_schemas import STANDARDS


@pytest.fixture(scope="session")
def standards() -> Path:
    """The folder of the official NewsML-G2 files (in the repository: never skipped)."""
    return STANDARDS
