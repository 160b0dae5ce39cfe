"""Paragraph styles and colours, scaled from the base font size and chosen by profile.

The print profile uses CMYK colours only (text in pure black ink); the screen
profile uses RGB. Nothing else in the package makes a colour.
"""

from __future__ import annotations

import copy

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from broadsheet.formats.pdf.fonts import FontSet
from broadsheet.formats.pdf.shaping import base_direction


class Palette:
    """The few colours a page uses, in the profile's colour space."""

    def __init__(self, profile: str) -> None:
        """Pick CMYK colours for ``print`` and RGB colours for ``screen``."""
        self.cmyk = profile == "print"
        if self.cmyk:
            self.text: Color = CMYKColor(0, 0, 0, 1)
            self.muted: Color = CMYKColor(0, 0, 0, 0.62)
            self.accent: Color = CMYKColor(0.05, 1, 0.85, 0.22)
            self.rule: Color = CMYKColor(0, 0, 0, 0.35)
            self.tint: Color = CMYKColor(0, 0, 0.03, 0.06)
            self.link: Color = CMYKColor(0, 0, 0, 1)
            self.marks: Color = CMYKColor(1, 1, 1, 1)
        else:
            self.text = Color(0.08, 0.08, 0.08)
            self.muted = Color(0.38, 0.38, 0.38)
            self.accent = Color(0.62, 0.06, 0.12)
            self.rule = Color(0.65, 0.65, 0.65)
            self.tint = Color(0.95, 0.95, 0.93)
            self.link = Color(0.05, 0.25, 0.6)
            self.marks = Color(0, 0, 0)

    @staticmethod
    def hex(color: Color) -> str:
        """The colour as markup accepts it in ``<font color=…>`` (CMYK colours keep their space)."""
        return str(color.hexval())


