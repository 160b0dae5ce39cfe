"""Word widths measured once per font and size, for reportlab's line breaking.

reportlab's paragraph measures every word it breaks into lines by adding up
the widths of its characters in Python, again for each paragraph and again
for each window of a long paragraph (see long_paragraphs). Words repeat: a
width kept per font object and size is looked up instead. The value kept is
the one reportlab's own ``stringWidth`` returned, so lines break exactly as
before. paragraphs puts :func:`string_width` in reportlab's paragraph module. The cache belongs to the font object, so two fonts, or a name
registered again with another file, never share widths.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics

MAX_WORDS = 20_000
"""A font's widths are forgotten (all at once) when it holds more than this many words and sizes (about 2 MB)."""

_measure = pdfmetrics.stringWidth

_CACHES: dict[str, tuple[Any, dict[tuple[str, float], float]]] = {}
"""Per font name: the font object the widths were measured with, and (word, size) -> width."""


def string_width(text: Any, fontName: str, fontSize: float, encoding: str = "utf8") -> float:
    """``pdfmetrics.stringWidth``, remembered per font object, size and word (reportlab's signature)."""
    if not isinstance(text, str):  # bytes: decoded by the encoding given, not worth keeping
        return float(_measure(text, fontName, fontSize, encoding))
    font = pdfmetrics.getFont(fontName)
    entry = _CACHES.get(fontName)
    if entry is None or entry[0] is not font:
        entry = (font, {})
        _CACHES[fontName] = entry
    widths = entry[1]
    key = (text, fontSize)
    width = widths.get(key)
    if width is None:
        if len(widths) >= MAX_WORDS:
            widths.clear()
        width = _measure(text, fontName, fontSize, encoding)
        widths[str(text), fontSize] = width  # a plain copy: reportlab's word objects carry more
    return width


def clear() -> None:
    """Forget every width (for tests)."""
    _CACHES.clear()
