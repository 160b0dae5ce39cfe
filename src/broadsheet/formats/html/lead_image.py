"""The article's lead image, from OpenGraph, Twitter cards, JSON-LD and microdata."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
import lxml.html

from broadsheet.errors import ModelError
from broadsheet.formats.html import jsonld
from broadsheet.formats.html.content_media import image_source, is_decorative
from broadsheet.formats.html.pagemeta import PageMeta, absolute, by_itemprop, first_text
from broadsheet.formats.html.tuning import TUNING
from broadsheet.model import Image


def find_lead_image(
    root: lxml.html.HtmlElement,
    meta: PageMeta,
    article: Mapping[str, Any],
    graph: jsonld.Graph,
    base: str | None,
) -> tuple[Image, ...]:
    """The lead image (a tuple of at most one), with what the sources say about it."""
    # OpenGraph first: it names the one picture the outlet shows for the story,
    # where JSON-LD often lists several crops of it, largest first.
    found: list[Image] = []
    og = meta.first("og:image:secure_url", "og:image", "og:image:url")
    alt = meta.first("og:image:alt", "twitter:image:alt")
    width, height = meta.first("og:image:width"), meta.first("og:image:height")
    for url in (og, meta.first("twitter:image", "twitter:image:src")):
        image = _image(url, base, alt=alt, width=width, height=height) if url else None
        if image is not None:
            found.append(image)
    for value in graph.each(article.get("image") or article.get("thumbnailUrl")):
        image = _jsonld_image(value, graph, base)
        if image is not None:
            found.append(image)
    linked = _link_image(root)
    image = _image(linked, base) if linked else None
    if image is not None:
        found.append(image)
    if found and len(found) > 1:
        # What JSON-LD says about the same picture (caption, credit) is kept.
        first = found[0]
        same = [i for i in found[1:] if _same_picture(i.url, first.url)]
        found = [first, *same, *[i for i in found[1:] if i not in same]]
    # One lead image: JSON-LD often lists the same picture in several crops,
    # and the body's figures are placed in the body, not here.
    return tuple(_as_printed(image, root, base) for image in _unique(found)[:1])


_SIZE_SUFFIX = re.compile(r"-(\d{2,5})x\d{2,5}(?=\.\w{1,5}$)")
"""WordPress's size suffix on a resized copy's file name (``photo-585x439.jpg``)."""


def _file_name(url: str) -> str:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return _SIZE_SUFFIX.sub("", name).lower()


def _copy_width(url: str, element: lxml.html.HtmlElement) -> int:
    """How wide a copy is shown: its ``width``, else its file name's size suffix, else 0."""
    width = _pixels(element.get("width"))
    if width is None:
        suffix = _SIZE_SUFFIX.search(urlsplit(url).path.rsplit("/", 1)[-1])
        width = int(suffix.group(1)) if suffix else 0
    return width


def _as_printed(image: Image, root: lxml.html.HtmlElement, base: str | None) -> Image:
    """The lead image at the address the page shows it under: the widest ``img`` holding the same
    file (its name, a WordPress size suffix aside), a resized copy of the picture the metadata
    names; the first of equally wide ones (a thumbnail of it may come first, in a teaser)."""
    name = _file_name(image.url)
    if len(name.rsplit(".", 1)[0]) < TUNING.lead_file_name:
        return image
    best: tuple[int, str, lxml.html.HtmlElement] | None = None
    for element in itertools.islice(root.iter("img"), TUNING.lead_printed_scan):
        source = image_source(element)
        if not source or is_decorative(element):
            continue
        url = absolute(source, base)
        if url and url != image.url and _file_name(url) == name:
            width = _copy_width(url, element)
            if best is None or width > best[0]:
                best = (width, url, element)
    if best is None:
        return image
    _, url, element = best
    # The copy's own size, not the one the metadata gives its original.
    try:
        return attrs.evolve(
            image, url=url, width=_pixels(element.get("width")), height=_pixels(element.get("height"))
        )
    except ModelError:
        return image


def _link_image(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "image_src" in (link.get("rel") or "").lower().split():
            return link.get("href")
    return _itemprop_image(root)


def _itemprop_image(root: lxml.html.HtmlElement) -> str | None:
    for element in by_itemprop(root, "image"):
        value = element.get("content") or element.get("src") or element.get("href")
        if value:
            return value
        inner = element.find(".//*[@itemprop='url']")
        if inner is not None and (inner.get("content") or inner.get("href")):
            return inner.get("content") or inner.get("href")
    return None


def _jsonld_image(value: Any, graph: jsonld.Graph, base: str | None) -> Image | None:
    if isinstance(value, str):
        return _image(value, base)
    if not isinstance(value, dict):
        return None
    url = value.get("url") or value.get("contentUrl") or value.get("@id")
    if isinstance(url, list):
        url = next((u for u in url if isinstance(u, str)), None)
    if not isinstance(url, str):
        return None
    credit = value.get("creditText") or value.get("copyrightHolder") or value.get("author")
    credit_name = first_text(next(graph.each(credit), None)) if credit else None
    return _image(
        url,
        base,
        caption=first_text(value.get("caption")) or first_text(value.get("description")),
        credit=credit_name,
        width=value.get("width"),
        height=value.get("height"),
    )


def _image(
    url: str,
    base: str | None,
    *,
    alt: str | None = None,
    caption: str | None = None,
    credit: str | None = None,
    width: Any = None,
    height: Any = None,
) -> Image | None:
    url = url.strip()
    if not url or (url.startswith("data:") and not url.startswith("data:image/")):
        return None
    resolved = absolute(url, base)
    if resolved is None:
        return None
    try:
        return Image(
            url=resolved,
            alt=alt,
            caption=caption,
            credit=credit,
            width=_pixels(width),
            height=_pixels(height),
        )
    except ModelError:
        return None


def _pixels(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, str):
        value = value.strip().removesuffix("px")
        value = int(value) if value.isdigit() else None
    if isinstance(value, float):
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000 else None


def _same_picture(a: str, b: str) -> bool:
    return a.split("?", 1)[0] == b.split("?", 1)[0]


def _unique(images: Iterable[Image]) -> tuple[Image, ...]:
    """One image per URL, merging what several sources say about it."""
    out: dict[str, Image] = {}
    for image in images:
        key = image.url.split("?", 1)[0] if image.url.startswith("http") else image.url
        if key in out:
            known = out[key]
            out[key] = attrs.evolve(
                known,
                alt=known.alt or image.alt,
                caption=known.caption or image.caption,
                credit=known.credit or image.credit,
                width=known.width or image.width,
                height=known.height or image.height,
            )
        else:
            out[key] = image
    return tuple(out.values())
