"""Turning bylines and author metadata into separate names: no "By", no job titles, no "Email the author".

A byline such as ``"By Jane Roe and John Doe, Political Correspondent"``
becomes two names, the second with a role. Values that are links, handles,
e-mail addresses or calls to action are not names and are dropped.
"""

from __future__ import annotations

import functools
import re

import attrs

from broadsheet import lexicon
from broadsheet.lexicon.pattern_cache import compile_pattern

_SEGMENTS = re.compile(r"\s*(?:;|\||\s/\s|•|·|,|、|，|；)\s*")
# Dates and times run onto a byline ("Jane Roe 12.03.2024, 10:15", "Jane Roe May 3, 2024"): cut there.
_DATE_TIME = re.compile(
    r"[\s,]*(?:\d{1,2}[:.]\d{2}\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4}|[^\W\d_]{3,}\.?\s+\d{1,2},\s+\d{4}).*$"
)
_PLACE_WORD = r"[^\W\d_][\w'’.-]*"
_NOT_A_NAME = re.compile(
    r"(?:https?://|www\.|@|\bemail\b|\be-mail\b|\bfollow\b|\btwitter\b|\bfacebook\b|\binstagram\b|"
    r"\bmore\s+(?:from|by|articles|stories)\b|\ball\s+(?:articles|stories)\b|\bmehr\s+von\b|\bview\s+profile\b|"
    r"\bupdated\b|\bpublished\b|\baktualisiert\b|\bveröffentlicht\b|\bmin(?:ute)?s?\s+read\b|\bread\s+more\b|"
    r"\bcontact\b|\bsubscribe\b|\bnewsletter\b|\bshare\b|\bcomments?\b|\d{1,2}[:.]\d{2}|\d{4}|"
    r"\b\d+\s*(?:min|minuten|minutes|хв|мин)\b|:|^(?:agencies|agenturen|agences|agencias|wires|агентства)$)",
    re.IGNORECASE,
)
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_ROLE_SUFFIX = re.compile(r"\s*(?:기자|특파원|記者|特派員|记者|編集委員)(?:\s.*)?$")
_PARENTHESES = re.compile(r"\s*[\(\[][^)\]]*[\)\]]")
_SPACE = re.compile(r"\s+")


@attrs.frozen
class _Rules:
    """A language's byline patterns, built from its lexicon's ``[bylines]`` table."""

    prefix: re.Pattern[str]
    conjunctions: re.Pattern[str]
    leading_conjunction: re.Pattern[str]
    photo: re.Pattern[str]
    photo_note: re.Pattern[str]
    place: re.Pattern[str]
    stamp: re.Pattern[str]
    role: re.Pattern[str]


def _words(language: str | None) -> lexicon.Lexicon:
    """The page's language's words and English's: bylines mix in "By" and "Correspondent" anywhere."""
    own = lexicon.for_language(language)
    return lexicon.Lexicon(tuple(dict.fromkeys((*own.languages, *lexicon.for_language("en").languages))))


@functools.cache
def _rules(words: lexicon.Lexicon) -> _Rules:
    # Compiled through the lexicon's pattern cache: a language's rules compile in tens of ms.
    prefixes = words.alternation("bylines.prefixes")
    joins = words.alternation("bylines.conjunctions")
    photo = words.alternation("bylines.photo")
    stamps = words.alternation("bylines.stamps")
    # Glued on without a space only a capitalised word can be told from a name's ending.
    capitalised = [w for w in words.words("bylines.stamps") if w[:1].isupper()]
    glued = "|".join(re.escape(w) for w in sorted(capitalised, key=len, reverse=True)) or "(?!)"
    return _Rules(
        prefix=compile_pattern(rf"^(?:{prefixes})\s*[:\-–—]?\s+", re.IGNORECASE),
        conjunctions=compile_pattern(rf"\s*(?:&|\+|\s(?:{joins})\s)\s*", re.IGNORECASE),
        leading_conjunction=compile_pattern(rf"^(?:{joins})\s+", re.IGNORECASE),
        # "Foto: Jane Roe", "Photo by Jane Roe", "Fotos/Jane Roe".
        photo=compile_pattern(rf"^(?:{photo})\s*(?:[:/]|\s(?:{prefixes})\s)", re.IGNORECASE),
        # "Jane Roe (Fotos)": the name is the photographer's.
        photo_note=compile_pattern(rf"[\(\[]\s*(?:{photo})\s*[\)\]]", re.IGNORECASE),
        # "JANE ROE in Kyiv", "Jane Roe aus Berlin": the preposition lower-case, the place capitalised.
        place=compile_pattern(
            rf"^(.*?\S)\s+(?:{words.alternation('bylines.places')})\s+({_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})$"
        ),
        # "| Updated 12:30", "Jane RoeUpdated 5 hours ago".
        stamp=compile_pattern(rf"(?:(?i:\s(?:{stamps}))\b|(?<=[^\W\d_])(?:{glued})(?![^\W\d_])).*$"),
        role=compile_pattern(rf"\b(?:{words.alternation('bylines.roles')})\b", re.IGNORECASE),
    )


