"""The seed article's ninjs is byte-for-byte the reviewed file in tests/data/ninjs/.

After a deliberate change to the writer, regenerate with
``NINJS_REGENERATE=1 python -m pytest tests/formats/ninjs/test_ninjs_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ninjs_support import schema_errors, seed_article

import broadsheet

DATA = Path(__file__).resolve().parents[2] / "data" / "ninjs"


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_seed_article_matches_the_golden_file(version: str) -> None:
    golden = DATA / f"seed-{version}.json"
    written = broadsheet.write(seed_article(), "ninjs", version=version, plain_text=True)
    if os.environ.get("NINJS_REGENERATE"):
        golden.write_bytes(written)
    assert written == golden.read_bytes(), f"{golden.name} differs; see this module's docstring"
    assert schema_errors(json.loads(golden.read_bytes()), version) == []
    assert broadsheet.read(golden) == broadsheet.read(written, "ninjs")
