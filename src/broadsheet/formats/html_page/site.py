"""An edition as a static site: ``index.html`` by section, a page per article, ``feed.xml``.

File names come from each article's id or URL slug (else its headline), so they
stay the same from one build to the next; every link is relative. The site is
built in a temporary folder beside the target and renamed into place, so a
failed build leaves the old site (or nothing), never half a site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from broadsheet.errors import OutputError
from broadsheet.formats._shared.files import remove_stale, temporary_name
from broadsheet.formats._shared.html_tree import element
from broadsheet.formats._shared.wording import date_text, document_language, label
from broadsheet.formats.html_page.atom import feed
from broadsheet.formats.html_page.page import Around, new_document, render_page, serialise, text_el
from broadsheet.model import Article, Edition

if TYPE_CHECKING:
    from broadsheet.formats.html_page.options import WriteOptions

_UNSAFE = re.compile(r"[^a-z0-9]+")


def _epoch() -> dt.datetime:
    # Deterministic: SOURCE_DATE_EPOCH when set, else a fixed date, never the clock.
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "946684800"))
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _slug(article: Article) -> str:
    source = (
        article.id or (article.url.rstrip("/").rsplit("/", 1)[-1] if article.url else "") or article.title
    )
    source = source.rsplit(".", 1)[0] if source.endswith((".html", ".htm")) else source
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode().lower()
    slug = _UNSAFE.sub("-", ascii_text).strip("-")[:60].strip("-")
    if len(slug) < 3:  # a Cyrillic headline leaves nothing: name the page by its digest
        slug = "article-" + hashlib.sha256(source.encode()).hexdigest()[:10]
    return slug


def file_names(articles: list[Article]) -> list[str]:
    """A stable, unique ``.html`` file name for each article."""
    names: list[str] = []
    for article in articles:
        base = _slug(article)
        name, n = f"{base}.html", 1
        while name in names or name in ("index.html", "feed.xml"):
            n += 1
            name = f"{base}-{n}.html"
        names.append(name)
    return names


def _index(edition: Edition, named: list[tuple[Article, str]], stylesheet: bool) -> bytes:
    language = document_language(edition)
    root, head = new_document(language, edition.title, stylesheet=stylesheet)
    element(head, "link", {"rel": "alternate", "type": "application/atom+xml", "href": "feed.xml"})
    body = element(root, "body")
    main = element(body, "main", {"class": "site"})
    header = element(main, "header")
    text_el(header, "h1", edition.title)
    if edition.date:
        text_el(header, "p", date_text(edition.date, language), {"class": "dateline"})
    pages = iter(named)
    for section in edition.sections:
        if not section.articles:
            continue
        holder = element(main, "section", {"aria-label": section.title or edition.title})
        if section.title:
            text_el(holder, "h2", section.title)
        listing = element(holder, "ol")
        for _ in section.articles:
            article, name = next(pages)
            item = element(listing, "li")
            heading = element(item, "h3")
            text_el(heading, "a", article.title, {"href": name})
            if article.lead:
                text_el(item, "p", article.lead.replace("\n", " "))
    foot = element(main, "p", {"class": "home"})
    text_el(foot, "a", "Atom", {"href": "feed.xml", "type": "application/atom+xml"})
    return serialise(root)


def write_site(document: Edition | Article, folder: str | os.PathLike[str], options: WriteOptions) -> None:
    """Write the site of ``document`` into ``folder`` (replacing what is there), atomically."""
    edition = document if isinstance(document, Edition) else Edition.of(document.title, [document])
    target = Path(folder)
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"{target}: the folder {str(parent)!r} does not exist")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file, not a folder")
    articles = [a for s in edition.sections for a in s.articles]
    named = list(zip(articles, file_names(articles), strict=True))
    home = label("all_articles", document_language(edition))
    files: dict[str, bytes] = {
        name: render_page(a, stylesheet=options.stylesheet, around=Around(home="index.html", home_label=home))
        for a, name in named
    }
    files["index.html"] = _index(edition, named, options.stylesheet)
    files["feed.xml"] = feed(
        edition,
        named,
        feed_id=edition.id or f"urn:broadsheet:edition:{_slug(Article(title=edition.title))}",
        fallback=_epoch(),
    )
    remove_stale(parent, target.name)
    prefix, suffix = temporary_name(target.name)
    try:
        build = Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=parent))
    except OSError as error:
        raise OutputError(f"{target}: cannot create a folder there: {error.strerror or error}") from error
    old = None
    try:
        for name, data in files.items():
            (build / name).write_bytes(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(build, 0o777 & ~umask)  # mkdtemp makes it private; a site is for reading
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=prefix, suffix=".old", dir=parent))
            os.replace(target, old / "site")
        os.replace(build, target)
    except BaseException as error:
        shutil.rmtree(build, ignore_errors=True)
        if old is not None and not target.exists():
            with contextlib.suppress(OSError):
                os.replace(old / "site", target)
        if isinstance(error, OSError):
            raise OutputError(f"{target}: cannot write the site: {error.strerror or error}") from error
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
