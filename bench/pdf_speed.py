"""PDF writing speed: broadsheet (reportlab) against WeasyPrint rendering equivalent HTML, in the same run.

    python bench/pdf_speed.py [--repeat N] [--columns N]

Documents: the seed story and a 50-article edition in five sections (built in
tests/formats/pdf/pdf_seed.py). WeasyPrint (``pip install weasyprint``) gets
the same text as HTML, taken from broadsheet's EPUB chapters (headline, lead,
body, boxes), set in the same fonts with the same page size, columns,
justification, hyphenation and, for the edition, a cover, a contents list
with page numbers (``target-counter``) and one article per page. Both run in
this process. WeasyPrint is also timed "plain": system fonts and no
hyphenation, its cheapest setting (not equivalent: the output differs). Times
are medians; a ratio is broadsheet's time per page over WeasyPrint's (below
1 means broadsheet is faster).
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests" / "formats" / "pdf"), str(HERE.parent / "tests")]

from pdf_seed import edition, seed_article  # noqa: E402

import broadsheet  # noqa: E402
from broadsheet.formats.pdf.fonts import bundled_path  # noqa: E402
from broadsheet.model import Article, Edition  # noqa: E402

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


def _css(columns: int) -> str:
    faces = []
    for family, role in (("Text", "text"), ("Head", "heading")):
        for style, weight, slant in (
            ("regular", 400, "normal"),
            ("bold", 700, "normal"),
            ("italic", 400, "italic"),
            ("bolditalic", 700, "italic"),
        ):
            url = bundled_path(role, style).as_uri()
            faces.append(
                f"@font-face {{ font-family: {family}; src: url('{url}'); font-weight: {weight};"
                f" font-style: {slant}; }}"
            )
    return (
        "\n".join(faces)
        + f"""
@page {{ size: A4; margin: 18mm 16mm 20mm;
  @top-right {{ content: string(headline); font: 7pt Head; color: #666; }}
  @bottom-right {{ content: counter(page); font: 8pt Head; color: #666; }} }}
@page :first {{ @top-right {{ content: none; }} }}
html {{ font: 10pt/1.36 Text; color: #141414; }}
p, li {{ text-align: justify; hyphens: auto; margin: 0 0 5.5pt; orphans: 2; widows: 2; }}
h1 {{ font: bold 23pt/1.15 Head; string-set: headline content(); column-span: all; margin: 0 0 5pt; }}
section {{ columns: {columns}; column-gap: 16pt; break-before: page; }}
section:first-of-type {{ break-before: auto; }}
header, .lead {{ column-span: all; }}
blockquote {{ font-style: italic; margin: 4pt 6pt 2pt 14pt; }}
aside {{ background: #f2f2ee; border-left: 2.5pt solid #9e0f1f; padding: 3pt 8pt; margin: 4pt 0 9pt; }}
a {{ color: #0d4099; text-decoration: none; }}
nav li {{ text-align: left; }}
nav a::after {{ content: leader('.') target-counter(attr(href), page); }}
.cover {{ text-align: center; font: bold 34pt Head; margin-top: 20pt; break-after: page; }}
"""
    )


def equivalent_html(document: Article | Edition, columns: int) -> str:
    """One HTML page holding the same chapters broadsheet writes (headline, lead, body, boxes)."""
    data = broadsheet.write(document, "epub", cover=False, contents_page=False)
    parts = []
    titles = []
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = sorted(n for n in book.namelist() if n.startswith("EPUB/article-"))
        for number, name in enumerate(names):
            root = etree.fromstring(book.read(name))
            section = root.find(f"{XHTML}body/{XHTML}section")
            assert section is not None
            for node in section.iter():
                node.attrib.pop("id", None)  # every chapter has id="headline"; one page must not
            section.set("id", f"a{number}")
            headline = section.find(f".//{XHTML}h1")
            titles.append("".join(headline.itertext()) if headline is not None else f"Article {number + 1}")
            parts.append(etree.tostring(section, encoding="unicode", method="html"))
    front = ""
    if isinstance(document, Edition):
        items = "".join(f'<li><a href="#a{n}">{title}</a></li>' for n, title in enumerate(titles))
        front = f'<div class="cover">{document.title}</div><nav><h2>Зміст</h2><ol>{items}</ol></nav>'
    language = document.language or "uk"
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"/>'
        f"<title>{document.title}</title><style>{_css(columns)}</style></head>"
        f"<body>{front}{''.join(parts)}</body></html>"
    )


def plain(html: str) -> str:
    """The same page for WeasyPrint's cheapest setting: system fonts, no hyphenation."""
    return re.sub(r"@font-face \{[^}]*\}", "", html).replace("hyphens: auto", "hyphens: manual")


def pages(data: bytes) -> int:
    """The number of pages of a PDF."""
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    """Print the table of timings and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement (default 7)")
    parser.add_argument("--columns", type=int, default=2, help="text columns in both renderings (default 2)")
    args = parser.parse_args()
    try:
        import weasyprint
    except ImportError:
        print("WeasyPrint is missing: pip install weasyprint", file=sys.stderr)
        return 2

    rows = []
    for label, document in (("seed story", seed_article()), ("edition, 50 articles", edition(50))):
        html = equivalent_html(document, args.columns)
        ours_pdf = broadsheet.write(document, "pdf", columns=args.columns)
        theirs_pdf = weasyprint.HTML(string=html).write_pdf()
        assert theirs_pdf is not None
        ours = median_ms(lambda d=document: broadsheet.write(d, "pdf", columns=args.columns), args.repeat)
        theirs = median_ms(lambda h=html: weasyprint.HTML(string=h).write_pdf(), args.repeat)
        cheap_html = plain(html)
        cheap = median_ms(lambda h=cheap_html: weasyprint.HTML(string=h).write_pdf(), args.repeat)
        rows.append((label, pages(ours_pdf), pages(theirs_pdf), ours, theirs, cheap))

    import reportlab

    print(
        f"reportlab {reportlab.Version}, WeasyPrint {weasyprint.__version__}, python {sys.version.split()[0]}, "
        f"{args.columns} column(s), median of {args.repeat}"
    )
    print(
        f"{'document':<22} {'pages':>9} {'broadsheet':>11} {'WeasyPrint':>11} {'plain':>9} "
        f"{'pages/s':>13} {'ratio':>6} {'plain':>6}"
    )
    for label, our_pages, their_pages, ours, theirs, cheap in rows:
        ours_per, theirs_per, cheap_per = ours / our_pages, theirs / their_pages, cheap / their_pages
        rate = f"{1000 / ours_per:.0f}/{1000 / theirs_per:.1f}"
        print(
            f"{label:<22} {our_pages:>4}/{their_pages:<4} {ours:>9.0f}ms {theirs:>9.0f}ms {cheap:>7.0f}ms "
            f"{rate:>13} {ours_per / theirs_per:>6.2f} {ours_per / cheap_per:>6.2f}"
        )
    print("pages: broadsheet/WeasyPrint; pages/s: broadsheet/WeasyPrint (same fonts)")
    print(
        "ratio = broadsheet time per page / WeasyPrint's, same fonts and hyphenation (below 1: broadsheet faster)"
    )
    print("plain = the same against WeasyPrint with system fonts and no hyphenation (its cheapest setting)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
