"""What the HTML reader decided on one page and why: the record behind ``broadsheet explain``.

Rules anywhere in the reader report what they drop with :func:`dropped` and the container choice
with :func:`candidate`; both do nothing (one context-variable lookup) unless a caller is recording
with :func:`recording`. A context variable, not a parameter threaded through every rule, keeps the
rules' signatures about pages and lets a thread or task record its own page only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs
from lxml import html

__all__ = [
    "Candidate", "Drop", "Trace", "active", "candidate", "describe", "dropped", "narrowed", "recording", "stage",
]  # fmt: skip

_SHOWN = 120
"""How much of a dropped text the record keeps: enough to recognise it, not the whole footer."""
_PLACED = 500
"""Drops after this many name their element's tag only: its path costs a walk over its siblings."""


@attrs.frozen(kw_only=True)
class Drop:
    """A piece of the page's text that did not reach the body."""

    stage: str
    """The pipeline stage that was running, e.g. ``"drop junk"``."""
    rule: str
    """The rule that dropped it (a function or constant name), e.g. ``"link_dense"``."""
    where: str
    """The element, as ``tag#id.class`` with its path in the page, or ``""`` for a block of text."""
    text: str
    """The start of the dropped text, whitespace collapsed."""
    length: int
    """The dropped text's length in characters."""


@attrs.frozen(kw_only=True)
class Candidate:
    """An element considered as the story's container."""

    where: str
    score: float
    length: int
    """Characters of text in it."""
    chosen: bool = False
    note: str = ""
    """Why it won or lost, when a rule says more than its score."""


@attrs.define
class Trace:
    """Everything recorded while reading one page, in the order it happened."""

    drops: list[Drop] = attrs.Factory(list)
    candidates: list[Candidate] = attrs.Factory(list)
    stages: list[str] = attrs.Factory(list)
    """The stages that ran, in order."""
    current: str = ""
    covered: list[html.HtmlElement] = attrs.field(factory=list, eq=False, repr=False)
    """The elements reported dropped, so that the account of the rest can pass them over."""
    covered_text: list[str] = attrs.field(factory=list, eq=False, repr=False)
    """The texts reported dropped, whole and without spaces, for the same account."""

    def dropped_length(self) -> int:
        """Characters of the page's text that did not reach the body."""
        return sum(drop.length for drop in self.drops)


_ACTIVE: ContextVar[Trace | None] = ContextVar("broadsheet_html_trace", default=None)


@contextmanager
def recording() -> Iterator[Trace]:
    """Record the reader's decisions while the ``with`` block runs."""
    trace = Trace()
    token = _ACTIVE.set(trace)
    try:
        yield trace
    finally:
        _ACTIVE.reset(token)


def active() -> Trace | None:
    """The trace being recorded, if any."""
    return _ACTIVE.get()


def stage(name: str) -> None:
    """Mark the start of a pipeline stage (called by the pipeline runner)."""
    trace = _ACTIVE.get()
    if trace is not None:
        trace.current = name
        trace.stages.append(name)


def dropped(rule: str, what: html.HtmlElement | str, *, stage: str | None = None, where: str = "") -> None:
    """Report that ``rule`` kept ``what`` (an element or a text) out of the body.

    ``stage`` names the stage to charge when it is not the one running (an account made at the
    end); ``where`` says where a text was, when the caller knows.
    """
    trace = _ACTIVE.get()
    if trace is None:
        return
    if isinstance(what, str):
        text = what
        trace.covered_text.append("".join(text.split()))
    else:
        where = describe(what) if len(trace.drops) < _PLACED else str(what.tag)
        text = what.text_content()
        trace.covered.append(what)
    words = " ".join(text.split())
    if not words:
        return
    shown = words if len(words) <= _SHOWN else words[: _SHOWN - 1] + "…"
    trace.drops.append(
        Drop(stage=stage or trace.current, rule=rule, where=where, text=shown, length=len(words))
    )


def candidate(
    element: html.HtmlElement, score: float, length: int, *, chosen: bool = False, note: str = ""
) -> None:
    """Report a container candidate and its score."""
    trace = _ACTIVE.get()
    if trace is not None:
        trace.candidates.append(
            Candidate(where=describe(element), score=score, length=length, chosen=chosen, note=note)
        )


def narrowed(element: html.HtmlElement, note: str) -> None:
    """Report that a rule replaced the chosen container with ``element``, a part of it."""
    trace = _ACTIVE.get()
    if trace is None:
        return
    previous = next((c for c in reversed(trace.candidates) if c.chosen), None)
    score = 0.0
    if previous is not None:
        trace.candidates[trace.candidates.index(previous)] = attrs.evolve(
            previous, chosen=False, note="; ".join(n for n in (previous.note, "chosen, then narrowed") if n)
        )
        score = previous.score
    trace.candidates.insert(
        0,
        Candidate(
            where=describe(element), score=score, length=len(element.text_content()), chosen=True, note=note
        ),
    )


def describe(element: html.HtmlElement) -> str:
    """``tag#id.class1.class2 (/html/body/div[2])``: how a developer finds the element again."""
    name = str(element.tag)
    ident = element.get("id")
    if ident:
        name += "#" + ident.strip()
    classes = (element.get("class") or "").split()
    if classes:
        name += "." + ".".join(classes[:3])
    try:
        path = element.getroottree().getpath(element)
    except ValueError:
        return name
    return f"{name} ({path})"
