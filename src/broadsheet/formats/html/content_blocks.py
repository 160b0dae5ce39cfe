"""Turn the element holding an article's text into body blocks, leaving site chrome behind.

Block-level markup always ends a paragraph, so words from neighbouring elements never run
together; chrome inside the article (share bars, ad slots, prompts, bylines, feeds of other
stories) is skipped unless it holds a large part of the text, in which case the class name was
misleading. Every drop is reported to :mod:`~broadsheet.formats.html.tracing` under its rule's name.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlsplit

from lxml import html

from broadsheet.errors import ModelError
from broadsheet.formats._shared.plain_text import RUNNING_TEXT, block_text
from broadsheet.formats.html import tracing
from broadsheet.formats.html.content_cards import is_feed, teaser_card
from broadsheet.formats.html.content_chrome import (
    JUNK_TAGS,
    NOT_CHROME,
    WEAK_CHROME,
    chrome_strength,
    class_words,
    is_boilerplate_text,
    is_chrome,
    is_hidden,
    looks_related,
)
from broadsheet.formats.html.content_inlines import (
    BLOCK_LEVEL,
    InlineReader,
    absolute_url,
    split_at_blank_lines,
    text_of,
    tidy,
)
from broadsheet.formats.html.content_lines import is_byline, is_media_blurb, is_offer, is_stray_line
from broadsheet.formats.html.content_lists import is_meta_list, is_table_of_contents, lone_link
from broadsheet.formats.html.content_media import (
    embed_for_url,
    embedded_post,
    figure_image,
    frame_embed,
    is_decorative,
    is_unnamed_figure,
    make_image,
)
from broadsheet.formats.html.content_prompts import is_prompt_box
from broadsheet.formats.html.content_quotes import attribution, quote_language
from broadsheet.formats.html.content_related import read_also_label, related_box
from broadsheet.formats.html.content_score import PROSE_LENGTH, WEAK_CHROME_PROSE
from broadsheet.formats.html.content_tables import is_layout_table, read_table
from broadsheet.formats.html.tuning import TUNING
from broadsheet.lexicon import EVERY, Lexicon
from broadsheet.model import (
    Block,
    BulletList,
    Embed,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    Quote,
    QuoteBlock,
    RelatedBox,
    RelatedLink,
    Relation,
    Separator,
    Text,
)

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_META_NAME = re.compile(
    r"(?<![a-z])(?:byline|by-?line|authors?|autor|autoren|auteur|dateline|date|time|timestamp|pubdate"
    r"|published|publish-?date|meta|article-?meta|post-?meta|entry-?meta|caption|credit|copyright"
    r"|kicker|overline|eyebrow|label|category|rubric|rubrik)(?![a-z])"
)
_FIGURE_NAME = re.compile(
    r"(?<![a-z])(?:figure|image|img|photo|picture|media|foto|bild|thumbnail|wp-caption|gallery)(?![a-z])"
)
_WORDS = re.compile(r"\w+")
_WORD = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.…。][\"'»«“”’)\]]*$")
_COMMENTS = re.compile(r"comment(?!ar)|disqus|discussion|kommentare|reaction")
_MAX_DEPTH = 120
_FIGURE_CONTENT = ("table", "pre")
_EMBED_NAME = re.compile(r"(?<![a-z])(?:embed|embeds|oembed|embed-?container|social-?embed)(?![a-z])")


def normalised_words(text: str) -> str:
    """Lower-cased words of ``text`` joined by single spaces, for loose comparison."""
    return " ".join(_WORDS.findall(text.lower()))


def prose_length(element: html.HtmlElement) -> int:
    """Characters in the element's paragraphs long enough to be prose."""
    return sum(len(text) for p in element.iter("p") if len(text := p.text_content()) >= PROSE_LENGTH)


