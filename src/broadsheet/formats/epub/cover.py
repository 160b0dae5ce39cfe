"""The cover: a page at the start of the reading order showing the cover image.

Without a cover image, one is generated as SVG from the title, date and
publisher: text, so it works for any script the reading system can show.
"""

from __future__ import annotations

import textwrap

from lxml import etree

from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats.epub.plan import Page
from broadsheet.formats.epub.skeleton import new_page
from broadsheet.formats.epub.xmltext import EPUB_TYPE, XML_LANG, element, serialise, xml_safe

_SVG = "http://www.w3.org/2000/svg"
_WIDTH, _HEIGHT = 1200, 1800
_MAX_TITLE_LINES = 8


def generated_cover(title: str, lines: tuple[str, ...], top: str | None, language: str) -> bytes:
    """An SVG cover: ``top`` (the publisher) above, the title big in the middle, ``lines`` below."""
    svg = etree.Element(
        f"{{{_SVG}}}svg",
        {
            "version": "1.1",
            "width": str(_WIDTH),
            "height": str(_HEIGHT),
            "viewBox": f"0 0 {_WIDTH} {_HEIGHT}",
            XML_LANG: language,
        },
        nsmap={None: _SVG},
    )
    etree.SubElement(svg, f"{{{_SVG}}}title").text = xml_safe(" — ".join((title, *lines)))
    etree.SubElement(svg, f"{{{_SVG}}}rect", {"width": "100%", "height": "100%", "fill": "#f6f3ec"})
    etree.SubElement(
        svg, f"{{{_SVG}}}rect", {"x": "0", "y": "0", "width": str(_WIDTH), "height": "24", "fill": "#1d1d1b"}
    )
    rtl = is_rtl(language)
    if top:
        _text(svg, top, 200, 56, weight="bold", rtl=rtl, family="sans-serif", spacing="4")
        etree.SubElement(
            svg,
            f"{{{_SVG}}}rect",
            {"x": "100", "y": "250", "width": str(_WIDTH - 200), "height": "6", "fill": "#1d1d1b"},
        )
    size = 104 if len(title) <= 40 else 84 if len(title) <= 90 else 68
    wrapped = textwrap.wrap(title, width=max(8, int((_WIDTH - 200) / (size * 0.64)))) or [title]
    if len(wrapped) > _MAX_TITLE_LINES:
        wrapped = [*wrapped[: _MAX_TITLE_LINES - 1], wrapped[_MAX_TITLE_LINES - 1] + "…"]
    y = 420 + size
    for line in wrapped:
        _text(svg, line, y, size, weight="bold", rtl=rtl, family="serif")
        y += int(size * 1.25)
    y += 60
    etree.SubElement(
        svg,
        f"{{{_SVG}}}rect",
        {"x": str(_WIDTH // 2 - 120), "y": str(y), "width": "240", "height": "4", "fill": "#8a1c1c"},
    )
    y += 110
    for line in lines:
        _text(svg, line, y, 52, weight="normal", rtl=rtl, family="sans-serif")
        y += 80
    return etree.tostring(svg, xml_declaration=True, encoding="utf-8")


def _text(
    svg: etree._Element,
    words: str,
    y: int,
    size: int,
    *,
    weight: str,
    rtl: bool,
    family: str,
    spacing: str = "0",
) -> None:
    attrs = {
        "x": str(_WIDTH // 2),
        "y": str(y),
        "font-family": family,
        "font-size": str(size),
        "font-weight": weight,
        "text-anchor": "middle",
        "fill": "#1d1d1b",
    }
    if spacing != "0":
        attrs["letter-spacing"] = spacing
    if rtl:
        attrs["direction"] = "rtl"
    etree.SubElement(svg, f"{{{_SVG}}}text", attrs).text = xml_safe(words)


def cover_page(
    image_name: str, description: str, title: str, language: str, stylesheets: tuple[str, ...]
) -> Page:
    """The cover page: the cover image alone, described by ``description``."""
    html, body = new_page(title, language, stylesheets, body_type="cover")
    section = element(body, "section", {"class": "cover"})
    section.set(EPUB_TYPE, "cover")
    element(section, "img", {"src": image_name, "alt": description, "role": "doc-cover"})
    return Page(name="cover.xhtml", id="cover", title=title, data=serialise(html))
