"""Figures and embeds in page markup: the image behind lazy loading, its caption and credit, and
third-party players and posts kept as links.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlsplit

import attrs
from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats.html.content_chrome import class_words
from broadsheet.formats.html.content_inlines import absolute_url, spaced_text
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import Embed, Image

_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url")
"""Where lazy loading keeps an ``img``'s real address (its ``src`` is a placeholder until then)."""
_SRCSET_SOURCES = ("data-srcset", "data-lazy-srcset", "srcset")
_PLAIN_SOURCES = ("src", "data-full-src", "data-hi-res-src", "data-fallback-src")
"""The address the page gives old browsers (``src``), then the larger copy a click opens (or a fallback)."""
_PLACEHOLDER = re.compile(
    r"(?:^data:|blank\.|spacer|pixel\.|1x1|transparent[^/]{0,80}\.(?:gif|png)|placeholder|loader\.gif)", re.I
)
_CREDIT_NAME = re.compile(r"credit|copyright|source|photographer|byline|attribution|quelle|fotograf|author")
_CAPTION_NAME = re.compile(r"caption|legend|description|beschreibung|subtitle|bildunterschrift|text")
_CREDIT_TEXT = (
    r"(?i)(?:^|[\s(|/])(?P<credit>(?:©|\(c\)|(?:{body.credit_label})\s*:|(?:{body.credit_by})\s+)"
    r"[^()]{2,120}?)\)?\s*$"
)
_SMALL = 64
_BOX_TAGS = frozenset({"div", "span", "section"})
_NOT_IN_FIGURES = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "table",
    "figure",
    "iframe",
    "a",
)
_UNNAMED_CAPTION = 300
"""Longest text an unnamed figure may hold beside its picture (caption and credit)."""

EMBED_PROVIDERS: dict[str, str] = {
    "youtube.com": "YouTube", "youtube-nocookie.com": "YouTube", "youtu.be": "YouTube", "vimeo.com": "Vimeo",
    "twitter.com": "X", "x.com": "X", "facebook.com": "Facebook", "instagram.com": "Instagram",
    "t.me": "Telegram", "telegram.org": "Telegram", "tiktok.com": "TikTok", "soundcloud.com": "SoundCloud",
    "spotify.com": "Spotify", "datawrapper.dwcdn.net": "Datawrapper", "dailymotion.com": "Dailymotion",
    "google.com": "Google", "flourish.studio": "Flourish", "reddit.com": "Reddit", "bsky.app": "Bluesky",
    "threads.net": "Threads", "linkedin.com": "LinkedIn", "podcasts.apple.com": "Apple Podcasts",
}  # fmt: skip
"""Host names of embedded content and the provider names shown for them."""

_AD_HOSTS = re.compile(
    r"doubleclick|googlesyndication|adservice|adsystem|taboola|outbrain|criteo|amazon-adsystem"
)
_EMBED_CLASS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|reddit-card|bluesky-embed"
                          r"|telegram-post|text-post-media")  # fmt: skip


def _size(value: str | None) -> int | None:
    if not value:
        return None
    digits = re.match(r"\s*(\d{1,6})(?:px)?\s*$", value)
    return int(digits.group(1)) or None if digits else None


def srcset_candidates(srcset: str) -> list[tuple[str, float]]:
    """The candidates of a ``srcset``, each its URL and its width (an ``x`` density counts a
    thousand per ``1x``; no descriptor is ``1x``), parsed as the HTML standard says.

    A URL is a run of non-space characters and may hold commas (``/crops/w=875,q=90/a.jpg``):
    only a comma after a space, or at the URL's end, separates candidates.
    """
    out: list[tuple[str, float]] = []
    position, length = 0, len(srcset)
    while position < length:
        while position < length and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < length and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = srcset.find(",", position)
            end = length if end < 0 else end
            descriptor, position = srcset[position:end].strip().lower(), end + 1
        if not url:
            continue
        width = 1000.0
        for part in descriptor.split():
            try:
                if part.endswith("w"):
                    width = float(part[:-1])
                elif part.endswith("x"):
                    width = float(part[:-1]) * 1000
            except ValueError:
                continue
        out.append((url, width))
    return out


def _best_of_srcset(srcset: str) -> str | None:
    best, best_width = None, -1.0
    for url, width in srcset_candidates(srcset):
        if width > best_width:
            best, best_width = url, width
    return best


