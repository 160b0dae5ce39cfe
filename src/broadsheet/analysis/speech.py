"""Attribution of quoted words: speech verbs and who they name, before or after a quotation.

Handles "«…», — заявив Блінкен", "“…,” Blinken said", "“…,” said Blinken",
"Лавров сказал: «…»", "за словами Блінкена, «…»", "according to Blinken, “…”"
and the like in Ukrainian, Russian and English. Every look is confined to a
short window next to the quotation, so the cost is linear in the text.
"""

from __future__ import annotations

import re

import attrs

from broadsheet.analysis import names
from broadsheet.analysis.credits import AGENCIES
from broadsheet.analysis.names import Case
from broadsheet.analysis.people import ENGLISH_TITLES, WORD, People, is_name_word, is_pronoun
from broadsheet.lexicon import EVERY, Lexicon

WINDOW = 240
"""How many characters around a quotation are searched for its attribution."""

# Verbs of saying (заявив, сказал, said) and "according to" phrases: the lexicon's [analysis].
_SPEECH_VERB = r"(?i){analysis.speech_verb}"
_ACCORDING = r"(?i)(?:{analysis.according})\s+"
_ACCORDING_AHEAD = r"(?i)(?:{analysis.according_after})\s+"
_STOP_WORD_TEXT = """
    у в на після під за з із зі до від для про по перед і й та а але що як коли який яка які не через
    во после под с со из от о об и но что как когда который которая которые не через
    in at on after before during to from for with and but that who which when while as adding citing by
"""
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_ARTICLES = frozenset({"the", "a", "an"})
_SENTENCE_END = re.compile(r"[.!?…;](?=\s|$)|\n")
_MAX_TITLE_WORDS = 6


