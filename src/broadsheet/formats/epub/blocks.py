"""The body of an EPUB chapter: the shared body walk, in XHTML, with the book's images embedded.

What is EPUB's own (see :class:`~broadsheet.formats._shared.body_html.BodyMarkup`):
the XHTML namespace, crossheads one level under the headline, quotation marks
as text, speakers in a figure caption, tight lists, every related box labelled,
and no ``data-*`` attributes, which no reading system reads.
"""

from __future__ import annotations

from lxml import etree

from broadsheet.errors import WriteError
from broadsheet.formats._shared import body_html
from broadsheet.formats._shared.body_html import BodyMarkup
from broadsheet.formats.epub.context import MAX_NESTING, Context
from broadsheet.formats.epub.xmltext import XHTML
from broadsheet.model import Block, Image, RelatedLink


def markup(context: Context) -> BodyMarkup:
    """The markup of an EPUB chapter in ``context``'s language."""
    return BodyMarkup(
        namespace=XHTML,
        language=context.language,
        heading_offset=1,
        annotate=False,
        marks_as_text=True,
        speaker_in_figcaption=True,
        tight_lists=True,
        label_boxes=True,
        related_label_class="label",
        max_depth=MAX_NESTING,
    )


def render_blocks(parent: etree._Element, blocks: tuple[Block, ...], context: Context) -> None:
    """Append ``blocks`` to ``parent``; body headings sit one level under the headline."""
    try:
        body_html.render_blocks(parent, blocks, markup(context), context)
    except WriteError as error:
        raise WriteError(
            f"article {context.title[:60]!r}: {error}, more than e-book readers can parse"
        ) from None


def render_figure(parent: etree._Element, image: Image, context: Context) -> None:
    """An image with caption and credit; a missing image leaves its caption."""
    body_html.render_figure(parent, image, markup(context), context)


def render_related(
    parent: etree._Element, links: tuple[RelatedLink, ...], title: str, context: Context
) -> None:
    """A "read also" box: a label and a list of linked titles with their authors."""
    body_html.render_related(parent, links, title, markup(context), context)
