"""From the model to a :class:`~.plan.Book`: which pages, in which order, with what navigation."""

from __future__ import annotations

import attrs

from broadsheet.formats._shared.typography import is_rtl
from broadsheet.formats._shared.wording import date_text, label
from broadsheet.formats.epub import metadata, styles
from broadsheet.formats.epub.chapter import render_chapter
from broadsheet.formats.epub.context import Context
from broadsheet.formats.epub.cover import cover_page, generated_cover
from broadsheet.formats.epub.images import ImageStore, load_checked
from broadsheet.formats.epub.masthead import NAME as MASTHEAD
from broadsheet.formats.epub.masthead import Listed, render_masthead
from broadsheet.formats.epub.options import WriteOptions
from broadsheet.formats.epub.plan import Book, Creator, Landmark, Metadata, NavEntry, Page, Resource
from broadsheet.model import Article, Edition


@attrs.define
class _Cover:
    page: Page
    resource: Resource


def plan_book(document: Article | Edition, options: WriteOptions) -> Book:
    """Lay out ``document`` as a book: cover, masthead (editions), one chapter per article."""
    languages = metadata.languages(document, options.language)
    language = languages[0]
    sheet_resources = styles.stylesheets(options)
    sheets = tuple(resource.name for resource in sheet_resources)
    store = ImageStore(options)
    store.prefetch(document)  # every remote image at once, before the chapters ask for them

    sections: list[tuple[str | None, tuple[Listed, ...]]] = []
    chapters: list[Page] = []
    shown = without_alt = 0
    number = 0
    groups = (
        ((None, (document,)),)
        if isinstance(document, Article)
        else tuple((section.title, section.articles) for section in document.sections if section.articles)
    )
    for title, articles in groups:
        listed: list[Listed] = []
        for article in articles:
            number += 1
            stem = f"article-{number:03d}"
            included = (
                [t for t in article.translations if t.article is not None] if options.translations else []
            )
            pages_of = {t.language: f"{stem}-{t.language}.xhtml" for t in included}
            translations: list[Listed] = []
            for text, page_id, name, links in (
                (article, stem, f"{stem}.xhtml", pages_of),
                *((t.article, f"{stem}-{t.language}", pages_of[t.language], {}) for t in included),
            ):
                assert text is not None
                context = Context(
                    language=text.language or language,
                    base_url=text.url,
                    images=store,
                    title=text.title,
                    translation_pages=links,
                )
                chapters.append(
                    render_chapter(
                        text,
                        name=name,
                        page_id=page_id,
                        language=language,
                        stylesheets=sheets,
                        context=context,
                    )
                )
                shown += context.images_shown
                without_alt += context.images_without_alt
                if text is not article:
                    translations.append(Listed(article=text, href=name))
                    if text.language and text.language not in languages:
                        languages = (*languages, text.language)
            listed.append(Listed(article=article, href=f"{stem}.xhtml", translations=tuple(translations)))
        sections.append((title, tuple(listed)))

    pages: list[Page] = []
    resources: list[Resource] = list(sheet_resources)
    landmarks: list[Landmark] = []
    cover = _cover(document, options, language, sheets) if options.cover else None
    if cover is not None:
        pages.append(cover.page)
        resources.append(cover.resource)
        landmarks.append(Landmark(kind="cover", href=cover.page.name, title=label("cover", language)))
        shown += 1
    if isinstance(document, Edition) and options.contents_page:
        publisher = document.publisher.name if document.publisher else None
        pages.append(
            render_masthead(document.title, document.date, publisher, tuple(sections), language, sheets)
        )
        landmarks.append(Landmark(kind="toc", href=MASTHEAD, title=label("contents", language)))
    landmarks.append(Landmark(kind="text", href=chapters[0].name, title=label("start", language)))
    pages.extend(chapters)
    resources.extend(store.resources())

    return Book(
        metadata=_metadata(document, languages, shown, without_alt),
        pages=tuple(pages),
        resources=tuple(resources),
        toc=_toc(sections),
        landmarks=tuple(landmarks),
        nav_title=label("contents", language),
        landmarks_title=label("landmarks", language),
        stylesheets=sheets,
    )


