"""Labels the e-book prints, in the book's language.

The shared table in :mod:`broadsheet.formats._shared.typography` comes first;
this small table adds what only the EPUB writer needs, and Arabic and Hebrew
forms the shared table lacks. English is the fallback.
"""

from __future__ import annotations

from broadsheet.formats._shared import typography

_EXTRA: dict[str, dict[str, str]] = {
    "landmarks": {
        "en": "Landmarks",
        "uk": "Орієнтири",
        "ru": "Ориентиры",
        "de": "Orientierung",
        "fr": "Repères",
        "es": "Puntos de referencia",
        "pl": "Punkty orientacyjne",
        "ar": "معالم الكتاب",
        "he": "ציוני דרך",
    },
    "start": {
        "en": "Start of content",
        "uk": "Початок тексту",
        "ru": "Начало текста",
        "de": "Textanfang",
        "fr": "Début du texte",
        "es": "Comienzo del texto",
        "pl": "Początek tekstu",
        "ar": "بداية النص",
        "he": "תחילת הטקסט",
    },
    "updated": {
        "en": "Updated",
        "uk": "Оновлено",
        "ru": "Обновлено",
        "de": "Aktualisiert",
        "fr": "Mis à jour",
        "es": "Actualizado",
        "pl": "Zaktualizowano",
        "ar": "تحديث",
        "he": "עודכן",
    },
    "contents": {"ar": "المحتويات", "he": "תוכן העניינים"},
    "cover": {"ar": "الغلاف", "he": "כריכה"},
    "read_also": {"ar": "اقرأ أيضا", "he": "קראו גם"},
    "translations": {"ar": "بلغات أخرى", "he": "בשפות אחרות"},
    "source": {"ar": "المصدر", "he": "מקור"},
    "by": {"ar": "بقلم", "he": "מאת"},
}


def label(key: str, language: str | None) -> str:
    """The label ``key`` in ``language``: this module's table, then the shared one, then English."""
    extra = _EXTRA.get(key, {})
    primary = typography.primary_language(language)
    if primary in extra:
        return extra[primary]
    if key in _EXTRA and "en" in extra:
        return extra["en"]
    return typography.label(key, language)