class Styles:
    """Every paragraph style of a document, built from the base size, the fonts and the palette."""

    def __init__(
        self, size: float, fonts: FontSet, palette: Palette, *, justify: bool, max_leading: float = 1e9
    ) -> None:
        """Build the styles; ``justify`` False sets body text ragged right.

        Styles whose line would be taller than ``max_leading`` (big heads on a
        tiny page) are scaled down to it, since no line may be taller than a column.
        """
        text, head = fonts.text, fonts.heading
        self.size = size
        self.fonts = fonts
        self.palette = palette
        colour = palette.text
        align = TA_JUSTIFY if justify else TA_LEFT

        def style(name: str, **kw: object) -> ParagraphStyle:
            base: dict[str, object] = {
                "fontName": text.regular,
                "fontSize": size,
                "leading": size * 1.36,
                "textColor": colour,
                "allowWidows": 0,
                "allowOrphans": 0,
                "splitLongWords": 1,
                "spaceShrinkage": 0.05,
                "hyphenationLang": "",
            }
            base.update(kw)
            leading = float(base["leading"])  # type: ignore[arg-type]
            if leading > max_leading:
                base["fontSize"] = float(base["fontSize"]) * max_leading / leading  # type: ignore[arg-type]
                base["leading"] = max_leading
            return ParagraphStyle(name, **base)

        self.body = style("body", alignment=align, spaceAfter=size * 0.55)
        self.list_item = style("list_item", alignment=align, spaceAfter=size * 0.25)
        self.kicker = style(
            "kicker",
            fontName=head.bold,
            fontSize=size * 0.8,
            leading=size * 1.1,
            textColor=palette.accent,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        )
        self.headline = style(
            "headline",
            fontName=head.bold,
            fontSize=size * 2.3,
            leading=size * 2.65,
            spaceAfter=size * 0.5,
            keepWithNext=1,
            alignment=TA_LEFT,
        )
        self.subtitle = style(
            "subtitle",
            fontName=head.regular,
            fontSize=size * 1.3,
            leading=size * 1.6,
            spaceAfter=size * 0.5,
            keepWithNext=1,
            textColor=palette.muted,
        )
        self.lead = style(
            "lead",
            fontName=text.bold,
            fontSize=size * 1.15,
            leading=size * 1.5,
            spaceAfter=size * 0.7,
            alignment=TA_LEFT,
        )
        self.byline = style(
            "byline",
            fontName=head.bold,
            fontSize=size * 0.85,
            leading=size * 1.2,
            alignment=TA_LEFT,
        )
        self.meta = style(
            "meta",
            fontName=head.regular,
            fontSize=size * 0.8,
            leading=size * 1.15,
            textColor=palette.muted,
            alignment=TA_LEFT,
        )
        self.headings = tuple(
            style(
                f"h{level}",
                fontName=head.bold,
                fontSize=size * factor,
                leading=size * factor * 1.25,
                spaceBefore=size * 0.9,
                spaceAfter=size * 0.35,
                keepWithNext=1,
                alignment=TA_LEFT,
            )
            for level, factor in enumerate((1.35, 1.2, 1.08, 1.0, 1.0, 1.0), start=1)
        )
        self.quote = style(
            "quote",
            fontName=text.italic,
            fontSize=size * 1.12,
            leading=size * 1.5,
            leftIndent=size * 1.4,
            rightIndent=size * 0.6,
            spaceBefore=size * 0.4,
            spaceAfter=size * 0.2,
            alignment=TA_LEFT,
        )
        self.speaker = style(
            "speaker",
            fontName=head.regular,
            fontSize=size * 0.82,
            leading=size * 1.15,
            leftIndent=size * 1.4,
            spaceAfter=size * 0.9,
            textColor=palette.muted,
            alignment=TA_LEFT,
        )
        self.caption = style(
            "caption",
            fontName=head.regular,
            fontSize=size * 0.8,
            leading=size * 1.1,
            spaceBefore=size * 0.3,
            alignment=TA_LEFT,
        )
        self.credit = style(
            "credit",
            fontName=head.italic,
            fontSize=size * 0.7,
            leading=size * 0.95,
            textColor=palette.muted,
            spaceAfter=size * 0.8,
            alignment=TA_LEFT,
        )
        self.placeholder = style(
            "placeholder",
            fontName=head.regular,
            fontSize=size * 0.8,
            leading=size * 1.1,
            textColor=palette.muted,
            alignment=TA_CENTER,
        )
        self.box_label = style(
            "box_label",
            fontName=head.bold,
            fontSize=size * 0.78,
            leading=size * 1.05,
            textColor=palette.accent,
            alignment=TA_LEFT,
        )
        self.box_link = style("box_link", fontSize=size * 0.92, leading=size * 1.2, alignment=TA_LEFT)
        self.cell = style("cell", fontSize=size * 0.82, leading=size * 1.08, alignment=TA_LEFT)
        self.cell_head = style("cell_head", fontName=text.bold, fontSize=size * 0.82, leading=size * 1.08)
        self.table_caption = style(
            "table_caption",
            fontName=head.bold,
            fontSize=size * 0.85,
            leading=size * 1.15,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.3,
            keepWithNext=1,
            alignment=TA_LEFT,
        )
        self.embed = style(
            "embed",
            fontName=head.regular,
            fontSize=size * 0.85,
            leading=size * 1.15,
            leftIndent=size,
            spaceBefore=size * 0.3,
            spaceAfter=size * 0.8,
            alignment=TA_LEFT,
        )
        self.separator = style(
            "separator", alignment=TA_CENTER, textColor=palette.muted, spaceAfter=size * 0.6
        )
        self.footer = style(
            "footer",
            fontName=head.regular,
            fontSize=size * 0.78,
            leading=size * 1.1,
            textColor=palette.muted,
            spaceBefore=size * 0.4,
            alignment=TA_LEFT,
        )
        self.section = style(
            "section",
            fontName=head.bold,
            fontSize=size * 1.0,
            leading=size * 1.3,
            textColor=palette.accent,
            spaceAfter=size * 0.6,
            keepWithNext=1,
            alignment=TA_LEFT,
        )
        self.masthead = style(
            "masthead",
            fontName=head.bold,
            fontSize=size * 3.4,
            leading=size * 3.8,
            alignment=TA_CENTER,
            spaceAfter=size * 0.6,
        )
        self.cover_meta = style(
            "cover_meta",
            fontName=head.regular,
            fontSize=size * 1.2,
            leading=size * 1.6,
            alignment=TA_CENTER,
            textColor=palette.muted,
            spaceAfter=size * 1.4,
        )
        self.cover_item = style(
            "cover_item",
            fontName=head.bold,
            fontSize=size * 1.05,
            leading=size * 1.35,
            spaceAfter=size * 0.15,
            alignment=TA_LEFT,
        )
        self.cover_lead = style(
            "cover_lead",
            fontSize=size * 0.9,
            leading=size * 1.2,
            spaceAfter=size * 0.8,
            alignment=TA_LEFT,
            textColor=palette.muted,
        )
        self.toc_title = style(
            "toc_title",
            fontName=head.bold,
            fontSize=size * 1.8,
            leading=size * 2.2,
            spaceAfter=size,
            alignment=TA_LEFT,
        )
        self.toc_levels = (
            style(
                "toc0",
                fontName=head.bold,
                fontSize=size,
                leading=size * 1.35,
                spaceBefore=size * 0.6,
                rightIndent=size * 2.4,
                alignment=TA_LEFT,
            ),
            style(
                "toc1",
                fontSize=size,
                leading=size * 1.3,
                leftIndent=size,
                firstLineIndent=0,
                rightIndent=size * 2.4,
                alignment=TA_LEFT,
            ),
        )
        self.running = style("running", fontName=head.regular, fontSize=size * 0.72, textColor=palette.muted)
        self.page_number = style(
            "page_number",
            fontName=head.regular,
            fontSize=size * 0.8,
            textColor=palette.muted,
            alignment=TA_RIGHT,
        )

    rtl: bool | None = None
    """The direction of the language these styles set: right to left, left to right, or unknown."""

    def directed(self, rtl: bool | None) -> Styles:
        """These styles for text in a language read right to left (``rtl`` True), left to right
        (False), or unknown (None): a paragraph with right-to-left letters takes its base
        direction from that (see :func:`~broadsheet.formats.pdf.shaping.base_direction`).
        Each style's copy carries the direction (made once per direction)."""
        if rtl is self.rtl:
            return self
        known: dict[bool | None, Styles] = self.__dict__.setdefault("_directed", {self.rtl: self})
        found = known.get(rtl)
        if found is None:
            found = copy.copy(self)
            found.rtl = rtl
            for name, value in vars(self).items():
                if isinstance(value, ParagraphStyle):
                    setattr(found, name, _directed(value, rtl))
                elif isinstance(value, tuple) and all(isinstance(v, ParagraphStyle) for v in value):
                    setattr(found, name, tuple(_directed(v, rtl) for v in value))
            known[rtl] = found
        return found

    def heading(self, level: int) -> ParagraphStyle:
        """The style of a crosshead of ``level`` 1–6."""
        return self.headings[min(max(level, 1), 6) - 1]


