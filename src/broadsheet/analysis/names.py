"""Ukrainian and Russian personal names from genitive, dative or instrumental back to the nominative.

A rule-based inflection model, not a dictionary: first names come from the
table in :mod:`broadsheet.analysis.first_names` with their oblique forms made
by regular endings; surnames and patronymics are turned back by suffix rules
chosen by the first name's gender and case (Сергія Корсунського → Сергій
Корсунський, Юлії Мостової → Юлія Мостова). Names in Latin script are left as
they are, apart from a possessive ``'s``. The rules and their limits are in
docs/analysis.md.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence

import attrs

from broadsheet.analysis import first_names


class Case(enum.Enum):
    """The grammatical cases a name is read back from."""

    NOMINATIVE = "nominative"
    """Who does it: Сергій Корсунський."""
    GENITIVE = "genitive"
    """Whose: (статті) Сергія Корсунського; also the accusative of masculine names."""
    DATIVE = "dative"
    """To whom: Сергію Корсунському."""
    INSTRUMENTAL = "instrumental"
    """With whom: (з) Сергієм Корсунським."""


M, F = "m", "f"
NOM, GEN, DAT, INS = Case.NOMINATIVE, Case.GENITIVE, Case.DATIVE, Case.INSTRUMENTAL
_UK_LETTERS = frozenset("іїєґІЇЄҐ'’ʼ")
_RU_LETTERS = frozenset("ыэёъЫЭЁЪ")
_HUSHING = frozenset("жчшщц")
_VOWELS = frozenset("аеєиіїоуюяыэё")


@attrs.frozen
class Reading:
    """One way to read a form: its nominative, gender and case (``None``: any case)."""

    nominative: str
    """The base form."""
    gender: str
    """``"m"`` or ``"f"``."""
    case: Case | None
    """The case the form is in; ``None`` for names that never change."""
    language: str | None = None
    """``"uk"`` or ``"ru"`` when the name belongs to one of them."""


def _language(word: str) -> str | None:
    if any(char in _UK_LETTERS for char in word):
        return "uk"
    if any(char in _RU_LETTERS for char in word):
        return "ru"
    return None


def _first_name_forms(name: str, gender: str, language: str | None) -> dict[str, Case]:
    """Oblique forms of a first name by the regular endings of Ukrainian and Russian."""
    language = language or _language(name)
    uk, ru = language != "ru", language != "uk"
    forms: dict[str, Case] = {}

    def add(form: str, case: Case) -> None:
        forms.setdefault(form, case)

    last, stem = name[-1], name[:-1]
    if gender == M and last == "й":
        add(stem + "я", GEN)
        add(stem + "ю", DAT)
        add(stem + ("єм" if stem.endswith("і") else "ем"), INS)
        if uk:
            add(stem + ("єві" if stem.endswith("і") else "еві"), DAT)
    elif gender == M and last == "ь":
        add(stem + "я", GEN)
        add(stem + "ю", DAT)
        add(stem + "ем", INS)
        add(stem + "еві", DAT)
    elif gender == M and last == "о":
        add(stem + "а", GEN)
        add(stem + "у", DAT)
        add(stem + "ові", DAT)
        add(stem + "ом", INS)
    elif last in "ая":
        soft = last == "я"
        if stem.endswith(("і", "и")):
            add(stem + ("ї" if stem.endswith("і") else "и"), GEN)
            add(stem + ("ї" if stem.endswith("і") else "и"), DAT)
            add(stem + ("єю" if stem.endswith("і") else "ей"), INS)
        elif stem.endswith(("'", "’", "ʼ")):
            add(stem + "ї", GEN)
            add(stem + "ї", DAT)
            add(stem + "єю", INS)
        else:
            if uk:
                add(stem + ("і" if soft else "и"), GEN)
                add(stem + "і", DAT)
                add(stem + ("ею" if soft or stem[-1:] in _HUSHING else "ою"), INS)
            if ru:
                velar = stem[-1:] in "гкхжшчщ"
                add(stem + ("и" if soft or velar else "ы"), GEN)
                add(stem + "е", DAT)
                add(stem + ("ей" if soft or stem[-1:] in _HUSHING else "ой"), INS)
    elif gender == M and last not in _VOWELS:
        add(name + "а", GEN)
        add(name + "у", DAT)
        add(name + ("ем" if last in _HUSHING else "ом"), INS)
        if uk:
            add(name + "ові", DAT)
    forms.pop(name, None)
    return forms


def _words(block: str) -> list[str]:
    return block.split()


@functools.cache
def _first_name_index() -> dict[str, tuple[Reading, ...]]:
    index: dict[str, list[Reading]] = {}

    def put(form: str, reading: Reading) -> None:
        readings = index.setdefault(form, [])
        if reading not in readings:
            readings.append(reading)

    indeclinable = set(_words(first_names.INDECLINABLE))
    blocks = (
        (M, "uk", first_names.MASCULINE_UK),
        (M, "ru", first_names.MASCULINE_RU),
        (M, None, first_names.MASCULINE_FOREIGN),
        (F, "uk", first_names.FEMININE_UK),
        (F, "ru", first_names.FEMININE_RU),
        (F, None, first_names.FEMININE_FOREIGN),
    )
    for gender, language, block in blocks:
        for name in _words(block):
            if name in indeclinable:
                continue
            put(name, Reading(name, gender, NOM, language))
            irregular = first_names.IRREGULAR.get(name)
            if irregular is not None:
                cases = (GEN, DAT, INS)
                for position, form in enumerate(irregular):
                    put(form, Reading(name, gender, cases[position % 3], language))
                continue
            for form, case in _first_name_forms(name, gender, language).items():
                put(form, Reading(name, gender, case, language))
    for name in indeclinable:
        gender = F if name in first_names.FEMININE_INDECLINABLE else M
        put(name, Reading(name, gender, None))
    for name in _words(first_names.LATIN):
        put(name, Reading(name, M, None))
    return {form: tuple(readings) for form, readings in index.items()}


def first_name_readings(word: str) -> tuple[Reading, ...]:
    """Every way ``word`` can be read as a known first name (empty when it is not one)."""
    return _first_name_index().get(word, ())


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a known first name in some case."""
    return word in _first_name_index()


