"""Writing an article or an edition as PDF: fonts, story, page templates, one build."""

from __future__ import annotations

import io
import warnings
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, FrameBreak, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import LayoutError

from broadsheet.errors import BroadsheetError, MissingGlyphsWarning, WriteError
from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats._shared.wording import document_language
from broadsheet.formats.pdf import images
from broadsheet.formats.pdf.balance import ArticleEnd
from broadsheet.formats.pdf.flow import HEAD_SHARE, ArticleFlow, ColumnBox, Entry, mark
from broadsheet.formats.pdf.fonts import font_set
from broadsheet.formats.pdf.hyphenation import hyphenator
from broadsheet.formats.pdf.layout import Geometry, Later, PdfDocument, reads_right_to_left
from broadsheet.formats.pdf.markup import Markup, MissingGlyphs
from broadsheet.formats.pdf.options import WriteOptions
from broadsheet.formats.pdf.paragraphs import Paragraph
from broadsheet.formats.pdf.styles import Palette, Styles
from broadsheet.formats.pdf.toc import Contents, contents, cover
from broadsheet.model import Article, Document, Edition
from broadsheet.version import __version__


def write(document: Document, options: WriteOptions | None = None) -> bytes:
    """The PDF of an article or an edition."""
    options = options or WriteOptions()
    if not isinstance(document, (Article, Edition)):
        raise WriteError(f"the PDF writer takes an Article or an Edition, not a {type(document).__name__}")
    try:
        with images.session(document, options):  # every remote image fetched at once, before layout
            return _Build(document, options).run()
    except BroadsheetError:
        raise
    except LayoutError as error:
        message = str(error)
        if len(message) > 300:
            message = message[:150] + " … " + message[-150:]
        raise WriteError(f"PDF layout failed: {message}") from error
    except RecursionError as error:
        raise WriteError("PDF layout failed: the document is nested too deeply") from error
    except (
        ValueError,
        TypeError,
        IndexError,
        KeyError,
        AttributeError,
        ZeroDivisionError,
        NotImplementedError,
    ) as error:
        # reportlab reports layouts it cannot complete in many ways; none may escape as a crash.
        raise WriteError(f"PDF layout failed: {type(error).__name__}: {str(error)[:300]}") from error


