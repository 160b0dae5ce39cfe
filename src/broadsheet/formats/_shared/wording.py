"""Words and dates that writers print, in the reader's language.

Labels ("Read also", "Contents") and dates ("21 січня 2022, 19:30") are given
in the document's language, falling back to English. The process locale and
time zone are never consulted: a datetime is printed in its own offset, so
the same document gives the same words on every machine.
"""

from __future__ import annotations

import datetime as dt

from broadsheet.formats._shared.typography import primary_language

_LABELS: dict[str, dict[str, str]] = {
    "read_also": {
        "en": "Read also",
        "uk": "Читайте також",
        "ru": "Читайте также",
        "de": "Lesen Sie auch",
        "fr": "À lire aussi",
        "es": "Lea también",
        "pl": "Przeczytaj też",
        "ar": "اقرأ أيضا",
        "he": "קראו גם",
    },
    "translations": {
        "en": "Also in",
        "uk": "Іншими мовами",
        "ru": "На других языках",
        "de": "Auch auf",
        "fr": "Aussi en",
        "es": "También en",
        "pl": "Także w",
        "ar": "بلغات أخرى",
        "he": "בשפות אחרות",
    },
    "contents": {
        "en": "Contents",
        "uk": "Зміст",
        "ru": "Содержание",
        "de": "Inhalt",
        "fr": "Sommaire",
        "es": "Índice",
        "pl": "Spis treści",
        "ar": "المحتويات",
        "he": "תוכן העניינים",
    },
    "by": {
        "en": "By",
        "uk": "Автор:",
        "ru": "Автор:",
        "de": "Von",
        "fr": "Par",
        "es": "Por",
        "pl": "Autor:",
        "ar": "بقلم",
        "he": "מאת",
    },
    "source": {
        "en": "Source",
        "uk": "Джерело",
        "ru": "Источник",
        "de": "Quelle",
        "fr": "Source",
        "es": "Fuente",
        "pl": "Źródło",
        "ar": "المصدر",
        "he": "מקור",
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
        "ar": "الغلاف",
        "he": "כריכה",
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
    "image_missing": {
        "en": "Image not available",
        "uk": "Зображення недоступне",
        "ru": "Изображение недоступно",
        "de": "Bild nicht verfügbar",
        "fr": "Image indisponible",
        "es": "Imagen no disponible",
        "pl": "Obraz niedostępny",
        "el": "Η εικόνα δεν είναι διαθέσιμη",
    },
    "embed": {
        "en": "Embedded content",
        "uk": "Вбудований вміст",
        "ru": "Встроенное содержимое",
        "de": "Eingebetteter Inhalt",
        "fr": "Contenu intégré",
        "es": "Contenido insertado",
        "pl": "Treść osadzona",
        "el": "Ενσωματωμένο περιεχόμενο",
    },
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
    "all_articles": {
        "en": "All articles",
        "uk": "Усі статті",
        "ru": "Все статьи",
        "de": "Alle Artikel",
        "fr": "Tous les articles",
        "es": "Todos los artículos",
        "pl": "Wszystkie artykuły",
    },
    "tags": {
        "en": "Tags",
        "uk": "Теги",
        "ru": "Теги",
        "de": "Schlagwörter",
        "fr": "Mots-clés",
        "es": "Etiquetas",
        "pl": "Tagi",
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


_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "uk": (
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "pl": (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ),
    "el": (
        "Ιανουαρίου",
        "Φεβρουαρίου",
        "Μαρτίου",
        "Απριλίου",
        "Μαΐου",
        "Ιουνίου",
        "Ιουλίου",
        "Αυγούστου",
        "Σεπτεμβρίου",
        "Οκτωβρίου",
        "Νοεμβρίου",
        "Δεκεμβρίου",
    ),
}


def date_text(value: dt.date, language: str | None, *, with_time: bool = True) -> str:
    """A date as a reader of ``language`` writes it: ``21 січня 2022, 14:05`` or ``January 21, 2022, 14:05``."""
    lang = primary_language(language)
    months = _MONTHS.get(lang, _MONTHS["en"])
    month = months[value.month - 1]
    day = f"{month} {value.day}, {value.year}" if lang == "en" else f"{value.day} {month} {value.year}"
    if with_time and isinstance(value, dt.datetime):
        return f"{day}, {value:%H:%M}"
    return day


def machine_datetime(moment: dt.datetime) -> str:
    """A datetime for machines (``<time datetime>``): ISO 8601 to the second, with its offset."""
    return moment.replace(microsecond=0).isoformat()
