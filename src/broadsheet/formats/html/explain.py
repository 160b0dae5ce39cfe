"""Why the HTML reader read a page as it did: the article, with every piece of the page's text that
did not reach the body and the stage and rule that left it out, and the containers weighed.

:func:`explain` reads a page while :mod:`.tracing` records; :meth:`Explanation.text` and
:meth:`Explanation.json` render the record for people and for programs (``broadsheet explain``).
A newsroom developer reads it to fix a site with a profile; a rule's author, to see it misfire.
"""

from __future__ import annotations

from typing import Any

import attrs

from broadsheet.formats import read
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, body_text
from broadsheet.formats._shared.sources import Input
from broadsheet.formats.html import tracing
from broadsheet.model import Article

__all__ = ["Explanation", "explain"]

_WORDS = 12
"""How many words of a dropped piece the text rendering shows."""


@attrs.frozen(kw_only=True)
class Explanation:
    """An article and the record of how it was read."""

    article: Article
    trace: tracing.Trace = attrs.field(eq=False)

    def drops_by_stage(self) -> list[tuple[str, list[tracing.Drop]]]:
        """The dropped pieces grouped by stage, the stages in the order they ran."""
        order = list(dict.fromkeys(self.trace.stages))
        groups: dict[str, list[tracing.Drop]] = {stage: [] for stage in order}
        for drop in self.trace.drops:
            groups.setdefault(drop.stage, []).append(drop)
        return [(stage, drops) for stage, drops in groups.items() if drops]

    def json(self) -> dict[str, Any]:
        """The record as plain data (what ``broadsheet explain --json`` prints)."""
        return {
            "url": self.article.url,
            "title": self.article.title,
            "body_length": len(body_text(self.article.body, style=RUNNING_TEXT)),
            "stages": list(self.trace.stages),
            "candidates": [attrs.asdict(c) for c in self.trace.candidates],
            "drops": [attrs.asdict(d) for d in self.trace.drops],
            "dropped_length": self.trace.dropped_length(),
        }

    def text(self) -> str:
        """The record for people: the container and its rivals, then what each stage left out."""
        article, trace = self.article, self.trace
        body = body_text(article.body, style=RUNNING_TEXT)
        lines = [
            f"title: {article.title}",
            f"body: {len(article.body)} blocks, {len(body):,} characters",
        ]
        chosen = [c for c in trace.candidates if c.chosen]
        rivals = [c for c in trace.candidates if not c.chosen]
        if chosen:
            lines.append("")
            lines.append("container (chosen by score):")
            for candidate in chosen:
                lines.append(f"  {candidate.where}  score {candidate.score:,.0f}, {candidate.length:,} chars")
                if candidate.note:
                    lines.append(f"    {candidate.note}")
        if rivals:
            lines.append("  over:")
            for candidate in rivals:
                lines.append(
                    f"    {candidate.where}  score {candidate.score:,.0f}, {candidate.length:,} chars"
                )
                if candidate.note:
                    lines.append(f"      {candidate.note}")
        groups = self.drops_by_stage()
        lines.append("")
        if not groups:
            lines.append("left out: nothing")
        else:
            lines.append(
                f"left out: {trace.dropped_length():,} characters in {len(trace.drops)} pieces, by stage:"
            )
        for stage, drops in groups:
            lines.append(f"  {stage} ({sum(d.length for d in drops):,} chars)")
            for drop in drops:
                words = drop.text.split()
                shown = " ".join(words[:_WORDS]) + (" …" if len(words) > _WORDS else "")
                where = f"  {drop.where}" if drop.where else ""
                lines.append(f"    {drop.rule}: {drop.length:,} chars{where}")
                lines.append(f"      {shown}")
        return "\n".join(lines) + "\n"


def explain(source: Input, *, url: str | None = None, timeout: float = 30.0, **options: Any) -> Explanation:
    """Read an HTML page as :func:`broadsheet.read` does, recording why its text was kept or left out.

    ``source`` is what :func:`broadsheet.read` takes (bytes, a path, a URL); ``options`` are the
    HTML reader's (``profile=``, ``headers=``, ``enrich=``...).
    """
    if url is not None:
        options["url"] = url
    with tracing.recording() as trace:
        article = read(source, "html", timeout=timeout, **options)
    return Explanation(article=article, trace=trace)
