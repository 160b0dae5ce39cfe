"""Main-content extraction: from a parsed page to the article's body blocks, standfirst and bylines.

The HTML reader calls :func:`extract_body` after it has read the page's metadata.  Extraction
removes scripts and plug-ins, finds the element that holds the story (or takes the one a site
profile names), reads the standfirst and bylines around the headline, and turns the story's markup
into blocks, dropping the site chrome inside it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from cssselect import SelectorError
from lxml import html

from broadsheet.errors import OptionError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text, inline_text
from broadsheet.formats.html.content_blocks import BlockReader, normalised_words, prose_length
from broadsheet.formats.html.content_chrome import JUNK_TAGS, STRONG_CHROME, WEAK_CHROME
from broadsheet.formats.html.content_header import (
    article_region,
    byline_texts,
    find_bylines,
    find_headline,
    find_lead,
    find_subtitle,
    find_unnamed_lead,
    header_figures,
)
from broadsheet.formats.html.content_hydration import hydrated_body, payload_scripts
from broadsheet.formats.html.content_media import figure_image
from broadsheet.formats.html.content_score import PageIndex, choose_main
from broadsheet.formats.html.content_tail import trim
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import Lexicon, for_language
from broadsheet.model import Block, Figure, Heading, Image, RelatedBox, Separator

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
    for selector in drop_selectors:
        for element in _select(root, selector):
            _drop(element)
    words = for_language(language)
    scripts = payload_scripts(root)
    for element in list(root.iter(*JUNK_TAGS)):
        _drop(element)
    page = PageIndex(root)
    mains = _select(root, body_selector) if body_selector else []
    main = mains[0] if mains else choose_main(page)
    headline = find_headline(root, title)
    if not mains:
        main = _one_story(main, headline)
    if title is None and headline is not None:
        title = headline.text_content()
    subtitle_element = find_subtitle(headline, subtitle, page.position, page.elements)
    lead_element = find_lead(root, main, headline, page.position, subtitle_element, words)
    if lead_element is None:
        lead_element = find_unnamed_lead(main, headline, page.position, page.elements, words)
    bylines = find_bylines(article_region(main, headline))
    pictures = header_figures(headline)
    skip = {*bylines, *pictures, *([lead_element] if lead_element is not None else [])}
    if headline is not None:
        skip.add(headline)
    if subtitle_element is not None:
        skip.add(subtitle_element)
    blocks: list[Block] = []
    byline_lines: list[str] = []
    for part in mains or [main]:
        keep_size = max(300, prose_length(part) // 4)
        reader = BlockReader(base_url=base_url, title=title, skip=skip, keep_size=keep_size, lexicon=words)
        blocks.extend(reader.read(part))
        byline_lines.extend(reader.bylines)
    lead = " ".join(lead_element.text_content().split()) if lead_element is not None else None
    if lead and blocks and title and normalised_words(lead) == normalised_words(title):
        lead = None
    blocks[:0] = _opening_figures(page, main, headline, base_url, skip=pictures)
    if (
        scripts
        and not mains
        and sum(len(block_text(block, style=RUNNING_TEXT)) for block in blocks) < TUNING.no_story
    ):
        blocks = _from_payload(scripts, base_url, title, words) or blocks
    trimmed, trimmed_bylines = trim(blocks, words)
    byline_lines.extend(trimmed_bylines)
    finished = _finish(trimmed)
    authors = byline_texts(bylines)
    return Body(
        blocks=finished,
        images=tuple(block.image for block in finished if isinstance(block, Figure)),
        lead=lead or None,
        lead_images=tuple(
            i for i in (figure_image(f, base_url, lexicon=words) for f in pictures) if i is not None
        ),
        authors=authors + tuple(line for line in byline_lines if line not in authors),
    )


def _from_payload(scripts: list[str], base_url: str | None, title: str | None, words: Lexicon) -> list[Block]:
    # The markup holds no story: the page may ship it as data for its scripts.
    fragment = hydrated_body(scripts)
    if fragment is None:
        return []
    for element in list(fragment.iter(*JUNK_TAGS)):
        _drop(element)
    return BlockReader(base_url=base_url, title=title, lexicon=words).read(fragment)


def _one_story(main: html.HtmlElement, headline: html.HtmlElement | None) -> html.HtmlElement:
    # A page that appends the next story below this one (endless scrolling) puts two headlines
    # in the main element: keep the widest part that holds ours and not the other.
    if headline is None:
        return main
    others = [h1 for h1 in main.iter("h1") if h1 is not headline]
    if not others or main not in headline.iterancestors():
        return main
    taken = {ancestor for h1 in others for ancestor in h1.iterancestors()}
    story = None
    for ancestor in headline.iterancestors():
        if ancestor is main or ancestor in taken:
            break
        story = ancestor
    if story is None or prose_length(story) < TUNING.one_story_prose:
        return main
    return story


def _opening_figures(
    page: PageIndex,
    main: html.HtmlElement,
    headline: html.HtmlElement | None,
    base_url: str | None,
    *,
    skip: list[html.HtmlElement],
) -> list[Block]:
    # A photo between the headline and the text opens the story even when it sits outside the
    # element that holds the text.
    if headline is None:
        return []
    start, end = page.position.get(headline, -1), page.position.get(main, -1)
    figures: list[Block] = []
    for index in range(start + 1, end):
        element = page.elements[index]
        if page.tags[index] != "figure" or page.chrome[index] in (WEAK_CHROME, STRONG_CHROME):
            continue
        if element in skip:
            continue
        image = figure_image(element, base_url)
        if image is not None:
            figures.append(Figure(image=image))
    return figures[: TUNING.opening_figures]


def _select(root: html.HtmlElement, selector: str) -> list[html.HtmlElement]:
    try:
        return list(root.cssselect(selector))
    except SelectorError as exc:
        raise OptionError(f"CSS selector {selector!r} is not valid: {exc}") from exc


def _drop(element: html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _finish(blocks: Iterable[Block]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if isinstance(previous, Heading) and isinstance(block, (Heading, RelatedBox)):
            # A crosshead heads text. Right above a box it is the box's label; right above
            # another crosshead it is a kicker or a section name of the site.
            out.pop()
            if isinstance(block, RelatedBox) and block.label is None:
                block = RelatedBox(links=block.links, label=inline_text(previous.children))
        out.append(block)
    while out and isinstance(out[-1], (Heading, Separator)):
        out.pop()
    while out and isinstance(out[0], Separator):
        out.pop(0)
    levels = [block.level for block in out if isinstance(block, Heading)]
    if levels and min(levels) > 1:
        shift = min(levels) - 1
        out = [attrs.evolve(b, level=b.level - shift) if isinstance(b, Heading) else b for b in out]
    return tuple(out)
