"""The link policy every writer applies: which link targets an output may carry.

The model already refuses script URLs, however they are disguised
(:func:`broadsheet.model.values.url_scheme`). Writers go further and keep
only web, mail and phone links and relative references: ``file:`` would become a
local link, ``pdf:`` a PDF ``/GoToR`` action, anything else a surprise for
whoever opens the output. A link that fails keeps its words.
"""

from __future__ import annotations

from broadsheet.model.values import url_scheme

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The schemes a written link may have; a link without a scheme (relative, ``#fragment``) is kept too."""


def safe_href(url: str | None) -> str | None:
    """``url`` if a writer may make it a link, else ``None``."""
    if not url or not url.strip():
        return None
    url = url.strip()
    scheme = url_scheme(url)
    if scheme is None:
        # "//host/x" is a web link; "\\host" would be a Windows share in some readers.
        return None if url.startswith("\\") else url
    return url if scheme in ALLOWED_SCHEMES else None
