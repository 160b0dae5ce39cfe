"""EPUB writing speed: broadsheet against pandoc (HTML → EPUB 3) in the same run.

    python bench/epub_speed.py [--repeat N]

Documents: the seed story and a 50-article edition in four sections (built
in tests/formats/epub/epub_samples.py). pandoc gets the same text as HTML
(the bodies of broadsheet's own chapters, one ``<h1>`` per article) and runs
as a process through pypandoc (``pip install pypandoc-binary``), as a
newsroom script would call it. Times are medians; the ratio is broadsheet's
time per article over pandoc's (below 1 means broadsheet is faster).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests" / "formats" / "epub"), str(HERE.parent / "tests")]

from epub_samples import edition  # noqa: E402

import broadsheet  # noqa: E402
from broadsheet.model import Article, Edition  # noqa: E402
from seed_story import seed_article as seed  # noqa: E402

XHTML = "{http://www.w3.org/1999/xhtml}"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` in milliseconds, after one warm-up call."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def equivalent_html(document: Article | Edition) -> str:
    """One HTML page holding the same chapters broadsheet writes (headline, lead, body, boxes)."""
    data = broadsheet.write(document, "epub", cover=False, contents_page=False)
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in sorted(n for n in book.namelist() if n.startswith("EPUB/article-")):
            root = etree.fromstring(book.read(name))
            section = root.find(f"{XHTML}body/{XHTML}section")
            assert section is not None
            for node in section.iter():
                node.attrib.pop("id", None)  # every chapter has id="headline"; one page must not
            parts.append(etree.tostring(section, encoding="unicode", method="html"))
    language = document.language
    return (
        f'<!DOCTYPE html><html lang="{language or "uk"}"><head><meta charset="utf-8"/>'
        f"<title>{document.title}</title></head><body>{''.join(parts)}</body></html>"
    )


def main() -> int:
    """Print the table of timings and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per measurement (default 15)")
    args = parser.parse_args()
    try:
        import pypandoc
    except ImportError:
        print("pypandoc is missing: pip install pypandoc-binary", file=sys.stderr)
        return 2

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        output = str(Path(folder) / "out.epub")
        for label, document, articles in (("seed story", seed(), 1), ("edition, 50 articles", edition(), 50)):
            html = equivalent_html(document)
            ours = median_ms(lambda document=document: broadsheet.write(document, "epub"), args.repeat)
            theirs = median_ms(
                lambda html=html: pypandoc.convert_text(
                    html, "epub3", format="html", outputfile=output, extra_args=["--metadata", "title=x"]
                ),
                args.repeat,
            )
            rows.append((label, articles, ours, theirs))

    print(f"pandoc {pypandoc.get_pandoc_version()}, python {sys.version.split()[0]}, median of {args.repeat}")
    print(f"{'document':<22} {'broadsheet ms':>14} {'pandoc ms':>10} {'per article':>12} {'ratio':>7}")
    for label, articles, ours, theirs in rows:
        per = f"{ours / articles:.2f}/{theirs / articles:.2f}"
        print(f"{label:<22} {ours:>14.1f} {theirs:>10.1f} {per:>12} {ours / theirs:>7.2f}")
    print("ratio = broadsheet time / pandoc time per article (below 1: broadsheet is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
