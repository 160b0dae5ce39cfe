"""Language-dependent typography and labels that several writers print.

Quotation marks follow each language's convention (Ukrainian and Russian use
«ялинки» outside and „лапки“ inside; English “…” and ‘…’); labels such as
"Read also" are given in the article's language, falling back to English.
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


_LABELS: dict[str, dict[str, str]] = {
    "read_also": {
        "en": "Read also",
        "uk": "Читайте також",
        "ru": "Читайте также",
        "de": "Lesen Sie auch",
        "fr": "À lire aussi",
        "es": "Lea también",
        "pl": "Przeczytaj też",
    },
    "translations": {
        "en": "Also in",
        "uk": "Іншими мовами",
        "ru": "На других языках",
        "de": "Auch auf",
        "fr": "Aussi en",
        "es": "También en",
        "pl": "Także w",
    },
    "contents": {
        "en": "Contents",
        "uk": "Зміст",
        "ru": "Содержание",
        "de": "Inhalt",
        "fr": "Sommaire",
        "es": "Índice",
        "pl": "Spis treści",
    },
    "by": {"en": "By", "uk": "Автор:", "ru": "Автор:", "de": "Von", "fr": "Par", "es": "Por", "pl": "Autor:"},
    "source": {
        "en": "Source",
        "uk": "Джерело",
        "ru": "Источник",
        "de": "Quelle",
        "fr": "Source",
        "es": "Fuente",
        "pl": "Źródło",
    },
    "published": {
        "en": "Published",
        "uk": "Опубліковано",
        "ru": "Опубликовано",
        "de": "Veröffentlicht",
        "fr": "Publié",
        "es": "Publicado",
        "pl": "Opublikowano",
    },
    "cover": {
        "en": "Cover",
        "uk": "Обкладинка",
        "ru": "Обложка",
        "de": "Titelseite",
        "fr": "Couverture",
        "es": "Portada",
        "pl": "Okładka",
    },
    "page": {
        "en": "Page",
        "uk": "Сторінка",
        "ru": "Страница",
        "de": "Seite",
        "fr": "Page",
        "es": "Página",
        "pl": "Strona",
    },
}

LANGUAGE_NAMES: dict[str, str] = {
    "uk": "Українською",
    "ru": "На русском",
    "en": "In English",
    "de": "Auf Deutsch",
    "fr": "En français",
    "es": "En español",
    "pl": "Po polsku",
    "be": "Па-беларуску",
    "ar": "بالعربية",
    "he": "בעברית",
}
"""A language's own name for "in <language>", for links to translations."""


def label(key: str, language: str | None) -> str:
    """The label ``key`` (``"read_also"``, ``"contents"``, …) in ``language``, else English."""
    table = _LABELS[key]
    return table.get(primary_language(language), table["en"])


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
