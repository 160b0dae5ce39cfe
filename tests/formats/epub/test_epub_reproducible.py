"""The same document and options give the same bytes, in any time zone and on any run."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from epub_samples import edition

import broadsheet
from seed_story import seed_article

HERE = Path(__file__).parent
SCRIPT = """
import hashlib, sys, time
sys.path[:0] = [{here!r}, {tests!r}]
import broadsheet
from epub_samples import edition, with_images
from seed_story import seed_article
import warnings
warnings.simplefilter("ignore")
time.sleep(1.1)  # a different wall-clock second from the other run
for make in (seed_article, edition, with_images):
    print(hashlib.sha256(broadsheet.write(make(), "epub")).hexdigest())
"""


def _digests(tz: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["TZ"] = tz
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(here=str(HERE), tests=str(HERE.parents[1]))],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
    )
    return result.stdout.split()


def test_identical_bytes_across_time_zones_and_processes() -> None:
    kyiv, tokyo = _digests("Europe/Kyiv"), _digests("America/Los_Angeles")
    assert len(kyiv) == 3
    assert kyiv == tokyo


def test_identical_bytes_within_a_process() -> None:
    assert broadsheet.write(seed_article(), "epub") == broadsheet.write(seed_article(), "epub")
    first = hashlib.sha256(broadsheet.write(edition(), "epub")).digest()
    assert first == hashlib.sha256(broadsheet.write(edition(), "epub")).digest()


def test_different_content_gives_a_different_identifier() -> None:
    import attrs

    from broadsheet.model import Article

    a = Article(title="One")
    b = attrs.evolve(a, title="Two")
    assert broadsheet.write(a, "epub") != broadsheet.write(b, "epub")
