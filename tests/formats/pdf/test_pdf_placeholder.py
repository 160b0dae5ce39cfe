"""A missing picture's frame stays inside its column and above its caption."""

from __future__ import annotations

import io
import warnings
from typing import Any

import pytest
from pdf_checks import fonts, strict, text
from reportlab.pdfgen.canvas import Canvas

import broadsheet
from broadsheet.errors import PdfWarning
from broadsheet.formats.pdf.fonts import font_set
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.formats.pdf.tables import placeholder_box
from broadsheet.model import Article, Figure, Image, Paragraph, Text


class _Recorder(Canvas):  # type: ignore[misc]
    """A canvas that remembers where lines and rectangles are drawn (in the flowable's own space)."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.points: list[tuple[float, float]] = []

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.points += [(x1, y1), (x2, y2)]
        super().line(x1, y1, x2, y2)

    def lines(self, segments: Any) -> None:
        for x1, y1, x2, y2 in segments:
            self.points += [(x1, y1), (x2, y2)]
        super().lines(segments)

    def rect(self, x: float, y: float, width: float, height: float, *args: Any, **kwargs: Any) -> None:
        self.points += [(x, y), (x + width, y + height)]
        super().rect(x, y, width, height, *args, **kwargs)

    def roundRect(self, x: float, y: float, width: float, height: float, *args: Any, **kwargs: Any) -> None:
        self.points += [(x, y), (x + width, y + height)]
        super().roundRect(x, y, width, height, *args, **kwargs)


@pytest.mark.parametrize("width", [90.0, 150.0, 480.0])
def test_the_frame_is_drawn_inside_the_space_it_takes(width: float) -> None:
    styles = Styles(10, font_set(), Palette("screen"), justify=True)
    box = placeholder_box("Зображення недоступне: делегації за столом переговорів у Женеві", width, styles)
    taken_width, taken_height = box.wrap(width, 1000)
    canvas = _Recorder()
    box.drawOn(canvas, 0, 0)
    assert canvas.points, "no frame drawn"
    xs = [x for x, _ in canvas.points]
    ys = [y for _, y in canvas.points]
    assert taken_width <= width + 0.01
    assert min(xs) >= -0.5 and max(xs) <= taken_width + 0.5
    assert min(ys) >= -0.5 and max(ys) <= taken_height + 0.5


def test_a_missing_picture_leaves_its_caption_and_a_note() -> None:
    figure = Figure(
        image=Image(
            url="https://example.org/a.jpg",
            alt="Делегації у Женеві",
            caption="Делегації",
            credit="Фото: Reuters",
        )
    )
    article = Article(
        title="Заглушки",
        language="uk",
        body=(Paragraph(children=(Text(text="Переговори тривали кілька годин."),)), figure),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extracted = text(broadsheet.write(article, "pdf", columns=3))
    assert any(issubclass(w.category, PdfWarning) for w in caught)
    note = strict("Делегації у Женеві").search(extracted)
    credit = strict("Фото: Reuters").search(extracted)
    assert note and credit and note.start() < credit.start()


def test_the_note_embeds_only_our_fonts() -> None:
    article = Article(title="Заглушки", language="uk", images=(Image(url="https://zn.ua/"),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = broadsheet.write(article, "pdf")
    for font in fonts(data):
        assert "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"], font.get("/BaseFont")
