"""Page geometry, page templates and what is drawn on every page (running heads, numbers, marks).

In the print profile the page grows by a border around the trimmed page:
reportlab's ``cropMarks`` draws the marks there, and the TrimBox and BleedBox
it does not set are set here. Content coordinates stay those of the trimmed
page; backgrounds reach into the bleed with negative coordinates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from broadsheet.errors import OptionError
from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats._shared.wording import number_text
from broadsheet.formats.pdf.balance import level_height, rest_of_article, shorten
from broadsheet.formats.pdf.flow import Entry
from broadsheet.formats.pdf.options import WriteOptions, parse_length, parse_margins, parse_page_size
from broadsheet.formats.pdf.page_canvas import PageCanvas
from broadsheet.formats.pdf.paragraphs import Paragraph
from broadsheet.formats.pdf.shaping import is_rtl_paragraph
from broadsheet.formats.pdf.styles import Styles
from broadsheet.formats.pdf.toc import Contents

MARK_LENGTH = 18.0
"""Length of a crop mark, in points."""

MIN_COLUMN_EMS = 8
"""A column must be at least this many times the text size wide."""

MARK_OFFSET = 6.0
"""Gap between the bleed edge and the start of a crop mark."""


@attrs.frozen(kw_only=True)
class Geometry:
    """Where things go on a page, in points, measured on the trimmed page."""

    width: float
    """Trimmed page width."""
    height: float
    """Trimmed page height."""
    top: float
    """Top margin."""
    right: float
    """Right margin."""
    bottom: float
    """Bottom margin."""
    left: float
    """Left margin."""
    columns: int
    """Number of text columns."""
    gutter: float
    """Space between columns."""
    bleed: float
    """Bleed beyond the trim (0 on screen)."""
    border: float
    """The band added around the trimmed page for bleed and marks (0 on screen)."""
    marks: bool
    """Whether crop marks are drawn."""

    @classmethod
    def of(cls, options: WriteOptions) -> Geometry:
        """The geometry the options describe."""
        width, height = parse_page_size(options.page_size)
        if options.landscape:
            width, height = max(width, height), min(width, height)
        top, right, bottom, left = parse_margins(options.margins)
        if left + right > width * 0.6 or top + bottom > height * 0.6:
            raise OptionError(
                f"margins {options.margins!r} leave too little of a {options.page_size} page for text"
            )
        printing = options.profile == "print"
        bleed = parse_length(options.bleed, what="bleed") if printing else 0.0
        marks = printing and options.crop_marks
        border = bleed + MARK_OFFSET + MARK_LENGTH if marks else bleed
        gutter = options.font_size * 1.6
        column = (width - left - right - gutter * (options.columns - 1)) / options.columns
        if column < options.font_size * MIN_COLUMN_EMS:
            raise OptionError(
                f"{options.columns} column(s) on a {options.page_size} page with margins {options.margins!r} "
                f"are {column / 72 * 25.4:.0f} mm wide, too narrow for {options.font_size:g}pt text "
                f"(at least {MIN_COLUMN_EMS} ems); use fewer columns, a smaller font_size or a larger page"
            )
        return cls(
            width=width,
            height=height,
            top=top,
            right=right,
            bottom=bottom,
            left=left,
            columns=options.columns,
            gutter=gutter,
            bleed=bleed,
            border=border,
            marks=marks,
        )

    @property
    def text_width(self) -> float:
        """Width of the text area."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        """Height of the text area."""
        return self.height - self.top - self.bottom

    @property
    def column_width(self) -> float:
        """Width of one column."""
        return (self.text_width - self.gutter * (self.columns - 1)) / self.columns

    def frames(
        self, prefix: str, *, head: float = 0.0, columns: int | None = None, rtl: bool = False
    ) -> list[Frame]:
        """Frames for a page: a full-width head ``head`` points tall, then the columns below it.

        The columns are listed in reading order: left to right, or right to left when ``rtl``
        (an Arabic or Hebrew reader starts at the right-hand column). Their ids (``-c0``, ``-c1``,
        …) follow that order, which is the order text flows into them.
        """
        count = columns or self.columns
        width = (self.text_width - self.gutter * (count - 1)) / count
        out: list[Frame] = []
        if head:
            out.append(
                _frame(f"{prefix}-head", self.left, self.height - self.top - head, self.text_width, head)
            )
        height = self.text_height - head
        for index in range(count):
            place = count - 1 - index if rtl else index
            x = self.left + place * (width + self.gutter)
            out.append(_frame(f"{prefix}-c{index}", x, self.bottom, width, height))
        return out

    def boxes(self) -> dict[str, tuple[float, float, float, float]]:
        """TrimBox and BleedBox in the grown page's coordinates (empty on screen)."""
        if not self.border:
            return {}
        b = self.border
        trim = (b, b, b + self.width, b + self.height)
        bleed = (b - self.bleed, b - self.bleed, b + self.width + self.bleed, b + self.height + self.bleed)
        return {"trimBox": trim, "bleedBox": bleed}


