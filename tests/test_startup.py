"""What a command imports: a fresh interpreter runs it, and the modules it loaded are checked.

``broadsheet --version`` costs what Python's start costs only if it imports nothing heavy, and a
JSON conversion should not pay for the PDF, EPUB or HTML machinery (bench/startup.py has the
times). These tests name the modules that must stay out, so a top-level import added by accident
fails here, not in somebody's shell script.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_JSON = ROOT / "examples" / "zn-blinken.json"
SEED_HTML = ROOT / "tests" / "data" / "html" / "zn_blinken_uk.html"

WRITERS = {"reportlab", "ebooklib", "PIL", "pyphen", "broadsheet.formats.pdf", "broadsheet.formats.epub"}
"""What only the PDF and EPUB writers need."""
HTML_READER = {"lxml", "babel", "py3langid", "numpy", "broadsheet.formats.html", "broadsheet.lexicon"}
"""What only the HTML reader needs (Babel only for a month name, py3langid for the language check)."""
MODEL = {"attrs", "attr", "broadsheet.model", "broadsheet.formats"}
"""The model and the format table: all a command that reads or lists nothing can do without."""

_PROBE = """
import json, sys
before = set(sys.modules)
{code}
loaded = sorted(set(sys.modules) - before)
with open(sys.argv[1], "w") as out:
    json.dump(loaded, out)
"""


def _loaded(code: str, tmp_path: Path) -> set[str]:
    """The modules a fresh interpreter imports while running ``code``, by top-level name and by
    full name (so ``lxml`` and ``broadsheet.formats.html`` can both be asked for)."""
    report = tmp_path / "modules.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code), str(report)],
        check=True,
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    names: list[str] = json.loads(report.read_text())
    return set(names) | {name.partition(".")[0] for name in names}


def _cli(*args: str) -> str:
    return f"from broadsheet.cli import main\ntry:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"


def test_the_probe_sees_what_a_command_imports(tmp_path: Path) -> None:
    # Guards the checker: a module the snippet imports is reported, one it does not is not.
    loaded = _loaded("import broadsheet.model", tmp_path)
    assert {"broadsheet.model", "attrs", "broadsheet"} <= loaded
    assert "lxml" not in loaded


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_version_and_help_import_only_the_command_line(args: tuple[str, ...], tmp_path: Path) -> None:
    loaded = _loaded(_cli(*args), tmp_path)
    assert "broadsheet.cli" in loaded
    assert not loaded & (MODEL | WRITERS | HTML_READER), sorted(loaded & (MODEL | WRITERS | HTML_READER))


def test_formats_imports_the_table_and_no_format(tmp_path: Path) -> None:
    loaded = _loaded(_cli("formats"), tmp_path)
    assert "broadsheet.formats.registry" in loaded
    heavy = {"broadsheet.model", "broadsheet.formats.json"} | WRITERS | HTML_READER
    assert not loaded & heavy, sorted(loaded & heavy)


def test_import_broadsheet_loads_no_model_until_a_function_is_used(tmp_path: Path) -> None:
    loaded = _loaded("import broadsheet\nbroadsheet.__version__, broadsheet.BroadsheetError", tmp_path)
    assert not loaded & (MODEL | WRITERS | HTML_READER), sorted(loaded & MODEL)
    loaded = _loaded("from broadsheet import read, write, Input\nassert callable(read)", tmp_path)
    assert "broadsheet.formats" in loaded and not loaded & (WRITERS | HTML_READER)


def test_a_json_conversion_imports_neither_writers_nor_the_html_reader(tmp_path: Path) -> None:
    loaded = _loaded(_cli("convert", str(SEED_JSON), "-o", str(tmp_path / "out.json")), tmp_path)
    assert {"broadsheet.model", "broadsheet.formats.json"} <= loaded
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["article"]["title"]
    # The built-in JSON format is chosen without scanning installed packages for plugins.
    heavy = WRITERS | HTML_READER | {"importlib.metadata"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_the_python_api_reading_and_writing_json_stays_as_light(tmp_path: Path) -> None:
    code = (
        "import broadsheet\n"
        f"article = broadsheet.read({str(SEED_JSON)!r})\n"
        "assert broadsheet.write(article, 'json').startswith(b'{')\n"
    )
    loaded = _loaded(code, tmp_path)
    assert not loaded & (WRITERS | HTML_READER), sorted(loaded & (WRITERS | HTML_READER))


def test_an_html_conversion_imports_no_writer(tmp_path: Path) -> None:
    loaded = _loaded(_cli("convert", str(SEED_HTML), "-o", str(tmp_path / "out.json")), tmp_path)
    assert {"lxml", "broadsheet.formats.html"} <= loaded
    assert not loaded & WRITERS, sorted(loaded & WRITERS)
    assert "broadsheet.formats.html_page" not in loaded  # the HTML writer
