"""Bad input ends in a PDF or a clear BroadsheetError, in bounded time, never a crash or a hang."""

from __future__ import annotations

import base64
import io
import time
import warnings
from pathlib import Path

import pytest
from pdf_checks import reader, text
from PIL import Image as PILImage

import broadsheet
from broadsheet.errors import WriteError
from broadsheet.formats.pdf import PdfWarning
from broadsheet.model import Article, Block, BulletList, Figure, Image, Paragraph, Table, TableCell, Text

DATA = Path(__file__).resolve().parents[2] / "data" / "pdf"


def _figure_article(url: str, **image: str) -> Article:
    return Article(
        title="Pictures",
        language="en",
        body=[Figure(image=Image(url=url, caption="The caption stays", credit="Photo: Someone", **image))],
    )


def _png(size: tuple[int, int] = (40, 30), mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size, (10, 120, 200, 128) if mode == "RGBA" else 128).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "url",
    [
        "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n not really a png").decode(),
        "data:image/jpeg;base64," + base64.b64encode(_png()[:60]).decode(),  # truncated
        "data:image/png;base64,@@@",
        "https://example.com/remote.jpg",
        "missing/picture.jpg",
        str(DATA / "truncated.jpg"),
        str(DATA / "not-an-image.jpg"),
    ],
)
def test_an_unusable_image_becomes_a_captioned_placeholder(url: str) -> None:
    with pytest.warns(PdfWarning, match="body\\[0\\]: image"):
        data = broadsheet.write(_figure_article(url, alt="A described picture"), "pdf")
    extracted = text(data)
    assert "The caption stays" in extracted and "Photo: Someone" in extracted
    assert "Image not available: A described picture" in extracted


