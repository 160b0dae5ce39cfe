"""The PDF writer's options and the page geometry they describe.

Every field can be given as a string (``-O page_size=8.5x11in``), so the CLI
passes options through the registry without knowing this format.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs

from broadsheet.errors import OptionError
from broadsheet.formats._shared.image_options import ImageOptions

MM = 72 / 25.4
"""Points in a millimetre."""

_UNITS = {"pt": 1.0, "mm": MM, "cm": 10 * MM, "in": 72.0, "px": 0.75}

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "a3": (297 * MM, 420 * MM),
    "a4": (210 * MM, 297 * MM),
    "a5": (148 * MM, 210 * MM),
    "b5": (176 * MM, 250 * MM),
    "letter": (8.5 * 72, 11 * 72),
    "legal": (8.5 * 72, 14 * 72),
    "tabloid": (11 * 72, 17 * 72),
    "ledger": (17 * 72, 11 * 72),
    "berliner": (315 * MM, 470 * MM),
    "broadsheet": (597 * MM, 749 * MM),
}
"""Named page sizes in points, portrait."""

_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt|mm|cm|in|px)?\s*$", re.IGNORECASE)
_SIZE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px)?\s*[x×]\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in|px)?\s*$", re.IGNORECASE
)


def parse_length(text: str, *, what: str) -> float:
    """A length such as ``"18mm"``, ``"0.5in"`` or ``"12"`` (points) in points."""
    match = _LENGTH.match(text)
    if match is None:
        raise OptionError(f"{what}: {text!r} is not a length such as 18mm, 0.5in or 12pt")
    return float(match.group(1)) * _UNITS[(match.group(2) or "pt").lower()]


def parse_page_size(text: str) -> tuple[float, float]:
    """A named size (A4, Letter, tabloid…) or ``WxH`` with a unit (``210x297mm``) in points."""
    key = text.strip().lower()
    if key in PAGE_SIZES:
        return PAGE_SIZES[key]
    match = _SIZE.match(text)
    if match is None:
        raise OptionError(
            f"page_size: {text!r} is neither a known size ({', '.join(sorted(PAGE_SIZES))}) "
            "nor a size such as 210x297mm or 8.5x11in"
        )
    width_unit = (match.group(2) or match.group(4) or "pt").lower()
    height_unit = (match.group(4) or width_unit).lower()
    width = float(match.group(1)) * _UNITS[width_unit]
    height = float(match.group(3)) * _UNITS[height_unit]
    if not (72.0 <= width <= 14400.0 and 72.0 <= height <= 14400.0):
        raise OptionError(f"page_size: {text!r} must be between 1 inch and 200 inches on each side")
    return width, height


def parse_margins(text: str) -> tuple[float, float, float, float]:
    """One to four lengths, as in CSS: all; vertical horizontal; top horizontal bottom; top right bottom left."""
    parts = [parse_length(part, what="margins") for part in re.split(r"[\s,]+", text.strip()) if part]
    if len(parts) == 1:
        return parts[0], parts[0], parts[0], parts[0]
    if len(parts) == 2:
        return parts[0], parts[1], parts[0], parts[1]
    if len(parts) == 3:
        return parts[0], parts[1], parts[2], parts[1]
    if len(parts) == 4:
        return parts[0], parts[1], parts[2], parts[3]
    raise OptionError(f"margins: {text!r} must be one to four lengths, e.g. '18mm' or '20mm 15mm'")


def _check_page_size(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    parse_page_size(value)


def _check_margins(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    parse_margins(value)


def _check_bleed(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if parse_length(value, what="bleed") > 18:
        raise OptionError(f"bleed: {value!r} is more than 18pt (about 6mm); print shops ask for 3–5mm")


def _check_columns(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3:
        raise OptionError(f"columns must be 1, 2 or 3, got {value!r}")


def _check_font_size(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 5 <= value <= 30:
        raise OptionError(f"font_size must be a number of points from 5 to 30, got {value!r}")


def _check_fonts(instance: Any, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    if len(value) not in (0, 1, 2, 4):
        raise OptionError(
            f"{attribute.name}: give 1 file (all styles), 2 (regular, bold) or 4 "
            f"(regular, bold, italic, bold italic), got {len(value)}"
        )


def _str_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(str(item) for item in value)


@attrs.frozen(kw_only=True)
class WriteOptions(ImageOptions):
    """How the PDF writer sets pages; every default makes an A4 page for screens."""

    page_size: str = attrs.field(default="A4", validator=_check_page_size)
    """The trimmed page: A3, A4, A5, B5, Letter, Legal, tabloid, ledger, berliner, broadsheet, or ``WxH`` with a
    unit such as ``210x297mm`` or ``8.5x11in``."""
    landscape: bool = False
    """Turn the page sideways."""
    margins: str = attrs.field(default="18mm 16mm 20mm", validator=_check_margins)
    """One to four lengths as in CSS (top, right, bottom, left); running heads sit inside the top margin."""
    columns: int = attrs.field(default=1, validator=_check_columns)
    """Text columns per page, 1 to 3; headlines span all of them."""
    font_size: float = attrs.field(default=10.0, converter=float, validator=_check_font_size)
    """The body text size in points; everything else scales from it."""
    profile: Literal["screen", "print"] = attrs.field(
        default="screen", validator=attrs.validators.in_(("screen", "print"))
    )
    """``screen``: RGB colours, no marks. ``print``: CMYK colours only, crop marks, bleed, TrimBox/BleedBox."""
    bleed: str = attrs.field(default="3mm", validator=_check_bleed)
    """How far backgrounds run past the trim in the print profile."""
    crop_marks: bool = True
    """Draw crop marks outside the bleed in the print profile."""
    fonts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_check_fonts)
    """TTF files for the text instead of Gentium Book Plus: 1 (all styles), 2 (regular, bold) or 4
    (regular, bold, italic, bold italic)."""
    heading_fonts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_check_fonts)
    """TTF files for headlines and labels instead of Noto Sans, as for ``fonts``."""
    fallback_fonts: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    """More TTF files, tried in order for characters the text and heading fonts lack."""
    missing_glyphs: Literal["warn", "error"] = attrs.field(
        default="warn", validator=attrs.validators.in_(("warn", "error"))
    )
    """Characters no font can draw: ``warn`` leaves them out and issues one :class:`MissingGlyphsWarning`
    naming them; ``error`` raises :class:`~broadsheet.errors.WriteError`."""
    hyphenate: bool = True
    """Hyphenate by the article's language (pyphen)."""
    justify: bool = True
    """Justify text; lines that would show wide gaps, and columns narrower than about 22 characters' worth, are
    set ragged right instead."""
    images: bool = True
    """Include figures' images (captions and credits are always kept)."""
    max_image_dpi: int = 300
    """Images are downsampled to this resolution at their printed size."""
    cover: bool = True
    """Give an edition a cover (masthead) page."""
    toc: bool = True
    """Give an edition a table of contents with page numbers."""
    running_heads: bool = True
    """Print the edition or article title at the top of pages after the first."""
    page_numbers: bool = True
    """Print page numbers at the foot of pages."""
    balance_columns: bool = True
    """End each article's last page with level columns (a trial fill of that page; no second layout)."""
    article_break: Literal["page", "continue"] = attrs.field(
        default="page", validator=attrs.validators.in_(("page", "continue"))
    )
    """In an edition, start each article on a new page (``page``) or run them on (``continue``)."""