def _toc(sections: list[tuple[str | None, tuple[Listed, ...]]]) -> tuple[NavEntry, ...]:
    out: list[NavEntry] = []
    for index, (title, listed) in enumerate(sections, start=1):
        entries = tuple(_nav_entry(entry) for entry in listed)
        if title:
            # The section's first article, not its place on the masthead: EPUBCheck
            # wants the toc in reading order (NAV-011).
            out.append(
                NavEntry(title=title, href=listed[0].href, id=f"nav-section-{index}", children=entries)
            )
        else:
            out.extend(entries)
    return tuple(out)


def _nav_entry(entry: Listed) -> NavEntry:
    return NavEntry(
        title=entry.article.title,
        href=entry.href,
        id=f"nav-{entry.href.removesuffix('.xhtml')}",
        children=tuple(_nav_entry(translation) for translation in entry.translations),
    )


def _cover(
    document: Article | Edition, options: WriteOptions, language: str, sheets: tuple[str, ...]
) -> _Cover:
    title = document.title
    if isinstance(document, Edition):
        day = document.date
        publisher = document.publisher.name if document.publisher else None
        image_url = options.cover_image or (document.cover.url if document.cover else None)
        lines = tuple(x for x in (date_text(day, language, with_time=False) if day else None,) if x)
    else:
        day = document.published.date() if document.published else None
        publisher = document.publisher.name if document.publisher else None
        source = document.source.name if document.source else None
        image_url = options.cover_image
        byline = ", ".join(person.name for person in document.authors) or None
        lines = tuple(
            x for x in (byline, date_text(day, language, with_time=False) if day else None, source) if x
        )
    description = " — ".join((title, *lines, *((publisher,) if publisher else ())))
    # The cover_image option is the caller's own file; an edition's cover is the document's.
    loaded = (
        load_checked(image_url, options, bool(options.cover_image)) if image_url and options.images else None
    )
    if loaded is not None:
        data, media_type = loaded
        extension = {"image/jpeg": "jpg", "image/svg+xml": "svg"}.get(media_type, media_type.split("/")[1])
        name = f"cover.{extension}"
    else:
        data, media_type, name = (
            generated_cover(title, lines, publisher, language),
            "image/svg+xml",
            "cover.svg",
        )
    page = cover_page(name, description, label("cover", language), language, sheets)
    return _Cover(page=page, resource=Resource(name=name, media_type=media_type, data=data, cover_image=True))


def _metadata(
    document: Article | Edition, languages: tuple[str, ...], shown: int, without_alt: int
) -> Metadata:
    articles = metadata.articles_of(document)
    if isinstance(document, Article):
        creators = tuple(Creator(name=person.name) for person in document.authors)
        publisher = (
            document.publisher.name
            if document.publisher
            else (document.source.name if document.source else None)
        )
        description = document.lead
        subjects = tuple(dict.fromkeys((*((document.section,) if document.section else ()), *document.tags)))
        rights, source = document.rights, document.url
    else:
        publisher = document.publisher.name if document.publisher else None
        creators = (Creator(name=publisher, role="pbl"),) if publisher else ()
        description = " · ".join(article.title for article in articles[:5])
        subjects = tuple(dict.fromkeys(s.title for s in document.sections if s.title))
        rights = source = None
    return Metadata(
        identifier=metadata.identifier(document),
        title=document.title,
        languages=languages,
        direction="rtl" if is_rtl(languages[0]) else "ltr",
        modified=metadata.modified(document),
        date=metadata.publication_date(document),
        creators=creators,
        publisher=publisher,
        description=description,
        subjects=subjects,
        rights=rights,
        source=source,
        properties=metadata.accessibility(images=shown, images_without_alt=without_alt),
    )
