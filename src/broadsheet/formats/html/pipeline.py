"""Body extraction as an ordered table of named stages, run one after the other on one state.

Each stage is a function of :class:`State` with a one-line docstring; :data:`STAGES` lists them in
the order they run and :func:`run` calls them, telling :mod:`.tracing` which stage is running so
that an explanation can say where each piece of the page's text was left out. The order is the
table's, never hidden in a chain of ``if``\\ s: to see what extraction does, read :data:`STAGES`.
(The shape is markdown-it's rule lists: named rules in a list, one runner.)
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import attrs
from cssselect import SelectorError
from lxml import html

from broadsheet.errors import OptionError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text, inline_text
from broadsheet.formats.html import accounting, tracing
from broadsheet.formats.html.content_blocks import BlockReader, normalised_words, prose_length
from broadsheet.formats.html.content_chrome import JUNK_TAGS, STRONG_CHROME, WEAK_CHROME
from broadsheet.formats.html.content_header import (
    article_region,
    find_bylines,
    find_headline,
    find_lead,
    find_subtitle,
    find_unnamed_lead,
    header_figures,
    prints_title,
)
from broadsheet.formats.html.content_hydration import hydrated_body, payload_scripts
from broadsheet.formats.html.content_media import figure_image, is_unnamed_figure
from broadsheet.formats.html.content_prompts import mark_button
from broadsheet.formats.html.content_score import PageIndex, boxes_after, choose_main
from broadsheet.formats.html.content_styles import mark_hidden
from broadsheet.formats.html.content_tail import trim
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon, for_language
from broadsheet.model import Block, Figure, Heading, RelatedBox, Separator

__all__ = ["STAGES", "Stage", "State", "run"]


@attrs.define(kw_only=True)
class State:
    """What the stages know about one page: the inputs, then what each stage found."""

    root: html.HtmlElement
    """The parsed page; the stages remove junk and the profile's drops from it."""
    base_url: str | None = None
    title: str | None = None
    """The headline found in metadata (or, once the headline stage ran, the printed one)."""
    subtitle: str | None = None
    language: str | None = None
    body_selector: str | None = None
    drop_selectors: tuple[str, ...] = ()
    words: Lexicon = attrs.field(
        default=attrs.Factory(lambda self: for_language(self.language), takes_self=True)
    )
    """The page language's words (every language's when it is not known)."""

    scripts: list[str] = attrs.Factory(list)
    """Scripts that may carry the story as data, kept before junk removal."""
    page: PageIndex | None = None
    profiled: list[html.HtmlElement] = attrs.Factory(list)
    """The elements the profile's ``body`` selector names, if any: then they hold the story."""
    headline: html.HtmlElement | None = None
    main: html.HtmlElement | None = None
    """The element holding the story (the container)."""
    parts: list[html.HtmlElement] = attrs.Factory(list)
    """The elements read as the story, in order: the container, then boxes of its story outside it."""
    subtitle_element: html.HtmlElement | None = None
    lead_element: html.HtmlElement | None = None
    bylines: list[html.HtmlElement] = attrs.Factory(list)
    pictures: list[html.HtmlElement] = attrs.Factory(list)
    """The figures in the headline's ``<header>``: the lead pictures."""
    skip: set[html.HtmlElement] = attrs.Factory(set)
    """Elements the block reader leaves out because an earlier stage read them."""
    blocks: list[Block] = attrs.Factory(list)
    byline_lines: list[str] = attrs.Factory(list)
    """Byline texts found among the blocks (by the block reader and the edge trimming)."""
    lead: str | None = None
    finished: tuple[Block, ...] = ()


@attrs.frozen
class Stage:
    """One named step of body extraction."""

    name: str
    run: Callable[[State], None]