def image_source(element: html.HtmlElement) -> str | None:
    """The real address of an ``img`` (or ``source``), looking past lazy-loading placeholders.

    A ``srcset`` lists the picture's sizes and its largest is taken over ``src``, the copy for
    browsers that read no ``srcset``.
    """
    for name in _LAZY_SOURCES:
        value = element.get(name)
        if value and value.strip() and not _PLACEHOLDER.search(value.strip()[:200]):
            return value.strip()
    for name in _SRCSET_SOURCES:
        value = element.get(name)
        if value:
            best = _best_of_srcset(value)
            if best and not _PLACEHOLDER.search(best):
                return best
    for name in _PLAIN_SOURCES:
        value = element.get(name)
        if value and value.strip() and not _PLACEHOLDER.search(value.strip()[:200]):
            return value.strip()
    return None


def is_decorative(element: html.HtmlElement) -> bool:
    """Whether an ``img`` is an icon, spacer or tracking pixel rather than a picture."""
    width, height = _size(element.get("width")), _size(element.get("height"))
    if (width is not None and width < _SMALL) or (height is not None and height < _SMALL):
        return True
    names = class_words(element)
    return "icon" in names or "logo" in names or "avatar" in names or "emoji" in names


def make_image(
    element: html.HtmlElement, base_url: str | None, caption: str | None = None, credit: str | None = None
) -> Image | None:
    """An :class:`Image` for an ``img`` element, or ``None`` when it has no usable address."""
    source = image_source(element)
    if source is None:
        picture = element.getparent()
        if picture is not None and picture.tag == "picture":
            for alternative in picture.iter("source"):
                source = image_source(alternative)
                if source:
                    break
    url = absolute_url(source, base_url)
    if url is None:
        return None
    try:
        return Image(
            url=url,
            alt=element.get("alt"),
            caption=caption,
            credit=credit,
            width=_size(element.get("width")),
            height=_size(element.get("height")),
        )
    except ModelError:
        return None


def split_credit(caption: str, lexicon: Lexicon = EVERY) -> tuple[str, str | None]:
    """Split a trailing credit ("Foto: Reuters", "© AP") off a caption."""
    match = lexicon.compile(_CREDIT_TEXT).search(caption)
    if match is None:
        return caption, None
    return caption[: match.start("credit")].rstrip(" (|/-–—"), match.group("credit").strip()


def _text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def is_unnamed_figure(element: html.HtmlElement) -> bool:
    """Whether a box with no telling name is a figure: one picture, and short text in boxes of its own.

    ``<div><picture>…</picture><div>Fans with a banner</div><div>Getty Images</div></div>``: the
    text beside the picture is its caption and credit, never running text, which sits in
    paragraphs or loose in the box.
    """
    if (element.tag not in _BOX_TAGS and not (element.tag == "a" and element.get("href"))) or (
        element.text and element.text.strip()
    ):
        return False
    pictures = [img for img in element.iter("img") if image_source(img) and not is_decorative(img)]
    if len(pictures) != 1:
        return False
    inside = list(itertools.islice(element.iterdescendants(*_NOT_IN_FIGURES), 2))
    if inside and not (len(inside) == 1 and _caption_paragraph(inside[0], element)):
        return False
    if any(child.tail and child.tail.strip() for child in element):
        return False
    text = " ".join(element.text_content().split())
    return 0 < len(text) <= _UNNAMED_CAPTION


def _caption_paragraph(paragraph: html.HtmlElement, box: html.HtmlElement) -> bool:
    """Whether the one paragraph beside a picture is its caption: it sits in a box of its own
    (the picture's box's sibling), or in the link around the picture, and holds no link; running
    text sits in the box itself."""
    # A link is no place for running text: a paragraph right in it is the linked photo's caption.
    return (
        paragraph.tag == "p"
        and (paragraph.getparent() is not box or box.tag == "a")
        and paragraph.find(".//a") is None
    )


