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
    # Scoring (content_score.py): every text is prose, noise (links, chrome) or neutral.
    prose_length: int = 80
    """A paragraph at least this long is prose."""
    noise_weight: float = 2.5
    """How much a character of link text outside running text costs against one of prose."""
    chrome_weight: float = 1.0
    """How much a character inside chrome costs against one of prose."""
    neutral_weight: float = 0.3
    """How much a character of short text (labels, dates, bylines) costs."""
    misleading_name_share: float = 0.5
    """An element named like chrome is read as content when it holds this share of the page's prose."""
    weak_chrome_prose: int = 80
    """An element with a layout name like "sidebar" is content when it holds this much prose."""
    article_body_bonus: float = 1.25
    """An ``<article>`` or ``itemprop="articleBody"`` element's positive score is multiplied by this."""
    climb_keep: float = 0.9
    """The best element climbs to its parent when the parent keeps this share of its score ..."""
    climb_noise: float = 0.05
    """... or when the links and chrome the parent adds cost less than this share of the score"""
    climb_neutral_keep: float = 0.25
    """(while keeping this share of the score, whatever short text it adds)"""
    climb_prose_gain: float = 1.5
    """... or when the parent holds this many times the prose, with few links added"""
    climb_noise_floor: float = 1000.0
    """(the noise allowance is a share of this score at least, so a short story takes its embeds along)."""
    hint_prose_gain: float = 1.5
    """An enclosing ``<article>`` holding this many times the prose of the best element is taken instead."""
    anchor_text: int = 200
    """The headline anchors a rival container, its lowest ancestor with this much text besides links,
    which beats a best element apart from it that comes before the headline or lies in a part of the
    page named like chrome ..."""
    anchor_share: float = 0.25
    """... when it holds at least this share of the best element's text besides links."""
    short_story: int = 200
    """A container with less text than this besides links (or a score of 0 or less) is checked against
    the headline's container and the page's ``<article>``, and one holding more text is taken."""
    # Assembling the story (body.py, pipeline.py).
    one_story_prose: int = 300
    """A page that appends the next story keeps the part holding our headline if it has this much prose."""
    keep_size_floor: int = 300
    """Chrome-named boxes inside the story holding this much prose are kept ..."""
    keep_size_share: int = 4
    """... or one this-th of the story's prose, whichever is more."""
    opening_figures: int = 2
    """At most this many photos between the headline and the story's container open the story."""
    no_story: int = 200
    """Less body text than this means the markup holds no story: try the page's script payload."""
    # Around the headline (content_header.py).
    first_prose: int = 80
    """The first paragraph this long ends the region where the standfirst is looked for."""
    lead_min: int = 30
    """A standfirst named as one is at least this long ..."""
    lead_max: int = 1500
    """... and at most this long."""
    unnamed_lead_reach: int = 12
    """An unnamed standfirst is one of the first this-many elements after the headline ..."""
    unnamed_lead_min: int = 60
    """... at least this long ..."""
    unnamed_lead_max: int = 600
    """... and at most this long."""
    subtitle_reach: int = 12
    """The printed subtitle is one of the first this-many elements after the headline."""
    byline_max: int = 150
    """A byline element's text is at most this long."""
    # --- end container choice --------------------------------------------------------------

    # --- blocks ----------------------------------------------------------------------------
    # --- end blocks ------------------------------------------------------------------------

    # --- edges -----------------------------------------------------------------------------
    # --- end edges -------------------------------------------------------------------------

    # --- metadata --------------------------------------------------------------------------
    # --- end metadata ----------------------------------------------------------------------


TUNING = Tuning()
"""The values the reader runs with."""
