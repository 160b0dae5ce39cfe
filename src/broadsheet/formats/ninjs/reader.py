"""Reading a ninjs document (1.x, 2.x or 3.x; ours or another provider's) into an Article or Edition.

Keys are matched without regard to case, so 2.x and 3.x share one path; 1.x
objects are first reshaped by :mod:`.legacy`. What broadsheet's writer put in
roles, association names and ``altIds`` comes back exactly; other providers'
documents are read by the looser rules documented in docs/formats/ninjs.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any, TypeGuard, TypeVar

from broadsheet.errors import LimitError, ModelError, ReadError, SchemaError, VersionError
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_reader import html_text, parse_html, parse_nitf, parse_text
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.formats.ninjs.legacy import looks_legacy, upgrade
from broadsheet.formats.ninjs.options import ReadOptions
from broadsheet.model import (
    Article,
    Block,
    Edition,
    Image,
    Person,
    Publisher,
    RelatedLink,
    Relation,
    Section,
    Source,
    Translation,
    values,
)

T = TypeVar("T")

_RELATIONS = {relation.value: relation for relation in Relation}
_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|av|door|di|da|від|автор:?)\s+", re.IGNORECASE)
_BY_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?:and|und|og|och|et|i|\u0456|та|и)\b)\s*")


def read(data: bytes, options: ReadOptions) -> Article | Edition:
    """Parse ninjs bytes (UTF-8, with or without a byte-order mark)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"ninjs must be UTF-8: invalid byte at offset {error.start}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(
            f"not valid JSON: {error.msg}", where=f"line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise LimitError("the JSON is nested too deeply to read") from None
    if not isinstance(document, dict):
        raise SchemaError(f"a ninjs document is a JSON object, not {type(document).__name__}", where="$")
    return _Reader(options).document(document)


def _wrap(where: str, build: Callable[[], T]) -> T:
    """``build()``, with a value the model refuses reported at ``where``."""
    try:
        return build()
    except ModelError as error:
        raise SchemaError(str(error), where=where) from None


def _datetime(obj: Obj, key: str) -> dt.datetime | None:
    text = obj.string(key)
    if text is None or not text.strip():
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise SchemaError(f"{text!r} is not an RFC 3339 date-time", where=obj.at(key)) from None
    if value.tzinfo is None:
        raise SchemaError(f"date-time {text!r} has no UTC offset", where=obj.at(key))
    return value


def _has_text(value: str | None) -> TypeGuard[str]:
    """Whether ``value`` holds something the model keeps (spaces alone do not count, a no-break space does)."""
    return value is not None and bool(values.clean_line(value))


def _anonymous(uri: str | None) -> str | None:
    return None if uri is None or uri.startswith(v.ANONYMOUS_URI_PREFIX) else uri


def _role(obj: Obj, key: str = "role") -> str:
    return (obj.string(key) or "").strip().lower()


def _split_by(by: str) -> list[str]:
    names = _BY_SPLIT.split(_BY_PREFIX.sub("", by))
    return [name for name in names if _has_text(name)]


