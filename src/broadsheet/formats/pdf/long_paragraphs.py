"""A paragraph of many pages set in linear time.

reportlab splits a paragraph at a frame's foot by breaking all its lines and
keeping the rest as a new paragraph, which the next frame breaks into lines
again, all of it: a paragraph of P pages costs P full line breakings. Lines
are broken greedily, so the lines a frame shows depend only on the text from
where they start: :class:`LongParagraph` hands reportlab a window of the rest,
a few frames' worth, splits that, and puts the window's own rest back in
front of the text it left out. The text, the line breaks and the justification
are those of the whole paragraph; only the window is ever broken.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import _getFragWords, _processed_frags, _shy, _SHYStr, split, strip

LONG_CHARS = 12_000
"""Paragraph markup longer than this is set through a window."""

WINDOW_LINES = 1.5
"""The first window holds text for this many times the lines a frame takes (doubled while that is too little)."""

WINDOW_SPARE_LINES = 3
"""Later windows hold text for this many lines more than a frame takes, at the characters per line measured."""

CHAR_EMS = 0.45
"""The width of an average character, in ems, for guessing how much text a line holds."""


def _processed(frags: list[Any]) -> bool:
    """Whether ``frags`` are words as reportlab's split leaves them for mixed fonts: [width, (frag, text)…]."""
    return (
        bool(frags)
        and isinstance(frags[0], list)
        and bool(frags[0])
        and isinstance(frags[0][0], (int, float))
    )


def _processed_cut(words: list[Any], chars: int) -> tuple[list[Any], list[Any]] | None:
    """Words of mixed fonts cut after the word that passes ``chars`` characters."""
    total = 0
    for index, word in enumerate(words):
        total += 1 + sum(len(piece[1]) for piece in word[1:] if isinstance(piece, tuple) and len(piece) > 1)
        if total >= chars and index + 1 < len(words):
            return words[: index + 1], words[index + 1 :]
    return None


def _word_cut(frag: Any, chars: int) -> tuple[list[Any], list[Any]] | None:
    """A broken-into-words fragment (what a split leaves) cut after the word that passes ``chars``."""
    total = 0
    words = frag.words
    for index, word in enumerate(words):
        total += len(word) + 1
        if total >= chars and index + 1 < len(words):
            return [frag.clone(words=words[: index + 1])], [frag.clone(words=words[index + 1 :])]
    return None


def _longer_than(frags: list[Any], chars: int) -> bool:
    """Whether ``frags`` hold more than ``chars`` characters (counting stops there: the rest may be long)."""
    total = 0
    for frag in frags:
        if isinstance(frag, list):
            total += 1 + sum(
                len(piece[1]) for piece in frag[1:] if isinstance(piece, tuple) and len(piece) > 1
            )
        else:
            total += len(getattr(frag, "text", "") or "")
            for word in getattr(frag, "words", ()):
                total += len(word) + 1
                if total > chars:
                    return True
        if total > chars:
            return True
    return False


def _keep_lines(first: Paragraph, window: Paragraph, width: float) -> None:
    """Let the first part of a window's split keep the window's lines instead of breaking them again.

    reportlab's split gives the part its lines in a form only for measuring
    and the part breaks its text again when placed: a page's text broken
    twice. The lines are the window's own (greedy breaking: the lines from a
    point on depend only on the text from there), set in the form its
    ``breakLines`` returns.
    """
    lines = window.blPara
    kept = first.blPara
    if lines.kind == 0:
        kept = lines.clone(lines=kept.lines)
    first.__dict__["_bs_lines"] = (width, kept, float(first.height), window._wrapWidths)


def _one_run(frags: list[Any]) -> list[Any] | None:
    """``frags`` as one fragment when they are all text alike in everything else, else None."""
    alike = dict(frags[0].__dict__)
    if alike.pop("text", None) is None:
        return None
    texts = []
    for frag in frags:
        rest = dict(frag.__dict__)
        text = rest.pop("text", None)
        if not isinstance(text, str) or rest != alike:
            return None
        texts.append(text)
    return [frags[0].clone(text="".join(texts))]


def _as_words(paragraph: Paragraph) -> None:
    """Give ``paragraph`` the words reportlab's split would leave of it, so a window is cut from its start.

    Without this the first frame is reportlab's own split, one line breaking of
    the whole paragraph. The words are what ``breakLines`` makes of the
    fragments itself (a plain run split at spaces; mixed fonts as reportlab's
    words of fragments), so the lines are the same. Shaped and right-to-left
    text is left alone: its words change form when lines are broken.

    Fragments that differ only in their text are one run: reportlab's parser
    cuts a run at every entity (``&amp;``, ``&lt;``), and one ``&`` made a
    plain paragraph take reportlab's way for mixed fonts, over three times
    slower.
    """
    style, frags = paragraph.style, paragraph.frags
    if not frags or _processed_frags(frags) or hasattr(frags[0], "words"):
        return
    if style.shaping or style.wordWrap or style.endDots or getattr(paragraph, "bulletText", None):
        return
    if len(frags) > 1:
        frags = _one_run(frags) or frags
    first = frags[0]
    if len(frags) == 1 and not (hasattr(first, "cbDefn") or hasattr(first, "backColor")):
        if not hasattr(first, "text"):
            return
        words = first.clone()
        for name in ("lines", "kind", "text"):
            if hasattr(words, name):
                delattr(words, name)
        words.words = _soft_hyphen_words(split(strip(first.text)))
        paragraph.frags = [words]
        return
    paragraph.frags = _getFragWords(frags)