# (oblique ending, nominative ending, gender, case); the longest matching ending wins.
# fmt: off
_RULES: tuple[tuple[str, str, str, Case], ...] = (
    # masculine adjectival: Корсунського → Корсунський, Мостового → Мостовий
    ("ського", "ський", M, GEN), ("ському", "ський", M, DAT), ("ським", "ський", M, INS),
    ("цького", "цький", M, GEN), ("цькому", "цький", M, DAT), ("цьким", "цький", M, INS),
    ("ского", "ский", M, GEN), ("скому", "ский", M, DAT), ("ским", "ский", M, INS),
    ("цкого", "цкий", M, GEN), ("цкому", "цкий", M, DAT), ("цким", "цкий", M, INS),
    ("ого", "ий", M, GEN), ("ому", "ий", M, DAT), ("им", "ий", M, INS), ("ым", "ый", M, INS),
    # masculine -енко (Ukrainian declines it): Шевченка → Шевченко
    ("енка", "енко", M, GEN), ("енку", "енко", M, DAT), ("енкові", "енко", M, DAT), ("енком", "енко", M, INS),
    # masculine -ов/-ев/-ін/-ин: Лаврова, Лавровим, Лавровым → Лавров
    ("овим", "ов", M, INS), ("евим", "ев", M, INS), ("євим", "єв", M, INS), ("іним", "ін", M, INS),
    ("иним", "ин", M, INS), ("овым", "ов", M, INS), ("евым", "ев", M, INS), ("ёвым", "ёв", M, INS),
    ("иным", "ин", M, INS), ("ыным", "ын", M, INS),
    # masculine soft and -й stems: Коваля → Коваль, Гордія → Гордій, Сергеем → Сергей
    ("ія", "ій", M, GEN), ("ея", "ей", M, GEN), ("ая", "ай", M, GEN), ("ия", "ий", M, GEN), ("оя", "ой", M, GEN),
    ("ію", "ій", M, DAT), ("ею", "ей", M, DAT), ("аю", "ай", M, DAT), ("ию", "ий", M, DAT),
    ("ієві", "ій", M, DAT), ("єві", "й", M, DAT), ("еві", "ь", M, DAT),
    ("ієм", "ій", M, INS), ("ием", "ий", M, INS), ("еем", "ей", M, INS), ("аем", "ай", M, INS),
    ("оем", "ой", M, INS), ("єм", "й", M, INS),
    ("ря", "р", M, GEN), ("рю", "р", M, DAT), ("рем", "р", M, INS),
    ("я", "ь", M, GEN), ("ю", "ь", M, DAT),
    ("жем", "ж", M, INS), ("чем", "ч", M, INS), ("шем", "ш", M, INS), ("щем", "щ", M, INS), ("цем", "ць", M, INS),
    ("ем", "ь", M, INS),
    # masculine -а nouns (Хари → Хара) and hard consonant stems (Іжака → Іжак)
    ("ою", "а", M, INS), ("ой", "а", M, INS), ("и", "а", M, GEN), ("ы", "а", M, GEN), ("і", "а", M, DAT),
    ("ові", "", M, DAT), ("ом", "", M, INS), ("а", "", M, GEN), ("у", "", M, DAT),
    # feminine adjectival: Мостової → Мостова, Корсунської → Корсунська
    ("ської", "ська", F, GEN), ("ській", "ська", F, DAT), ("ською", "ська", F, INS),
    ("цької", "цька", F, GEN), ("цькій", "цька", F, DAT), ("цькою", "цька", F, INS),
    ("ской", "ская", F, GEN), ("цкой", "цкая", F, GEN),
    # feminine -ова/-ева/-іна/-ина: Лаврової, Лавровой → Лаврова
    ("ової", "ова", F, GEN), ("овій", "ова", F, DAT), ("овою", "ова", F, INS),
    ("евої", "ева", F, GEN), ("евій", "ева", F, DAT), ("евою", "ева", F, INS),
    ("євої", "єва", F, GEN), ("євій", "єва", F, DAT), ("євою", "єва", F, INS),
    ("іної", "іна", F, GEN), ("іній", "іна", F, DAT), ("іною", "іна", F, INS),
    ("иної", "ина", F, GEN), ("иній", "ина", F, DAT), ("иною", "ина", F, INS),
    ("овой", "ова", F, GEN), ("евой", "ева", F, GEN), ("ёвой", "ёва", F, GEN), ("иной", "ина", F, GEN),
    ("ыной", "ына", F, GEN),
    # feminine patronymics: Олександрівни → Олександрівна
    ("івни", "івна", F, GEN), ("івні", "івна", F, DAT), ("івною", "івна", F, INS),
    ("ївни", "ївна", F, GEN), ("ївні", "ївна", F, DAT), ("ївною", "ївна", F, INS),
    ("овны", "овна", F, GEN), ("овне", "овна", F, DAT), ("овной", "овна", F, INS),
    ("евны", "евна", F, GEN), ("евне", "евна", F, DAT), ("евной", "евна", F, INS),
    # feminine adjectives and -а/-я nouns
    ("ої", "а", F, GEN), ("ій", "а", F, DAT), ("ой", "ая", F, GEN),
    ("ії", "ія", F, GEN), ("ією", "ія", F, INS), ("ии", "ия", F, GEN), ("ией", "ия", F, INS),
    ("ою", "а", F, INS), ("ею", "я", F, INS), ("и", "а", F, GEN), ("ы", "а", F, GEN), ("і", "а", F, DAT),
    ("е", "а", F, DAT),
)
_RULES = tuple(sorted(_RULES, key=lambda rule: -len(rule[0])))
_SAME_FORMS = {
    # The genitive of these feminine forms is also their dative or instrumental.
    ("ской", F): (GEN, DAT, INS), ("цкой", F): (GEN, DAT, INS), ("овой", F): (GEN, DAT, INS),
    ("евой", F): (GEN, DAT, INS), ("ёвой", F): (GEN, DAT, INS), ("иной", F): (GEN, DAT, INS),
    ("ыной", F): (GEN, DAT, INS), ("ой", F): (GEN, DAT, INS), ("ії", F): (GEN, DAT), ("ии", F): (GEN, DAT),
    ("ої", F): (GEN,), ("и", F): (GEN,),
}
# fmt: on


