"""What one short line in running text is when it is not the story's: a stray label, a date or
reading-time stamp, a photo credit printed apart from its picture, or a byline.

The block reader drops such lines from the story; these predicates only judge the text.
"""

from __future__ import annotations

import re

from broadsheet.formats.html.content_score import DENSE_SCRIPT
from broadsheet.formats.html.content_tail import looks_like_byline, looks_like_dateline
from broadsheet.lexicon import EVERY, Lexicon

_SENTENCE_MARK = re.compile(r"[.!?…:;»«\"“”„。！？]")
_PHOTO_CREDIT = (
    r"(?i)\s*(?:©|\(c\)|(?:{body.credit_label})\s*:)"
    r"|.{0,120}©\s*[\w .,/&-]{2,60}$"
    r"|[^.!?]{0,100}(?:[|/]|\bvia\b)\s*(?:getty images|reuters|afp|ap photo|epa|dpa|imago|picture[- ]alliance"
    r"|shutterstock|istock|keystone|anadolu|tass|ria novosti|unian|ukrinform)\s*$"
)
_READING_TIME = (
    r"(?i)\s*(?:(?:ca\.|about|approx\.|≈)?\s*\d+\s*(?:{body.minutes})\s*(?:{body.reading_time})"
    r"|(?:\w+\s+)?(?:{body.reading_time})\s*:?\s*(?:ca\.|about|≈)?\s*\d+\s*(?:{body.minutes}))\s*$"
)
"""A reading-time stamp ("5 min read", "3 Minuten Lesezeit", "Lesedauer: 4 Min.", "Время чтения: 2 мин")."""
_STAMP_LABEL = r"(?i)(?:^|[|·•–—]\s*)\s*(?:{body.stamp_label})\b"
_DIGIT_RUN = re.compile(r"\d+")
_PRICE = r"(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:€|\$|£|eur\b|euro\b|chf\b|zł|kr\b|₽|грн))"
_OFFER = (
    r"(?i)\b\d+\s*(?:{body.offer_period})\b.{0,25}?(?:\b(?:{body.offer_free})\b"
    rf"|\b(?:{{body.offer_for}})\s+(?:(?:{{body.offer_only}})\s+)?{_PRICE})"
    r"|\b(?:{body.offer_trial})\b"
)
"""A trial or subscription offer ("4 Wochen für nur 1 € testen", "30 days free", "1 month for $1")."""
_OFFER_TEXT = 120
_MEDIA_DURATION = re.compile(
    r"\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:min|mins|minutes?|minuten|std|h|мин|хв)\.?\s*$", re.IGNORECASE
)
"""The running time a video or audio teaser ends with ("… 18.04.2024 | 0:21 min")."""
_STAMP_TEXT = 90


def is_stray_line(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a line in running text is no part of the story: a label, stamp or loose credit."""
    # Running text never holds a paragraph of one or two words without punctuation ("Share",
    # "REKLAM", "Von"), a bare date stamp, or a photo credit printed apart from its picture.
    if len(text) > 150:
        return False
    words = len(text.split())
    short = (len(text) <= 12 and words <= 2) or (len(text) <= 30 and words == 1)
    if short and not _SENTENCE_MARK.search(text):
        return not DENSE_SCRIPT.search(text)
    if len(text) < 60 and looks_like_dateline(text, lexicon):
        return True
    if len(text) <= _STAMP_TEXT and (_is_reading_time(text, lexicon) or _is_labelled_stamp(text, lexicon)):
        return True
    return lexicon.compile(_PHOTO_CREDIT).match(text) is not None


def _is_reading_time(text: str, lexicon: Lexicon) -> bool:
    return lexicon.compile(_READING_TIME).match(text) is not None


def _is_labelled_stamp(text: str, lexicon: Lexicon) -> bool:
    # "Veröffentlicht am 13. Mai 2026 um 15:44", "11:48, Jul 18 | Updated: 11:50, Jul 18": a label and a
    # date, which needs a day, a year and (usually) a time, so a few numbers.
    if text.rstrip().endswith((".", "!", "?")):
        return False  # a sentence that mentions a publication
    label = lexicon.compile(_STAMP_LABEL)
    return label.search(text) is not None and len(_DIGIT_RUN.findall(text)) >= 3


def is_offer(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a short line sells a subscription or trial ("2 Wochen kostenlos testen")."""
    return len(text) <= _OFFER_TEXT and lexicon.compile(_OFFER).search(text) is not None


def is_media_blurb(text: str) -> bool:
    """Whether a text describes a video or audio clip, ending in its running time."""
    return _MEDIA_DURATION.search(text) is not None


def is_stamp(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a short line is a date, publication or reading-time stamp, or a byline."""
    if len(text) > _STAMP_TEXT:
        return False
    if len(text) < 60 and looks_like_dateline(text, lexicon):
        return True
    return _is_reading_time(text, lexicon) or _is_labelled_stamp(text, lexicon) or is_byline(text)


def is_byline(text: str) -> bool:
    """Whether a short line is a byline ("By Jane Doe") rather than a sentence."""
    return len(text.split()) <= 6 and looks_like_byline(text) and not text.endswith((".", "!", "?"))
