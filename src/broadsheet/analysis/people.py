"""The people an article names in full, so a later bare surname or title can be resolved to them.

"Держсекретар США Ентоні Блінкен" early in a story lets "заявив Блінкен"
and "за словами держсекретаря" later become Ентоні Блінкен. A person is a
known first name followed by a capitalised surname (and perhaps a
patronymic); the words just before it in the same clause are kept as its
title. Ambiguous surnames and titles resolve to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from broadsheet.analysis import names
from broadsheet.analysis.names import Case

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
"""A word: letters, with inner apostrophes and hyphens (п'ять, Інтерфакс-Україна)."""

_ENGLISH_TITLE_TEXT = """
    secretary state president minister prime foreign defense defence chancellor mr mrs ms dr sen senator rep
    gov governor general gen spokesman spokeswoman spokesperson chief deputy ambassador envoy mayor
    the a an of his her their its us u.s. uk eu nato un white house press justice judge professor prof
    rev pope king queen prince princess lord sir dame officer detective sergeant captain coach director ceo
    chairman chairwoman chair councillor councilman commissioner inspector superintendent
"""
ENGLISH_TITLES = frozenset(_ENGLISH_TITLE_TEXT.split())
"""Words of English titles and determiners that stand before names (Secretary, Justice, the)."""

_TITLE_WORDS = 4
_NOT_FIRST_NAME_TEXT = """
    while but and as when then meanwhile however after before in on at for with this that these those if so yet
    also still now today yesterday tomorrow here there many some according though although since because during
    under over from by to of our their his her its my your we they he she it i who what where why how all both
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december
"""
_NOT_FIRST_NAMES = frozenset(_NOT_FIRST_NAME_TEXT.split())
_LATIN_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \u00a0][A-ZÀ-ÖØ-Þ][\w'’-]*)*")
_ROLE_ENDINGS = ("ами", "ями", "ові", "еві", "єві", "ого", "ому", "ою", "ею", "ом", "ем", "єм", "ам", "ям")
_ROLE_ENDINGS_SHORT = ("а", "я", "у", "ю", "і", "и", "е", "ь", "ы", "й")
_PRONOUN_WORDS = "він вона вони воно ми я он она они оно мы he she they we i it"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())


def is_name_word(word: str) -> bool:
    """A capitalised word with lower-case letters after the first: Блінкен, McCain, not США."""
    return len(word) > 1 and word[0].isupper() and any(char.islower() for char in word[1:])


def is_pronoun(word: str) -> bool:
    """Whether ``word`` is a personal pronoun that can stand for a speaker."""
    return word.lower() in _PRONOUNS


def role_key(word: str) -> str:
    """A title word without its case ending, lower-case: держсекретаря → держсекретар."""
    lower = word.lower()
    for ending in (*_ROLE_ENDINGS, *_ROLE_ENDINGS_SHORT):
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            return lower[: -len(ending)]
    return lower


class People:
    """Full names found in an article's text, indexed by surname and by title."""

    def __init__(self, texts: Iterable[str]) -> None:
        """Index the people named in ``texts`` (each a paragraph or a title), read on first use."""
        self._by_surname: dict[str, set[str]] = {}
        self._by_role: dict[str, set[str]] = {}
        self._latin_pairs: dict[str, set[str]] = {}
        self._texts: Iterable[str] | None = texts

    def _index(self) -> None:
        """Build the indexes on first use: most articles never need them."""
        if self._texts is None:
            return
        texts, self._texts = self._texts, None
        for text in texts:
            self._scan(text)

    def _scan(self, text: str) -> None:
        self._pairs(text)
        tokens = list(WORD.finditer(text))
        for index, token in enumerate(tokens):
            if not names.is_first_name(token.group()) or index + 1 >= len(tokens):
                continue
            following = tokens[index + 1]
            if not is_name_word(following.group()) or not _space(text[token.end() : following.start()]):
                continue
            parts = [token.group(), following.group()]
            if index + 2 < len(tokens):
                third = tokens[index + 2]
                if (
                    _patronymic(following.group())
                    and is_name_word(third.group())
                    and _space(text[following.end() : third.start()])
                ):
                    parts.append(third.group())
            full = names.base_form(parts)
            surname = full.split()[-1]
            self._by_surname.setdefault(surname, set()).add(full)
            self._roles(text, tokens, index, full)

    def _pairs(self, text: str) -> None:
        """Two capitalised Latin words standing alone (Tanner Fischer), for resolving a bare surname.

        Longer runs of capitals are places and organisations, and are skipped.
        """
        for run in _LATIN_RUN.finditer(text):
            words = run.group().split()
            if (
                len(words) == 2
                and all(_latin_name(word) for word in words)
                and words[0].lower() not in _NOT_FIRST_NAMES
            ):
                surname = names.base_form([words[1]])
                self._latin_pairs.setdefault(surname, set()).add(f"{words[0]} {surname}")

    def _roles(self, text: str, tokens: Sequence[re.Match[str]], index: int, full: str) -> None:
        position = index
        for _ in range(_TITLE_WORDS):
            position -= 1
            if position < 0:
                return
            gap = text[tokens[position].end() : tokens[position + 1].start()]
            if gap.strip():
                return  # punctuation ends the clause
            word = tokens[position].group()
            if word.isupper() or names.is_first_name(word) or len(word) < 4:
                continue
            self._by_role.setdefault(role_key(word), set()).add(full)

    def resolve(self, words: Sequence[str], case: Case | None = None) -> str | None:
        """The full name ``words`` (a name, a surname, or a title) stand for, in the nominative.

        A bare surname or a title resolves only when one person fits; a name
        with a first name is returned in its base form.
        """
        words = [word for word in words if word]
        if not words:
            return None
        self._index()
        named = [word for word in words if is_name_word(word)]
        if named:
            if len(named) >= 2 and names.is_first_name(named[0]):
                return names.base_form(named, case)
            if len(named) >= 2 and not any(names.is_first_name(word) for word in named):
                if not _cyrillic(named):
                    return names.base_form(named, case)
                named = named[-1:]
            if len(named) == 1:
                matches: set[str] = set()
                for reading in names.surname_readings(named[0], case):
                    matches |= self._by_surname.get(reading, set())
                if len(matches) == 1:
                    return next(iter(matches))
                if not matches and not _cyrillic(named):
                    pairs = self._latin_pairs.get(names.base_form(named), set())
                    if len(pairs) == 1:
                        return next(iter(pairs))
                return names.base_form(named, case)
            start = next(i for i, word in enumerate(named) if names.is_first_name(word))
            return names.base_form(named[start:], case)
        for word in words:
            people = self._by_role.get(role_key(word), set())
            if len(people) == 1:
                return next(iter(people))
        return None


def _patronymic(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(("ович", "евич", "йович", "івна", "ївна", "овна", "евна", "ича", "івни", "овны"))


def _space(gap: str) -> bool:
    return 0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap


def _cyrillic(words: Sequence[str]) -> bool:
    return any("\u0400" <= char <= "\u04ff" for word in words for char in word)


def _latin_name(word: str) -> bool:
    return (
        is_name_word(word)
        and word.isascii() is not None
        and not _cyrillic([word])
        and (word.lower() not in ENGLISH_TITLES)
    )
