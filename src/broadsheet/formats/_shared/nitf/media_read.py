"""NITF ``media`` elements as the model's images, figures and embeds."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.xml import build, lines_of, text_of
from broadsheet.model import Block, Embed, Figure, Image


def read_image(media: etree._Element) -> Image:
    """A ``media`` element as an Image (source, alternate text, caption, producer, size)."""
    reference = media.find("{*}media-reference")
    source = reference.get("source") if reference is not None else None
    return build(
        Image,
        media,
        url=source or "",
        alt=reference.get("alternate-text") if reference is not None else None,
        caption=lines_of(media.find("{*}media-caption")),
        credit=text_of(media.find("{*}media-producer")),
        width=positive_int(reference.get("width") if reference is not None else None, None),
        height=positive_int(reference.get("height") if reference is not None else None, None),
        media_type=reference.get("mime-type") if reference is not None else None,
    )


def read_media(media: etree._Element) -> Block:
    """A ``media`` element in the body: an Embed for embeds and non-image media, else a Figure."""
    kind = (media.get("media-type") or "").lower()
    if "embed" in (media.get("class") or "").split() or kind not in ("image", ""):
        reference = media.find("{*}media-reference")
        source = reference.get("source") if reference is not None else None
        return build(
            Embed,
            media,
            url=source or "",
            title=text_of(media.find("{*}media-caption")),
            provider=text_of(media.find("{*}media-producer")),
        )
    return Figure(image=read_image(media))


def positive_int(value: str | None, default: int | None) -> int | None:
    """``value`` as a positive whole number, else ``default``."""
    if value is None or not value.strip().isdigit():
        return default
    number = int(value)
    return number if number > 0 else default
