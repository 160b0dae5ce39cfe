"""What site chrome looks like in markup: tags, roles, class/id words and short texts.

The main-content extractor asks these predicates whether an element is navigation, an ad, a share
bar, a prompt or a comment thread rather than part of the story.  They hold vocabulary only; the
decision of what to drop, given the element's size, is the caller's.
"""

from __future__ import annotations

import functools
import re

from lxml import html

from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon

JUNK_TAGS = frozenset(
    {
        "script", "style", "template", "svg", "canvas", "button", "input", "select", "textarea",
        "option", "optgroup", "datalist", "label", "dialog", "menu", "link", "meta", "title", "head",
        "map", "area", "object", "embed", "applet", "frameset", "frame", "math", "progress", "meter",
        "output", "track", "base",
    }
)  # fmt: skip
"""Elements that never hold article text: scripts, styles, form controls, plug-ins."""

CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})
"""Elements that are site chrome unless they turn out to be a read-also box (checked by the caller)."""

NOT_CHROME, WEAK_CHROME, STRONG_CHROME, RELATED_BOX = 0, 1, 2, 3
"""How surely an element is chrome: a weak sign (a layout name such as "sidebar", a form) is
overruled by the prose the element holds; a strong one ("share", "comments", ``nav``) only when
the element holds much of the page.  ``RELATED_BOX`` is no chrome at all but a box of links to
related stories, whose links are part of the story rather than navigation."""

_TAG_STRENGTH = {"nav": STRONG_CHROME, "footer": STRONG_CHROME, "aside": STRONG_CHROME, "form": WEAK_CHROME}
_ROLE_STRENGTH = {
    "navigation": STRONG_CHROME, "banner": STRONG_CHROME, "contentinfo": STRONG_CHROME,
    "search": STRONG_CHROME, "menu": STRONG_CHROME, "menubar": STRONG_CHROME,
    "alertdialog": STRONG_CHROME, "button": STRONG_CHROME, "complementary": WEAK_CHROME,
    "dialog": WEAK_CHROME, "toolbar": WEAK_CHROME, "tablist": WEAK_CHROME, "tab": WEAK_CHROME,
}  # fmt: skip

_HIDDEN_TOKENS = frozenset(
    {"hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader",
     "screen-reader-only", "offscreen", "element-invisible", "u-hidden", "is-hidden", "d-none"}
)  # fmt: skip

# Class and id names are read as BEM-like compounds ("article__share--top", "c-site-footer"):
# what a name is is its last part once layout suffixes ("container", "top", "2") are stripped.
# Taxonomy values ("tag-wetter", "category-social") and state flags ("has-sidebar") name nothing.
_CHROME_HEADS = frozenset(
    {
        "ad", "ads", "adslot", "adunit", "adbox", "advertising", "advertisement", "nav", "navbar",
        "navigation", "menu", "menus", "footer", "popup", "promo", "promos", "promotion", "tags",
        "taglist", "keywords", "pagination", "pager", "rating", "ratings", "reactions", "popular",
        "trending", "toolbar", "banner", "cta", "follow", "recirculation", "masthead", "topbar", "bio",
        "toc", "podcast", "survey", "poll", "feedback", "breadcrumbs", "breadcrumb", "comments", "comment", "login",
        "signin", "signup", "donate", "donation", "donations", "subscribe", "subscription", "sponsored",
        "sponsor", "newsletter", "prompt", "alert", "webpush", "push", "notification", "notifications",
        "toast", "snackbar", "interstitial", "support", "mostread", "skiplink", "outbrain", "taboola", "disqus",
        "factbox", "fact", "facts", "infobox", "factsheet",
    }
)  # fmt: skip
_LAYOUT_CHROME_HEADS = frozenset(
    {"sidebar", "widget", "widgets", "modal", "overlay", "partner", "partners", "player", "rail", "aside",
     "tools", "tabs", "tab", "drawer", "offcanvas", "sticky"}
)  # fmt: skip
_CHROME_STEMS = re.compile(r"share|social|comment(?!ar)|cookie|consent|gdpr|newsletter|advert|taboola|outbrain"
                           r"|breadcrumb|sponsor|disqus|donat|subscribe(?!r)|signup|login")  # fmt: skip