def drop_junk(state: State) -> None:
    """Remove scripts, styles, form controls and plug-ins (keeping script texts that may hold the story); read AMP images as images."""
    root = state.root
    # Before the styles leave: what the page's own stylesheet hides (a dialog, a prompt that a
    # script shows) is marked hidden, as if the markup said so.
    mark_hidden(root)
    state.scripts = payload_scripts(root)
    recording = tracing.active() is not None
    for element in list(root.iter(*JUNK_TAGS, "amp-img")):
        if element.tag == "amp-img":
            # An AMP page's picture: an img by another name (src, srcset, width, height, alt), read
            # as one by every figure and image rule; its fallback img inside is a copy.
            element.tag = "img"
            continue
        if recording and element.tag in _VISIBLE_JUNK:
            tracing.dropped("junk_tags", element)
        if element.tag == "button":
            mark_button(element)
        _drop(element)


_VISIBLE_JUNK = frozenset(
    {"button", "select", "textarea", "option", "optgroup", "datalist", "label", "dialog", "menu", "object",
     "embed", "applet", "progress", "meter", "output"}
)  # fmt: skip
"""Junk that a reader sees as text (the rest, scripts and styles, never was)."""


def apply_profile(state: State) -> None:
    """Remove what the site profile's ``drop`` selectors name and find what its ``body`` selector names."""
    for selector in state.drop_selectors:
        for element in _select(state.root, selector):
            tracing.dropped(f"profile drop {selector}", element)
            _drop(element)
    if state.body_selector:
        state.profiled = _select(state.root, state.body_selector)


def index_page(state: State) -> None:
    """Walk the page once into flat arrays (document order, parents, own text, chrome names)."""
    state.page = PageIndex(state.root)


def find_title(state: State) -> None:
    """Find the ``h1`` that prints the headline; it names the story when the metadata gave no title."""
    state.headline = find_headline(state.root, state.title)


def choose_container(state: State) -> None:
    """Choose the element that holds the story: the profile's, else the best-scoring one."""
    assert state.page is not None
    if state.profiled:
        state.main = state.profiled[0]
        state.parts = state.profiled
        return
    headline = state.headline
    anchor = headline if headline is not None and prints_title(headline, state.title) else None
    state.main = main = one_story(choose_main(state.page, anchor), headline)
    state.parts = [main, *boxes_after(state.page, main)]


def read_header(state: State) -> None:
    """Find the subtitle, standfirst, bylines and lead pictures around the headline (kept out of the blocks)."""
    assert state.page is not None and state.main is not None
    page, main, headline = state.page, state.main, state.headline
    if state.title is None and headline is not None:
        state.title = headline.text_content()
    state.subtitle_element = find_subtitle(headline, state.subtitle, page.position, page.elements)
    lead = find_lead(state.root, main, headline, page.position, state.subtitle_element, state.words)
    if lead is None:
        lead = find_unnamed_lead(main, headline, page.position, page.elements, state.words)
    state.lead_element = lead
    state.bylines = find_bylines(article_region(main, headline))
    state.pictures = header_figures(headline)
    state.skip = {*state.bylines, *state.pictures}
    for rule, element in (("headline", headline), ("subtitle", state.subtitle_element), ("standfirst", lead)):
        if element is not None:
            state.skip.add(element)
            tracing.dropped(rule, element)
    for element in state.bylines:
        tracing.dropped("byline", element)


