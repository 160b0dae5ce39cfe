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
    date_reach_after: int = 60
    """Elements after the headline searched for a printed date (the byline, a dateline)."""
    date_reach_before: int = 15
    """Elements before the headline searched for a printed date (a kicker line with the date)."""
    date_line_alone: int = 60
    """An element with no date label and no date-naming class is read only this short: little
    more than the date itself (``<p>January 22, 2014</p>``), not a sentence that mentions one."""
    date_candidates: int = 200
    """At most this many ``<time>`` and microformat elements looked at on a page."""
    date_ancestry: int = 40
    """Ancestors checked for an embed, teaser or chrome tag around a date, up to the story."""
    date_name_depth: int = 5
    """Of those, how many have their class/id names read: a teaser box wraps its date closely,
    while names high up describe the page's layout ("has-sidebar")."""
    date_url_days: int = 1
    """A metadata date more days than this from the URL's date gives way to a printed date on the
    URL's day (the metadata named another date: a template's, a crawl's, an update's)."""
    # --- end metadata ----------------------------------------------------------------------


TUNING = Tuning()
"""The values the reader runs with."""