_CHROME_PAIRS = frozenset(
    {
        "most-read", "most-viewed", "most-popular", "site-header", "page-header", "header-bar", "top-bar",
        "author-bio", "support-us", "skip-link", "sign-up", "sign-in", "log-in", "teaser-list",
        "more-stories", "jump-link", "print-only", "related-topics", "app-promo", "audio-player",
        "of-contents", "social-media", "read-next",
    }
)  # fmt: skip
_PROMPT_PARTS = frozenset({"newsletter", "newsletters", "signup"})
_LAYOUT_PARTS = frozenset(
    {
        "container", "wrapper", "wrap", "placeholder", "layer", "box", "bar", "list", "block", "area", "section", "inner", "outer",
        "holder", "module", "links", "link", "items", "item", "panel", "zone", "slot", "unit",
        "placement", "buttons", "button", "btn", "icons", "icon", "top", "bottom", "left", "right",
        "elements", "region", "frame", "layout", "body",
        "main", "primary", "secondary", "mobile", "desktop", "sticky", "inline", "wide", "small",
        "large", "fixed", "global", "el", "element", "col", "column", "row", "grid", "group",
        "component", "js", "v2", "new", "default", "container-fluid", "sm", "md", "lg", "xl",
    }
)  # fmt: skip
_VALUE_PREFIXES = ("has-", "with-", "no-", "is-", "category-", "tag-", "tags-", "topic-", "format-", "type-",
                   "status-", "rubric-", "ressort-", "theme-", "template-", "single-", "layout-", "page-id",
                   "postid", "term-", "section-", "channel-", "show-", "hide-", "can-")  # fmt: skip
_FLAG_PARTS = frozenset({"has", "with", "no", "without", "is", "show", "hide"})
_CONTENT_TAGS = frozenset({"html", "body", "main", "article"})
_BREAKPOINTS = frozenset(
    {"xs", "sm", "md", "lg", "xl", "xxl", "mobile", "desktop", "tablet", "phone", "print", "small",
     "medium", "large", "narrow", "wide", "portrait", "landscape", "touch", "s", "m", "l", "up", "down",
     "until", "from", "below", "above", "screen", "web", "app", "amp"}
)  # fmt: skip
_NAME_PARTS = re.compile(r"[-_:.]+")
_SERIAL = re.compile(r"\d+$|(?=[a-f]*\d)[0-9a-f]{8,}$")
"""A number or a generated hexadecimal serial ("2", "624c6b1b33fc") ending a name: it names an
instance, not a kind."""
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")


def _hyphenated(match: re.Match[str]) -> str:
    # "articleBody" -> "article-Body": a function, three times faster than the template r"\1-\2".
    return f"{match[1]}-{match[2]}"


def lowered_name(name: str) -> str:
    """A class or id name lower-cased, a camelCase word cut where its capitals start
    ("elementAuthors" reads "element-authors")."""
    lowered = name.lower()
    if lowered != name:  # only a name with capitals can be camelCase (most are not: no regex)
        lowered = _CAMEL.sub(_hyphenated, name).lower()
    return lowered


@functools.lru_cache(maxsize=16384)
def _name_strength(names: str) -> int:
    strength = NOT_CHROME
    tokens = names.split()
    for token in tokens:
        token_strength = _token_strength(token)
        if token_strength == WEAK_CHROME and _specialised(token, tokens):
            continue
        strength = max(strength, token_strength)
        if strength == STRONG_CHROME:
            break
    return strength


def _specialised(token: str, tokens: list[str]) -> bool:
    """Whether another class of the element extends ``token`` into a kind that is no chrome
    ("widget widget-heading", "block block--text"): ``token`` is then the base class every kind of
    the site's boxes carries, and the kind says what the box is."""
    return any(
        other != token
        and other.startswith(token)
        and other[len(token) : len(token) + 1] in ("-", "_")
        and _token_strength(other) == NOT_CHROME
        for other in tokens
    )


@functools.lru_cache(maxsize=16384)
def _token_strength(token: str) -> int:
    if _hidden_token(token):
        return WEAK_CHROME  # hidden until a script or the reader's click shows it, perhaps
    lowered = lowered_name(token)
    if lowered.startswith(_VALUE_PREFIXES):
        return NOT_CHROME
    parts = [part for part in _NAME_PARTS.split(lowered) if part]
    if not _FLAG_PARTS.isdisjoint(parts):
        return NOT_CHROME
    while parts and (parts[-1] in _LAYOUT_PARTS or len(parts[-1]) == 1 or _SERIAL.match(parts[-1])):
        parts.pop()
    if not parts:
        return NOT_CHROME
    head = parts[-1]
    if not _PROMPT_PARTS.isdisjoint(parts):
        return STRONG_CHROME  # "newsletter-pure", "signup-form": a prompt whatever it is styled as
    if head in _CHROME_HEADS or _CHROME_STEMS.search(head):
        return STRONG_CHROME
    if len(parts) > 1 and f"{parts[-2]}-{head}" in _CHROME_PAIRS:
        return STRONG_CHROME
    if head in _LAYOUT_CHROME_HEADS:
        return WEAK_CHROME
    # A chrome word before the head ("comment_form", "shareTools"): a weak sign, which the
    # element's prose overrules.
    chrome_part = not _CHROME_HEADS.isdisjoint(parts) or _CHROME_STEMS.search("-".join(parts))
    return WEAK_CHROME if chrome_part else NOT_CHROME


_RELATED_NAME = re.compile(
    r"related|read-?also|also-?read|see-?also|read-?more|readmore|recommend|further-?reading"
    r"|more-?on|lesetipp|mehr-?zum|weiterlesen|inline-?link|further|linkbox|link-?box|more-?links"
)

