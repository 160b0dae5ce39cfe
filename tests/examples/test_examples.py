"""Every script in examples/ runs, and the bundled example matches what its script builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


def test_seed_script_builds_the_bundled_example(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    subprocess.run(
        [sys.executable, str(EXAMPLES / "seed_article.py"), str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == (EXAMPLES / "zn-blinken.json").read_bytes()
