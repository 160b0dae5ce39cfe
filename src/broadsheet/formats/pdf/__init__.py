"""PDF for print and screens, of an article or an edition, typeset with reportlab.

``write(document, WriteOptions(...))`` returns the bytes; see ``docs/formats/pdf.md``.
"""

from broadsheet.errors import MissingGlyphsWarning, PdfWarning
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.formats.pdf.writer import write

__all__ = ["MissingGlyphsWarning", "PdfWarning", "WriteOptions", "write"]
