"""EPUB 3 writer: one article or a whole edition as a valid, accessible, reproducible e-book.

>>> import broadsheet
>>> data = broadsheet.write(article, "epub")                       # doctest: +SKIP
>>> data = broadsheet.write(edition, "epub", fetch_images=True)    # doctest: +SKIP

Layout is planned in :mod:`.book` from the model, pages are rendered to XHTML
by :mod:`.chapter`, :mod:`.masthead` and :mod:`.cover`, and
:mod:`.package` (the only module that imports ebooklib) zips the result.
"""

from __future__ import annotations

from broadsheet.errors import ImageWarning, WriteError
from broadsheet.formats.epub.options import WriteOptions
from broadsheet.model import Article, Edition

__all__ = ["ImageWarning", "WriteOptions", "write"]


def write(document: Article | Edition, options: WriteOptions | None = None) -> bytes:
    """The EPUB 3 bytes of ``document``; the same document and options give the same bytes."""
    from broadsheet.formats.epub.book import plan_book
    from broadsheet.formats.epub.package import package

    if not isinstance(document, (Article, Edition)):
        raise WriteError(f"the epub writer takes an Article or an Edition, not a {type(document).__name__}")
    return package(plan_book(document, options or WriteOptions()))
