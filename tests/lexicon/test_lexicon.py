"""The lexicon's API: which files a language tag reads, phrases as patterns, labels."""

from __future__ import annotations

import re

import pytest

from broadsheet import lexicon
from broadsheet.lexicon import EVERY, Lexicon, for_language, label


@pytest.mark.parametrize(
    ("tag", "files"),
    [
        ("uk", ("uk", "en")),
        ("uk-UA", ("uk", "en")),
        ("UK_ua", ("uk", "en")),
        ("de-CH", ("de", "en")),
        ("en-GB", ("en",)),
        ("nb-NO", ("no", "en")),
        ("nn", ("no", "en")),
        ("iw", ("he", "en")),
    ],
)
def test_a_language_reads_its_file_and_english(tag: str, files: tuple[str, ...]) -> None:
    assert for_language(tag).languages == files


@pytest.mark.parametrize("tag", [None, "", "xx", "ko-KR"])
def test_an_unknown_language_reads_every_file(tag: str | None) -> None:
    assert for_language(tag) == EVERY
    assert EVERY.languages == lexicon.available()


def test_words_keep_the_files_order_without_repeats() -> None:
    words = for_language("uk").words("body.boilerplate")
    assert words[0] == "Реклама"
    assert "Advertisement" in words  # English's follow
    assert len(words) == len(set(words))
    assert "Реклама" in Lexicon(("uk", "ru")).words("body.boilerplate")
    assert Lexicon(("uk", "ru")).words("body.boilerplate").count("Реклама") == 1


def test_a_language_does_not_see_another_languages_words() -> None:
    german = for_language("de")
    assert "Lesen Sie auch" in german.words("body.read_also")
    assert "Читайте также" not in german.words("body.read_also")
    assert "Читайте также" in EVERY.words("body.read_also")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match="body.read_aslo"):
        EVERY.words("body.read_aslo")


def test_a_pages_words_are_read_from_its_own_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # Start-up: a German page parses de.toml and en.toml, not the other files (a cold page's cost).
    read: list[str] = []
    table = lexicon._table.__wrapped__

    def counted(tag: str) -> dict[str, tuple[str, ...]]:
        read.append(tag)
        return table(tag)

    monkeypatch.setattr(lexicon, "_table", counted)
    for cached in (lexicon._words, lexicon._alternation, lexicon._compiled, lexicon._known_keys):
        cached.cache_clear()  # what a new process knows
    words = Lexicon(("de", "en"))
    assert "Lesen Sie auch" in words.words("body.read_also")
    words.compile(r"(?i){body.read_also}|{body.boilerplate}")
    assert set(read) == {"de", "en"}
    with pytest.raises(KeyError, match="body.read_aslo"):
        words.words("body.read_aslo")  # an unknown key still asks every file


def test_a_key_a_language_leaves_out_has_no_words() -> None:
    assert Lexicon(("zu",)).words("body.minutes") == ()
    assert Lexicon(("zu",)).alternation("body.minutes") == "(?!)"
    assert re.match(Lexicon(("zu",)).alternation("body.minutes"), "min") is None


def test_alternation_is_escaped_and_longest_first() -> None:
    alternation = Lexicon(("ru",)).alternation("body.read_also")
    pattern = re.compile(alternation, re.IGNORECASE)
    assert pattern.match("См. также").group() == "См. также"
    assert pattern.match("См, также") is None  # the dot is literal
    assert pattern.match("Читайте по теме").group() == "Читайте по теме"  # not "Читайте" alone


def test_a_space_matches_any_run_of_spaces_within_a_line() -> None:
    pattern = re.compile(Lexicon(("en",)).alternation("body.read_also"))
    assert pattern.fullmatch("Read\u00a0 also")
    assert not pattern.fullmatch("Read\nalso")


def test_placeholders() -> None:
    comments = re.compile(Lexicon(("en",)).alternation("body.section_end") + "$")
    assert comments.match("12 comments") and comments.match("12comments")
    assert comments.match("Comments (3)")
    assert comments.match("More from Example News")
    assert not comments.match("More from ")
    ago = re.compile(Lexicon(("de",)).alternation("body.time_ago"))
    assert ago.match("vor 2 Stunden")


def test_a_final_star_lets_the_word_go_on() -> None:
    cue = for_language("uk").compile(r"(?i){analysis.title_cue}")
    assert cue.fullmatch("книгою") and cue.fullmatch("Книжки")
    assert not cue.fullmatch("підручник")
    assert cue.fullmatch("видання") and not cue.fullmatch("виданнями")  # no star: the word as listed


def test_compile_fills_in_keys_and_leaves_regex_repeats() -> None:
    pattern = for_language("de").compile(r"(?i)x{2,3}:\s*(?:{body.read_also})$")
    assert pattern.match("xx: lesen sie auch")
    assert not pattern.match("x: lesen sie auch")
    assert for_language("de").compile(r"(?i){body.read_also}") is for_language("de").compile(
        r"(?i){body.read_also}"
    )


def test_compile_with_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        EVERY.compile(r"{body.nothing_here}")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("uk", "Читайте також"),
        ("uk-UA", "Читайте також"),
        ("de", "Lesen Sie auch"),
        ("sw", "Read also"),
        (None, "Read also"),
        ("nb", "Les også"),  # Bokmål reads Norwegian's file
        ("zu", "Read also"),  # a file without labels: English's
    ],
)
def test_label_is_the_languages_first_phrase_else_englishs(tag: str | None, expected: str) -> None:
    assert label(tag, "labels.read_also") == expected


def test_label_that_english_lacks_is_an_error() -> None:
    with pytest.raises(KeyError):
        label("uk", "labels.nothing_here")