READ_ALSO_LABEL = r"(?i)\s*(?P<label>{body.read_also})\s*(?:[:：.|>»›–—-]+|$|(?=\s))"
"""A read-also label ("Read also:", "Читайте також", "Lesen Sie auch") at the start of a text: a
:meth:`~broadsheet.lexicon.Lexicon.compile` template, the words from the page's lexicon."""

# "©" belongs to no language; the words are the page's language's.
_BOILERPLATE_TEXT = r"(?i)\s*(?:©|{body.boilerplate})\b"


def class_words(element: html.HtmlElement) -> str:
    """The element's class and id, lower-cased and joined, for name matching; a camelCase word is
    cut where its capitals start ("elementAuthors" reads "element-authors")."""
    names = element.get("class") or ""
    ident = element.get("id")
    if ident:
        names = f"{names} {ident}"
    return _lowered_names(names)


_lowered_names = functools.lru_cache(maxsize=16384)(lowered_name)


def is_hidden(element: html.HtmlElement) -> bool:
    """Whether the markup hides the element from readers."""
    if element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true":
        # Hidden from screen readers, not from sight: a box holding a picture and a few words
        # (its credit) is seen, a photo's link kept out of the reading order because a text link
        # beside it leads to the same place. A picture marked so itself is decoration; text so
        # marked, a duplicate of text read elsewhere.
        return (
            element.tag == "img"
            or next(element.iter("img"), None) is None
            or len(element.text_content().split()) > TUNING.card_words
        )

    style = element.get("style")
    if style and ("none" in style or "hidden" in style):
        compact = style.replace(" ", "").lower()
        if "display:none" in compact or "visibility:hidden" in compact:
            return True
    names = element.get("class")
    return names is not None and not _HIDDEN_TOKENS.isdisjoint(names.lower().split())


def _hidden_token(token: str) -> bool:  # not cached: only _token_strength, which is, asks
    # A modifier such as "alert--hidden" hides its element; "hidden-xs" or "hide-on-mobile" hide it
    # on some screens only.
    lowered = token.lower()
    if lowered in _HIDDEN_TOKENS:
        return True
    if "hid" not in lowered:
        return False
    parts = [part for part in _NAME_PARTS.split(lowered) if part]
    return parts[-1] in ("hidden", "hide") and _BREAKPOINTS.isdisjoint(parts)


def chrome_strength(element: html.HtmlElement) -> int:
    """How surely tag, role or class/id name the element as site chrome (not a size check)."""
    tag = element.tag
    if tag in _TAG_STRENGTH:
        return _TAG_STRENGTH[tag]
    if tag in _CONTENT_TAGS:
        return NOT_CHROME
    role = element.get("role")
    strength = _ROLE_STRENGTH.get(role.lower(), NOT_CHROME) if role else NOT_CHROME
    if tag == "figure" and role and role.lower() == "button":
        strength = NOT_CHROME  # a photo made clickable (to enlarge it) is still the story's photo
    names = element.get("class")
    if names:
        strength = max(strength, _name_strength(names))
    names = element.get("id")
    if names:
        strength = max(strength, _name_strength(names))
    if strength != STRONG_CHROME and _is_overlay(element):
        return STRONG_CHROME
    return strength


def _is_overlay(element: html.HtmlElement) -> bool:
    # A modal or an element fixed over the page (a cookie banner, a sign-up wall, a sticky
    # player) is laid over the story by its structure, whatever its name.
    if element.get("aria-modal") == "true":
        return True
    style = element.get("style") or ""
    return "fixed" in style and "position:fixed" in style.replace(" ", "").lower()


def is_chrome(element: html.HtmlElement) -> bool:
    """Whether tag, role or class/id name the element as site chrome, weakly or strongly."""
    return chrome_strength(element) != NOT_CHROME


def looks_related(element: html.HtmlElement) -> bool:
    """Whether class/id names the element as a box of related or read-also links."""
    names = class_words(element)
    return bool(names) and _related_name(names)


@functools.lru_cache(maxsize=8192)
def _related_name(names: str) -> bool:
    return _RELATED_NAME.search(names) is not None


def read_also_match(text: str, lexicon: Lexicon = EVERY) -> re.Match[str] | None:
    """The read-also label ``text`` starts with, in ``lexicon``'s words, as a match."""
    return lexicon.compile(READ_ALSO_LABEL).match(text)


def is_boilerplate_text(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether a short text is a prompt, label or notice ("Advertisement", "Share this", "©")."""
    return len(text) < 160 and lexicon.compile(_BOILERPLATE_TEXT).match(text) is not None


def opens_with_label(text: str, lexicon: Lexicon = EVERY) -> bool:
    """Whether ``text`` starts with a read-also label or a notice ("Read also", "Advertisement"),
    whatever its length: the patterns above, so no third one of their words is compiled."""
    return (
        read_also_match(text, lexicon) is not None
        or lexicon.compile(_BOILERPLATE_TEXT).match(text) is not None
    )
