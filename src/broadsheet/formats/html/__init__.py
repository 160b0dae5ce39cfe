"""The HTML reader: from a news page's bytes (and its URL and HTTP headers) to a complete Article.

Steps: decode and parse safely (:mod:`.document`), read the metadata
(:mod:`.metadata`), extract the body (:mod:`.body`), assemble the
:class:`~broadsheet.model.Article`, then let :mod:`broadsheet.analysis` find
quotes, related articles and source credits in the text. A page with a
title but no recognisable article text gives an Article with an empty body;
a page with neither raises :class:`~broadsheet.errors.ReadError`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from broadsheet.errors import ModelError, OptionError, ReadError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text, inline_text
from broadsheet.formats.html import bylines, dates, document, metadata, profiles
from broadsheet.formats.html.tuning import TUNING
from broadsheet.model import Article, Comment, Figure, Heading, Image, Paragraph, Person, collect, values

if TYPE_CHECKING:
    import lxml.html

__all__ = ["ReadOptions", "read"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise OptionError(f"html reader option {attribute.name} must be a positive integer, got {value!r}")


@attrs.frozen(kw_only=True)
class ReadOptions:
    """Options of the HTML reader."""

    url: str | None = None
    """Where the page was fetched from; resolves relative links and picks a site profile. Filled in
    automatically when the page is read from a URL."""
    headers: Mapping[str, str] | None = attrs.field(default=None, eq=False)
    """The HTTP response headers (their ``Content-Type`` charset and ``Content-Language`` are used).
    Filled in automatically when the page is fetched."""
    path: Path | None = None
    """The file the page was read from, if any (named in error messages)."""
    profile: str | None = None
    """A built-in site profile's name, a path to a profile JSON file, or ``"none"``. Default: the
    built-in profile whose domain matches ``url``, if any."""
    enrich: bool = True
    """Find quotes with speakers, related articles and source credits in the text
    (:func:`broadsheet.analysis.enrich`)."""
    comments: bool = False
    """Read the readers' comments under the article into :attr:`Article.comments
    <broadsheet.model.Article.comments>` (schema.org ``Comment`` data, else the page's comment
    thread). Off by default; the body is the same either way."""
    max_bytes: int = attrs.field(default=document.MAX_BYTES, validator=_positive)
    """The largest page read; larger ones raise :class:`~broadsheet.errors.LimitError`."""


def read(data: bytes, options: ReadOptions | None = None) -> Article:
    """Read a news page into an :class:`~broadsheet.model.Article`."""
    options = options or ReadOptions()
    where = options.url or (str(options.path) if options.path else "the page")
    parsed = document.parse(data, headers=options.headers, max_bytes=options.max_bytes, where=where)
    root = parsed.root
    profile = profiles.choose(options.profile, options.url)
    meta = metadata.extract(root, url=options.url, headers=options.headers)
    if profile is not None:
        meta = _apply_profile(meta, profile, root)
    base_url = metadata.document_base(root, options.url or meta.url)
    # Read before the body extractor runs: it may clean the tree.
    description_printed = _printed(meta.description, root)
    lead_shown = _shown(meta.images, root, options.url or meta.url)
    found_comments = _comments(root, meta, options.url or meta.url) if options.comments else ()
    from broadsheet.formats.html.body import extract_body

    body = extract_body(
        root,
        base_url=base_url,
        title=meta.title,
        subtitle=meta.subtitle,
        language=meta.language,
        body_selector=profile.body if profile else None,
        drop_selectors=profile.drop if profile else (),
    )
    title = meta.title or _first_heading(body.blocks)
    if not title:
        raise ReadError("no article found: the page has no title and no headline", where=where)
    authors = meta.authors
    if not authors or meta.authors_are_outlets:
        authors = _people(body.authors) or authors or meta.printed_authors
    authors = _without_dateline(authors, body.blocks)
    lead = _lead(meta.description if description_printed else None, body)
    lead_images = _lead_pictures(meta.images, body.lead_images)
    try:
        article = Article(
            title=title,
            url=meta.url or options.url,
            subtitle=_subtitle(meta.subtitle, title),
            lead=lead,
            language=meta.language,
            authors=authors,
            published=meta.published,
            modified=meta.modified,
            section=meta.section,
            tags=meta.tags,
            genre=meta.genre,
            publisher=meta.publisher,
            source=meta.source,
            rights=meta.rights,
            images=_images(
                lead_images,
                body.images,
                body.blocks,
                printed=bool(body.lead_images) or lead_shown,
                portraits=frozenset(values.clean_line(person.name).casefold() for person in authors),
            ),
            body=body.blocks,
            translations=meta.translations,
            comments=found_comments,
        )
    except ModelError as error:
        raise ReadError(f"the page's content does not fit the article model: {error}", where=where) from error
    if options.enrich:
        article = _enrich(article)
    return article


def _comments(
    root: lxml.html.HtmlElement, meta: metadata.Metadata, base_url: str | None
) -> tuple[Comment, ...]:
    from broadsheet.formats.html.comments import find_comments  # loaded only when asked for

    # The article's own dates carry the page's clock: a comment's printed time is read on it.
    dated = meta.published or meta.modified
    return find_comments(root, meta.language, base_url, zone=dated.tzinfo if dated else None)


def _subtitle(subtitle: str | None, title: str) -> str | None:
    # A subtitle that repeats the headline is no subtitle.
    return subtitle if subtitle and values.clean_line(subtitle) != values.clean_line(title) else None


def _enrich(article: Article) -> Article:
    # Imported here: the language tables load only when a page is read.
    from broadsheet.analysis import enrich

    return enrich(article)


def _apply_profile(
    meta: metadata.Metadata, profile: profiles.Profile, root: lxml.html.HtmlElement
) -> metadata.Metadata:
    """Let the profile's selectors override what the generic reading found, where they match."""
    changes: dict[str, Any] = {}
    title = _joined(profile.select(root, "title"))
    if title:
        changes["title"] = title
    names = [n for e in profile.select(root, "authors") for n in bylines.split(_joined([e]) or "")]
    if names:
        changes["authors"] = tuple(Person(name=b.name, role=b.role) for b in bylines.unique(names))
    for field in ("published", "modified"):
        stamps = [_stamp(e) for e in profile.select(root, field)]
        found = [s for s in stamps if s is not None]
        if found:
            changes[field] = dates.settle(found[0], found)
    lead = _joined(profile.select(root, "lead"))
    if lead:
        changes["description"] = lead
    section = _joined(profile.select(root, "section")[:1])
    if section:
        changes["section"] = section
    tags = tuple(t for t in (_joined([e]) for e in profile.select(root, "tags")) if t)
    if tags:
        changes["tags"] = tags
    return attrs.evolve(meta, **changes)


def _stamp(element: lxml.html.HtmlElement) -> dates.Stamp | None:
    value = element.get("datetime") or element.get("content")
    if value:
        return dates.parse(value)
    return dates.parse(_joined([element]) or "") or dates.from_text(element.text_content())


def _joined(elements: list[lxml.html.HtmlElement]) -> str | None:
    text = " ".join(" ".join(e.text_content().split()) for e in elements).strip()
    return text or None


def _first_heading(blocks: tuple[Any, ...]) -> str | None:
    for block in blocks:
        if isinstance(block, Heading):
            return inline_text(block.children).strip() or None
    return None


_DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2})\s*(?:,[^()\n]{0,30})?(?:\([^()\n]{1,30}\))?\s*[-–—]\s"
)


def _without_dateline(authors: tuple[Person, ...], blocks: tuple[Any, ...]) -> tuple[Person, ...]:
    """The authors without the place the story's dateline prints ("BERLIN (dpa) – …" beside a
    byline "Jane Roe, Berlin"): a name that is the dateline's place is where, not who."""
    if len(authors) < 2:
        return authors
    first = next((block for block in blocks[:3] if isinstance(block, Paragraph)), None)
    found = _DATELINE.match(inline_text(first.children)) if first is not None else None
    if found is None:
        return authors
    place = found.group("place").casefold()
    kept = tuple(person for person in authors if person.name.casefold() != place)
    return kept or authors


def _people(candidates: tuple[str, ...]) -> tuple[Person, ...]:
    found = bylines.unique([b for text in candidates for b in bylines.split(text)])
    people: list[Person] = []
    for byline in found[:8]:
        try:
            people.append(Person(name=byline.name, role=byline.role))
        except ModelError:
            continue
    return tuple(people)


def _printed(description: str | None, root: lxml.html.HtmlElement) -> bool:
    """Whether the page shows its description as text (then it is a standfirst, not only a summary)."""
    if not description or len(description) < 40 or description.endswith(("...", "…")):
        return False
    wanted = values.clean_line(description)
    prefix = " ".join(wanted.split()[:5])
    # Text nodes holding the description's first words (found by XPath in C),
    # then the element around them must hold all of it.
    nodes = root.xpath(
        "//body//text()[contains(normalize-space(.), $prefix)]"
        "[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
        # A description that is a picture's caption is not a standfirst.
        "[not(ancestor::figure or ancestor::figcaption or ancestor::*[contains(@class, 'caption')])]",
        prefix=prefix,
    )
    for node in nodes if isinstance(nodes, list) else []:
        element = getattr(node, "getparent", lambda: None)()
        for _ in range(3):
            if element is None:
                break
            if wanted in values.clean_line(element.text_content()):
                return True
            element = element.getparent()
    return False


def _shown(images: tuple[Image, ...], root: lxml.html.HtmlElement, base_url: str | None) -> bool:
    """Whether the page shows the metadata's lead image itself, at the same address, in an ``img``.

    Then it is the lead picture even when the body opens with a figure of its own (another
    picture: the metadata's is set above the body, out of the extractor's sight).
    """
    if not images:
        return False
    from broadsheet.formats.html.content_inlines import absolute_url
    from broadsheet.formats.html.content_media import image_source

    wanted = _image_key(images[0].url)
    for element in itertools.islice(root.iter("img"), TUNING.lead_printed_scan):
        source = absolute_url(image_source(element), base_url)
        if source and _image_key(source) == wanted:
            return True
    return False


def _lead(description: str | None, body: Any) -> str | None:
    """The standfirst: the page's description where the page prints it outside the body, else the
    standfirst the body extractor found.

    A printed description is the publisher's own summary set as text, which
    beats a guess from the markup (a caption can look like a standfirst).
    """
    if description:
        wanted = values.clean_line(description)
        in_body = " ".join(values.clean_line(block_text(b, style=RUNNING_TEXT)) for b in body.blocks)
        if wanted not in in_body:
            return wanted
    return str(body.lead) if body.lead else None


def _lead_pictures(meta_images: tuple[Image, ...], printed: tuple[Image, ...]) -> tuple[Image, ...]:
    """The lead pictures the article's header shows, each with what the metadata says about it;
    else the metadata's lead image."""
    if not printed:
        return meta_images
    by_key = {_image_key(image.url): image for image in meta_images}
    out = []
    for shown in printed:
        named = by_key.get(_image_key(shown.url))
        if named is not None:
            shown = attrs.evolve(
                shown,
                alt=shown.alt or named.alt,
                width=shown.width or named.width,
                height=shown.height or named.height,
                media_type=shown.media_type or named.media_type,
            )
        out.append(shown)
    return tuple(out)


def _images(
    meta_images: tuple[Image, ...],
    found: tuple[Image, ...],
    blocks: tuple[Any, ...],
    *,
    printed: bool,
    portraits: frozenset[str] = frozenset(),
) -> tuple[Image, ...]:
    """The lead image from the metadata, then figures the body found but did not place.

    The metadata's lead image is left out when the body shows a figure near
    its top: that figure is the lead picture, usually in another crop or size
    (and so under another URL). Otherwise it comes first, and always when it is
    printed in the article's header or shown
    at its own address elsewhere on the page (``printed``), and when the first
    of those figures is an author's portrait (its alt text one of the names in
    ``portraits``): a byline's picture does not lead the story.
    """
    figures = collect(blocks, _figure_images)
    placed = {_image_key(image.url) for image in figures}
    early = [b for b in blocks[:_LEAD_FIGURE_WITHIN] if isinstance(b, Figure)]
    if not printed and early and not _portrait(early[0], portraits):
        meta_images = ()
    out: list[Image] = []
    keys: set[str] = set()
    for image in (*meta_images, *found):
        key = _image_key(image.url)
        if key in keys or key in placed:
            continue
        keys.add(key)
        out.append(image)
    return tuple(out)


_LEAD_FIGURE_WITHIN = 6
"""A figure among the body's first blocks is taken for the lead picture."""


def _portrait(figure: Figure, names: frozenset[str]) -> bool:
    """Whether a figure is an author's portrait: its alt text is one of the authors' ``names``."""
    return bool(figure.image.alt) and values.clean_line(figure.image.alt or "").casefold() in names


def _figure_images(node: object) -> tuple[Image, ...]:
    return (node.image,) if isinstance(node, Figure) else ()


def _image_key(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0]
