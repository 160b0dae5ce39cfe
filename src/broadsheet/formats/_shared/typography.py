"""Language-dependent typography that several writers share: quotation marks, direction, plain text.

Quotation marks follow each language's convention (Ukrainian and Russian use
«ялинки» outside and „лапки“ inside; English “…” and ‘…’). Words and dates
in the reader's language are in :mod:`broadsheet.formats._shared.wording`.
"""

from __future__ import annotations

from broadsheet.model import Inline, InlineQuote, LineBreak, Mention, Text
from broadsheet.model.inlines import Emphasis, Link, Strong

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


def plain_text(children: tuple[Inline, ...], language: str | None = None, depth: int = 0) -> str:
    """The text of inline content as a reader sees it, quotation marks included."""
    parts: list[str] = []
    for node in children:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, (Emphasis, Strong, Link, Mention)):
            parts.append(plain_text(node.children, language, depth))
        elif isinstance(node, InlineQuote):
            opening, closing = quote_marks(node.quote.language or language, depth)
            parts.append(f"{opening}{node.quote.text}{closing}")
        elif isinstance(node, LineBreak):
            parts.append("\n")
    return "".join(parts)