class _Build:
    """The state of one write: options, fonts, styles, and the story being assembled."""

    def __init__(self, document: Document, options: WriteOptions) -> None:
        self.document = document
        self.options = options
        self.geometry = Geometry.of(options)
        fonts = font_set(options.fonts, options.heading_fonts, options.fallback_fonts)
        self.palette = Palette(options.profile)
        self.styles = Styles(
            options.font_size,
            fonts,
            self.palette,
            justify=options.justify,
            max_leading=self.geometry.text_height / 6,
        )
        self.missing = MissingGlyphs()
        self.edition = document if isinstance(document, Edition) else None
        self.articles = document.articles if isinstance(document, Edition) else (document,)
        self.language = self._language()
        self.styles = self.styles.directed(_language_rtl(self.language))
        self.rtl = reads_right_to_left(self.language, self.articles[0].title if self.articles else "")
        """Whether the document's columns are read right to left (an article's may differ)."""
        self.first_columns = "cols"
        self.internal = {a.url: f"a{i}" for i, a in enumerate(self.articles) if a.url and self.edition}
        self.frame = ColumnBox(
            width=self.geometry.column_width,
            height=self.geometry.text_height,
            full_width=self.geometry.text_width,
        )
        self.markup = self._markup(self.language)

    def _language(self) -> str | None:
        return document_language(self.document)

    def _markup(self, language: str | None) -> Markup:
        return Markup(
            self.styles.fonts,
            language=language,
            hyphenate=hyphenator(language) if self.options.hyphenate else None,
            link_color=self.palette.hex(self.palette.link),
            internal=self.internal,
            missing=self.missing,
        )

    def run(self) -> bytes:
        buffer = io.BytesIO()
        doc = self._document(buffer)
        story = self._story(doc)
        doc.contents = _predict_contents(story, self._entries(), self._directions())
        doc.build(story)  # one layout: contents numbers and level columns are settled during it
        self._check_glyphs()  # after the layout: articles after the first are built during it
        return buffer.getvalue()

    def _check_glyphs(self) -> None:
        if not self.missing.found:
            return
        message = f"no font has glyphs for {len(self.missing.found)} character(s): {self.missing.report()}"
        if self.options.missing_glyphs == "error":
            raise WriteError(message + " (name a font that has them with fallback_fonts)")
        warnings.warn(f"PDF: left out text: {message}", MissingGlyphsWarning, stacklevel=4)

    def _document(self, buffer: io.BytesIO) -> PdfDocument:
        doc = self.document
        if isinstance(doc, Article):
            title, author = doc.title, ", ".join(p.name for p in doc.authors)
            subject = (doc.lead or doc.subtitle or doc.section or "").split("\n")[0]
            keywords = list(doc.tags)
            left = doc.publisher.name if doc.publisher else (doc.source.name if doc.source else doc.title)
        else:
            title = doc.title
            author = doc.publisher.name if doc.publisher else ""
            subject = f"{doc.title}, {doc.date.isoformat()}" if doc.date else doc.title
            keywords = []
            left = doc.title
        markup = self.markup
        return PdfDocument(
            buffer,
            geometry=self.geometry,
            styles=self.styles,
            options=self.options,
            running_left=left,
            running_markup=lambda text: markup.text(text, self.styles.fonts.heading, hyphenate=False),
            title=title,
            author=author,
            subject=subject,
            keywords=keywords,
            creator=f"broadsheet {__version__}",
            lang=self.language,
            displayDocTitle=1,
        )

    def _story(self, doc: PdfDocument) -> list[Flowable]:
        g = self.geometry
        story: list[Flowable] = []
        started = False
        if self.edition is not None and self.options.cover:
            doc.template("cover", g.frames("cover", columns=1), decorate=False, cover=True)
            story.extend(
                cover(self.edition, self.styles, self.markup, g.text_width, g.text_height, self.options)
            )
            started = True
        if self.edition is not None and self.options.toc:
            doc.template("single", g.frames("single", columns=1), rtl=self.rtl)
            if started:
                story.extend([NextPageTemplate("single"), PageBreak()])
            story.extend(contents(self.edition, self.styles, self.markup, g.text_width, rtl=self.rtl))
            started = True
        flowing = self.options.article_break == "continue"  # articles share pages: one direction
        columns = self._columns(doc, self.rtl)
        self.first_columns = columns
        if started and flowing:
            story.extend([NextPageTemplate(columns), PageBreak()])
        # Only the first article is built now (its template must exist before the layout starts);
        # each other one when the layout reaches it, so an edition's flowables are never all held.
        for number, (section, article) in enumerate(self._sections()):
            later = _Later(self, doc, number, section, article, started=started)
            story.extend(later.flowables() if number == 0 else [later])
            started = True
        self._order_templates(doc)
        return story

    def _article_story(
        self, doc: PdfDocument, number: int, section: str | None, article: Article, *, started: bool
    ) -> list[Flowable]:
        """One article's flowables, from the break before it to its end, and its first page's template."""
        g = self.geometry
        story: list[Flowable] = []
        # Level columns on an article's last page (only when articles start on new pages).
        balance = g.columns > 1 and self.options.article_break == "page" and self.options.balance_columns
        flowing = self.options.article_break == "continue"  # articles share pages: one direction
        heads, body = self._article(number, section, article)
        rtl = self.rtl if flowing else reads_right_to_left(article.language or self.language, article.title)
        columns = self._columns(doc, rtl)
        if not started:
            self.first_columns = columns
        split_head = g.columns > 1 and self.options.article_break == "page"
        height = _height(heads, g.text_width) + self.styles.size if split_head else 0.0
        if split_head and height < g.text_height * HEAD_SHARE:
            name = f"first-{number}"
            doc.template(name, g.frames(name, head=height, rtl=rtl), rtl=rtl)
            if started:
                story.extend([NextPageTemplate(name), PageBreak()])
            story.extend([*heads, FrameBreak(), NextPageTemplate(columns)])
        else:
            if started and self.options.article_break == "page":
                story.extend([NextPageTemplate(columns), PageBreak()])
            story.extend(heads)
        story.extend(body)
        if balance:
            story.append(ArticleEnd())
        return story

    def _entries(self) -> list[tuple[int, str, int, str]]:
        """The contents entries the story's headlines and section heads will carry, in order (no pages)."""
        titled = self.edition is not None and any(s.title for s in self.edition.sections)
        out: list[tuple[int, str, int, str]] = []
        for number, (section, article) in enumerate(self._sections()):
            if section:
                out.append((0, escape(section), 0, f"s{number}"))
            out.append((1 if titled else 0, escape(article.title), 0, f"a{number}"))
        return out

    def _directions(self) -> dict[str, bool | None]:
        """By contents key, whether the entry's language reads right to left (None: unknown)."""
        out: dict[str, bool | None] = {}
        for number, (section, article) in enumerate(self._sections()):
            if section:
                out[f"s{number}"] = _language_rtl(self.language)
            out[f"a{number}"] = _language_rtl(article.language or self.language)
        return out

    def _order_templates(self, doc: PdfDocument) -> None:
        # reportlab starts on the first template in the list.
        order = ["cover", "single", "first-0", self.first_columns]
        doc.pageTemplates.sort(key=lambda t: order.index(t.id) if t.id in order else len(order))

    def _columns(self, doc: PdfDocument, rtl: bool) -> str:
        """The name of the column template read in the direction ``rtl``, added on first use."""
        name = "cols" if rtl == self.rtl else ("cols-rtl" if rtl else "cols-ltr")
        if all(template.id != name for template in doc.pageTemplates):
            doc.template(name, self.geometry.frames(name, rtl=rtl), rtl=rtl)
        return name

    def _sections(self) -> list[tuple[str | None, Article]]:
        if self.edition is None:
            return [(None, self.articles[0])]
        out: list[tuple[str | None, Article]] = []
        for section in self.edition.sections:
            for index, article in enumerate(section.articles):
                out.append((section.title if index == 0 else None, article))
        return out

    def _article(
        self, number: int, section: str | None, article: Article
    ) -> tuple[list[Flowable], list[Flowable]]:
        titled = self.edition is not None and any(s.title for s in self.edition.sections)
        level = 1 if titled else 0
        language = article.language or self.language
        markup = self._markup(language)
        markup.line_width, markup.font_size = self.frame.width, self.styles.size * 1.2
        flow = ArticleFlow(
            article,
            key=f"a{number}",
            level=level,
            styles=self.styles.directed(_language_rtl(language)),
            markup=markup,
            frame=self.frame,
            options=self.options,
        )
        heads: list[Flowable] = []
        if section:
            key = f"s{number}"
            text = f'<a name="{key}"/>' + markup.text(section, self.styles.fonts.heading, hyphenate=False)
            heads.append(
                mark(Paragraph(text, self.styles.section), Entry(title=section, key=key, level=0, toc=True))
            )
        self.missing.where = f"article {article.title[:40]!r}, head"
        kicker = article.section if not titled else None
        heads.extend(flow.head(kicker=kicker))
        return heads, flow.body() + flow.foot()


def _language_rtl(language: str | None) -> bool | None:
    """Whether text in ``language`` reads right to left; None when no language is known."""
    return is_rtl(language) if language else None


def _predict_contents(
    story: list[Flowable], entries: list[tuple[int, str, int, str]], directions: dict[str, bool | None]
) -> Contents | None:
    """Give the contents, if any, its entries (without page numbers) before the layout."""
    for flowable in story:
        if isinstance(flowable, Contents):
            flowable.set_entries(entries, directions)
            return flowable
    return None


class _Later(Later):
    """An article whose flowables are built when the layout reaches it."""

    def __init__(
        self,
        build: _Build,
        doc: PdfDocument,
        number: int,
        section: str | None,
        article: Article,
        *,
        started: bool,
    ) -> None:
        super().__init__()
        self._args = (build, doc, number, section, article, started)

    def flowables(self) -> list[Flowable]:
        """The article's flowables (built on every call)."""
        build, doc, number, section, article, started = self._args
        return build._article_story(doc, number, section, article, started=started)


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, 1e6)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0.0)
    return total


__all__ = ["WriteOptions", "write"]
