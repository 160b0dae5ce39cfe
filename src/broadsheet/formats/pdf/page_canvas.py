"""The canvas the writer draws on: each page's content compressed as soon as the page is done.

reportlab keeps every page's content stream as text until the document is
saved, then compresses it and, by default, encodes it again as ASCII85 (a
quarter larger, in pure Python). For an edition of hundreds of pages the
texts of all pages are held at once. Here a finished page's stream is
compressed at once (FlateDecode, as reportlab would, without the ASCII85
layer): the same drawing operators, a smaller PDF, less memory held.

Text drawn in an embedded font reaches the stream as subset codes (bytes)
escaped for a PDF string; reportlab escapes them byte by byte in Python,
here one ``str.translate`` does it (the same escapes).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from broadsheet.formats.pdf.subset_fonts import ESCAPES


class PageCanvas(Canvas):  # type: ignore[misc]
    """reportlab's canvas, each page's content stream compressed when the page is shown."""

    def showPage(self) -> None:
        """Close the page as reportlab does, then replace its content text by the compressed stream."""
        super().showPage()
        pages: list[Any] = self._doc.Pages.pages
        page = pages[-1] if pages else None
        if page is None or page.Contents or not page.stream or not page.compression:
            return
        stream = PDFStream(content=PDFZCompress.encode(page.stream))
        stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
        stream.__Comment__ = "page stream"
        page.Contents = stream
        page.stream = None

    def _escape(self, s: Any) -> str:
        """``s`` escaped for a PDF string, as reportlab's ``escapePDF`` does it, in one C loop for bytes."""
        if isinstance(s, bytes):
            return s.decode("latin-1").translate(ESCAPES)
        escaped: str = super()._escape(s)
        return escaped
