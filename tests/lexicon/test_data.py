"""The lexicon's data files are well formed: every file parses, names its language, lists phrases
(non-empty NFC strings, no repeats) under known keys, and the templates the code uses name keys
that exist."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from importlib import resources

import pytest

from broadsheet import lexicon
from broadsheet.analysis import credits, quotes, related, speech
from broadsheet.formats.html import content_chrome, content_lines, content_media, content_tail

DATA = resources.files("broadsheet.lexicon").joinpath("data")
FILES = sorted(item.name for item in DATA.iterdir() if item.name.endswith(".toml"))
CHECKED_TABLES = ("body", "labels")
"""Tables whose keys must all be English's too (other tables, such as date words, may hold keys
only some languages need)."""
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _load(name: str) -> dict[str, object]:
    return tomllib.loads(DATA.joinpath(name).read_text(encoding="utf-8"))


def test_there_are_files() -> None:
    assert "en.toml" in FILES and "uk.toml" in FILES
    assert lexicon.available() == tuple(name[:-5] for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_names_its_language(name: str) -> None:
    data = _load(name)
    assert data.get("language") == name[:-5]


@pytest.mark.parametrize("name", FILES)
def test_phrases_are_nfc_strings_without_repeats(name: str) -> None:
    for table, entries in _load(name).items():
        if table == "language":
            continue
        assert isinstance(entries, dict), f"{name}: {table} is not a table"
        for key, phrases in entries.items():
            where = f"{name}: {table}.{key}"
            assert isinstance(phrases, list) and phrases, f"{where} is not a non-empty list"
            for phrase in phrases:
                assert isinstance(phrase, str) and phrase.strip() == phrase and phrase, f"{where}: {phrase!r}"
                assert unicodedata.is_normalized("NFC", phrase), f"{where}: {phrase!r} is not NFC"
                assert "  " not in phrase, f"{where}: {phrase!r} has a double space"
                for placeholder in PLACEHOLDER.findall(phrase):
                    assert placeholder in ("{number}", "{text}"), f"{where}: {phrase!r}"
                assert "*" not in phrase[:-1], f"{where}: {phrase!r} (a '*' only ends a phrase)"
            folded = [phrase.casefold() for phrase in phrases]
            repeats = sorted({p for p in folded if folded.count(p) > 1})
            assert not repeats, f"{where} repeats {repeats}"


@pytest.mark.parametrize("name", FILES)
def test_keys_are_known(name: str) -> None:
    english = _load("en.toml")
    for table in CHECKED_TABLES:
        entries = _load(name).get(table, {})
        assert isinstance(entries, dict)
        known = english.get(table, {})
        assert isinstance(known, dict)
        unknown = sorted(set(entries) - set(known))
        assert not unknown, f"{name}: [{table}] keys that en.toml does not list: {unknown}"


def test_english_has_every_label() -> None:
    labels = _load("en.toml")["labels"]
    assert isinstance(labels, dict)
    for key in ("read_also", "contents", "by", "source", "published", "updated", "in_language"):
        assert key in labels


TEMPLATES = [
    content_chrome.READ_ALSO_LABEL,
    content_chrome._BOILERPLATE_TEXT,
    content_lines._PHOTO_CREDIT,
    content_lines._READING_TIME,
    content_lines._STAMP_LABEL,
    content_lines._OFFER,
    content_media._CREDIT_TEXT,
    content_tail._SECTION_LABEL,
    content_tail._AUTHOR_BIO,
    content_tail._RELATIVE_TIME,
    related._LABEL,
    speech._SPEECH_VERB,
    speech._ACCORDING,
    speech._ACCORDING_AHEAD,
    quotes._TITLE_CUE,
    credits._AFTER_VERB,
    credits._ACCORDING,
]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", [*lexicon.available(), None])
def test_templates_compile_for_every_language(template: str, language: str | None) -> None:
    pattern = lexicon.for_language(language).compile(template)
    assert "{body." not in pattern.pattern
