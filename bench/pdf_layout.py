"""PDF layout cost against reportlab alone doing the same layout, measured in the same run.

    python bench/pdf_layout.py [--repeat N] [--skip-memory] [--only editions|paragraphs|memory]

The floor is plain platypus: the same page size, margins, column frames,
fonts, paragraph styles and paragraph markup (headline, lead and body of
every article, made by broadsheet's markup code in the floor's time), one
``build`` with a page break between articles, and nothing else: no cover,
contents, running heads, read-also boxes, column levelling or ragged-right
fallback. The two run in turns and a ratio is the median of broadsheet's
whole ``write`` over the floor of the same turn, so the machine's load
mostly cancels out of it (not out of the times).

Rows: a 50-article edition (tests/formats/pdf/pdf_seed.py) in 1, 2 and 3
columns; one paragraph of 50 000, 100 000 and 200 000 characters (its time
should double, not quadruple), the seed story's words repeated, and the
200 000 again with no word repeated (each word numbered: the worst case for
the widths broadsheet keeps per word); and the peak memory of writing a
500-article edition, in a fresh process (Python allocations by tracemalloc,
and the process's own peak resident size, VmHWM).

The floor measures words with reportlab's own ``stringWidth`` (broadsheet
puts its width cache into reportlab's paragraph module, see
broadsheet.formats.pdf.word_widths); it draws with the fonts broadsheet
registered, whose ``splitString`` is broadsheet's (subset_fonts).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pypdf

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests" / "formats" / "pdf"), str(HERE.parent / "tests")]

from pdf_seed import edition, seed_article  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate, Paragraph  # noqa: E402
from reportlab.platypus import paragraph as reportlab_paragraph  # noqa: E402

import broadsheet  # noqa: E402
from broadsheet.formats.pdf.options import WriteOptions  # noqa: E402
from broadsheet.formats.pdf.writer import _Build  # noqa: E402
from broadsheet.model import Article, Document, Edition, Text  # noqa: E402
from broadsheet.model import Paragraph as ParagraphNode  # noqa: E402


def paired(
    ours: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """Median times of ``ours`` and ``floor`` in seconds and the median of their ratios, run in turns.

    Taking turns, and the ratio of each pair, keeps the machine's changing
    load out of the ratio (as far as it can be).
    """
    ours(), floor()
    times: list[tuple[float, float]] = []
    for _ in range(repeat):
        start = time.perf_counter()
        ours()
        middle = time.perf_counter()
        floor()
        times.append((middle - start, time.perf_counter() - middle))
    return (
        statistics.median(a for a, _ in times),
        statistics.median(b for _, b in times),
        statistics.median(a / b for a, b in times),
    )


def floor_maker(document: Document, options: WriteOptions) -> Callable[[], bytes]:
    """A function laying out ``document``'s headlines, leads and paragraphs with plain platypus."""
    build = _Build(document, options)
    styles, markup, g = build.styles, build.markup, build.geometry
    articles = document.articles if isinstance(document, Edition) else (document,)

    def lay_out() -> bytes:
        cached = reportlab_paragraph.stringWidth
        reportlab_paragraph.stringWidth = stringWidth  # reportlab alone: no width cache
        try:
            buffer = io.BytesIO()
            doc = BaseDocTemplate(buffer, pagesize=(g.width, g.height), invariant=1)
            doc.addPageTemplates([PageTemplate(id="cols", frames=g.frames("floor"))])
            story: list[object] = []
            for number, items in enumerate(_paragraphs(articles, styles, markup)):
                if number:
                    story.append(PageBreak())
                story.extend(Paragraph(text, style) for text, style in items)
            doc.build(story)
            return buffer.getvalue()
        finally:
            reportlab_paragraph.stringWidth = cached

    return lay_out


def _paragraphs(articles: Any, styles: Any, markup: Any) -> list[list[tuple[str, object]]]:
    """Each article's headline, lead and body paragraphs as broadsheet's markup, with their styles.

    The markup (fonts per script, hyphenation points, links) is made inside
    the floor's time: it is what makes them the same paragraphs.
    """
    texts: list[list[tuple[str, object]]] = []
    for article in articles:
        head = styles.fonts.heading
        items: list[tuple[str, object]] = [
            (markup.text(article.title, head, hyphenate=False), styles.headline)
        ]
        for line in (article.lead or "").split("\n"):
            if line:
                items.append((markup.text(line, styles.fonts.text), styles.lead))
        for block in article.body:
            if isinstance(block, ParagraphNode):
                items.append((markup.inlines(block.children, styles.fonts.text), styles.body))
        texts.append(items)
    return texts