def _in_header(element: html.HtmlElement) -> bool:
    """Whether an element stands in a header: a ``<header>``, an ``<hgroup>`` or a box named a
    header or head ("article-head", "ContentHead"), a few levels up."""
    for level, ancestor in enumerate(element.iterancestors()):
        if level >= TUNING.header_levels or ancestor.tag in ("body", "main", "article"):
            return False
        if ancestor.tag in ("header", "hgroup") or "head" in class_words(ancestor):
            return True
    return False


def _first_text(element: html.HtmlElement) -> str:
    collected = ""
    for piece in element.itertext():
        collected += " " + piece  # pieces may come from separate blocks
        if len(collected.strip()) >= 40:
            break
    return collected.strip()


def _stray_rule(text: str, lexicon: Lexicon) -> str | None:
    """The rule that takes a line of running text for no part of the story, if one does."""
    if is_stray_line(text, lexicon):
        return "stray_line"
    if is_offer(text, lexicon):
        return "offer"
    if is_media_blurb(text):
        return "media_blurb"
    return None


def _site(url: str) -> str:
    """The last two labels of an address's host: the site, whatever its subdomain."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return ".".join(host.split(".")[-2:])


def _other_site(url: str, base_url: str | None) -> bool:
    """Whether a link leads away from the page's site (unknown without the page's address)."""
    if not base_url:
        return False
    theirs, ours = _site(url), _site(base_url)
    return bool(theirs and ours) and theirs != ours


class BlockReader:
    """Reads the blocks of one container; a fresh reader reads each list item and quotation."""

    def __init__(
        self,
        *,
        base_url: str | None,
        title: str | None,
        skip: Collection[html.HtmlElement] = (),
        keep_size: int = 10**9,
        lexicon: Lexicon = EVERY,
    ) -> None:
        """Set up a reader.

        ``skip`` are elements read elsewhere (the lead, bylines); chrome holding more than
        ``keep_size`` characters of prose is kept, because a page that wraps its story in a
        ``share`` container has misleading class names, not a huge share bar. ``lexicon`` holds
        the words of the page's language (labels, stamps, offers).
        """
        self.lexicon = lexicon
        self.base_url = base_url
        self.title = normalised_words(title) if title else ""
        self.skip = skip
        self.keep_size = keep_size
        self.container_prose = 0
        self.container_text = 0
        """Prose characters of the container :meth:`read` reads, the measure of a drop's share."""
        self.blocks: list[Block] = []
        self.pending: list[Inline] = []
        self.pending_figures: list[Figure | Embed] = []
        """Pictures and players met amid inline text: they stand after its paragraph."""
        self.inline = InlineReader(base_url, self._inline_image, self._inline_frame)
        self.seen_text = False
        self.seen_prose = False
        """Whether a paragraph of prose was read (above it stand labels, stamps, the headline block)."""
        self.loose = True
        self.bylines: list[str] = []
        """Byline lines found above the first paragraph ("By Jane Doe")."""
        """Whether paragraphs stand in running text (not list items), where stray lines are dropped."""

    def read(self, element: html.HtmlElement) -> list[Block]:
        """The blocks of everything inside ``element``."""
        if not self.container_prose:
            self.container_prose = prose_length(element)
            self.container_text = len(element.text_content())
        self._container(element, 0)
        self._flush()
        return self.blocks

    def _sub(self, element: html.HtmlElement, depth: int) -> list[Block]:
        reader = BlockReader(
            base_url=self.base_url, title=None, skip=self.skip, keep_size=self.keep_size, lexicon=self.lexicon
        )
        reader.loose = False
        reader.container_prose, reader.container_text = self.container_prose, self.container_text
        reader._container(element, depth)
        reader._flush()
        return reader.blocks

    # -- inline content and paragraphs -------------------------------------------------------

    def _inline_image(self, element: html.HtmlElement) -> None:
        if is_decorative(element):
            return
        image = make_image(element, self.base_url)
        if image is not None:
            self.pending_figures.append(Figure(image=image))

    def _inline_frame(self, element: html.HtmlElement) -> None:
        embed = frame_embed(element, self.base_url)
        if embed is not None:
            self.pending_figures.append(embed)

    def _flush(self) -> None:
        if self.pending:
            self._paragraphs(tidy(self.pending))
            self.pending = []
        self._flush_figures()

    def _flush_figures(self) -> None:
        if self.pending_figures:
            self.blocks.extend(self.pending_figures)
            self.pending_figures = []

    def _paragraphs(self, inlines: tuple[Inline, ...]) -> None:
        for part in split_at_blank_lines(inlines):
            self._paragraph(part)

    def _paragraph(self, inlines: tuple[Inline, ...]) -> None:
        text = text_of(inlines)
        if not text:
            return
        if is_boilerplate_text(text, self.lexicon):
            tracing.dropped("boilerplate_text", text)
            return
        if self.title and normalised_words(text) == self.title:
            tracing.dropped("headline_again", text)
            return
        if self.loose:
            rule = _stray_rule(text, self.lexicon)
            if rule is not None:
                tracing.dropped(rule, text)
                return
        if self.loose and is_byline(text):
            if not self.seen_text:
                self.bylines.append(text)  # the story's own byline, above its text
            else:
                tracing.dropped("byline_in_text", text)
            return
        links = [node for node in inlines if isinstance(node, Link)]
        if self.loose and links and self._links_only(inlines, links, text):
            return
        label = read_also_label(text, self.lexicon)
        if label is not None and links:
            box = self._box_from_links(links, label, len(text) - len(label))
            if box is not None:
                self.blocks.append(box)
                return
        try:
            self.blocks.append(Paragraph(children=inlines))
            self.seen_text = True
            self.seen_prose = self.seen_prose or len(text) >= PROSE_LENGTH
        except ModelError:
            return

    def _links_only(self, inlines: tuple[Inline, ...], links: list[Link], text: str) -> bool:
        """Take a paragraph of nothing but links for a menu, a button or teasers (not in list entries,
        whose links are judged with their siblings')."""
        if len(links) > 1 and all(
            isinstance(node, (Link, LineBreak)) or (isinstance(node, Text) and not _WORD.search(node.text))
            for node in inlines
        ):
            # Links one under the other and nothing else: a menu, or a list of other stories.
            for link in links:
                if len(text_of(link.children).split()) > TUNING.teaser_words:
                    self._teaser(link)
                else:
                    tracing.dropped("link_lines", text_of(link.children))
            return True
        if len(inlines) == 1 and not links[0].url.startswith(("mailto:", "tel:")):
            # A paragraph that is one link is a button ("Subscribe", "Support us") when short, and
            # a teaser of another story when long; an address to write to or call is the story's,
            # and so is a long link to another site: the source the story cites, not a teaser.
            if len(text.split()) > TUNING.teaser_words and _other_site(links[0].url, self.base_url):
                return False
            if len(text.split()) > TUNING.teaser_words:
                self._teaser(links[0])
            else:
                tracing.dropped("link_button", text)
            return True
        return False

    def _teaser(self, link: Link) -> None:
        title = text_of(link.children).strip(" «»\"“”„'‘’")
        try:
            related = RelatedLink(title=title, url=link.url, relation=Relation.READ_ALSO)
        except ModelError:
            return
        previous = self.blocks[-1] if self.blocks else None
        if isinstance(previous, RelatedBox) and previous.label is None:
            self.blocks[-1] = RelatedBox(links=(*previous.links, related))
        else:
            self.blocks.append(RelatedBox(links=(related,)))

    def _box_from_links(self, links: list[Link], label: str, rest: int) -> RelatedBox | None:
        related: list[RelatedLink] = []
        linked = 0
        for link in links:
            title = text_of(link.children).strip(" «»\"“”„'‘’")
            linked += len(title)
            if len(title) >= TUNING.box_title:
                try:
                    related.append(RelatedLink(title=title, url=link.url, relation=Relation.READ_ALSO))
                except ModelError:
                    continue
        if not related or linked < TUNING.box_linked_share * rest:
            return None
        return RelatedBox(links=related, label=label)

    # -- containers ---------------------------------------------------------------------------

    def _container(self, element: html.HtmlElement, depth: int) -> None:
        if element.text:
            self.pending.append(Text(text=element.text))
        for child in element:
            self._child(child, depth + 1)
            if child.tail:
                self.pending.append(Text(text=child.tail))

    def _child(self, element: html.HtmlElement, depth: int) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in JUNK_TAGS or element in self.skip:
            return
        if is_hidden(element) and not self._holds_the_story(element):
            tracing.dropped("hidden", element)
            return
        if tag == "br":
            self.pending.append(LineBreak())
            return
        if (
            tag not in BLOCK_LEVEL
            and tag != "img"
            and next(element.iterdescendants(*BLOCK_LEVEL), None) is None
        ):
            if self._is_meta(element):
                tracing.dropped("meta_inline", element)
                return
            self.pending.extend(self.inline.node(element, 0))
            return
        self._flush()
        if depth > _MAX_DEPTH:
            self._paragraph(tidy([Text(text=" ".join(element.itertext()))]))
            return
        self._block(element, tag, depth)
        self._flush()

    def _is_meta(self, element: html.HtmlElement) -> bool:
        names = class_words(element)
        if not names or (_META_NAME.search(names) is None and not is_chrome(element)):
            return False
        return len(element.text_content()) < TUNING.meta_text

    def _holds_the_story(self, element: html.HtmlElement) -> bool:
        """Whether a block holds so much of the container (its prose, or its text) that no drop
        rule may take it: a name or a hiding class that says otherwise misleads."""
        if prose_length(element) >= self.keep_size:
            return True
        return len(element.text_content()) >= TUNING.drop_share * self.container_text

    def _chrome_rule(self, element: html.HtmlElement) -> str | None:
        """The rule that names ``element`` chrome to drop (``None`` to read it), size checked."""
        strength = chrome_strength(element)
        if strength == NOT_CHROME:
            if self._is_meta(element):
                return "meta_block"
            if is_prompt_box(element) and not self._holds_the_story(element):
                return "prompt_box"
            return None
        prose = prose_length(element)
        if _COMMENTS.search(class_words(element)):
            # Readers' comments are long prose, never the story: only a block holding nearly all
            # of the container is a story the name misleads about.
            share = TUNING.comments_story_share
            story = (prose >= self.keep_size and prose >= share * self.container_prose) or len(
                element.text_content()
            ) >= share * self.container_text
            return None if story else "comments"
        if strength == WEAK_CHROME:
            if prose >= WEAK_CHROME_PROSE or self._holds_the_story(element):
                return None
            return "weak_chrome"
        return None if self._holds_the_story(element) else "chrome_name"

    def _block(self, element: html.HtmlElement, tag: str, depth: int) -> None:
        if tag not in ("table", "thead", "tbody", "tr", "dl") and is_feed(element):
            # Stamped links to other stories, one under the other: a rail, not a read-also box.
            tracing.dropped("story_feed", element)
            return
        if (
            looks_related(element) or read_also_label(_first_text(element), self.lexicon)
        ) and tag not in _HEADINGS:
            box = related_box(element, self.base_url, lexicon=self.lexicon)
            if box is not None:
                self.blocks.append(box)
                return
        card = teaser_card(element, self.base_url)
        if card is not None:
            title, url = card
            self._teaser(Link(url=url, children=(Text(text=title),)))
            return
        if tag != "figure" and self._is_embed_box(element):
            self._embed_box(element)  # before chrome: its consent notice names it "consent"
            return
        rule = self._chrome_rule(element)
        if rule is not None:
            tracing.dropped(rule, element)
            return
        if tag == "p":
            self._paragraphs(tidy(self.inline.children(element)))
        elif tag in _HEADINGS:
            self._heading(element, _HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self._list(element, tag == "ol", depth)
        elif tag == "table":
            self._table(element, depth)
        elif tag == "blockquote":
            self._blockquote(element, depth)
        elif tag == "figure":
            self._figure(element, depth)
        elif tag in ("iframe", "video", "audio"):
            embed = frame_embed(element, self.base_url)
            if embed is not None:
                self.blocks.append(embed)
        elif tag == "img":
            self._inline_image(element)
        elif tag == "hr":
            if self.blocks and not isinstance(self.blocks[-1], Separator):
                self.blocks.append(Separator())
        elif tag == "pre":
            self._paragraphs(tidy(self._preformatted(element)))
        elif tag == "noscript":
            tracing.dropped("noscript", element)  # what a page shows without scripts, beside the real thing
        elif tag == "dl":
            self.blocks.extend(self._sub(element, depth))  # terms and definitions are short by nature
        elif self._is_figure_like(element):
            self._figure(element, depth)
        else:
            self._container(element, depth)

    def _preformatted(self, element: html.HtmlElement) -> list[Inline]:
        out: list[Inline] = []
        for number, line in enumerate(element.text_content().split("\n")):
            if number:
                out.append(LineBreak())
            out.append(Text(text=line))
        return out

    # -- particular blocks --------------------------------------------------------------------

    def _heading(self, element: html.HtmlElement, level: int) -> None:
        inlines = tidy(self.inline.children(element))
        text = text_of(inlines)
        if not text:
            return
        if is_boilerplate_text(text, self.lexicon):
            tracing.dropped("boilerplate_text", text)
            return
        words = normalised_words(text)
        if self.title and (words == self.title or (level == 1 and not self.seen_text)):
            tracing.dropped("headline_again", text)
            return
        if len(inlines) == 1 and isinstance(inlines[0], Link):
            self._teaser(inlines[0])  # a headline linking elsewhere is a teaser
            return
        if not self.seen_prose and not _SENTENCE_END.search(text) and _in_header(element):
            # Above the story's first prose, a heading in a header is the page's headline block
            # (a kicker and the headline, printed again where the title is an <h1> elsewhere);
            # crossheads head the story's text, never a header. A sentence there is the standfirst.
            tracing.dropped("header_heading", text)
            return
        label = read_also_label(text, self.lexicon)
        if label is not None and len(label) >= len(text) - 2:
            following = element.getnext()
            if following is not None and isinstance(following.tag, str):
                box = related_box(following, self.base_url, label=text.rstrip(" :"), lexicon=self.lexicon)
                if box is not None:
                    self.blocks.append(box)
                    self.skip = {*self.skip, following}
                    return
        self.blocks.append(Heading(level=level, children=inlines))

    def _list(self, element: html.HtmlElement, ordered: bool, depth: int) -> None:
        if is_table_of_contents(element):
            tracing.dropped("table_of_contents", element)  # its entries are the crossheads below
            return
        items: list[tuple[Block, ...]] = []
        for item in element:
            if not isinstance(item.tag, str) or item.tag in JUNK_TAGS:
                continue
            if is_hidden(item):
                tracing.dropped("hidden", item)
                continue
            blocks = self._sub(item, depth + 1)
            if blocks:
                items.append(tuple(blocks))
        if not items:
            return
        lone_links = [lone_link(item) for item in items]
        if all(link is not None for link in lone_links):
            # A list of nothing but links is navigation, tags, or a box of related stories.
            titles = [text_of(link.children) for link in lone_links if link is not None]
            box = None
            if sum(len(t.split()) for t in titles) >= TUNING.box_title_words * len(titles):
                box = self._box_from_links([link for link in lone_links if link is not None], "", 0)
            if box is not None:
                self.blocks.append(RelatedBox(links=box.links))
            else:
                tracing.dropped("link_list", element)
            return
        if self.loose and is_meta_list(items, above_text=not self.seen_text, lexicon=self.lexicon):
            # "Published 13 May 2026 · 3 min read · By Jane Doe": the story's metadata as a list.
            if not self.seen_text:
                lines = (text_of(item[0].children) for item in items if isinstance(item[0], Paragraph))
                self.bylines.extend(line for line in lines if is_byline(line))
            tracing.dropped("meta_list", element)
            return
        if ordered:
            start = element.get("start", "1").strip()
            self.blocks.append(OrderedList(items=items, start=int(start) if start.isdigit() else 1))
        else:
            self.blocks.append(BulletList(items=items))

    def _table(self, element: html.HtmlElement, depth: int) -> None:
        if is_layout_table(element):
            self._container(element, depth)
            return
        table = read_table(element, self.inline)
        if table is not None:
            self.blocks.append(table)

    def _blockquote(self, element: html.HtmlElement, depth: int) -> None:
        embed = embedded_post(element, self.base_url)
        if embed is not None:
            self.blocks.append(embed)
            return
        said = attribution(element)
        reader = BlockReader(
            base_url=self.base_url,
            title=None,
            skip={*self.skip, *said.elements},
            keep_size=self.keep_size,
            lexicon=self.lexicon,
        )
        reader.container_prose, reader.container_text = self.container_prose, self.container_text
        blocks = reader.read(element)
        self.pending_figures.extend(block for block in blocks if isinstance(block, Figure))
        lines = [block_text(block, style=RUNNING_TEXT) for block in blocks]
        words = "\n".join(line for line in lines if line)
        if not words:
            return
        try:
            quote = Quote(
                text=words,
                speaker=said.speaker,
                cite=absolute_url(element.get("cite"), self.base_url),
                language=quote_language(element),
            )
        except ModelError:
            return
        self.blocks.append(QuoteBlock(quote=quote))
        self.seen_text = True

    def _is_embed_box(self, element: html.HtmlElement) -> bool:
        # A box for third-party content: the player itself, or the consent notice shown instead.
        names = class_words(element)
        if not names or _EMBED_NAME.search(names) is None or element.find(".//img") is not None:
            return False
        return len(element.text_content()) < TUNING.embed_text

    def _embed_box(self, element: html.HtmlElement) -> None:
        frame = next(element.iter("iframe", "video", "audio"), None)
        embed = frame_embed(frame, self.base_url) if frame is not None else None
        if embed is None:
            post = next(element.iter("blockquote"), None)
            embed = embedded_post(post, self.base_url) if post is not None else None
        if embed is None:
            for anchor in element.iter("a"):
                embed = embed_for_url(absolute_url(anchor.get("href"), self.base_url))
                if embed is not None and embed.provider is not None:
                    break
                embed = None
        if embed is not None:
            self.blocks.append(embed)
        else:
            tracing.dropped("embed_box", element)

    def _is_figure_like(self, element: html.HtmlElement) -> bool:
        names = class_words(element)
        if not names or _FIGURE_NAME.search(names) is None or element.find(".//img") is None:
            return is_unnamed_figure(element)
        return len(element.text_content()) < TUNING.figure_text

    def _figure(self, element: html.HtmlElement, depth: int) -> None:
        if element.tag == "figure" and next(element.iter(*_FIGURE_CONTENT), None) is not None:
            # A figure holding a table or a listing (WordPress wraps every table so) is read whole;
            # the caption of a figure that is one data table is the table's.
            tables = element.findall(".//table")
            caption = element.find("figcaption")
            if len(tables) == 1 and caption is not None and not is_layout_table(tables[0]):
                table = read_table(tables[0], self.inline, caption=" ".join(caption.text_content().split()))
                if table is not None:
                    self.blocks.append(table)
                return
            self._container(element, depth)
            return
        image = figure_image(element, self.base_url, caption_fallback=True, lexicon=self.lexicon)
        if image is not None:
            self.blocks.append(Figure(image=image))
            return
        for tag in ("iframe", "video", "audio"):
            frame = next(element.iter(tag), None)
            if frame is not None:
                embed = frame_embed(frame, self.base_url)
                if embed is not None:
                    self.blocks.append(embed)
                return
        quote = next(element.iter("blockquote"), None)
        if quote is not None and embedded_post(quote, self.base_url) is not None:
            self._blockquote(quote, depth)
            return
        if element.tag != "figure":
            self._container(element, depth)
        else:
            tracing.dropped("figure_without_image", element)
