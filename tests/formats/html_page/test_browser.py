"""The seed page and an edition index in headless Chromium: axe-core finds no accessibility violations.

Needs Debian's ``chromium`` and the npm packages ``axe-core`` and ``puppeteer-core``
(``.ci/run`` installs them into ``.ci/node``). Skipped when they are absent, unless
``BROADSHEET_BROWSER_TESTS=required`` (as in CI), when their absence fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import broadsheet
from broadsheet.formats.html_page import write_site
from broadsheet.model import Edition, Section

REPO = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).with_name("browser_check.mjs")
NODE_MODULES = Path(os.environ.get("BROADSHEET_NODE_MODULES", REPO / ".ci" / "node" / "node_modules"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NODE = shutil.which("node")


def _tools() -> tuple[str, str]:
    missing = [
        what
        for what, ok in (
            ("chromium", CHROMIUM),
            ("node", NODE),
            ("npm axe-core", (NODE_MODULES / "axe-core" / "axe.min.js").is_file()),
            ("npm puppeteer-core", (NODE_MODULES / "puppeteer-core").is_dir()),
        )
        if not ok
    ]
    if missing:
        reason = f"browser checks need {', '.join(missing)} (see .ci/run)"
        if os.environ.get("BROADSHEET_BROWSER_TESTS") == "required":
            pytest.fail(reason + "; BROADSHEET_BROWSER_TESTS=required")
        pytest.skip(reason)
    assert CHROMIUM is not None and NODE is not None
    return CHROMIUM, NODE


def test_axe_finds_no_violations_on_the_seed_page_and_an_edition_index(tmp_path: Path) -> None:
    chromium, node = _tools()
    seed = broadsheet.read(REPO / "examples" / "zn-blinken.json")
    page = tmp_path / "seed.html"
    page.write_bytes(broadsheet.write(seed, "html"))
    edition = Edition(
        title="Ранковий випуск", language="uk", sections=[Section(title="Політика", articles=[seed])]
    )
    write_site(edition, tmp_path / "site")
    pages = [page, tmp_path / "site" / "index.html"]
    axe = NODE_MODULES / "axe-core" / "axe.min.js"
    done = subprocess.run(
        [node, str(SCRIPT), chromium, str(axe), str(tmp_path), *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BROADSHEET_NODE_MODULES": str(NODE_MODULES)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [r["page"] for r in results] == [str(p) for p in pages]
    for result in results:
        assert result["violations"] == [], result