def test_images_from_files_and_file_urls(tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(_png(mode="RGBA"))
    (tmp_path / "grey.png").write_bytes(_png(mode="L"))
    for url, kwargs in (
        ("photo.jpg", {"image_dir": str(DATA)}),
        ("pic.png", {"image_dir": str(tmp_path)}),
        ((tmp_path / "grey.png").as_uri(), {"image_dir": str(tmp_path)}),
        (str(tmp_path / "pic.png"), {"image_dir": str(tmp_path)}),
    ):
        data = broadsheet.write(_figure_article(url), "pdf", **kwargs)
        page = reader(data).pages[0]
        images = [
            x for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"
        ]
        assert len(images) == 1, url


def test_images_can_be_left_out() -> None:
    url = "data:image/png;base64," + base64.b64encode(_png()).decode()
    data = broadsheet.write(_figure_article(url), "pdf", images=False)
    assert "/XObject" not in reader(data).pages[0]["/Resources"]
    assert "The caption stays" in text(data)


def test_an_enormous_table_splits_across_pages_in_bounded_time() -> None:
    rows = [[TableCell(children=[Text(text=f"h{c}")], header=True) for c in range(4)]]
    rows += [[TableCell(children=[Text(text=f"r{r}c{c}")]) for c in range(4)] for r in range(2000)]
    article = Article(title="Table", body=[Table(rows=rows, header_rows=1, caption="Big")])
    started = time.perf_counter()
    data = broadsheet.write(article, "pdf", columns=2)
    assert time.perf_counter() - started < 60
    pdf = reader(data)
    assert len(pdf.pages) > 20
    extracted = text(data)
    assert "r0c0" in extracted and "r1999c3" in extracted
    assert extracted.count("h0") >= len(pdf.pages) - 1  # the head row repeats on every page


def test_a_table_cell_taller_than_a_page_splits() -> None:
    cell = TableCell(children=[Text(text="word " * 6000)])
    article = Article(title="Tall cell", body=[Table(rows=[[cell, TableCell(children=[Text(text="x")])]])])
    data = broadsheet.write(article, "pdf")
    assert len(reader(data).pages) > 3


def _glued_tall_rows() -> Table:
    # Hypothesis found it: in 2 columns, nine narrow grid columns make the rows hundreds of points
    # tall, and row spans glue the body rows together, taller than the first column under the
    # headline; reportlab could place it nowhere ("too large on page 1").
    def cell(words: str, **spans: int) -> TableCell:
        return TableCell(children=[Text(text=words)] if words else [], **spans)

    return Table(
        rows=[
            [
                cell("", colspan=2, header=True),
                cell("OÆ", colspan=2, rowspan=2),
                cell("IØ\U0001123dCEEUU", colspan=3, rowspan=2),
            ],
            [
                cell("", colspan=2),
                cell("T CO1O¥news news news news ٱلعربية", rowspan=2),
                cell("news news ґанокnews news news news „лапки“ news", header=True, colspan=3),
            ],
            [
                cell(
                    "\U0002471dŁIEANLJEIC.YELAE\ua8300JGO%Tnews news Москва «цитата»", header=True, colspan=2
                ),
                cell("news news news news news «цитата»"),
                cell("Київ", colspan=2),
            ],
        ],
        header_rows=1,
    )


@pytest.mark.parametrize("in_list", [False, True])
def test_rows_a_span_glues_taller_than_a_column_split_inside_rows(in_list: bool) -> None:
    table = _glued_tall_rows()
    body: list[Block] = [BulletList(items=[[table]])] if in_list else [table]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs no font has: reported, not fatal
        data = broadsheet.write(Article(title="0", body=body), "pdf", columns=2)
    letters = "".join(text(data).split())  # narrow columns break words anywhere
    assert "Київ" in letters and "Москва«цитата»" in letters and "OÆ" in letters


def test_a_table_too_wide_for_the_page_is_a_clear_error() -> None:
    rows = [[TableCell(children=[Text(text=str(c))]) for c in range(200)]]
    with pytest.raises(WriteError, match=r"body\[0\]: the table has 200 columns"):
        broadsheet.write(Article(title="Wide", body=[Table(rows=rows)]), "pdf")


def test_spans_and_ragged_rows() -> None:
    rows = [
        [TableCell(children=[Text(text="wide head")], colspan=3, header=True)],
        [TableCell(children=[Text(text="tall")], rowspan=5), TableCell(children=[Text(text="b")])],
        [TableCell(children=[Text(text="c")], colspan=900)],
    ]
    data = broadsheet.write(Article(title="Spans", body=[Table(rows=rows, header_rows=1)]), "pdf")
    assert "wide head" in text(data)


def test_deeply_nested_lists_end_in_a_pdf() -> None:
    from broadsheet.model import BulletList

    block: object = Paragraph(children=[Text(text="bottom")])
    for _ in range(60):
        block = BulletList(items=[[block]])
    data = broadsheet.write(Article(title="Deep", body=[block]), "pdf")
    assert "bottom" in text(data)


def test_image_dir_confines_local_reads(tmp_path: Path) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    (tmp_path / "secret.png").write_bytes(_png())
    for url in ("../secret.png", str(tmp_path / "secret.png"), (tmp_path / "secret.png").as_uri()):
        with pytest.warns(PdfWarning, match="outside the image folder"):
            broadsheet.write(_figure_article(url), "pdf", image_dir=str(inside))


def test_a_long_url_as_its_own_link_text_does_not_blow_up_the_pdf() -> None:
    from broadsheet.model import Link

    url = "https://example.com/" + "a" * 100_000
    article = Article(title="Long", body=[Paragraph(children=[Link(url=url, children=[Text(text=url)])])])
    data = broadsheet.write(article, "pdf")
    assert len(data) < 2_000_000  # was 217 MB: the URL repeated in every line's annotation
    short = "https://example.com/ok"
    article = Article(
        title="Ok", body=[Paragraph(children=[Link(url=short, children=[Text(text="x " * 5000)])])]
    )
    assert short.encode() in broadsheet.write(article, "pdf")