def read_blocks(state: State) -> None:
    """Turn the container's markup into blocks, leaving the chrome inside it out."""
    assert state.main is not None
    for number, part in enumerate(state.parts):
        keep_size = max(TUNING.keep_size_floor, prose_length(part) // TUNING.keep_size_share)
        reader = BlockReader(
            base_url=state.base_url,
            title=state.title,
            skip=state.skip,
            keep_size=keep_size,
            lexicon=state.words,
        )
        if number and not state.profiled:
            # A box beside the container is read as the container's child, so that it reads as
            # the box it is rather than as a heading and a list (a copy: the page stays as it is).
            wrapper = html.Element("div")
            wrapper.append(copy.deepcopy(part))
            wrapper[0].tail = None
            part = wrapper
        state.blocks.extend(reader.read(part))
        state.byline_lines.extend(reader.bylines)


def take_lead(state: State) -> None:
    """Read the standfirst's text, unless it only repeats the title."""
    element = state.lead_element
    lead = " ".join(element.text_content().split()) if element is not None else None
    if lead and state.blocks and state.title and normalised_words(lead) == normalised_words(state.title):
        lead = None
    state.lead = lead


def open_with_figures(state: State) -> None:
    """Put the photos between the headline and the container at the story's start."""
    assert state.page is not None and state.main is not None
    figures = opening_figures(state.page, state.main, state.headline, state.base_url, skip=state.pictures)
    state.blocks[:0] = figures


def read_payload(state: State) -> None:
    """When the markup holds (almost) no story, read the one the page's scripts carry as data."""
    if not state.scripts or state.profiled:
        return
    if sum(len(block_text(block, style=RUNNING_TEXT)) for block in state.blocks) >= TUNING.no_story:
        return
    blocks = from_payload(state.scripts, state.base_url, state.title, state.words)
    if blocks:
        for block in state.blocks:
            tracing.dropped("no_story", block_text(block, style=RUNNING_TEXT))
        state.blocks = blocks


def trim_edges(state: State) -> None:
    """Trim the site's sections after the story and stray lines around it."""
    trimmed, bylines = trim(state.blocks, state.words)
    state.blocks = trimmed
    state.byline_lines.extend(bylines)


def finish(state: State) -> None:
    """Tidy the blocks: crossheads that label boxes or kickers, separators at the edges, heading levels."""
    state.finished = finish_blocks(state.blocks)


def account_for_rest(state: State) -> None:
    """When recording an explanation, report the page's text that neither reached the body nor was reported."""
    if tracing.active() is None or state.page is None or state.main is None:
        return
    extra = [state.lead or "", *state.byline_lines]
    accounting.account(state.page, state.parts, state.finished, extra)


STAGES: tuple[Stage, ...] = (
    Stage("drop junk", drop_junk),
    Stage("apply profile", apply_profile),
    Stage("index", index_page),
    Stage("find headline", find_title),
    Stage("choose container", choose_container),
    Stage("read header", read_header),
    Stage("read blocks", read_blocks),
    Stage("take lead", take_lead),
    Stage("open with figures", open_with_figures),
    Stage("read payload", read_payload),
    Stage("trim edges", trim_edges),
    Stage("finish", finish),
    Stage("account for the rest", account_for_rest),
)
"""The stages of body extraction, in the order they run."""


def run(state: State, stages: tuple[Stage, ...] = STAGES) -> State:
    """Run ``stages`` on ``state`` in order; return the state."""
    for stage in stages:
        tracing.stage(stage.name)
        stage.run(state)
    return state


def one_story(main: html.HtmlElement, headline: html.HtmlElement | None) -> html.HtmlElement:
    """The part of ``main`` that holds our headline and not another story's (endless scrolling)."""
    # A page that appends the next story below this one puts two headlines in the main element:
    # keep the widest part that holds ours and not the other.
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
    if tracing.active() is not None:
        tracing.narrowed(story, "the part holding our headline, without the next story's")
        _report_beside(story, main, "one_story")
    return story


def _report_beside(inner: html.HtmlElement, outer: html.HtmlElement, rule: str) -> None:
    # What ``outer`` holds beside ``inner``: the siblings of ``inner`` and of its ancestors below ``outer``.
    node = inner
    while node is not outer:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in parent:
            if sibling is not node and isinstance(sibling.tag, str):
                tracing.dropped(rule, sibling)
        node = parent


def opening_figures(
    page: PageIndex,
    main: html.HtmlElement,
    headline: html.HtmlElement | None,
    base_url: str | None,
    *,
    skip: list[html.HtmlElement],
) -> list[Block]:
    """The photos between the headline and the container, which open the story."""
    # A photo between the headline and the text opens the story even when it sits outside the
    # element that holds the text.
    if headline is None:
        return []
    start, end = page.position.get(headline, -1), page.position.get(main, -1)
    figures: list[Block] = []
    taken: html.HtmlElement | None = None
    pictures = 0
    for index in range(start + 1, end):
        if len(figures) >= TUNING.opening_figures:
            break
        element: html.HtmlElement | None = page.elements[index]
        tag = page.tags[index]
        if tag == "img" and pictures < TUNING.opening_pictures:
            # A picture in a box that is a figure by its shape (one picture and a short caption):
            # the box is looked for a few levels up from a few pictures, so the cost stays linear.
            pictures += 1
            element = _unnamed_figure_around(page, page.elements[index], start)
            unnamed = True
        elif tag == "figure":
            unnamed = False
        else:
            continue
        if (
            element is None
            or element in skip
            or page.chrome[page.position[element]] in (WEAK_CHROME, STRONG_CHROME)
        ):
            continue
        if taken is not None and (
            element is taken or any(ancestor is taken for ancestor in element.iterancestors())
        ):
            continue  # the figure just read, or inside it
        image = figure_image(element, base_url, caption_fallback=unnamed)
        if image is not None:
            figures.append(Figure(image=image))
            taken = element
    return figures[: TUNING.opening_figures]


def _unnamed_figure_around(page: PageIndex, picture: html.HtmlElement, after: int) -> html.HtmlElement | None:
    """The nearest box around ``picture``, a few levels up and after position ``after``, that is a
    figure by its shape; ``None`` when none is (or the picture is in a ``<figure>``, read as one)."""
    for level, box in enumerate(picture.iterancestors()):
        if (
            level >= TUNING.opening_picture_levels
            or page.position.get(box, -1) <= after
            or box.tag == "figure"
        ):
            return None
        if is_unnamed_figure(box):
            return box
    return None


def from_payload(
    scripts: list[str], base_url: str | None, title: str | None, words: Lexicon = EVERY
) -> list[Block]:
    """The blocks of the story a page ships as data for its scripts, if it does."""
    fragment = hydrated_body(scripts)
    if fragment is None:
        return []
    for element in list(fragment.iter(*JUNK_TAGS)):
        _drop(element)
    return BlockReader(base_url=base_url, title=title, lexicon=words).read(fragment)


def finish_blocks(blocks: list[Block]) -> tuple[Block, ...]:
    """The blocks without kicker crossheads or edge separators, crossheads labelling the boxes below
    them, heading levels counted from 1."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if isinstance(previous, Heading) and isinstance(block, (Heading, RelatedBox)):
            # A crosshead heads text. Right above a box it is the box's label; right above
            # another crosshead it is a kicker or a section name of the site.
            out.pop()
            if isinstance(block, RelatedBox) and block.label is None:
                block = RelatedBox(links=block.links, label=inline_text(previous.children))
            else:
                tracing.dropped("kicker_heading", inline_text(previous.children))
        out.append(block)
    while out and isinstance(out[-1], (Heading, Separator)):
        dropped = out.pop()
        if isinstance(dropped, Heading):
            tracing.dropped("trailing_heading", inline_text(dropped.children))
    while out and isinstance(out[0], Separator):
        out.pop(0)
    levels = [block.level for block in out if isinstance(block, Heading)]
    if levels and min(levels) > 1:
        shift = min(levels) - 1
        out = [attrs.evolve(b, level=b.level - shift) if isinstance(b, Heading) else b for b in out]
    return tuple(out)


def _select(root: html.HtmlElement, selector: str) -> list[html.HtmlElement]:
    try:
        return list(root.cssselect(selector))
    except SelectorError as exc:
        raise OptionError(f"CSS selector {selector!r} is not valid: {exc}") from exc


def _drop(element: html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()
