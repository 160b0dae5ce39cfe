"""Words the PDF prints that the shared typography module does not hold: dates and a few labels."""

from __future__ import annotations

import datetime as dt

from broadsheet.formats._shared.typography import primary_language

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

_LABELS: dict[str, dict[str, str]] = {
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


def pdf_label(key: str, language: str | None) -> str:
    """A label only the PDF prints (``image_missing``, ``embed``), in ``language`` or else English."""
    table = _LABELS[key]
    return table.get(primary_language(language), table["en"])
