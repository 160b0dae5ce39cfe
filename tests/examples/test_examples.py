"""Every script in examples/ runs; the bundled example is what its script builds, and tells the seed story."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.model import RelatedBox
from data_paths import SEED_TEXT
from seed_story import seed_article, story_paragraphs

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


# Where the hand-built example corrects the page's text (the seed keeps the misprints).
MISPRINTS = {
    "«Інтерфакс-Кераїна»": "«Інтерфакс-Україна»",
    "в Женевізасідання": "в Женеві, засідання",
    "неприйнятнимиМосква": "неприйнятними. Москва",
}


def test_the_example_tells_the_seed_story_paragraph_for_paragraph() -> None:
    lines = [line.strip() for line in SEED_TEXT.read_text("utf-8").splitlines() if line.strip()]
    chrome, story = lines[:2], lines[2:]
    assert chrome == ["UA / RU", "Підтримати ZN.ua"]
    read_also = [line for line in story if line.startswith("Читайте також: ")]
    assert len(read_also) == 1
    expected = []
    for line in story:
        if line not in read_also:
            for wrong, right in MISPRINTS.items():
                line = line.replace(wrong, right)
            expected.append(" ".join(line.split()))  # the page's no-break spaces are plain spaces here
    article = seed_article()
    assert story_paragraphs(article) == expected
    (box,) = [block for block in article.body if isinstance(block, RelatedBox)]
    assert f"{box.label}: {box.links[0].title}" == read_also[0]
    assert article.body.index(box) == story.index(read_also[0]) - 2  # in place, after headline and lead
