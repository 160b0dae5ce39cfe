"""Paragraphs that shape and order every script, and justify without rivers.

:class:`Paragraph` is reportlab's paragraph with two additions, both only
for text that needs them (they cost time on every word): HarfBuzz shaping
for scripts whose letters change form (switched on per paragraph by a
style variant), and right-to-left order: after reportlab has broken the
lines in logical order, each line's words are drawn in the order of the
Unicode bidi algorithm, and a paragraph that starts right to left is set
flush right, or justified with its last line flush right. Lines of Thai and
the other scripts that set no spaces end between words (see word_breaks).
Every paragraph of the writer is one of these.

reportlab justifies by spreading a line's leftover width over its spaces,
however wide that makes them. After wrapping, :class:`SetParagraph` measures
the widest word space of every justified line; when one is too wide, or the
column is too narrow to justify well, the paragraph is set ragged right.
"""

from __future__ import annotations

import re
import warnings
import weakref
from ast import literal_eval
from typing import Any
from xml.sax.saxutils import unescape

import reportlab
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph as _ReportlabParagraph
from reportlab.platypus import Table
from reportlab.platypus import paragraph as _reportlab_paragraph
from reportlab.platypus.paragraph import FragLine
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from broadsheet.errors import MissingGlyphsWarning
from broadsheet.formats.pdf import shaping, word_breaks, word_widths
from broadsheet.formats.pdf.page_canvas import PageCanvas
from broadsheet.formats.pdf.styles import text_rtl
from broadsheet.formats.pdf.subset_fonts import SubsetFont

_VARIANTS: weakref.WeakKeyDictionary[ParagraphStyle, dict[tuple[bool, str], ParagraphStyle]] = (
    weakref.WeakKeyDictionary()
)


def script_style(style: ParagraphStyle, text: str, *, order: bool = True) -> ParagraphStyle:
    """``style``, or its variant that shapes and orders ``text`` (plain characters, no tags).

    ``order`` False: shaped only, for text whose words are in drawing order already. The base
    direction comes from the text and the direction of its language, which ``style`` carries
    (see :meth:`~broadsheet.formats.pdf.styles.Styles.directed`).
    """
    shaped, rtl = shaping.needs_shaping(text) and shaping.shaping_available(), shaping.has_rtl(text)
    bidi = ""  # text with no right-to-left letters is ordered where its style sets it so ("2024")
    if (
        order
        and (shaped or not rtl)
        and (rtl or style.__dict__.get("_bs_language_rtl"))
        and shaping.bidi_available()
    ):
        bidi = "rtl" if text_rtl(style, unescape(text)) else "ltr"
    if not shaped and bidi != "rtl":
        return _cjk(style) if shaping.has_cjk(text) else style
    key = (shaped, bidi)
    variants = _VARIANTS.setdefault(style, {})
    found = variants.get(key)
    if found is None:
        alignment = style.alignment
        if bidi == "rtl" and alignment == TA_LEFT and not style.__dict__.get("_bs_keep_alignment"):
            alignment = TA_RIGHT  # flush right, ragged left; justified stays justified (see drawPara)
        found = ParagraphStyle(
            f"{style.name}-{bidi or 'shaped'}", parent=style, shaping=int(shaped), alignment=alignment
        )
        if bidi == "rtl":  # indented on the side a line starts: a quote's indent moves to the right
            found.leftIndent, found.rightIndent = style.rightIndent, style.leftIndent
        found.__dict__.pop("_bs_ragged", None)
        found.__dict__["_bs_bidi"] = bidi
        variants[key] = found
    return found


def _holds_glyphs(frags: list[Any]) -> bool:
    """True when frags (or the words a split paragraph keeps instead) hold shaped text."""
    for frag in frags:
        if isinstance(frag, list):  # a word: [width, (frag, text), ...]
            if any(isinstance(part, tuple) and isinstance(part[1], ShapedStr) for part in frag[1:]):
                return True
        elif isinstance(getattr(frag, "text", None), ShapedStr):
            return True
    return False


