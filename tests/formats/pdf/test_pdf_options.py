"""Options: parsed from CLI strings, checked, and honoured (sizes, columns, reproducible bytes)."""

from __future__ import annotations

import attrs
import pytest
from pdf_checks import reader, text
from pdf_seed import edition, seed_article

import broadsheet
from broadsheet.errors import OptionError
from broadsheet.formats._shared.options import parse_value
from broadsheet.formats.pdf import WriteOptions
from broadsheet.formats.pdf.options import MM, parse_margins, parse_page_size


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("page_size", "tabloid", "tabloid"),
        ("columns", "3", 3),
        ("font_size", "11.5", 11.5),
        ("profile", "print", "print"),
        ("crop_marks", "no", False),
        ("fonts", "a.ttf,b.ttf", ("a.ttf", "b.ttf")),
        ("image_dir", "none", None),
        ("missing_glyphs", "error", "error"),
    ],
)
def test_every_option_parses_from_a_string(name: str, value: str, expected: object) -> None:
    assert parse_value(WriteOptions, name, value, what="the pdf writer") == expected


def test_every_option_has_a_type_the_cli_can_parse() -> None:
    for field in attrs.fields(attrs.resolve_types(WriteOptions)):
        assert field.type is not None, field.name


@pytest.mark.parametrize(
    ("text_value", "expected"),
    [
        ("A4", (210 * MM, 297 * MM)),
        ("letter", (612, 792)),
        ("210x297mm", (210 * MM, 297 * MM)),
        ("8.5x11in", (612, 792)),
        ("100 x 150 mm", (100 * MM, 150 * MM)),
        ("Tabloid", (792, 1224)),
    ],
)
def test_page_sizes(text_value: str, expected: tuple[float, float]) -> None:
    assert parse_page_size(text_value) == pytest.approx(expected)


def test_margins_follow_css_order() -> None:
    assert parse_margins("10mm") == pytest.approx((10 * MM,) * 4)
    assert parse_margins("1in 2in") == pytest.approx((72, 144, 72, 144))
    assert parse_margins("1in, 2in, 3in, 4in") == pytest.approx((72, 144, 216, 288))


@pytest.mark.parametrize(
    "options",
    [
        {"page_size": "huge"},
        {"page_size": "1x1mm"},
        {"columns": 4},
        {"columns": 0},
        {"font_size": 2},
        {"margins": "1 2 3 4 5"},
        {"margins": "wide"},
        {"profile": "cmyk"},
        {"bleed": "2in"},
        {"margins": "100mm"},
        {"colour": "red"},
    ],
)
def test_bad_options_are_clear_errors(options: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        broadsheet.write(seed_article(), "pdf", **options)


@pytest.mark.parametrize(("size", "landscape"), [("A5", False), ("Letter", True), ("tabloid", False)])
def test_page_size_and_orientation_are_honoured(size: str, landscape: bool) -> None:
    width, height = parse_page_size(size)
    if landscape:
        width, height = height, width
    pdf = reader(broadsheet.write(seed_article(), "pdf", page_size=size, landscape=landscape, columns=2))
    box = [float(v) for v in pdf.pages[0].mediabox]
    assert box == pytest.approx([0, 0, width, height], abs=0.01)


def test_the_same_input_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article = seed_article()
    assert broadsheet.write(article, "pdf") == broadsheet.write(article, "pdf")
    small = edition(4)
    assert broadsheet.write(small, "pdf", profile="print") == broadsheet.write(small, "pdf", profile="print")


def test_source_date_epoch_sets_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1642780800")  # 2022-01-21T16:00:00Z
    first = broadsheet.write(seed_article(), "pdf")
    assert first == broadsheet.write(seed_article(), "pdf")
    metadata = reader(first).metadata
    assert metadata is not None and metadata.creation_date is not None
    assert metadata.creation_date.year == 2022 and metadata.creation_date.day == 21


def test_ragged_right_when_asked() -> None:
    assert "Держсекретар" in text(broadsheet.write(seed_article(), "pdf", justify=False))


def test_columns_too_narrow_for_the_text_are_refused() -> None:
    with pytest.raises(OptionError, match="too narrow for 30pt text"):
        broadsheet.write(seed_article(), "pdf", page_size="3x3in", columns=3, font_size=30)


def test_big_type_on_a_small_page_still_fits() -> None:
    data = broadsheet.write(edition(3), "pdf", page_size="3x3in", font_size=20, margins="0")
    assert len(reader(data).pages) > 5