def following(style: ParagraphStyle, rtl: bool) -> ParagraphStyle:
    """A child of ``style`` for a line that reads in the direction of the text it belongs to
    (``rtl``), whatever its own letters: a quote's attribution "— John Smith" under an Arabic
    quote is set right to left, flush right, its dash at the right (made once per direction)."""
    key = "_bs_following_rtl" if rtl else "_bs_following_ltr"
    found: ParagraphStyle | None = style.__dict__.get(key)
    if found is None or found.parent is not style:  # a child style copies its parent's cache
        found = _directed(style, rtl)
        found.__dict__["_bs_follows"] = True
        style.__dict__[key] = found
    return found


def text_rtl(style: ParagraphStyle, text: str) -> bool:
    """Whether a paragraph of plain ``text`` set in ``style`` reads right to left: the direction
    ``style`` follows (see :func:`following`), else the text's by its language's
    (:func:`~broadsheet.formats.pdf.shaping.base_direction`: a paragraph of digits alone, "2024",
    reads in its language's direction; one mostly in Latin letters in an Arabic article, left
    to right)."""
    language_rtl: bool | None = style.__dict__.get("_bs_language_rtl")
    if style.__dict__.get("_bs_follows"):
        return bool(language_rtl)
    return base_direction(text, language_rtl)


def _directed(style: ParagraphStyle, rtl: bool | None) -> ParagraphStyle:
    """A child of ``style`` that carries the direction of its text's language."""
    child = ParagraphStyle(style.name, parent=style)
    for cache in (
        "_bs_ragged",
        "_bs_unshaped",
        "_bs_following_rtl",
        "_bs_following_ltr",
        "_bs_follows",
    ):  # the parent's variants, copied with its attributes
        child.__dict__.pop(cache, None)
    child.__dict__["_bs_language_rtl"] = rtl
    return child