def _rule_cases(ending: str, gender: str, case: Case) -> tuple[Case, ...]:
    return _SAME_FORMS.get((ending, gender), (case,))


def surname_nominative(word: str, gender: str, case: Case | None, language: str | None = None) -> str | None:
    """``word`` (a surname or patronymic in ``case``) in the nominative, or ``None`` when no rule applies.

    ``case=None`` tries every oblique case. Only Cyrillic words change; a rule
    applies only if a vowel remains in the stem.
    """
    if case is NOM or not _is_cyrillic(word):
        return None
    lower = word.lower()
    ukrainian = (_language(word) or language or "uk") != "ru"
    for ending, replacement, rule_gender, rule_case in _RULES:
        if rule_gender != gender or not lower.endswith(ending):
            continue
        if case is not None and case not in _rule_cases(ending, rule_gender, rule_case):
            continue
        stem = word[: len(word) - len(ending)]
        if len(stem) < 2 or not any(char in _VOWELS for char in stem.lower()):
            continue
        if ending == "я" and stem[-1:].lower() in _VOWELS:
            continue  # vowel + я is handled by the -й rules above
        if ending in ("ем", "я", "ю") and stem[-1:].lower() in _HUSHING:
            continue
        if replacement == "ий" and not ukrainian and stem[-1:].lower() not in "кгхжшчщ":
            replacement = "ый"
        if ending == "а" and stem.lower().endswith(("нк", "шк", "чк", "цьк")) and replacement == "":
            replacement = "о"  # Кличка → Кличко
        return stem + replacement
    return None


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in word)


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _score_reading(
    rest: Sequence[str], gender: str, case: Case | None, language: str | None
) -> tuple[int, list[str]]:
    """How well the other words fit ``gender`` and ``case``, and their nominatives."""
    if case is NOM:
        return 1, list(rest)
    score = 2 if rest else 1
    out: list[str] = []
    for word in rest:
        if _initial(word):
            out.append(word)
            continue
        nominative = surname_nominative(word, gender, case, language)
        if nominative is None:
            if case is None:
                score = min(score, 1)
            else:
                score = 0
            out.append(word)
        else:
            out.append(nominative)
    return score, out


