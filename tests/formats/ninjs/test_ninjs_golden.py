"""The full seed article's ninjs is byte-for-byte the reviewed file in tests/data/ninjs/.

After a deliberate change to the writer, regenerate with
``NINJS_REGENERATE=1 python -m pytest tests/formats/ninjs/test_ninjs_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os

import pytest
from ninjs_support import schema_errors

import broadsheet
from data_paths import DATA as ALL_DATA
from seed_story import full_article

DATA = ALL_DATA / "ninjs"


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_full_article_matches_the_golden_file(version: str) -> None:
    golden = DATA / f"full-article-{version}.json"
    written = broadsheet.write(full_article(), "ninjs", version=version, plain_text=True)
    if os.environ.get("NINJS_REGENERATE"):
        golden.write_bytes(written)
    assert written == golden.read_bytes(), f"{golden.name} differs; see this module's docstring"
    assert schema_errors(json.loads(golden.read_bytes()), version) == []
    assert broadsheet.read(golden) == broadsheet.read(written, "ninjs")