@attrs.frozen
class Byline:
    """One author named by a byline, with the role the byline gives, if any."""

    name: str
    """The person's (or desk's) name."""
    role: str | None = None
    """The job title that followed the name (``"Political Correspondent"``)."""


def split(text: str, language: str | None = None) -> list[Byline]:
    """The separate authors named by one byline string, read with ``language``'s words (every
    language's when it is not known)."""
    rules = _rules(_words(language))
    text = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip(" \t\r\n-–—:,;|")
    if not text or len(text) > 300:
        return []
    text = rules.stamp.sub("", text)
    text = _DATE_TIME.sub("", text).strip(" \t-–—:,;|")
    text = rules.prefix.sub("", text).strip()
    out: list[Byline] = []
    # Commas and bars separate names from job titles ("Jane Roe, Washington
    # Correspondent"); conjunctions only ever join names.
    for segment in _SEGMENTS.split(text):
        if rules.photo.match(segment) or rules.photo_note.search(segment):
            continue  # a picture credit, not an author
        segment = _PARENTHESES.sub("", segment).strip(" .-–—:")
        if out and _looks_like_role(segment, rules, others=1):
            if out[-1].role is None:
                out[-1] = Byline(out[-1].name, segment)
            continue
        segment = rules.leading_conjunction.sub("", segment)
        for part in rules.conjunctions.split(segment):
            part = rules.prefix.sub("", part.strip(" .-–—:")).strip()
            if not part:
                continue
            if out and _looks_like_role(part, rules):
                if out[-1].role is None:
                    out[-1] = Byline(out[-1].name, part)
                continue
            place = rules.place.match(part)
            if place and place.group(2)[:1].isupper():
                part = place.group(1)
            name = clean_name(part, rules)
            if name:
                out.append(Byline(name))
    return out


# Words that qualify a job title without being a name ("Senior Political Correspondent").
_ROLE_MODIFIERS = frozenset(
    {
        "senior", "chief", "deputy", "executive", "managing", "associate", "assistant", "staff", "special",
        "political", "foreign", "home", "economics", "business", "sports", "sport", "science", "health",
        "culture", "arts", "technology", "tech", "environment", "education", "security", "defence", "defense",
        "diplomatic", "legal", "crime", "investigations", "data", "social", "media", "news", "digital",
        "international", "national", "local", "regional", "europe", "europa", "world", "us", "uk", "eu",
        "middle", "east", "west", "north", "south", "of", "the", "for", "and", "at", "&", "-",
    }
)  # fmt: skip


def _looks_like_role(part: str, rules: _Rules, *, others: int = 0) -> bool:
    """A job title: a role word, the other words lower-case or usual modifiers ("Senior Political").

    ``others`` capitalised words of other kinds are allowed too (a place or an
    outlet: "Washington Correspondent", "оглядач ZN.ua").
    """
    words = part.split()
    if not words or len(words) > 6 or not rules.role.search(part):
        return False
    for word in words:
        plain = word.strip(",.()").lower()
        if rules.role.fullmatch(plain) or plain in _ROLE_MODIFIERS or word[:1].islower():
            continue
        others -= 1
        if others < 0:
            return False
    return True


def clean_name(text: str, rules: _Rules | None = None) -> str | None:
    """One name, or ``None`` when ``text`` is not a plausible name."""
    rules = rules or _rules(_words(None))
    text = _SPACE.sub(" ", text).strip(" .,;:-–—|\"'«»“”")
    text = rules.prefix.sub("", text).strip()
    text = _ROLE_SUFFIX.sub("", text).strip()
    if rules.prefix.match(text + " "):
        return None  # a bare "By" or "Von"
    if not text or len(text) > 80 or _NOT_A_NAME.search(text) or _SLUG.match(text):
        return None
    if not any(ch.isalpha() for ch in text):
        return None
    if len(text.split()) > 6:
        return None
    return text


def unique(bylines: list[Byline]) -> list[Byline]:
    """Drop repeated names (case and spacing aside), keeping the first and any role learnt later."""
    out: dict[str, Byline] = {}
    for byline in bylines:
        key = byline.name.casefold()
        if key not in out:
            out[key] = byline
        elif out[key].role is None and byline.role:
            out[key] = Byline(out[key].name, byline.role)
    return list(out.values())
