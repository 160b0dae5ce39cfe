"""The package metadata that must be derived, never random or read from the clock.

The identifier is a UUID5 of the canonical URL (or of the content), the
modification date comes from ``SOURCE_DATE_EPOCH`` or from the newest date in
the content, and the accessibility metadata says what is true of this book.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections import Counter
from collections.abc import Iterable

from broadsheet.errors import WriteError
from broadsheet.formats._shared.wording import document_language
from broadsheet.model import Article, Edition

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/broadsheet/#epub")
_FALLBACK_MODIFIED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def identifier(document: Article | Edition) -> str:
    """``urn:uuid:`` of a UUID5 of the canonical URL or id, else of the content itself."""
    if isinstance(document, Article):
        if document.url:
            return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, document.url)}"
        if document.id:
            return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'article:' + document.id)}"
    elif document.id:
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'edition:' + document.id)}"
    # attrs reprs list every field in a fixed order, with no sets: stable across runs.
    digest = hashlib.sha256(repr(document).encode("utf-8", "surrogatepass")).hexdigest()
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'content:' + digest)}"


def modified(document: Article | Edition) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set, else the newest date of the content, in UTC, to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError) as error:
            raise WriteError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from error
    moments: list[dt.datetime] = []
    for article in articles_of(document):
        moments.extend(m for m in (article.published, article.modified) if m is not None)
    if isinstance(document, Edition) and document.date is not None:
        moments.append(dt.datetime.combine(document.date, dt.time(), tzinfo=dt.UTC))
    if not moments:
        return _FALLBACK_MODIFIED
    return max(_utc(m) for m in moments).replace(microsecond=0)


def _utc(moment: dt.datetime) -> dt.datetime:
    # 9999-12-31 23:00 at UTC-23 is past the last datetime Python has: clamp, don't crash.
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:
        edge = dt.datetime.max if moment.year > 1 else dt.datetime.min
        return edge.replace(tzinfo=dt.UTC)


def articles_of(document: Article | Edition) -> tuple[Article, ...]:
    """The articles of a one-article book or an edition."""
    return (document,) if isinstance(document, Article) else document.articles


def languages(document: Article | Edition, override: str | None) -> tuple[str, ...]:
    """The book's languages: the chosen or main one first, then the others by frequency."""
    counts = Counter(a.language for a in articles_of(document) if a.language)
    ranked = [language for language, _ in counts.most_common()]
    # The language its words are printed in (wording.document_language): "und" on a tie.
    main = override or document_language(document) or "und"
    return (main, *(language for language in ranked if language != main))


def publication_date(document: Article | Edition) -> str | None:
    """``dc:date``: the edition's day or the article's first publication, in UTC."""
    if isinstance(document, Edition):
        if document.date is not None:
            return document.date.isoformat()
        dates = [a.published for a in document.articles if a.published]
        moment = min(dates, key=_utc) if dates else None
    else:
        moment = document.published
    if moment is None:
        return None
    return _utc(moment).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def accessibility(*, images: int, images_without_alt: int) -> tuple[tuple[str, str], ...]:
    """EPUB Accessibility 1.1 metadata that is true of a book with these contents.

    Conformance to WCAG 2.1 AA is claimed only when every image has a text
    alternative; the structure, reading order and navigation come from the writer.
    """
    described = images - images_without_alt
    modes = ["textual"] + (["visual"] if images else [])
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if described:
        features.append("alternativeText")
    summary = (
        "Text with headings, a table of contents and a logical reading order; no flashing, sound or motion."
    )
    if images and not images_without_alt:
        summary += " Every image has a text alternative."
    elif images:
        summary += f" {images_without_alt} of {images} images have no text alternative."
    out: list[tuple[str, str]] = [("schema:accessMode", mode) for mode in modes]
    sufficient: Iterable[str] = ["textual"] if not images_without_alt else []
    out.extend(("schema:accessModeSufficient", mode) for mode in sufficient)
    if images:
        out.append(("schema:accessModeSufficient", "textual,visual"))
    out.extend(("schema:accessibilityFeature", feature) for feature in features)
    out.append(("schema:accessibilityHazard", "none"))
    out.append(("schema:accessibilitySummary", summary))
    if not images_without_alt:
        out.append(("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
    return tuple(out)
