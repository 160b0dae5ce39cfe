"""Pictures and embeds in a ninjs HTML body: ``figure`` and ``img`` as Figure or Embed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_elements import class_names, element_name
from broadsheet.formats.ninjs.body_quotes import quote_lines
from broadsheet.formats.ninjs.model_values import bounded_int, safe
from broadsheet.model import Block, Embed, Figure, Image


def figure(el: Any, blocks: Callable[[Any], tuple[Block, ...]]) -> tuple[Block, ...]:
    """A ``figure``: an embed, an image with caption and credit, or (without an image) its ``blocks``."""
    if v.EMBED_CLASS in class_names(el):
        anchor = next((a for a in el.iter() if element_name(a) == "a" and a.get("href")), None)
        quoted = next((q for q in el.iter() if element_name(q) == "blockquote"), None)
        text = "\n".join(quote_lines(quoted)) if quoted is not None else None
        if anchor is not None:
            embed = safe(
                lambda: Embed(
                    url=anchor.get("href"), title=anchor.get("title"), provider=el.get(v.PROVIDER), text=text
                )
            )
            if embed is not None:
                return (embed,)
    img = next((i for i in el.iter() if element_name(i) == "img"), None)
    if img is None:
        return blocks(el)
    caption: str | None = None
    credit: str | None = None
    for node in el.iter():
        classes = class_names(node)
        if v.CREDIT_CLASS in classes or "byline" in classes:
            credit = node.xpath("string()")
        elif v.CAPTION_CLASS in classes:
            caption = "\n".join(quote_lines(node))
    if caption is None:
        figcaption = next((c for c in el.iter() if element_name(c) == "figcaption"), None)
        if figcaption is not None:
            caption = _text_outside(figcaption, {v.CREDIT_CLASS, "byline"})
    image = read_image(img, caption, credit)
    return (Figure(image=image),) if image is not None else ()


def read_image(img: Any, caption: str | None, credit: str | None) -> Image | None:
    """An ``img`` as an Image, or ``None`` when it has no usable source."""
    src = img.get("src") or img.get("data-src")
    if not src:
        return None
    return safe(
        lambda: Image(
            url=src,
            alt=img.get("alt"),
            caption=caption,
            credit=credit,
            width=bounded_int(img.get("width"), 1, 10**6),
            height=bounded_int(img.get("height"), 1, 10**6),
            media_type=img.get(v.MEDIA_TYPE),
        )
    )


def _text_outside(el: Any, classes: set[str]) -> str:
    """The text of ``el`` (line breaks as newlines) leaving out descendants with one of ``classes``."""
    parts = [el.text or ""]
    for child in el:
        if element_name(child) == "br":
            parts.append("\n")
        elif not (class_names(child) & classes):
            parts.append(_text_outside(child, classes))
        parts.append(child.tail or "")
    return "".join(parts)
