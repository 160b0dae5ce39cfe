"""The inputs tests' helpers (input_samples) on the import path, and a local HTTP server per test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from image_server import Server, serve


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running
