"""NITF ``media`` elements as the model's images, figures and embeds."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.nitf.names import EMBED_TEXT_ENCODING
from broadsheet.formats._shared.xml import build, lines_of, text_of
from broadsheet.model import Block, Embed, Figure, Image


def read_image(media: etree._Element) -> Image:
    """A ``media`` element as an Image (source, alternate text, caption, producer, size)."""
    reference = _reference(media)
    return build(
        Image,
        media,
        url=reference.get("source") or "",
        alt=reference.get("alternate-text"),
        caption=lines_of(media.find("{*}media-caption")),
        credit=text_of(media.find("{*}media-producer")),
        width=positive_int(reference.get("width"), None),
        height=positive_int(reference.get("height"), None),
        media_type=reference.get("mime-type"),
    )


def read_media(media: etree._Element) -> Block:
    """A ``media`` element in the body: an Embed for embeds and non-image media, else a Figure."""
    kind = (media.get("media-type") or "").lower()
    if "embed" in (media.get("class") or "").split() or kind not in ("image", ""):
        return build(
            Embed,
            media,
            url=_reference(media).get("source") or "",
            title=text_of(media.find("{*}media-caption")),
            provider=text_of(media.find("{*}media-producer")),
            text=_embed_text(media),
        )
    return Figure(image=read_image(media))


def _embed_text(media: etree._Element) -> str | None:
    # The text of a post is kept line for line (the model's converter cleans it); other
    # inline data (base64 of a picture) is no text to read.
    data = media.find("{*}media-object")
    if data is None or (data.get("encoding") or "").lower() != EMBED_TEXT_ENCODING:
        return None
    return "".join(data.itertext())


def _reference(media: etree._Element) -> etree._Element:
    # A media element without a reference reads as one without attributes (and fails on its empty URL).
    reference = media.find("{*}media-reference")
    return reference if reference is not None else etree.Element("media-reference")


def positive_int(value: str | None, default: int | None) -> int | None:
    """``value`` as a positive whole number, else ``default``."""
    if value is None or not value.strip().isdigit():
        return default
    number = int(value)
    return number if number > 0 else default
