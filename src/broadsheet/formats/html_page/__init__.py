"""The HTML writer: an article as a standalone, accessible web page; an edition as a static site.

:func:`write` gives one page (:mod:`.page`): semantic HTML5, one small inline
stylesheet, schema.org ``NewsArticle`` JSON-LD, OpenGraph and ``hreflang``
links. :func:`write_site` writes an edition as a folder (:mod:`.site`): an
index by section, a page per article and an Atom feed. This package imports
nothing of the HTML reader, and the reader nothing of it.
"""

from __future__ import annotations

import os

from broadsheet.errors import OptionError
from broadsheet.formats.html_page.options import WriteOptions
from broadsheet.formats.html_page.page import render_page
from broadsheet.model import Article, Edition

__all__ = ["WriteOptions", "write", "write_site"]


def write(document: Article | Edition, options: WriteOptions | None = None) -> bytes:
    """The page of an article, as UTF-8 bytes. An edition is a site: see :func:`write_site`."""
    options = options or WriteOptions()
    if isinstance(document, Edition):
        raise OptionError(
            "an edition as HTML is a static site of several files: write it to a folder "
            "(an output path ending in '/', or broadsheet.formats.html_page.write_site)"
        )
    return render_page(document, stylesheet=options.stylesheet)


def write_site(
    edition: Edition | Article, folder: str | os.PathLike[str], options: WriteOptions | None = None
) -> None:
    """Write ``edition`` as a static site in ``folder``, atomically (see :mod:`.site`)."""
    from broadsheet.formats.html_page.site import write_site as _write_site

    _write_site(edition, folder, options or WriteOptions())