class _Reader:
    """Reads one document; nested associations recurse through the same instance."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self.depth = 0

    def document(self, data: dict[str, Any]) -> Article | Edition:
        """Check the declared version, reshape 1.x, and read an article or an edition package."""
        standard = data.get("standard") or data.get("$standard")
        if isinstance(standard, dict):
            # Providers' profiles of ninjs name themselves ("TTNINJS"): only the version matters.
            version = standard.get("version")
            if isinstance(version, str) and version.split(".")[0] not in ("1", "2", "3"):
                raise VersionError(
                    f"ninjs {version} is not a version this release reads (1.x to 3.x)",
                    where="$.standard.version",
                )
        if looks_legacy(data):
            data = upgrade(data)
        root = Obj(data, "$")
        if root.string("uri") is None:
            raise SchemaError("not a ninjs document: it has no uri", where="$")
        if (root.string("profile") == v.EDITION_PROFILE) or (
            root.string("type") == "composite"
            and any(_role(a, "name") == v.SECTION_ASSOCIATION for a in root.objects("associations"))
        ):
            return self.edition(root)
        return self.article(root)

    def enter(self, obj: Obj) -> None:
        """Count one more level of nesting; refuse documents nested deeper than the option allows."""
        self.depth += 1
        if self.depth > self.options.max_depth:
            raise LimitError(f"associations nest more than {self.options.max_depth} levels", where=obj.path)

    # --- the article ---------------------------------------------------------------------

    def article(self, obj: Obj) -> Article:
        """One ninjs object (the root or an association) as an Article."""
        self.enter(obj)
        alt_ids = {_role(alt): (alt.string("value"), alt.at("value")) for alt in obj.objects("altIds")}
        associations = list(obj.objects("associations"))
        url, where_url = alt_ids[v.URL_ALT] if v.URL_ALT in alt_ids else self.web_url(obj)
        article = _wrap(
            obj.path,
            lambda: Article(
                title=self.title(obj),
                id=alt_ids[v.ID_ALT][0] if v.ID_ALT in alt_ids else _anonymous(obj.string("uri")),
                url=_wrap(where_url, lambda: values.optional_url(url)),
                subtitle=self.subtitle(obj),
                lead=self.lead(obj),
                language=_wrap(obj.at("language"), lambda: _language(obj.string("language"))),
                authors=self.authors(obj),
                published=_datetime(obj, "firstCreated"),
                modified=_datetime(obj, "versionCreated"),
                section=self.section(obj),
                tags=self.tags(obj),
                genre=self.genre(obj),
                dateline=obj.string("located"),
                source=self.source(obj),
                publisher=self.publisher(obj),
                rights=self.rights(obj),
                images=self.own_image(obj)
                + tuple(self.image(a) for a in associations if self.kind(a) == "image"),
                body=self.body(obj),
                see_also=tuple(
                    link for a in associations if self.kind(a) == "related" and (link := self.related(a))
                ),
                translations=tuple(
                    self.translation(a) for a in associations if self.kind(a) == "translation"
                ),
            ),
        )
        self.depth -= 1
        return article

    def own_image(self, obj: Obj) -> tuple[Image, ...]:
        """A picture item is its own image: its renditions become the article's first image."""
        if obj.string("type") in ("picture", "graphic") and any(
            r.has("href") for r in obj.objects("renditions")
        ):
            return (self.image(obj),)
        return ()

    def title(self, obj: Obj) -> str:
        """The headline: main, unnamed, any but a subtitle, then ``title``, ``slugline``, ``uri``."""
        headlines = [(_role(h), h.string("value")) for h in obj.objects("headlines")]
        for wanted in (
            lambda role: role in (v.TITLE_ROLE, "headline", "title"),
            lambda role: role == "",
            lambda role: role not in v.SUBTITLE_ROLES,
        ):
            for role, value in headlines:
                if _has_text(value) and wanted(role):
                    return value
        for key in ("title", "slugline", "uri"):
            value = obj.string(key)
            if _has_text(value):
                return value
        raise SchemaError("the item has no headline, title or uri", where=obj.path)

    def subtitle(self, obj: Obj) -> str | None:
        """A headline with a subtitle role."""
        return next(
            (h.string("value") for h in obj.objects("headlines") if _role(h) in v.SUBTITLE_ROLES), None
        )

    def lead(self, obj: Obj) -> str | None:
        """The standfirst: a summary-like description, else (for text items) a plain one."""
        descriptions = list(obj.objects("descriptions"))
        chosen = next((d for d in descriptions if _role(d) in v.LEAD_ROLES), None)
        if chosen is None and (obj.string("type") or "text") == "text":
            chosen = next((d for d in descriptions if _role(d) in ("", "text")), None)
        if chosen is None:
            return None
        value = chosen.string("value") or ""
        if "html" in (chosen.string("contentType") or "").lower():
            return html_text(value, chosen.at("value"))
        return value

    def web_url(self, obj: Obj) -> tuple[str | None, str]:
        """The ``href`` of the web rendition (named ``web`` or of an HTML type), and where it is."""
        for rendition in obj.objects("renditions"):
            is_web = _role(rendition, "name") == v.WEB_RENDITION or (
                (rendition.string("contentType") or "").lower().startswith(("text/html", "application/xhtml"))
            )
            if is_web and rendition.string("href"):
                return rendition.string("href"), rendition.at("href")
        return None, obj.path

    def authors(self, obj: Obj) -> tuple[Person, ...]:
        """Authors: the infoSources with role author, else the names of the ``by`` line."""
        found = []
        for party in obj.objects("infoSources"):
            if _role(party) == v.AUTHOR_ROLE:
                name, url = self.party(party)
                found.append(_wrap(party.path, partial(Person, name=name, url=url)))
        if found:
            return tuple(found)
        by = obj.string("by")
        if not by:
            return ()
        return tuple(_wrap(obj.at("by"), partial(Person, name=name)) for name in _split_by(by))

    def party(self, party: Obj) -> tuple[str, str | None]:
        """Name and URL of an info source (``contactInfo`` web entry before ``uri``)."""
        name = party.string("name") or party.string("literal") or party.string("uri")
        if not _has_text(name):
            raise SchemaError("an info source has no name", where=party.path)
        url = party.string("uri")
        for contact in party.objects("contactInfo"):
            if _role(contact, "type") == v.WEB_CONTACT and contact.string("value"):
                url = contact.string("value")
        return name, url

    def logo(self, party: Obj) -> str | None:
        """The logo location of an info source, if it has one."""
        return next(
            (c.string("value") for c in party.objects("contactInfo") if _role(c, "type") == v.LOGO_CONTACT),
            None,
        )

    def source(self, obj: Obj) -> Source | None:
        """The agency credit: the info source with role source, else the first not author or publisher."""
        parties = list(obj.objects("infoSources"))
        chosen = next((p for p in parties if _role(p) == v.SOURCE_ROLE), None)
        if chosen is None:
            chosen = next((p for p in parties if _role(p) not in (v.AUTHOR_ROLE, v.PUBLISHER_ROLE)), None)
        if chosen is None:
            return None
        name, url = self.party(chosen)
        return _wrap(chosen.path, lambda: Source(name=name, url=url))

    def publisher(self, obj: Obj) -> Publisher | None:
        """The info source with role publisher, with its logo."""
        chosen = next((p for p in obj.objects("infoSources") if _role(p) == v.PUBLISHER_ROLE), None)
        if chosen is None:
            return None
        name, url = self.party(chosen)
        return _wrap(chosen.path, lambda: Publisher(name=name, url=url, logo=self.logo(chosen)))

    def section(self, obj: Obj) -> str | None:
        """The name of the subject with rel section."""
        return next(
            (s.string("name") for s in obj.objects("subjects") if _role(s, "rel") == v.SECTION_REL), None
        )

    def tags(self, obj: Obj) -> tuple[str, ...]:
        """The names (or literals) of the other subjects."""
        found = []
        for subject in obj.objects("subjects"):
            if _role(subject, "rel") != v.SECTION_REL:
                name = subject.string("name") or subject.string("literal")
                if name:
                    found.append(name)
        return tuple(found)

    def genre(self, obj: Obj) -> str | None:
        """The first genre's name, literal, or last segment of its URI."""
        for genre in obj.objects("genres"):
            value = genre.string("name") or genre.string("literal")
            uri = genre.string("uri")
            if not value and uri:
                value = uri.rstrip("/").rsplit("/", 1)[-1]
            if value:
                return value
        return None

    def rights(self, obj: Obj) -> str | None:
        """The copyright notice, else the usage terms, else the copyright holder."""
        for key in ("copyrightNotice", "usageTerms", "copyrightHolder"):
            value = obj.string(key)
            if _has_text(value):
                return value
        return None

    def body(self, obj: Obj) -> tuple[Block, ...]:
        """The blocks of the best body: HTML/XHTML, else NITF, else plain text."""
        bodies = list(obj.objects("bodies"))
        if not bodies:
            return ()

        def kind(body: Obj) -> int:
            """What an association is to the model: image, translation, related or ignored (``""``)."""
            content_type = (body.string("contentType") or "").lower()
            role = _role(body)
            value = (body.string("value") or "").lstrip()
            if (
                "nitf" in content_type
                or "nitf" in role
                or (value.startswith("<?xml") and "<nitf" in value[:400])
            ):
                return 1
            if "html" in content_type or role in ("html", "html5", "xhtml", "richtext", v.HTML_BODY_ROLE):
                return 0 if value.startswith("<") or not content_type.startswith("text/plain") else 2
            if not content_type and value.startswith("<"):
                return 0
            return 2

        chosen = min(bodies, key=kind)
        value = chosen.string("value") or ""
        where = chosen.at("value")
        return (parse_html, parse_nitf, lambda text, _: parse_text(text))[kind(chosen)](value, where)

    # --- associations ------------------------------------------------------------------

    def kind(self, association: Obj) -> str:
        """What an association is to the model: image, translation, related or ignored ('')."""
        if association.string("profile") == v.IN_BODY_PROFILE:
            return ""  # a copy of a link the body holds in place
        names = {_role(association, "name"), _role(association, "rel")}
        if v.TRANSLATION_ASSOCIATION in names:
            return "translation"
        if v.IMAGE_ASSOCIATION in names or (association.string("type") or "") in ("picture", "graphic"):
            return "image"
        if names & set(_RELATIONS) or (association.string("type") or "text") in ("text", "composite"):
            return "related"
        return ""

    def url_of(self, association: Obj) -> str | None:
        """An association's URL: the exact one from ``altIds``, else its ``uri`` unless anonymous."""
        alt = next((a.string("value") for a in association.objects("altIds") if _role(a) == v.URL_ALT), None)
        return alt if alt is not None else _anonymous(association.string("uri"))

    def image(self, association: Obj) -> Image:
        """A picture association (or picture item) as an Image from its best rendition."""
        renditions = list(association.objects("renditions"))
        rendition = next((r for r in renditions if _role(r, "name") == v.IMAGE_RENDITION), None)
        if rendition is None and renditions:
            rendition = max(renditions, key=lambda r: (r.string("href") is not None, r.integer("width") or 0))
        url = next((a.string("value") for a in association.objects("altIds") if _role(a) == v.URL_ALT), None)
        if url is None and rendition is not None:
            url = rendition.string("href")
        if url is None:
            url = association.string("uri")
        descriptions = list(association.objects("descriptions"))
        caption = next((d.string("value") for d in descriptions if _role(d) == v.CAPTION_ROLE), None)
        if caption is None:
            caption = next((d.string("value") for d in descriptions if _role(d) in ("", "text")), None)
        alt = next((d.string("value") for d in descriptions if _role(d) == v.ALT_ROLE), None)
        return _wrap(
            association.path,
            lambda: Image(
                url=url or "",
                alt=alt,
                caption=caption,
                credit=association.string("by"),
                width=_positive(rendition.integer("width")) if rendition else None,
                height=_positive(rendition.integer("height")) if rendition else None,
                media_type=rendition.string("contentType") if rendition else None,
            ),
        )

    def related(self, association: Obj) -> RelatedLink | None:
        """A text association as a RelatedLink (``None`` without any title)."""
        relation = _RELATIONS.get(_role(association, "rel")) or _RELATIONS.get(_role(association, "name"))
        headlines = [h.string("value") for h in association.objects("headlines")]
        title = next((h for h in headlines if _has_text(h)), None) or association.string("title")
        if not title:
            title = association.string("name")
        if not _has_text(title):
            return None
        return _wrap(
            association.path,
            lambda: RelatedLink(
                title=title,
                url=self.url_of(association),
                authors=self.authors(association),
                relation=relation or Relation.SEE_ALSO,
            ),
        )

    def translation(self, association: Obj) -> Translation:
        """A translation association, with the full article when one is nested."""
        language = association.string("language")
        if not language:
            raise SchemaError("a translation association needs a language", where=association.path)
        full = next(
            (
                a
                for a in association.objects("associations")
                if _role(a, "name") == v.TRANSLATED_ARTICLE_ASSOCIATION
            ),
            None,
        )
        headlines = [h.string("value") for h in association.objects("headlines")]
        return _wrap(
            association.path,
            lambda: Translation(
                language=language,
                url=self.url_of(association),
                title=next((h for h in headlines if h), None),
                article=self.article(full) if full is not None else None,
            ),
        )

    # --- an edition (a package of sections of articles) ---------------------------------

    def edition(self, root: Obj) -> Edition:
        """A broadsheet edition package: sections of articles, cover, date and publisher."""
        alt_ids = {_role(alt): alt for alt in root.objects("altIds")}
        date = None
        if v.DATE_ALT in alt_ids:
            text = alt_ids[v.DATE_ALT].string("value") or ""
            try:
                date = dt.date.fromisoformat(text)
            except ValueError:
                raise SchemaError(f"{text!r} is not a date", where=alt_ids[v.DATE_ALT].at("value")) from None
        cover = None
        sections = []
        for association in root.objects("associations"):
            name = _role(association, "name")
            if name == v.COVER_ASSOCIATION:
                cover = self.image(association)
            elif name == v.SECTION_ASSOCIATION:
                articles = tuple(self.article(item) for item in association.objects("associations"))
                headline = next((h.string("value") for h in association.objects("headlines")), None)
                sections.append(_wrap(association.path, partial(Section, articles=articles, title=headline)))
        edition_id = (
            alt_ids[v.ID_ALT].string("value") if v.ID_ALT in alt_ids else _anonymous(root.string("uri"))
        )
        publisher = self.publisher(root)
        return _wrap(
            "$",
            lambda: Edition(
                title=self.title(root),
                sections=tuple(sections),
                date=date,
                publisher=publisher,
                language=_language(root.string("language")),
                cover=cover,
                id=edition_id,
            ),
        )


def _language(value: str | None) -> str | None:
    return values.optional_language(value)


def _positive(value: int | None) -> int | None:
    return value if value is not None and value > 0 else None
