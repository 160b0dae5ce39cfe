"""Main-content extraction: from a parsed page to the article's body blocks, standfirst and bylines.

The HTML reader calls :func:`extract_body` after it has read the page's metadata.  Extraction
removes scripts and plug-ins, finds the element that holds the story (or takes the one a site
profile names), reads the standfirst and bylines around the headline, and turns the story's markup
into blocks, dropping the site chrome inside it: the stages of :mod:`.pipeline`, in its order.
"""

from __future__ import annotations

import attrs
from lxml import html

from broadsheet.formats.html import pipeline
from broadsheet.formats.html.content_header import byline_texts
from broadsheet.formats.html.content_media import figure_image
from broadsheet.model import Block, Figure, Image

__all__ = ["Body", "extract_body"]


@attrs.frozen(kw_only=True)
class Body:
    """What main-content extraction found on a page."""

    blocks: tuple[Block, ...] = ()
    """The body, in reading order, without headline, standfirst or bylines."""
    images: tuple[Image, ...] = ()
    """The images of the body's figures, in order."""
    lead: str | None = None
    """The standfirst printed under the headline, when the markup marks one."""
    lead_images: tuple[Image, ...] = ()
    """The pictures of the figures in the article's header, beside its headline: the lead images."""
    authors: tuple[str, ...] = ()
    """Byline texts found near the headline, as printed ("By Jane Doe"), for the reader to parse."""


def extract_body(
    root: html.HtmlElement,
    *,
    base_url: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    language: str | None = None,
    body_selector: str | None = None,
    drop_selectors: tuple[str, ...] = (),
) -> Body:
    """Extract the article body from a parsed page; ``root`` is modified.

    ``base_url`` resolves relative links and images; ``title`` (the headline found in metadata)
    keeps the headline out of the body, and ``subtitle`` (the metadata's) the printed subtitle; ``body_selector`` and ``drop_selectors`` are CSS
    selectors from a site profile: the elements holding the text, and elements to remove first.
    ``language`` is the page's language, when known.
    """
    state = pipeline.run(
        pipeline.State(
            root=root,
            base_url=base_url,
            title=title,
            subtitle=subtitle,
            language=language,
            body_selector=body_selector,
            drop_selectors=drop_selectors,
        )
    )
    finished = state.finished
    authors = byline_texts(state.bylines)
    pictures = (figure_image(f, base_url, lexicon=state.words) for f in state.pictures)
    return Body(
        blocks=finished,
        images=tuple(block.image for block in finished if isinstance(block, Figure)),
        lead=state.lead or None,
        lead_images=tuple(image for image in pictures if image is not None),
        authors=authors + tuple(line for line in state.byline_lines if line not in authors),
    )
