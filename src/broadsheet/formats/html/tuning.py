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
    lead_printed_scan: int = 400
    """Pictures looked at, in page order, for the copy of the metadata's lead image the page shows."""
    lead_file_name: int = 10
    """A file name (without its extension) this short (``photo.jpg``) is too common to say two
    addresses hold the same picture."""
    opening_figures: int = 2
    """At most this many photos between the headline and the story's container open the story."""
    opening_pictures: int = 8
    """Pictures between the headline and the container looked at for a box that is a figure by shape ..."""
    opening_picture_levels: int = 3
    """... that many levels up from each."""
    no_story: int = 200
    """Less body text than this means the markup holds no story: try the page's script payload."""
    # Around the headline (content_header.py).
    first_prose: int = 80
    """The first paragraph this long ends the region where the standfirst is looked for."""
    lead_min: int = 30
    """A standfirst named as one is at least this long ..."""
    lead_max: int = 1500
    """... and at most this long."""
    lead_story_share: float = 0.6
    """An element named as a standfirst inside the container that holds more than this share of the
    container's text is the story itself (a blog's ``div.summary`` around every paragraph), not
    its standfirst: taking it left the body empty."""
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
    teaser_words: int = 6
    """A paragraph that is one link is a button up to this many words, a teaser of another story above."""
    box_title_words: int = 4
    """A list of nothing but links is a read-also box when its titles average this many words (else a menu)."""
    box_linked_share: float = 0.5
    """A read-also box's link titles hold at least this share of its text (besides the label)."""
    box_title: int = 12
    """A link title shorter than this in a read-also box is a "more" button, not a story's title."""
    box_text: int = 2500
    """A read-also box holds at most this much text; more is a section of the page."""
    box_heading: int = 60
    """The heading a box prints above its links is at most this long."""
    drop_share: float = 0.5
    """No drop rule inside the container (hidden, chrome names) takes a block holding this share of
    the container's text: the name misleads, and dropping it would leave no story."""
    comments_story_share: float = 0.8
    """A comment-named block is dropped unless it holds this share of the container's prose (and
    more than ``keep_size``): then it is the story under a misleading name."""
    meta_text: int = 300
    """A block named for metadata (byline, date, caption) holds less text than this."""
    figure_text: int = 600
    """A block named for a picture holds less text than this beside its image."""
    embed_text: int = 600
    """A box for third-party content (a player or its consent notice) holds less text than this."""
    card_words: int = 4
    """A linked picture with at least this many words is a teaser card, not a button."""
    card_text: int = 800
    """A teaser card previews a page in a headline and a few lines; more text is a story section."""
    feed_items: int = 3
    """A feed of other stories (latest news, most read) has at least this many items of one shape."""
    meta_line: int = 80
    """Above the story, a list of short lines (this long at most), half of them stamps, is its metadata."""
    toc_slack: int = 5
    """Characters an entry of a table of contents may hold besides its link (a number, a dash)."""
    header_levels: int = 4
    """A heading above the story's first line is the page's headline block when a ``<header>``
    (or a box named one) holds it this many levels up at most."""
    button_words: int = 6
    """A button's label has at most this many words ("Jetzt bestellen", "Create an account")."""
    prompt_text: int = 1000
    """A box holding a button is a prompt to the reader when it holds at most this much text ..."""
    button_box_text: int = 400
    """A box known to hold a button only by a ``<button>`` removed as junk (a control whose look the
    page's scripts give, an expander or a consent switch as often as a prompt's) is a prompt when
    it holds at most this much text."""
    prompt_elements: int = 200
    """... and at most this many elements."""
    style_chars: int = 500_000
    """Characters of a page's ``<style>`` read for the classes it hides (the bound of that work)."""
    # --- end blocks ------------------------------------------------------------------------

    # --- edges -----------------------------------------------------------------------------
    section_end_share: float = 0.5
    """A site-section label ("Most read") past this share of the body's text ends the story."""
    prose_words: int = 20
    """A block of this many words is the story's first paragraph: date and byline lines end above it."""
    last_words: int = 10
    """Below the story, blocks shorter than this are looked at for date stamps and link lists."""
    long_words: int = 25
    """A paragraph this long is the story's running text; the short edges are judged around it."""
    short_words: int = 8
    """Short lines at the story's edges have fewer words than this."""
    linked_list: float = 0.4
    """A list whose text is this much link text is a box of other stories."""
    closing_linked: float = 0.5
    """Below the story, a short line this much link text is a prompt, even when it reads as a sentence."""
    bio_text: int = 400
    """An author's bio under the story is at most this long."""
    pull_quote_words: int = 6
    """A block quote whose first this-many words a paragraph of the story prints too is a pull quote."""
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

    # --- readers' comments (comments.py; only with the reader's ``comments=True``) ----------
    comments_max: int = 500
    """At most this many comments are read from a page."""
    comment_max_chars: int = 20_000
    """A comment's text is cut at this length."""
    comment_section_names: frozenset[str] = frozenset(
        {"comments", "commentlist", "comment-list", "comments-list", "comment-section", "comments-area",
         "comment-thread", "discussion", "disqus", "disqus_thread", "respond", "replies", "kommentare"}
    )  # fmt: skip
    """Name parts (or whole class/id tokens) of a block that holds a comment thread. A block so named
    that holds no item named as a comment ("12 comments", a reply form) gives none."""
    comment_item_names: frozenset[str] = frozenset(
        {"comment", "kommentar", "comment-item", "comments-item", "comment-entry", "comment-single"}
    )
    """The last word, or last two words, of a class/id token naming one comment (``li.comment``,
    ``id="comment-42"``, ``div.comment__item``), as opposed to a part of one (``comment-content``)
    or the thread (``comments``)."""
    comment_reply_names: frozenset[str] = frozenset({"children", "replies", "reply-list", "thread"})
    """Name parts of a box of replies inside a comment (a list inside one opens replies too)."""
    comment_text_names: tuple[str, ...] = ("content", "text", "message", "body", "entry")
    """Name parts of a comment's text, best first (``comment-content`` before ``comment-body``,
    which also holds the author and date). A comment with none of these gives no comment."""
    comment_author_names: frozenset[str] = frozenset(
        {"author", "fn", "user", "username", "nickname", "name", "commenter"}
    )
    """Name parts of a comment's author; the innermost so named element holds the name."""
    comment_date_names: frozenset[str] = frozenset(
        {"date", "datetime", "time", "timestamp", "published", "meta", "metadata", "commentmetadata"}
    )
    """Name parts of a comment's printed date, when it has no ``<time>``."""
    comment_notice_names: frozenset[str] = frozenset({"pingback", "trackback"})
    """Name parts of an item that is a notice of a link from another page (WordPress classes
    pingbacks and trackbacks so, inside its comment list): not a reader's comment, left out."""
    comment_shape_sample: int = 6
    """A list inside a comment section whose items are not named as comments holds comments when
    at least half of its first this many children are shaped as one (an author, a date, text)."""
    comment_shape_elements: int = 300
    """An item judged by its shape is no comment when it holds more elements than this (the bound
    that keeps judging every list of a section linear)."""
    comment_shape_budget: int = 100_000
    """Judging items by their shape looks at no more than this many elements of a page in all (a
    page of nested boxes, each judged by its first children, stays cheap)."""


TUNING = Tuning()
"""The values the reader runs with."""
