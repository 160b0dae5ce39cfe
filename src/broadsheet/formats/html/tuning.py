"""The HTML reader's tuning constants, in one place, each with what it weighs and why.

Every number a rule compares against lives here, in :class:`Tuning`, so a developer who wonders
why a block was dropped finds the threshold beside its reason, and an experiment changes one
field (``attrs.evolve(TUNING, ...)``) instead of hunting through the rules. The sections follow
the pipeline's stages.
"""

from __future__ import annotations

import attrs

__all__ = ["TUNING", "Tuning"]


@attrs.frozen(kw_only=True)
class Tuning:
    """Thresholds of the HTML reader's rules (characters unless a field says otherwise)."""

    # --- container choice ------------------------------------------------------------------
    opening_figures: int = 2
    """At most this many photos between the headline and the story's container open the story."""
    one_story_prose: int = 300
    """A page that appends the next story keeps the part holding our headline if it has this much prose."""
    no_story: int = 200
    """Less body text than this means the markup holds no story: try the page's script payload."""
    # --- end container choice --------------------------------------------------------------

    # --- blocks ----------------------------------------------------------------------------
    # --- end blocks ------------------------------------------------------------------------

    # --- edges -----------------------------------------------------------------------------
    # --- end edges -------------------------------------------------------------------------

    # --- metadata --------------------------------------------------------------------------
    language_sample: int = 600
    """Characters of the page's text the language model reads: as accurate as 2,000 on the
    development pages in a third of the time; shorter samples give it less confidence (at 400 one
    mis-declared page of the check half stays below :attr:`language_contradict`)."""
    language_min_text: int = 40
    """Fewer letters than this (among four times as many first characters) and the language model is
    not asked: the declared tag stands."""
    language_contradict: float = 0.9
    """The model's probability needed to overrule the page's declared language."""
    language_undeclared: float = 0.5
    """The model's probability needed to name the language of a page that declares none."""
    # --- end metadata ----------------------------------------------------------------------


TUNING = Tuning()
"""The values the reader runs with."""
