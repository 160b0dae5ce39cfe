"""Print profile: crop marks, bleed, TrimBox/BleedBox on every page, CMYK only; screen: RGB, no boxes."""

from __future__ import annotations

import base64
import io

import pytest
from pdf_checks import colour_operators, reader
from pdf_seed import edition, seed_article
from PIL import Image as PILImage

import broadsheet
from broadsheet.formats.pdf.options import MM
from broadsheet.model import Article, Figure, Image


def _photo_article() -> Article:
    picture = PILImage.new("RGB", (60, 40), (200, 30, 30))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    base = seed_article()
    figure = Figure(image=Image(url=url, caption="Червоний прямокутник", credit="Фото: тест"))
    return Article(title=base.title, language="uk", body=(figure, *base.body))


def test_print_pages_have_trim_and_bleed_boxes() -> None:
    data = broadsheet.write(edition(3), "pdf", profile="print", page_size="A4", bleed="3mm")
    pdf = reader(data)
    width, height = 210 * MM, 297 * MM
    for page in pdf.pages:
        media = [float(v) for v in page.mediabox]
        trim = [float(v) for v in page.trimbox]
        bleed = [float(v) for v in page.bleedbox]
        assert "/TrimBox" in page and "/BleedBox" in page
        assert trim[2] - trim[0] == pytest.approx(width, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(height, abs=0.01)
        assert [b - t for b, t in zip(bleed, trim, strict=True)] == pytest.approx(
            [-3 * MM, -3 * MM, 3 * MM, 3 * MM], abs=0.001
        )
        # room for crop marks outside the bleed
        assert bleed[0] - media[0] >= 18 and media[2] - bleed[2] >= 18


def test_print_uses_cmyk_only_and_screen_uses_rgb() -> None:
    article = _photo_article()
    printed = colour_operators(broadsheet.write(article, "pdf", profile="print"))
    assert printed & {"k", "K"}
    assert not printed & {"rg", "RG", "g", "G", "sc", "SC", "scn", "SCN"}, printed
    assert {op for op in printed if op.startswith("image:")} == {"image:/DeviceCMYK"}
    screen = colour_operators(broadsheet.write(article, "pdf"))
    assert screen & {"rg", "RG"}
    assert not screen & {"k", "K"}
    assert {op for op in screen if op.startswith("image:")} == {"image:/DeviceRGB"}


def test_screen_pages_are_the_trimmed_size_without_marks() -> None:
    pdf = reader(broadsheet.write(seed_article(), "pdf", page_size="Letter"))
    page = pdf.pages[0]
    assert [float(v) for v in page.mediabox] == pytest.approx([0, 0, 612, 792])
    assert "/TrimBox" not in page and "/BleedBox" not in page


def test_bleed_without_crop_marks() -> None:
    pdf = reader(broadsheet.write(seed_article(), "pdf", profile="print", crop_marks=False, bleed="5mm"))
    page = pdf.pages[0]
    assert [float(v) for v in page.bleedbox] == pytest.approx([float(v) for v in page.mediabox])
    assert float(page.trimbox[0]) == pytest.approx(5 * MM)