def pages(data: bytes) -> int:
    """The number of pages of a PDF."""
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def long_paragraph(chars: int, *, distinct: bool = False) -> Article:
    """The seed story with one body paragraph of about ``chars`` characters (its own text repeated).

    ``distinct``: every word of each repeat numbered (Блінкен3, Блінкен4, …), so no word repeats.
    """
    base = seed_article()
    words = " ".join(
        b.children[0].text
        for b in base.body
        if isinstance(b, ParagraphNode) and isinstance(b.children[0], Text)
    )
    if distinct:
        count = chars // (len(words) + 1) + 1
        text = " ".join(" ".join(f"{word}{number}" for word in words.split()) for number in range(count))
    else:
        text = (words + " ") * (chars // (len(words) + 1) + 1)
    return attrs.evolve(
        base, body=(ParagraphNode(children=(Text(text=text[:chars].rstrip()),)),), see_also=()
    )


MEMORY_CODE = """
import json, resource, sys, tracemalloc
sys.path[:0] = {paths!r}

def high_water():
    # VmHWM is this process's own peak; ru_maxrss of a child on Linux starts at the parent's
    # resident size at fork (exec does not reset it), which counted the bench's own memory.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

from pdf_seed import edition
import broadsheet
broadsheet.write(edition(1), "pdf")  # imports, fonts
document = edition({count})
before = high_water()
if {trace}:
    tracemalloc.start()
data = broadsheet.write(document, "pdf", columns={columns})
peak = tracemalloc.get_traced_memory()[1] if {trace} else 0
after = high_water()
print(json.dumps({{"peak": peak, "before": before, "rss": after, "bytes": len(data)}}))
"""


def memory(count: int, columns: int, *, trace: bool) -> dict[str, int]:
    """Peak memory of writing a ``count``-article edition, in a fresh process (tracemalloc, or the RSS without it)."""
    paths = [
        str(HERE.parent / "src"),
        str(HERE.parent / "tests" / "formats" / "pdf"),
        str(HERE.parent / "tests"),
    ]
    code = MEMORY_CODE.format(paths=paths, count=count, columns=columns, trace=trace)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Print each measurement with its ratio to the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement (default 5)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the 500-article memory row")
    parser.add_argument(
        "--only", choices=("editions", "paragraphs", "memory"), help="run only these rows (default: all)"
    )
    args = parser.parse_args()
    rows = {args.only} if args.only else {"editions", "paragraphs", "memory"}
    if args.skip_memory:
        rows.discard("memory")
    import reportlab

    print(f"reportlab {reportlab.Version}, python {sys.version.split()[0]}, median of {args.repeat}")
    print(f"{'document':<34} {'pages':>5} {'broadsheet':>11} {'floor':>9} {'ratio':>6}")
    fifty = edition(50)
    for columns in (1, 2, 3) if "editions" in rows else ():
        lay_out = floor_maker(fifty, WriteOptions(columns=columns))
        ours, floor, ratio = paired(
            lambda c=columns: broadsheet.write(fifty, "pdf", columns=c), lay_out, args.repeat
        )
        count = pages(broadsheet.write(fifty, "pdf", columns=columns))
        label = f"edition, 50 articles, {columns} col"
        print(f"{label:<34} {count:>5} {ours * 1000:>9.0f}ms {floor * 1000:>7.0f}ms {ratio:>6.2f}")
    times: dict[tuple[int, bool], float] = {}
    sizes = [(50_000, False), (100_000, False), (200_000, False), (200_000, True)]
    for chars, distinct in sizes if "paragraphs" in rows else ():
        article = long_paragraph(chars, distinct=distinct)
        ours, floor, ratio = paired(
            lambda a=article: broadsheet.write(a, "pdf"),
            floor_maker(article, WriteOptions()),
            max(1, args.repeat // 2),
        )
        times[chars, distinct] = ours
        count = pages(broadsheet.write(article, "pdf"))
        label = f"one paragraph, {chars:,} chars" + (", no word twice" if distinct else "")
        print(f"{label:<34} {count:>5} {ours * 1000:>9.0f}ms {floor * 1000:>7.0f}ms {ratio:>6.2f}")
    if times:
        print(
            f"one paragraph: time 100k/50k = {times[100_000, False] / times[50_000, False]:.2f}, "
            f"200k/100k = {times[200_000, False] / times[100_000, False]:.2f} (2.0 is linear; the floor is "
            "reportlab re-breaking the rest of the paragraph on every page)"
        )
    if "memory" in rows:
        for columns in (1, 2):
            traced = memory(500, columns, trace=True)
            plain = memory(500, columns, trace=False)
            print(
                f"edition, 500 articles, {columns} col: Python peak {traced['peak'] / 2**20:.0f} MiB (tracemalloc); "
                f"max RSS {plain['rss'] / 2**20:.0f} MiB, {plain['before'] / 2**20:.0f} MiB of it before the write; "
                f"PDF {plain['bytes'] / 2**20:.1f} MiB"
            )
    print(
        "ratio = median over turns of broadsheet's write / plain platypus setting the same paragraph markup "
        "(made in its time) on the same frames"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