def _unshaped(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` without shaping, for text shaped already (kept with the style, like ``ragged``)."""
    found: ParagraphStyle | None = style.__dict__.get("_bs_unshaped")
    if found is None or found.parent is not style:
        found = ParagraphStyle(f"{style.name}-set", parent=style, shaping=0)
        found.__dict__.pop("_bs_ragged", None)
        style.__dict__["_bs_unshaped"] = found
    return found


def _cjk(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` breaking lines between any Chinese or Japanese characters (reportlab's CJK wrap)."""
    variants = _VARIANTS.setdefault(style, {})
    found = variants.get((False, "cjk"))
    if found is None:
        found = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
        found.__dict__.pop("_bs_ragged", None)
        variants[(False, "cjk")] = found
    return found


def _visual_line(line: Any, rtl: bool) -> Any:
    """A copy of a broken line with its words in drawing order (the line's width is unchanged)."""
    if isinstance(line, tuple):  # a line of one font: (extra space, [words])
        words = list(line[1])
        order = shaping.interleaved_order(*shaping.levels_with_gaps(words, rtl))
        return (line[0], [words[i] for i in order])
    if not isinstance(line, FragLine):
        return line
    items: list[Any] = []
    for frag in line.words:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            items.append(frag)
            continue
        start = 0
        for match in _SPACES.finditer(text):
            if match.start() > start:
                items.append(frag.clone(text=text[start : match.start()]))
            items.append(frag.clone(text=text[match.start() : match.end()]))
            start = match.end()
        if start < len(text):
            items.append(frag.clone(text=text[start:]) if start else frag)
    words = [i for i, item in enumerate(items) if _is_word(item)]
    if not words:
        return line
    token_levels, gaps = shaping.levels_with_gaps([str(items[i].text) for i in words], rtl)
    levels = [int(rtl)] * len(items)
    for index, level in zip(words, token_levels, strict=True):
        levels[index] = level
    # A space or a mark between two words takes the level the bidi algorithm gave that gap
    # (not simply its neighbours': two numbers with an Arabic comma between are not one run).
    word_set = set(words)
    before = int(rtl)
    seen = 0
    pending: list[int] = []
    for index in range(len(items)):
        if index in word_set:
            for waiting in pending:
                levels[waiting] = gaps[seen - 1] if seen else min(before, levels[index])
            pending = []
            before = levels[index]
            seen += 1
        else:
            pending.append(index)
    for waiting in pending:
        levels[waiting] = min(before, int(rtl))
    order = shaping.visual_order(levels)
    copy = FragLine(**line.__dict__)
    copy.words = [items[i] for i in order]
    return copy


_SPACES = re.compile(r"\s+")


def _is_word(frag: Any) -> bool:
    text = getattr(frag, "text", None)
    return bool(text) and not hasattr(frag, "cbDefn") and not str(text).isspace()


_ANCHOR = re.compile(r'<a name="([^"<>]*)"\s*/>')


def _strip_anchors(markup: str) -> tuple[str, list[str]]:
    """``markup`` without its ``<a name>`` anchors, and their names.

    reportlab's shaping of a word that holds an anchor (or any callback tag)
    builds a broken word (an IndexError in breakLines; reportlab 5.1), so a
    shaped paragraph sets its anchors itself, at its top.
    """
    if "<a name=" not in markup:
        return markup, []
    return _ANCHOR.sub("", markup), _ANCHOR.findall(markup)


_STYLE_TAG = re.compile(r'<(/?)(b|i|strong|em)>|<font face="([^"]+)">')


def weighted_faces(markup: str, font_name: str) -> str:
    """``markup`` with each ``<font face>`` of a fallback family in the weight and slant around it.

    reportlab takes a face literally: a fallback run in a bold headline or
    inside ``<b>`` would be drawn regular.
    """
    if '<font face="' not in markup:
        return markup
    _, bold, italic = ps2tt(font_name)
    depth = {"b": bold, "i": italic}

    def face(match: re.Match[str]) -> str:
        closing, tag, name = match.group(1), match.group(2), match.group(3)
        if tag:
            key = "b" if tag in ("b", "strong") else "i"
            depth[key] += -1 if closing else 1
            return match.group(0)
        try:
            chosen = tt2ps(name, int(depth["b"] > 0), int(depth["i"] > 0))
        except ValueError:
            return match.group(0)
        return f'<font face="{chosen}">'

    return _STYLE_TAG.sub(face, markup)


_SHAPE_WORD_CHECKED = range(4, 6)
"""The reportlab major versions whose ``paragraph.shapeFragWord`` :func:`_shape_word` was checked
against (its arguments and its "a word shaping does not change comes back as it was" contract)."""

_reportlab_shape_word = getattr(_reportlab_paragraph, "shapeFragWord", None)


def _shape_word(word: Any, *args: Any, **kwargs: Any) -> Any:
    """reportlab's shaping of one word, skipped for a word with no letters (see
    :func:`~broadsheet.formats.pdf.shaping.has_letters`); reportlab's own contract
    allows it: a word shaping does not change comes back as it was."""
    text = "".join(str(piece) for frag, piece in word[1:] if not hasattr(frag, "cbDefn"))
    if text and not shaping.has_letters(text):
        return word
    return _reportlab_shape_word(word, *args, **kwargs)  # type: ignore[misc]


def _rebinds_shape_word(version: str) -> bool:
    """Whether reportlab ``version`` is one :func:`_shape_word` may stand in for."""
    try:
        major = int(version.split(".")[0])
    except ValueError:
        return False
    return callable(_reportlab_shape_word) and major in _SHAPE_WORD_CHECKED


# reportlab's paragraph calls the name it imported; rebinding it there is the one place a word's
# shaping can be skipped, and its word measuring kept per font and size (see word_widths): reportlab
# 5.1 has no hook for either. Only on the versions they were checked on: on another, numbers in
# right-to-left text may come out reversed (a test says so) and long paragraphs are slower, nothing
# breaks.
if _rebinds_shape_word(reportlab.Version):
    _reportlab_paragraph.shapeFragWord = _shape_word
    _reportlab_paragraph.stringWidth = word_widths.string_width


class Paragraph(_ReportlabParagraph):  # type: ignore[misc]
    """reportlab's paragraph, shaped and ordered where its text needs it."""

    def __init__(
        self, text: str | None, style: ParagraphStyle, *args: Any, order: bool = True, **kwargs: Any
    ) -> None:
        """As reportlab's; ``style`` is swapped for its shaping variant when ``text`` needs one.

        ``order`` False leaves the words in the order given (already in drawing order).
        """
        anchors: list[str] = []
        if text is not None:
            text = weighted_faces(text, style.fontName)
        if text is not None and (
            shaping.needs_shaping(text) or shaping.has_cjk(text) or style.__dict__.get("_bs_language_rtl")
        ):
            shaped = script_style(style, shaping.markup_text(text), order=order)
            if shaped is not style and shaped.shaping:
                text, anchors = _strip_anchors(text)
            style = shaped
        super().__init__(text, style, *args, **kwargs)
        self._bs_anchors = anchors
        frags = getattr(self, "frags", None) if text is None else None
        self._bs_breaks = (
            word_breaks.needs_breaks(text)
            if text is not None
            else bool(frags and word_breaks.frags_need_breaks(frags))
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap as reportlab does, unless the lines are known already (a long paragraph's part, set at this width)."""
        kept = self.__dict__.get("_bs_lines")
        if kept is not None and kept[0] == availWidth:
            self.width, self.blPara, self.height, self._wrapWidths = kept
            return (availWidth, self.height)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split as reportlab does; the anchors go with the first part."""
        if self.__dict__.pop("_bs_lines", None) is not None:
            del self.blPara  # kept lines index the text they were broken from: break this part's own
        parts: list[Any] = super().split(availWidth, availHeight)
        style = getattr(self, "style")  # noqa: B009
        if style.shaping:
            # The parts hold the glyphs HarfBuzz made, which must not be shaped again (reportlab
            # would hand them to HarfBuzz as text and fail): they are set as they are.
            for part in parts:
                if part is not self:
                    part.style = _unshaped(part.style)
        for part in parts:
            part._bs_breaks = self._bs_breaks
        if parts and self._bs_anchors:
            for part in parts:
                part._bs_anchors = []
            parts[0]._bs_anchors = self._bs_anchors
        return parts

    def breakLines(self, width: Any) -> Any:
        """Break as reportlab does, and also between the words of Thai and the other scripts that
        set no spaces (see :mod:`~broadsheet.formats.pdf.word_breaks`)."""
        breaks = getattr(self, "_bs_breaks", False)
        if breaks:
            self.frags = word_breaks.with_breaks(getattr(self, "frags"), width)  # noqa: B009
        para = self._break_lines(width)
        if breaks:
            word_breaks.count_spaces(para)
        return para

    def _break_lines(self, width: Any) -> Any:
        """Break as reportlab does; text that holds HarfBuzz's glyphs already is not shaped again.

        The parts of a split paragraph (reportlab makes them from the broken lines) hold
        glyphs, which reportlab would hand to HarfBuzz as text, and fail.
        """
        style = getattr(self, "style")  # noqa: B009
        if style.shaping and _holds_glyphs(self.frags):
            self.style = _unshaped(style)
        if not self.style.shaping:
            return super().breakLines(width)
        try:
            return super().breakLines(width)
        except (IndexError, TypeError, AttributeError, KeyError) as error:
            # reportlab's shaping fails on some words mixing fonts and tags (5.1); such a
            # paragraph is set unshaped rather than not at all, and says so.
            self.style = _unshaped(style)
            warnings.warn(
                f"PDF: a paragraph could not be shaped ({type(error).__name__} in reportlab) and is "
                f"drawn unshaped: {shaping.markup_text(getattr(self, 'text', '') or '')[:60]!r}",
                MissingGlyphsWarning,
                stacklevel=2,
            )
            return super().breakLines(width)

    def beginText(self, x: float, y: float) -> Any:
        """reportlab's text object, whose text rise HarfBuzz's mark offsets set (see :class:`_Text`)."""
        text = super().beginText(x, y)
        text.__class__ = _Text  # also for the parts of a split paragraph, which draw glyphs unshaped
        return text

    def draw(self) -> None:
        """Draw as reportlab does, and the anchors a shaped paragraph took out of its text."""
        for name in self._bs_anchors:
            self.canv.bookmarkHorizontal(name, 0, self.height)
        super().draw()

    def drawPara(self, debug: int = 0) -> None:
        """Draw as reportlab does, each line's words in bidi order when the text has right-to-left words."""
        bidi = getattr(self, "style").__dict__.get("_bs_bidi")  # noqa: B009
        para = getattr(self, "blPara", None)
        if not bidi or para is None:
            super().drawPara(debug)
            return
        lines = para.lines
        para.lines = [_visual_line(line, bidi == "rtl") for line in lines]
        # reportlab sets a justified line it does not stretch (the last, one before a <br/>) flush
        # left; a right-to-left one ends flush right. Its per-line offsets (there for text
        # flowing round an image, which the writer does not do) place such lines.
        offsets = bidi == "rtl" and self.style.alignment == TA_JUSTIFY and not hasattr(self, "_offsets")
        if offsets:
            # The first part of a split paragraph justifies its last line too.
            end = len(lines) - 1 if not getattr(self, "_JustifyLast", False) else len(lines)
            self._offsets = [_flush_right_offset(para.kind, line, n == end) for n, line in enumerate(lines)]
        try:
            super().drawPara(debug)
        finally:
            para.lines = lines
            if offsets:
                del self._offsets


def _flush_right_offset(kind: int, line: Any, last: bool) -> float:
    """How far right reportlab must start a line of a justified right-to-left paragraph: its
    leftover width when reportlab will not stretch it (the tests of ``_justifyDrawParaLine[X]``)."""
    if kind == 0:
        extra, words = float(line[0]), line[1]
        spaces = len(words) - 1 + sum(str(word).count("\xa0") for word in words)
        stretched = not (-1e-8 < extra <= 1e-8 or last) and spaces > 0
    else:
        extra = float(line.extraSpace)
        texts = [str(w.text) for w in line.words if not hasattr(w, "cbDefn")]
        spaces = line.wordCount - 1 + sum(text.count("\xa0") for text in texts)
        stretched = not (line.lineBreak or -1e-8 < extra <= 1e-8 or last) and spaces > 0
    return 0.0 if stretched or extra < 0 else extra


class _Text(PDFTextObject):  # type: ignore[misc]
    """reportlab's text object with the rise kept right when two rises follow each other, and
    a line in one subset of an embedded font written in one step.

    reportlab 5.1 writes one ``Ts`` for two rises in a row but does not record the second:
    after a mark HarfBuzz moves up or down that follows another (Thai ที่, เชื่อ: a vowel, then
    a tone mark), the letters after it were drawn at the mark's offset, below the line.
    """

    def _formatText(self, text: Any) -> str:
        """The operators reportlab writes for ``text``; for unshaped text all in a font's first
        subset, made by one translation (see :meth:`SubsetFont.escaped`)."""
        canvas = self._canvas
        font = getFont(self._fontname)
        if isinstance(font, SubsetFont) and isinstance(canvas, PageCanvas) and type(text) is str:
            escaped = font.escaped(text, canvas._doc)
            if escaped is not None:
                code = f"({escaped}) Tj"
                if getattr(self, "_curSubset") != 0:  # noqa: B009 (reportlab's attribute is untyped)
                    name = font.getSubsetInternalName(0, canvas._doc)
                    self._curSubset = 0
                    return f"{name} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL {code}"
                return code
        formatted: str = super()._formatText(text)
        return formatted

    def setRise(self, rise: float) -> None:
        """Move the baseline to ``rise``, replacing a ``Ts`` just written rather than adding one."""
        code = f"{fp_str(rise)} Ts"
        if self._code and self._code[-1].endswith(" Ts"):
            self._y += getattr(self, "_rise")  # noqa: B009 (reportlab's attribute is untyped)
            self._code[-1] = code
        else:
            self._code.append(code)
        self._rise = rise
        self._y -= rise


class ScriptContents(TableOfContents):  # type: ignore[misc]
    """reportlab's table of contents, its entries set in the fonts that have their characters.

    reportlab would set each entry in the level's font alone; here ``entry``
    turns an entry's title into markup with fallback fonts, set in a
    :class:`Paragraph` (shaped where needed); the rows themselves are
    :class:`~broadsheet.formats.pdf.toc.Contents`'s.
    """

    def __init__(self, entry: Any, **kwargs: Any) -> None:
        """``entry(title, level)`` gives the markup of a title (plain text)."""
        super().__init__(**kwargs)
        self._bs_entry_markup = entry
        self.numbers_left = False
        """Whether page numbers go at the left of the titles (right-to-left contents)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay the entries out as reportlab does, each title font-aware markup in a :class:`Paragraph`."""
        entries: list[tuple[int, str, int, str | None]] = getattr(self, "_lastEntries")  # noqa: B009
        if not entries:
            entries = [(0, "Placeholder for table of contents", 0, None)]

        def entry_end(canvas: Any, kind: str, label: str) -> None:
            page, level, key = label.split(",", 2)
            style = self.getLevelStyle(int(level))
            dot = " . " if self.dotsMinLevel >= 0 and int(level) >= self.dotsMinLevel else ""
            number: Any = self.formatter(int(page)) if self.formatter else int(page)
            drawPageNumbers(canvas, style, [(number, literal_eval(key))], availWidth, availHeight, dot)

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        # The frame, a keep-together and a split each wrap the contents: their rows are made once.
        cache_key = (availWidth, tuple(entries))
        cached = self.__dict__.get("_bs_rows")
        if cached is None or cached[0] != cache_key:
            cached = (cache_key, self._rows(entries))
            self.__dict__["_bs_rows"] = cached
        self._table = Table(cached[1], colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return (self.width, self.height)

    def _rows(self, entries: list[tuple[int, str, int, str | None]]) -> list[list[Any]]:
        """The table's rows for ``entries``: each title a paragraph in its own direction, made by
        :class:`~broadsheet.formats.pdf.toc.Contents`, the one kind of contents the writer sets."""
        raise NotImplementedError


MAX_EXTRA_SPACE_EM = 0.6
"""A justified line may widen each of its spaces by at most this many ems."""

MIN_JUSTIFY_WIDTH_EM = 13.0
"""Columns narrower than this many ems of the text size are set ragged right."""


def ragged(style: ParagraphStyle) -> ParagraphStyle:
    """The same style set ragged: flush left, or flush right when it orders right to left (made
    once per style and kept on it)."""
    found: ParagraphStyle | None = style.__dict__.get("_bs_ragged")
    if found is None or found.parent is not style:  # a child style copies its parent's cache
        flush = TA_RIGHT if style.__dict__.get("_bs_bidi") == "rtl" else TA_LEFT
        found = ParagraphStyle(f"{style.name}-ragged", parent=style, alignment=flush)
        style.__dict__["_bs_ragged"] = found
    return found


def widest_gap(paragraph: Paragraph) -> float:
    """The largest extra width, in points, added to one space of a justified line (last lines excluded)."""
    para = getattr(paragraph, "blPara", None)
    if para is None:
        return 0.0
    lines: list[Any] = list(para.lines)
    widest = 0.0
    for line in lines[:-1]:
        if para.kind == 0:
            extra, words = line[0], line[1]
            count = len(words)
            forced = False
        else:
            extra, count = line.extraSpace, line.wordCount
            forced = bool(getattr(line, "lineBreak", False))
        if forced or count < 2 or extra <= 0:
            continue
        widest = max(widest, extra / (count - 1))
    return float(widest)


class SetParagraph(Paragraph):
    """A paragraph that is justified only where that leaves no wide gaps."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Wrap as usual; re-wrap ragged right when justification would open wide gaps."""
        style: ParagraphStyle = getattr(self, "style")  # noqa: B009 (reportlab's attribute is untyped)
        size = float(style.fontSize)
        if style.alignment == TA_JUSTIFY and availWidth < MIN_JUSTIFY_WIDTH_EM * size:
            style = ragged(style)
            self.style = style
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        if style.alignment == TA_JUSTIFY and widest_gap(self) > MAX_EXTRA_SPACE_EM * size:
            self.style = ragged(style)
            result = super().wrap(availWidth, availHeight)
        return result


CHUNK_CHARS = 3000
"""Paragraph markup longer than this is cut at its forced line breaks into several flowables."""

_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^>]*?)(/?)>")


def split_markup(markup: str, every: int = CHUNK_CHARS) -> list[str]:
    """Cut paragraph markup at forced line breaks into pieces of about ``every`` characters.

    reportlab re-breaks the whole rest of a paragraph each time it splits it
    across a column or page, so a paragraph of hundreds of pages costs
    quadratic time. Pieces that end where a line ends anyway look the same
    and cost linear time. Tags open at a cut are closed and opened again.
    """
    if len(markup) <= every or "<br/>" not in markup:
        return [markup]
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, opening tag)
    start = 0
    prefix = ""
    for match in _TAG.finditer(markup):
        closing, name, _, empty = match.group(1), match.group(2), match.group(3), match.group(4)
        if name == "br" and match.start() - start >= every:
            closes = "".join(f"</{tag}>" for tag, _ in reversed(stack))
            pieces.append(prefix + markup[start : match.start()] + closes)
            prefix = "".join(opening for _, opening in stack)
            start = match.end()
        elif empty or name == "br":
            continue
        elif closing:
            if stack and stack[-1][0] == name:
                stack.pop()
        else:
            stack.append((name, match.group(0)))
    pieces.append(prefix + markup[start:])
    return pieces


def chunked(markup: str, style: ParagraphStyle) -> list[SetParagraph]:
    """One paragraph, or several pieces of a huge one that set as one (no space between them)."""
    pieces = split_markup(markup)
    if len(pieces) == 1:
        return [SetParagraph(markup, style)]
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    middle = ParagraphStyle(f"{style.name}-middle", parent=style, spaceBefore=0, spaceAfter=0)
    last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    styles = [first] + [middle] * (len(pieces) - 2) + [last]
    return [SetParagraph(piece, piece_style) for piece, piece_style in zip(pieces, styles, strict=True)]