def _soft_hyphen_words(words: list[str]) -> list[str]:
    """``words`` with each soft-hyphenated one as reportlab's breaking makes it, one object per word.

    reportlab turns a word with soft hyphens into its hyphenation form each
    time it breaks lines (each window); made here once, and shared by the
    repeats of a word, it is only looked up (it keeps nothing of one line).
    """
    shared: dict[str, str] = {}
    out: list[str] = []
    for word in words:
        if _shy in word:
            found = shared.get(word)
            if found is None:
                found = shared[word] = _SHYStr(word)
            word = found
        out.append(word)
    return out


class LongParagraph(Flowable):  # type: ignore[misc]
    """A paragraph too long to re-break on every page: set through windows of its rest."""

    def __init__(self, paragraph: Paragraph, *, per_line: float = 0.0) -> None:
        """``paragraph`` is the whole paragraph (or what is left of it after a split).

        ``per_line`` is how many characters a line held in the window before (0: not known yet).
        """
        super().__init__()
        _as_words(paragraph)
        self.paragraph = paragraph
        self.per_line = per_line
        self._window: tuple[tuple[float, float], Paragraph, list[Any], float] | None = None

    def getSpaceBefore(self) -> float:
        """The paragraph's space before."""
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        """The paragraph's space after."""
        return float(self.paragraph.getSpaceAfter())

    def _cut(self, chars: int) -> tuple[list[Any], list[Any]] | None:
        """The fragments for a window of about ``chars`` characters and those after it (None: no window).

        Windows are cut from what reportlab's first split leaves (the
        paragraph as words): a plain run as one fragment of words, mixed
        fonts as a list of words. The first page is reportlab's own split.
        """
        frags = self.paragraph.frags
        if len(frags) == 1 and hasattr(frags[0], "words"):
            return _word_cut(frags[0], chars)
        if _processed(frags):
            return _processed_cut(frags, chars)
        return None

    def _open(self, width: float, height: float) -> tuple[Paragraph, list[Any]]:
        """The window for a frame ``width`` by ``height`` and the fragments after it ([]: the whole rest)."""
        if self._window is not None and self._window[0] == (width, height):
            return self._window[1], self._window[2]
        style = self.paragraph.style
        lines = max(2, int(height / style.leading) + 2)
        if self.per_line:  # measured on the window before: a window hardly larger than needed
            chars = int((lines + WINDOW_SPARE_LINES) * self.per_line)
        else:
            chars = int(lines * WINDOW_LINES * max(width / (style.fontSize * CHAR_EMS), 10))
        found: tuple[Paragraph, list[Any]] = (self.paragraph, [])
        per_line = 0.0
        while _longer_than(self.paragraph.frags, chars):
            cut = self._cut(chars)
            if cut is None:
                break
            window = self.paragraph.__class__(None, style, frags=cut[0])
            window.wrap(width, height)
            count = len(window.blPara.lines)
            if count > lines + 1:
                found = (window, cut[1])
                per_line = chars / max(1, count - 1)  # the last line is a part of one
                break
            chars *= 2
        self._window = ((width, height), *found, per_line)
        return found

    def _no_room(self, height: float) -> bool:
        """Whether a frame ``height`` tall has no room for one line (reportlab's split would give nothing)."""
        return bool(height < self.paragraph.style.leading)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The whole height when the rest fits one window; otherwise more than the frame has (so it splits)."""
        if self._no_room(availHeight):  # the foot of a frame: no window is broken only to be refused
            self.width, self.height = availWidth, availHeight + 1
            return (self.width, self.height)
        window, rest = self._open(availWidth, availHeight)
        if not rest:
            size: tuple[float, float] = window.wrap(availWidth, availHeight)
            self.width, self.height = size
            return size
        self.width, self.height = availWidth, max(float(window.height), availHeight + 1)
        return (self.width, self.height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The lines that fit, then a long paragraph of the window's rest followed by the text after it."""
        if self._no_room(availHeight):
            return []
        window, rest = self._open(availWidth, availHeight)
        parts: list[Flowable] = list(window.split(availWidth, availHeight))
        if len(parts) != 2 or not isinstance(parts[1], Paragraph):
            return parts if not rest else []  # a window has more lines than fit: only "no room" gets here
        first, second = parts
        _keep_lines(first, window, availWidth)
        if rest:
            frags = list(second.frags)
            if len(frags) == 1 and hasattr(frags[0], "words") and hasattr(rest[0], "words"):
                frags = [frags[0].clone(words=[*frags[0].words, *rest[0].words])]
            else:
                frags += rest  # both lists of words, as the window was cut from the same form
            second = second.__class__(None, second.style, frags=frags)
        per_line = self._window[3] if self._window is not None else 0.0
        self._window = None
        return [first, LongParagraph(second, per_line=per_line)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the rest when it fitted whole (a long rest is always split first)."""
        self.paragraph.drawOn(canvas, x, y, _sW)
