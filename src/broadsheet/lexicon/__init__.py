"""Words of each language that rules look for, kept as data: one TOML file per language.

The HTML reader (read-also labels, section ends, reading times, offers...), the text analysis
and the writers' labels all look words up here, by the document's language, so one list serves
them all and adding a language is adding a file ``data/<tag>.toml``. A file holds tables of
phrase lists, addressed as ``"table.key"``::

    language = "uk"

    [body]
    read_also = ["Читайте також", "Дивіться також"]

Phrases are literal text, not patterns, with two placeholders: ``{number}`` (digits; a space
after it may be left out, "5 min" or "5min") and ``{text}`` (any 1 to 40 characters, "More
from {text}"); a final ``*`` lets the last word go on ("книг*": книга, книги, книгою). A
space matches any run of spaces within a line. A rule keeps its pattern's shape in code and
takes the words from here, through :meth:`Lexicon.compile` (``r"(?i)\\s*(?:{body.read_also}):"``),
built once per lexicon.

A page in a language with a file sees that file's phrases and English's (see :data:`ENGLISH`);
a page of unknown language, or in a language with no file, sees every file at once: slower and
looser, but it keeps the rules working. The full format is in docs/lexicon.md.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources

import attrs

__all__ = ["ENGLISH", "EVERY", "Lexicon", "available", "for_language", "label", "label_language"]

ENGLISH = "en"
"""The file every lexicon also holds: pages in other languages print English chrome too
("Newsletter: Sport inside", "Loading...", "5 min read"). Measured on fundus-dev: with English
only for the keys a language leaves out, German pages kept such lines in their bodies."""

_PLACEHOLDER = re.compile(r"\{(number|text)\}( ?)")
_SPACE = r"[^\S\n]+"
_TEMPLATE_KEY = re.compile(r"\{([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\}")


@functools.cache
def available() -> tuple[str, ...]:
    """The language tags that have a file, sorted."""
    folder = resources.files(__package__).joinpath("data")
    return tuple(sorted(item.name[:-5] for item in folder.iterdir() if item.name.endswith(".toml")))


@functools.cache
def _table(tag: str) -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("data", f"{tag}.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"lexicon {tag}.toml: {exc}") from exc
    flat: dict[str, tuple[str, ...]] = {}
    for table, entries in data.items():
        if not isinstance(entries, dict):
            continue
        for key, phrases in entries.items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
                raise ValueError(f"lexicon {tag}.toml: {table}.{key} must be a list of non-empty strings")
            # Page text is NFC (the reader normalises it): so must the phrases be, to match.
            flat[f"{table}.{key}"] = tuple(unicodedata.normalize("NFC", p) for p in phrases)
    return flat


@functools.cache
def _known_keys() -> frozenset[str]:
    return frozenset(key for tag in available() for key in _table(tag))


@attrs.frozen(cache_hash=True)
class Lexicon:
    """The words of one or more languages (several when the language is not known)."""

    languages: tuple[str, ...]
    """The files whose phrases are looked up, in order."""
    _patterns: dict[str | tuple[str, int], re.Pattern[str]] = attrs.field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )
    """Compiled templates: rules ask for their pattern once per text, so the lookup is a dict's."""

    def words(self, key: str) -> tuple[str, ...]:
        """The phrases listed under ``key`` ("table.key") in this lexicon's languages, without
        repeats. A key no file lists is a :class:`KeyError`: a misspelt key would otherwise
        match nothing, silently."""
        return _words(self, key)

    def alternation(self, key: str) -> str:
        """A regular-expression alternation of the phrases under ``key``, escaped, longest first
        (so "Read also" wins over "Read"); ``(?!)`` (never matches) when there are none."""
        return _alternation(self, key)

    def compile(self, template: str, flags: int = 0) -> re.Pattern[str]:
        """``template`` with each ``{table.key}`` replaced by :meth:`alternation`, compiled once
        per lexicon (regex repeats such as ``{1,40}`` are left alone). Rules call this for every
        text they judge, so the lookup is one dict's; it is fastest with the flags inline
        (``(?i)``) and ``flags`` left 0."""
        key = (template, flags) if flags else template
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = _compiled(self, template, flags)
        return pattern