def base_form(name: str | Sequence[str], case: Case | None = None) -> str:
    """``name`` in the nominative: ``"Сергія Корсунського"`` → ``"Сергій Корсунський"``.

    ``case`` is what the context says the name is in (``GENITIVE`` after
    "у статті"); without it the first name decides. A name whose first word is
    not a known first name is taken as one surname (or surname and initials).
    """
    words = name.split() if isinstance(name, str) else list(name)
    if not words:
        return ""
    if not any(_is_cyrillic(word) for word in words):
        return " ".join([*words[:-1], _strip_possessive(words[-1])])
    readings = first_name_readings(words[0])
    if case is not None:
        fitting = tuple(r for r in readings if r.case is None or r.case is case)
        readings = fitting
    if not readings:
        candidates = _surname_candidates(words, case)
        return " ".join(candidates)
    best: tuple[int, int, list[str]] | None = None
    for order, reading in enumerate(readings):
        reading_case = reading.case if reading.case is not None else case
        language = next((found for found in map(_language, words) if found), reading.language)
        score, rest = _score_reading(words[1:], reading.gender, reading_case, language)
        full = [reading.nominative, *rest]
        if best is None or (score, -order) > (best[0], best[1]):
            best = (score, -order, full)
    assert best is not None
    return " ".join(best[2])


def _surname_candidates(words: Sequence[str], case: Case | None) -> list[str]:
    """A name with no known first name: each word by masculine rules, else feminine, if the case is known."""
    if case is None or case is NOM:
        return list(words)
    for gender in (M, F):
        out = [word if _initial(word) else surname_nominative(word, gender, case) for word in words]
        if all(item is not None for item in out):
            return [item for item in out if item is not None]
    return list(words)


def _initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def surname_readings(word: str, case: Case | None = None) -> list[str]:
    """Every nominative ``word`` could come from (itself first), for matching a surname to a full name."""
    out = [word]
    for gender in (M, F):
        nominative = surname_nominative(_strip_possessive(word), gender, case)
        if nominative is not None and nominative not in out:
            out.append(nominative)
    stripped = _strip_possessive(word)
    if stripped not in out:
        out.append(stripped)
    return out