def reads_right_to_left(language: str | None, title: str) -> bool:
    """Whether a document's columns are read right to left: by its language, else by the first
    strong letter of its title (an Arabic article that names no language)."""
    return is_rtl(language) if language else is_rtl_paragraph(title)


def _frame(name: str, x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class Later(ActionFlowable):  # type: ignore[misc]
    """Flowables built only when the layout reaches them (:meth:`PdfDocument.filterFlowables`)."""

    def flowables(self) -> list[Flowable]:
        """The flowables that take this one's place."""
        raise NotImplementedError


class CropMarks:
    """The parameters reportlab's ``cropMarks`` reads: a border with marks and no scaling."""

    def __init__(self, geometry: Geometry, color: Any) -> None:
        """Marks of MARK_LENGTH in ``color``, outside the bleed."""
        self.borderWidth = geometry.border
        self.markLength = MARK_LENGTH if geometry.marks else 0
        self.markWidth = 0.25
        self.markColor = color
        self.markLast = 1 if geometry.marks else 0  # reportlab fails with markLast and no marks
        self.bleedWidth = 0  # reportlab would scale the page into the bleed; we draw there ourselves


class PdfDocument(BaseDocTemplate):  # type: ignore[misc]
    """The document template: records outline and contents entries and decorates each page."""

    def __init__(
        self,
        target: Any,
        *,
        geometry: Geometry,
        styles: Styles,
        options: WriteOptions,
        running_left: str,
        running_markup: Callable[[str], str],
        **kwargs: Any,
    ) -> None:
        """``running_left`` is printed at the top left of pages; ``running_markup`` turns text into markup."""
        self.geometry = geometry
        self.styles = styles
        self.options = options
        self.running_left = running_left
        self.running_markup = running_markup
        self.running_title = ""
        self.running_rtl: bool | None = None
        """The direction of the running title's language (None: unknown)."""
        self.article_page = 0
        self.leading = styles.body.leading
        self.levelled: dict[int, float] = {}
        """Pages whose columns (all but the last) were shortened to this height to end level."""
        self.entry_pages: dict[str, int] = {}
        """The page of each contents entry, by its key (for the contents' deferred page numbers)."""
        self.contents: Contents | None = None
        self._queue: list[Flowable] = []
        self._shortened: list[tuple[Frame, tuple[float, float]]] = []
        extra: dict[str, Any] = dict(geometry.boxes())
        if geometry.border:
            extra["cropMarks"] = CropMarks(geometry, styles.palette.marks)
        if styles.palette.cmyk:
            extra["enforceColorSpace"] = "cmyk"
        super().__init__(
            target,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left,
            rightMargin=geometry.right,
            topMargin=geometry.top,
            bottomMargin=geometry.bottom,
            invariant=1,
            initialFontName=styles.fonts.text.regular,
            initialFontSize=styles.size,
            **extra,
            **kwargs,
        )

    def template(
        self, name: str, frames: list[Frame], *, decorate: bool = True, cover: bool = False, rtl: bool = False
    ) -> None:
        """Add a page template; ``decorate`` adds running heads and numbers, ``cover`` the cover's band;
        ``rtl``: its pages are read right to left, and their running heads and numbers mirrored."""
        on_end = self._decorate if decorate else (self._cover if cover else _nothing)
        template = PageTemplate(id=name, frames=frames, onPageEnd=on_end)
        template._bs_rtl = rtl
        self.addPageTemplates([template])

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        """Lay ``flowables`` out; the list is kept to look ahead at the rest of an article."""
        self._queue = flowables  # reportlab consumes this very list as it places flowables
        kwargs.setdefault("canvasmaker", PageCanvas)
        super().build(flowables, *args, **kwargs)

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        """Build the articles the layout has reached (also one a keep-with-next run at the front reaches)."""
        index = 0
        while index < len(flowables):
            flowable = flowables[index]
            if isinstance(flowable, Later):
                flowables[index : index + 1] = flowable.flowables()
                continue
            if not flowable.getKeepWithNext():
                return
            index += 1

    def handle_pageBegin(self) -> None:
        """Begin a page, first giving the columns shortened on the page before their height back."""
        for frame, (y1, height) in self._shortened:
            frame._y1, frame._height = y1, height
            frame._geom()
        self._shortened = []
        super().handle_pageBegin()

    def handle_frameBegin(self, resume: int = 0, pageTopFlowables: Any = None) -> None:
        """Begin a frame; at the first column of an article's last page, level the columns."""
        super().handle_frameBegin(resume, pageTopFlowables)
        frame = self.frame
        if not frame.id.endswith("-c0"):
            return
        columns = [f for f in self.pageTemplate.frames if "-c" in f.id]
        if len(columns) < 2:
            return
        rest = rest_of_article(self._queue)
        if rest is None:
            return
        height = level_height(self.canv, rest, frame._aW, frame._height, len(columns), self.leading)
        if height is None:
            return
        self.levelled[self.page] = height
        for column in columns[:-1]:  # the last keeps its height: a wrong guess cannot add a page
            self._shortened.append((column, shorten(column, height)))

    def afterFlowable(self, flowable: Flowable) -> None:
        """Outline, contents and running-head bookkeeping for flowables that carry an :class:`Entry`."""
        entry: Entry | None = getattr(flowable, "_bs_entry", None)
        if entry is None:
            return
        if entry.outline:
            self.canv.addOutlineEntry(entry.title, entry.key, level=entry.level, closed=entry.level > 0)
        if entry.toc:
            from xml.sax.saxutils import escape

            self.notify("TOCEntry", (entry.level, escape(entry.title), self.page, entry.key))
            self.entry_pages[entry.key] = self.page
        if entry.running is not None:
            self.running_title = entry.running
            self.running_rtl = entry.running_rtl
            self.article_page = self.page

    def _endBuild(self) -> None:
        """End the last page, then draw the contents' page numbers, known only now, before saving."""
        self._doSave = 0
        super()._endBuild()
        if self.contents is not None:
            self.contents.draw_numbers(self.canv, self.entry_pages)
        self.canv.save()

    def _decorate(self, canvas: Any, doc: Any) -> None:
        g, s = self.geometry, self.styles
        # A right-to-left page (its article's, or its edition's when articles run on) is mirrored:
        # the publication at the top right, the article's title at the top left, the number at
        # the bottom left, where a reader of Arabic or Hebrew looks first and last.
        rtl = bool(getattr(self.pageTemplate, "_bs_rtl", False))
        outer, inner = (TA_RIGHT, TA_LEFT) if rtl else (TA_LEFT, TA_RIGHT)
        canvas.saveState()
        if self.options.running_heads and self.page != self.article_page:
            y = g.height - g.top + s.size * 1.0
            half = g.text_width / 2 - s.size
            far = g.left + g.text_width - half
            self._line(canvas, self.running_left, far if rtl else g.left, y, half, outer, s)
            if self.running_title and self.running_title != self.running_left:
                styles = s.directed(self.running_rtl)
                self._line(canvas, self.running_title, g.left if rtl else far, y, half, inner, styles)
            canvas.setStrokeColor(s.palette.rule)
            canvas.setLineWidth(0.4)
            canvas.line(g.left, y - s.size * 0.45, g.left + g.text_width, y - s.size * 0.45)
        if self.options.page_numbers:
            y = g.bottom - s.size * 2.4
            number = number_text(self.page, getattr(self, "lang", None))  # the document's language's digits
            self._line(canvas, number, g.left, y, g.text_width, inner, s)
        canvas.restoreState()

    def _cover(self, canvas: Any, doc: Any) -> None:
        g, s = self.geometry, self.styles
        canvas.saveState()
        canvas.setFillColor(s.palette.accent)
        # The band runs into the bleed so that trimming never leaves a white edge.
        canvas.rect(
            -g.bleed, g.height - g.top * 0.45, g.width + 2 * g.bleed, g.top * 0.45 + g.bleed, stroke=0, fill=1
        )
        canvas.restoreState()

    def _line(
        self, canvas: Any, text: str, x: float, y: float, width: float, align: int, styles: Styles
    ) -> None:
        style: ParagraphStyle = ParagraphStyle("line", parent=styles.running, alignment=align)
        style.__dict__["_bs_keep_alignment"] = True  # a right-to-left title at the left stays there
        font, size = style.fontName, style.fontSize
        if stringWidth(text, font, size) > width:
            while text and stringWidth(text + "…", font, size) > width:
                text = text[: max(0, len(text) - max(1, len(text) // 8))]
            text = text.rstrip() + "…"
        paragraph = Paragraph(self.running_markup(text), style)
        paragraph.wrapOn(canvas, width, size * 2)
        paragraph.drawOn(canvas, x, y)


def _nothing(canvas: Any, doc: Any) -> None:
    """Draw nothing (pages without decoration)."""