@functools.cache
def _words(lexicon: Lexicon, key: str) -> tuple[str, ...]:
    tables = [_table(tag) for tag in lexicon.languages]
    # Only the lexicon's own files are read when one of them lists the key (English's lists every
    # key): every file is parsed only to tell a key no file has from one these files leave out.
    if not any(key in table for table in tables) and key not in _known_keys():
        raise KeyError(f"no lexicon file lists {key!r}")
    seen: dict[str, None] = {}
    for table in tables:
        for phrase in table.get(key, ()):
            seen.setdefault(phrase, None)
    return tuple(seen)


def _literal(text: str) -> str:
    # A space stands for any run of spaces within a line ("Read  also", "Read\u00a0also").
    return _SPACE.join(re.escape(part) for part in text.split(" "))


def _phrase_pattern(phrase: str) -> str:
    if phrase.endswith("*"):
        return _phrase_pattern(phrase[:-1]) + r"\w*"
    out: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(phrase):
        out.append(_literal(phrase[position : match.start()]))
        out.append(r"\d+" if match.group(1) == "number" else ".{1,40}?")
        if match.group(2):
            out.append(r"\s*" if match.group(1) == "number" else _SPACE)
        position = match.end()
    out.append(_literal(phrase[position:]))
    return "".join(out)


@functools.cache
def _alternation(lexicon: Lexicon, key: str) -> str:
    phrases = sorted(_words(lexicon, key), key=lambda p: (-len(p), p))
    if not phrases:
        return "(?!)"
    return "(?:" + "|".join(_phrase_pattern(p) for p in phrases) + ")"


@functools.cache
def _compiled(lexicon: Lexicon, template: str, flags: int) -> re.Pattern[str]:
    # Compiling a language's alternations takes longer than reading a page: kept across processes.
    from broadsheet.lexicon.pattern_cache import compile_pattern

    return compile_pattern(_TEMPLATE_KEY.sub(lambda m: _alternation(lexicon, m.group(1)), template), flags)


_SAME_LANGUAGE = {"nb": "no", "nn": "no", "iw": "he", "ji": "yi", "in": "id"}
"""Tags that name a language some file is named for by another tag: Norwegian Bokmål and Nynorsk
read Norwegian's words; "iw", "ji" and "in" are withdrawn tags."""


def _own_tags(language: str | None) -> tuple[str, ...]:
    if not language:
        return ()
    parts = language.replace("_", "-").lower().split("-")
    primary = _SAME_LANGUAGE.get(parts[0], parts[0])
    tags = available()
    chosen = [tag for tag in ("-".join(parts[:2]), parts[0], primary) if tag in tags]
    return tuple(dict.fromkeys(chosen))


@functools.cache
def _has_page_words(tag: str) -> bool:
    return any(not key.startswith("labels.") for key in _table(tag))


@functools.lru_cache(maxsize=512)  # tags come from pages: bounded, however many a process sees
def for_language(language: str | None) -> Lexicon:
    """The lexicon for a BCP 47 tag: its own file ("pt-BR"), its language's ("pt") and English's;
    every file when the tag is missing or no file matches. A file of nothing but ``[labels]``
    (the words writers print) does not count: a page in that language sees every file, as
    before the file was added."""
    own = tuple(tag for tag in _own_tags(language) if _has_page_words(tag))
    if own:
        return Lexicon(tuple(dict.fromkeys((*own, ENGLISH))))
    return Lexicon(available())


def label(language: str | None, key: str) -> str:
    """The first phrase under ``key`` in the words of :func:`label_language`: the word a writer
    prints ("Читайте також" for Ukrainian, "Read also" for Swahili)."""
    phrases = _table(label_language(language, key.split(".", 1)[0])).get(key)
    if phrases:
        return phrases[0]
    raise KeyError(f"lexicon {ENGLISH}.toml lists no {key!r}")


@functools.lru_cache(maxsize=512)  # tags come from documents: bounded
def label_language(language: str | None, table: str = "labels") -> str:
    """The file a writer takes ``table``'s words from for ``language``: the language's own when
    it lists every key English lists there, else English. All or nothing, so a document never
    mixes two languages' labels ("بقلم" beside "Published")."""
    wanted = {key for key in _table(ENGLISH) if key.startswith(f"{table}.")}
    for tag in _own_tags(language):
        if wanted <= _table(tag).keys():
            return tag
    return ENGLISH


EVERY = for_language(None)
"""Every file's words: what rules use when they are not told the language."""
