"""The agency or outlet a whole story is credited to: "пише «Інтерфакс-Україна»", "(Reuters)", "— AP".

Only the places where a story's credit is printed are read: the dateline,
the lead and the first paragraphs (and a sign-off at the very end). A
credit is a quoted name, a known agency, or a capitalised name after a
credit verb that is not a person the article names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from broadsheet.analysis.people import WORD, People, is_name_word
from broadsheet.lexicon import EVERY, Lexicon

FIRST_PARAGRAPHS = 3
"""How many paragraphs from the start are searched for a credit."""

_AGENCY_WORDS = """
Reuters AP AFP dpa DPA Bloomberg ANSA EFE Xinhua Kyodo PAP UPI Interfax Інтерфакс Интерфакс
Інтерфакс-Україна Интерфакс-Украина УНІАН УНИАН UNIAN Укрінформ Укринформ Ukrinform ТАСС TASS ИТАР-ТАСС
РИА РБК RBC БелТА BelTA Суспільне Громадське ЛІГА.net LIGA.net NV РБК-Україна РБК-Украина
"""
_AGENCY_PHRASES = """
Associated Press; Agence France-Presse; РИА Новости; RIA Novosti; Радіо Свобода; Радио Свобода; Radio Liberty;
Deutsche Welle; BBC; CNN; Українська правда; Економічна правда; ZN.UA; Дзеркало тижня; Голос Америки;
Bloomberg News; Dow Jones; Press Association; PA Media; Anadolu; Yonhap; Kyodo News
"""
AGENCIES = frozenset(_AGENCY_WORDS.split()) | frozenset(
    phrase.strip() for phrase in _AGENCY_PHRASES.replace("\n", " ").split(";")
)
"""Agencies and outlets recognised by name alone (in brackets, after "according to", as a sign-off)."""

# Verbs and descriptors of a credit ("як пише агентство Reuters", "reports the BBC") and
# "according to" phrases: the lexicon's [analysis].
_QUOTED = r"[«„“\"](?P<quoted>[^«»„“”\"\n]{1,60})[»“”\"]"
_NAMED = r"(?P<named>[^\W\d_][\w.’'-]*(?:[^\S\n]+[^\W\d_][\w.’'-]*){0,3})"
_AFTER_VERB = (
    r"(?i)(?<![\w-])(?:{analysis.credit_verb})[^\S\n]+(?P<descriptor>(?:(?:{analysis.credit_descriptor})[^\S\n]+)?)"
    r"(?:" + _QUOTED + "|" + _NAMED + ")"
)
_BEFORE_VERB = re.compile(
    r"(?<![\w.&-])(?P<named>[A-Z][\w.&-]*(?:[^\S\n]+[A-Z][\w.&-]*){0,2})[^\S\n]+(?:reports|reported)\b"
)
_ACCORDING = (
    r"(?i)\b(?:{analysis.credit_according})[^\S\n]+(?:the[^\S\n]+)?(?:" + _QUOTED + "|" + _NAMED + ")"
)
_BRACKETED = re.compile(r"\((?P<named>[^()\n]{1,40})\)")
_DATELINE = re.compile(
    r"^[^\S\n]*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.' -]{1,40}(?:,[^()\n]{0,40})?[^\S\n]*\((?P<named>[^()\n]{1,40})\)[^\S\n]*[-–—:]"
)
_SLASHED = re.compile(r"/(?P<named>[^/\n]{2,30})/")
_SIGN_OFF = re.compile(r"[-–—][^\S\n]*(?P<named>[^\W\d_][\w .-]{0,30}?)[^\S\n]*\.?[^\S\n]*$")


def _known(name: str) -> bool:
    return name in AGENCIES or name.upper() in {agency.upper() for agency in AGENCIES}


def _outlet_name(candidate: str, people: People, described: bool) -> str | None:
    """``candidate`` trimmed to the name it starts with, if it can be an outlet rather than a person."""
    words = WORD.findall(candidate)
    if not words:
        return None
    for size in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[:size])
        if _known(phrase):
            return _as_printed(candidate, phrase)
    first: str = words[0]
    if first.isupper() and len(first) >= 2:
        run = [first]
        for word in words[1:3]:
            if word.isupper() or is_name_word(word):
                run.append(word)
            else:
                break
        return _as_printed(candidate, " ".join(run))
    if not is_name_word(first):
        return None
    if "." in candidate.split()[0] and len(candidate.split()[0]) > 3:
        return candidate.split()[0].rstrip(".,")
    if described or _looks_like_outlet(first):
        if people.resolve([first]) is not None and people.resolve([first]) != first:
            return None
        return first
    return None


def _as_printed(candidate: str, phrase: str) -> str:
    # Keep the candidate's own spelling of the phrase (dots, hyphens).
    return candidate[: len(phrase)] if candidate.startswith(phrase) else phrase


def _looks_like_outlet(word: str) -> bool:
    lower = word.lower()
    return "-" in word or lower.endswith(
        (".net", ".ua", ".ru", ".com", "news", "post", "times", "press", "інформ", "информ")
    )


def credit_in(text: str, people: People, *, opening: bool, lexicon: Lexicon = EVERY) -> str | None:
    """The credit printed in one paragraph's ``text``, or ``None``.

    ``opening`` says the paragraph is the first one (where a dateline can stand); ``lexicon``
    holds the words of the article's language.
    """
    if opening:
        dateline = _DATELINE.match(text)
        if dateline is not None:
            name = dateline.group("named").strip()
            if _known(name) or (name.isupper() and len(name) <= 12):
                return name
        slashed = _SLASHED.search(text[:120])
        if slashed is not None and _known(slashed.group("named").strip()):
            return slashed.group("named").strip()
    for match in lexicon.compile(_AFTER_VERB).finditer(text):
        quoted = match.group("quoted")
        if quoted is not None:
            if 0 < len(WORD.findall(quoted)) <= 5:
                return quoted.strip()
            continue
        name = _outlet_name(match.group("named"), people, bool(match.group("descriptor").strip()))
        if name is not None:
            return name
    for match in _BEFORE_VERB.finditer(text):
        named = match.group("named")
        for size in range(len(named.split()), 0, -1):
            phrase = " ".join(named.split()[-size:])
            if _known(phrase):
                return phrase
    for match in lexicon.compile(_ACCORDING).finditer(text):
        quoted = match.group("quoted")
        if quoted is not None and _known(quoted.strip()):
            return quoted.strip()
        named = match.group("named")
        if named is not None:
            words = named.split()
            for size in range(min(4, len(words)), 0, -1):
                phrase = " ".join(words[:size]).rstrip(".,;:")
                if _known(phrase):
                    return phrase
    for match in _BRACKETED.finditer(text):
        name = match.group("named").strip()
        if _known(name):
            return name
    sign_off = _SIGN_OFF.search(text)
    if sign_off is not None and _known(sign_off.group("named").strip()):
        return sign_off.group("named").strip()
    return None


def find_credit(
    dateline: str | None,
    lead: str | None,
    paragraphs: Iterable[str],
    last: str | None,
    people: People,
    lexicon: Lexicon = EVERY,
) -> str | None:
    """The credit of a story: from its dateline, its standfirst, its first paragraphs, then a sign-off."""
    if dateline:
        bracketed = _BRACKETED.search(dateline)
        if bracketed is not None and (_known(bracketed.group("named").strip())):
            return bracketed.group("named").strip()
    if lead:
        name = credit_in(lead, people, opening=True, lexicon=lexicon)
        if name is not None:
            return name
    for index, text in enumerate(paragraphs):
        if index >= FIRST_PARAGRAPHS:
            break
        name = credit_in(text, people, opening=index == 0, lexicon=lexicon)
        if name is not None:
            return name
    if last:
        sign_off = _SIGN_OFF.search(last)
        if sign_off is not None and _known(sign_off.group("named").strip()):
            return sign_off.group("named").strip()
        bracketed = re.search(r"\((?P<named>[^()\n]{1,40})\)\s*\.?\s*$", last)
        if bracketed is not None and _known(bracketed.group("named").strip()):
            return bracketed.group("named").strip()
    return None
