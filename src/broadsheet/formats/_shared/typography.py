"""Language-dependent typography that several writers share: quotation marks and direction.

Quotation marks follow each language's convention (Ukrainian and Russian use
«ялинки» outside and „лапки“ inside; English “…” and ‘…’). Words and dates
in the reader's language are in :mod:`broadsheet.formats._shared.wording`;
the plain text of body content in :mod:`broadsheet.formats._shared.plain_text`.
"""

from __future__ import annotations

_QUOTES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "uk": (("«", "»"), ("„", "“")),
    "ru": (("«", "»"), ("„", "“")),
    "be": (("«", "»"), ("„", "“")),
    "fr": (("« ", " »"), ("“", "”")),
    "de": (("„", "“"), ("‚", "‘")),
    "pl": (("„", "”"), ("«", "»")),
    "cs": (("„", "“"), ("‚", "‘")),
    "en": (("“", "”"), ("‘", "’")),
    "es": (("«", "»"), ("“", "”")),
    "it": (("«", "»"), ("“", "”")),
    "he": (("”", "”"), ("’", "’")),
    "ar": (("«", "»"), ("“", "”")),
}


def primary_language(tag: str | None) -> str:
    """The primary subtag of a BCP 47 tag, lower-case; ``"en"`` when unknown."""
    return (tag or "en").split("-", 1)[0].lower()


def quote_marks(language: str | None, depth: int = 0) -> tuple[str, str]:
    """Opening and closing quotation marks for ``language`` at nesting ``depth``."""
    outer, inner = _QUOTES.get(primary_language(language), _QUOTES["en"])
    return outer if depth % 2 == 0 else inner


RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"})


def is_rtl(language: str | None) -> bool:
    """Whether ``language`` is written right to left."""
    return primary_language(language) in RTL_LANGUAGES