def figure_image(
    figure: html.HtmlElement,
    base_url: str | None,
    *,
    caption_fallback: bool = False,
    lexicon: Lexicon = EVERY,
) -> Image | None:
    """The image of a figure-like element with its caption and credit, or ``None`` when it has none.

    With ``caption_fallback``, a figure without a caption-named element takes the first text
    beside its picture as the caption (an unnamed figure, see ``is_unnamed_figure``).
    """
    image_element = None
    for candidate in figure.iter("img"):
        if image_source(candidate) and not is_decorative(candidate):
            image_element = candidate
            break
    if image_element is None:
        return None
    credit_parts: list[str] = []
    caption_parts: list[str] = []
    for element in figure.iter():
        if not isinstance(element.tag, str) or element.tag in ("img", "script", "style", "noscript"):
            continue
        names = class_words(element)
        if names and _CREDIT_NAME.search(names):
            text = _text(element)
            if text and text not in credit_parts and not any(text in part for part in credit_parts):
                credit_parts.append(text)
    captions = list(figure.iter("figcaption")) or [
        element
        for element in figure.iter()
        if isinstance(element.tag, str) and _CAPTION_NAME.search(class_words(element) or "-")
    ]
    if not captions and caption_fallback:
        # The texts beside the picture, in order: a caption, perhaps ending in a credit.
        caption_parts = [
            text
            for element in figure.iter()
            if isinstance(element.tag, str)
            and element.tag not in ("picture", "source", "img")
            and not any(isinstance(child.tag, str) for child in element)
            and (text := _text(element))
            and text not in credit_parts
        ]
    for element in captions[:1]:
        text = _caption_text(element)
        if text:
            caption_parts.append(text)
    caption = " ".join(caption_parts) or None
    credit = " ".join(credit_parts) or None
    if caption and credit and caption.endswith(credit):
        caption = caption[: -len(credit)].rstrip(" |/-–—(") or None
    if caption and credit is None:
        caption, credit = split_credit(caption, lexicon)
    return make_image(image_element, base_url, caption=caption or None, credit=credit)


def _caption_text(element: html.HtmlElement) -> str:
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and not _CREDIT_NAME.search(class_words(child) or "-"):
            parts.append(child.text_content())
        if child.tail:
            parts.append(child.tail)
    return " ".join(" ".join(parts).split())


def embed_for_url(url: str | None, title: str | None = None) -> Embed | None:
    """An :class:`Embed` for third-party content at ``url``, naming a known provider."""
    if not url or not url.lower().startswith(("http://", "https://", "//")):
        return None
    if url.startswith("//"):
        url = "https:" + url
    host = (urlsplit(url).hostname or "").lower()
    if not host or _AD_HOSTS.search(host):
        return None
    provider = None
    for domain, name in EMBED_PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            provider = name
            break
    try:
        return Embed(url=url, title=title, provider=provider)
    except ModelError:
        return None


def embedded_post(element: html.HtmlElement, base_url: str | None) -> Embed | None:
    """An embedded social post (a ``blockquote class="twitter-tweet"`` and the like) as an :class:`Embed`."""
    names = class_words(element)
    if not names or _EMBED_CLASS.search(names) is None:
        return None
    url = absolute_url(element.get("cite") or element.get("data-instgrm-permalink"), base_url)
    if url is None:
        links = [absolute_url(a.get("href"), base_url) for a in element.iter("a")]
        links = [link for link in links if link]
        url = links[-1] if links else None
    words, attribution = _post_words(element)
    embed = embed_for_url(url, attribution)
    if embed is None or not words:
        return embed
    try:
        return attrs.evolve(embed, text=words)
    except ModelError:
        return embed


_POST_TEXT_MAX = 5000
"""An embedded post's quoted text is cut at this length (posts are short; a page's is not)."""


def _post_words(element: html.HtmlElement) -> tuple[str | None, str | None]:
    """The post's words as the page quotes them (its paragraphs, a line each) and what else the
    quote says, its attribution ("— Name (@name) January 21"), as the embed's title.

    A quote with no paragraphs is all words and no attribution.
    """
    # Only the outermost paragraphs: a <p> inside a <p> is read once, with the outer one.
    outer = [p for p in element.iter("p") if next(p.iterancestors("p"), None) is None or p is element]
    holding: set[int] = set()  # the elements between the quote and its paragraphs
    for p in outer:
        for ancestor in p.iterancestors():
            if ancestor is element or id(ancestor) in holding:
                break
            holding.add(id(ancestor))
    if not outer:
        words = " ".join(spaced_text(element).split())[:_POST_TEXT_MAX]
        return words or None, None
    lines = [" ".join(spaced_text(p).split()) for p in outer]
    words = "\n".join(line for line in lines if line)[:_POST_TEXT_MAX]
    rest = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag != "p" and id(child) not in holding:
            rest.append(spaced_text(child))
        rest.append(child.tail or "")
    attribution = " ".join(" ".join(rest).split()).lstrip("—–-― ").strip()[:200]
    return words or None, attribution or None


def frame_embed(element: html.HtmlElement, base_url: str | None) -> Embed | None:
    """An ``iframe``, ``video`` or ``audio`` element as an :class:`Embed` of what it plays."""
    source = element.get("src") or element.get("data-src")
    if not source and element.tag in ("video", "audio"):
        inner = next(element.iter("source"), None)
        source = inner.get("src") if inner is not None else None
    return embed_for_url(absolute_url(source, base_url), element.get("title") or element.get("aria-label"))