def is_speech_verb(word: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether ``word`` is a verb of saying (заявив, сказал, said…)."""
    return lexicon.compile(_SPEECH_VERB).fullmatch(word) is not None


@attrs.frozen
class Attribution:
    """What the text next to a quotation says about who said it."""

    speaker: str | None
    """The speaker's name in the nominative, resolved to a full name where possible; ``None`` if unnamed."""
    end: int
    """Index just past the attribution clause (for a quotation that continues after it)."""


def _tokens(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether only spaces separate two words."""
    gap = text[left.end() : right.start()]
    return not gap.strip()


def _name_run(words: list[str]) -> list[str] | None:
    """The name in a run of capitalised words, or ``None`` when the run looks like no person's name.

    From a known first name on; else, in Cyrillic, the surname (the last
    word); in Latin script, the words that are not titles, if at most two
    (three unknown capitalised words are more often an organisation).
    """
    for index, word in enumerate(words):
        if names.is_first_name(word):
            return words[index:]
    if any("\u0400" <= char <= "\u04ff" for word in words for char in word):
        return words[-1:]
    kept = [word for word in words if word.lower() not in ENGLISH_TITLES]
    return kept if 0 < len(kept) <= 2 else None


def _after_verb(text: str, tokens: list[re.Match[str]], verb: int) -> tuple[list[str] | None, bool]:
    """The speaker named right after a speech verb: title words skipped, the last run of names taken.

    Returns the name words (``None`` when no one is named) and whether a
    pronoun stood there.
    """
    runs: list[tuple[list[str], str]] = []
    lower = 0
    for index in range(verb + 1, len(tokens)):
        token = tokens[index]
        if index > verb + 1 and not _joined(text, tokens[index - 1], token):
            break
        word = token.group()
        if index == verb + 1 and is_pronoun(word):
            return None, True
        if is_name_word(word) and word.lower() not in ENGLISH_TITLES:
            if runs and runs[-1][1] == "open":
                runs[-1][0].append(word)
            else:
                before = tokens[index - 1].group().lower() if index > verb + 1 else ""
                runs.append(([word], "open" if before not in _ARTICLES else "article"))
                if before in _ARTICLES:
                    runs[-1] = (runs[-1][0], "open-article")
            continue
        if runs and runs[-1][1].startswith("open"):
            runs[-1] = (runs[-1][0], "closed" if runs[-1][1] == "open" else "article")
        if word.lower() in _STOP_WORDS:
            break
        lower += 1
        if lower > _MAX_TITLE_WORDS:
            break
    people = [run for run, state in runs if "article" not in state]
    return (_name_run(people[-1]) if people else None), False


def _before_verb(text: str, tokens: list[re.Match[str]], verb: int) -> tuple[list[str] | None, bool]:
    """The speaker named right before a speech verb ("Blinken said", "Лавров сказал")."""
    if verb == 0:
        return None, False
    previous = tokens[verb - 1]
    if not _joined(text, previous, tokens[verb]):
        return None, False
    if is_pronoun(previous.group()):
        return None, True
    run: list[str] = []
    index = verb - 1
    while (
        index >= 0
        and is_name_word(tokens[index].group())
        and tokens[index].group().lower() not in _STOP_WORDS
    ):
        if index < verb - 1 and not _joined(text, tokens[index], tokens[index + 1]):
            break
        run.insert(0, tokens[index].group())
        index -= 1
    if not run or (index >= 0 and tokens[index].group().lower() in _ARTICLES):
        return None, False  # "the Alliance said": an organisation
    if index >= 0 and tokens[index].group().lower() in _STOP_WORDS:
        return None, False  # "після зустрічі з Лавровим заявив": not the subject
    return _name_run(run), False


def _subject(text: str, tokens: list[re.Match[str]]) -> list[str] | None:
    """A full name earlier in the clause ("Ентоні Блінкен після зустрічі заявив:"): the first with a known first name."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if (
            names.is_first_name(token.group())
            and is_name_word(following.group())
            and _joined(text, token, following)
        ):
            return [token.group(), following.group()]
    return None


def _resolve(people: People, words: list[str] | None, case: Case | None = None) -> str | None:
    if not words or " ".join(words) in AGENCIES:
        return None  # "Reuters reported": a credit, not a speaker
    return people.resolve(words, case)


def after(
    text: str, start: int, limit: int, inner: str, people: People, lexicon: Lexicon = EVERY
) -> Attribution | None:
    """The attribution that follows a quotation closing just before ``start``, if any.

    ``limit`` is where the next quotation begins; ``inner`` is the quoted text
    (English puts the comma inside the marks); ``lexicon``, the words of the text's language.
    """
    window = text[start : min(limit, start + WINDOW)]
    lead = re.match(r"[^\S\n]*([,!?…]|\.\.\.)?[^\S\n]*(?:([-–—])[^\S\n]+)?", window)
    assert lead is not None
    punctuated = lead.group(1) is not None or lead.group(2) is not None or inner.rstrip()[-1:] in ",!?…"
    if not punctuated:
        return None
    rest_start = lead.end()
    end_match = _SENTENCE_END.search(window, rest_start)
    clause_end = end_match.start() if end_match else len(window)
    clause = window[:clause_end]
    tokens = [token for token in _tokens(clause) if token.start() >= rest_start]
    if not tokens:
        return None
    end = start + (end_match.end() if end_match else len(window))
    according = lexicon.compile(_ACCORDING_AHEAD).match(clause, rest_start)
    if according is not None:
        run = _leading_names(clause, [t for t in tokens if t.start() >= according.end()])
        speaker = _resolve(people, run, Case.GENITIVE if _cyrillic(clause) else None)
        return Attribution(speaker=speaker, end=end)
    for index, token in enumerate(tokens[:6]):
        if index > 0 and not _joined(clause, tokens[index - 1], token):
            return None
        if token.group().lower() in _STOP_WORDS:
            return None  # "…," but residents said: the verb belongs to another clause
        if not is_speech_verb(token.group(), lexicon):
            continue
        if index == 0:
            words, _ = _after_verb(clause, tokens, index)
        else:
            words, _ = _before_verb(clause, tokens, index)
        return Attribution(speaker=_resolve(people, words), end=end)
    return None


def _leading_names(text: str, tokens: list[re.Match[str]]) -> list[str]:
    """The words of a name phrase at the start of ``tokens`` (title words, then names)."""
    out: list[str] = []
    for index, token in enumerate(tokens[: _MAX_TITLE_WORDS + 3]):
        if index > 0 and not _joined(text, tokens[index - 1], token):
            break
        word = token.group()
        if word.lower() in _STOP_WORDS:
            break
        out.append(word)
    return out


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def before(
    text: str, boundary: int, open_index: int, people: People, lexicon: Lexicon = EVERY
) -> tuple[Attribution, bool] | None:
    """The attribution that introduces a quotation opening at ``open_index``, if any.

    ``boundary`` is where the previous quotation ended. Returns the
    attribution and whether it ends in a colon (which lets even a short
    quotation count).
    """
    window_start = max(boundary, open_index - WINDOW)
    window = text[window_start:open_index]
    clause_start = 0
    for match in _SENTENCE_END.finditer(window):
        clause_start = match.end()
    clause = window[clause_start:].rstrip()
    colon = clause.endswith(":")
    that = re.search(r"(?:,\s*|\s)(?:що|что|that)$", clause, re.IGNORECASE)
    comma = clause.endswith(",")
    if colon:
        head = clause[:-1].rstrip()
    elif that is not None:
        head = clause[: that.start()].rstrip(" ,")
    elif comma:
        head = clause[:-1].rstrip()
    else:
        return None
    tokens = _tokens(head)
    if not tokens:
        return None
    according = None
    for match in lexicon.compile(_ACCORDING).finditer(head):
        according = match
    if according is not None and comma:
        named = [t for t in tokens if t.start() >= according.end()]
        leading = _leading_names(head, named)
        if len(leading) != len(named):
            return None
        case = Case.GENITIVE if _cyrillic(head) else None
        return Attribution(speaker=_resolve(people, leading, case), end=open_index), colon
    recent = tokens[-8:]
    offset = len(tokens) - len(recent)
    for index in range(len(recent) - 1, -1, -1):
        if not is_speech_verb(recent[index].group(), lexicon):
            continue
        verb = offset + index
        if comma and not colon:
            # "Як сказав Блінкен, «…»", "As Blinken put it, “…”": the verb clause must open with як/как/as.
            opener = tokens[verb - 1].group().lower() if verb > 0 else ""
            opener2 = tokens[verb - 2].group().lower() if verb > 1 else ""
            if opener not in ("як", "как", "as") and opener2 not in ("як", "как", "as"):
                return None
        if that is not None and verb < len(tokens) - 3:
            return None
        words, pronoun = _before_verb(head, tokens, verb)
        if words is None and not pronoun:
            words, _ = _after_verb(head, tokens, verb)
        if words is None and not pronoun:
            words = _subject(head, tokens[:verb])
        return Attribution(speaker=_resolve(people, words), end=open_index), colon
    return None
