"""Reading a ninjs document (1.x, 2.x or 3.x; ours or another provider's) into an Article or Edition.

Keys are matched without regard to case, so 2.x and 3.x share one path; 1.x
objects are first reshaped by :mod:`.legacy`. What broadsheet's writer put in
roles, association names and ``altIds`` comes back exactly; other providers'
documents are read by the looser rules documented in docs/formats/ninjs.md. This module
reads the document, its articles and editions; the fields of an item are read by
:mod:`.item_fields`, its associations by :mod:`.associations`, its body by :mod:`.body_choice`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import Any

from broadsheet.errors import LimitError, ReadError, SchemaError, VersionError
from broadsheet.formats._shared import json_text
from broadsheet.formats.ninjs import item_fields
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.associations import (
    association_image,
    association_kind,
    association_url,
    related_link,
)
from broadsheet.formats.ninjs.body_choice import read_body
from broadsheet.formats.ninjs.item_values import anonymous, checked, language, read_datetime, role_of
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.formats.ninjs.legacy import looks_legacy, upgrade
from broadsheet.formats.ninjs.options import ReadOptions
from broadsheet.model import Article, Edition, Image, Section, Translation, values


def read(data: bytes, options: ReadOptions) -> Article | Edition:
    """Parse ninjs bytes (UTF-8, with or without a byte-order mark)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"ninjs must be UTF-8: invalid byte at offset {error.start}") from None
    document = json_text.loads(text)
    if not isinstance(document, dict):
        raise SchemaError(f"a ninjs document is a JSON object, not {type(document).__name__}", where="$")
    return _Reader(options).document(document)


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
            if version is not None and not (
                isinstance(version, str) and re.fullmatch(r"[123](?:\.[0-9]+){0,2}", version.strip())
            ):
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
            and any(role_of(a, "name") == v.SECTION_ASSOCIATION for a in root.objects("associations"))
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
        alt_ids = {role_of(alt): (alt.string("value"), alt.at("value")) for alt in obj.objects("altIds")}
        associations = list(obj.objects("associations"))
        url, where_url = alt_ids[v.URL_ALT] if v.URL_ALT in alt_ids else item_fields.web_url(obj)
        article = checked(
            obj.path,
            lambda: Article(
                title=item_fields.title(obj),
                id=alt_ids[v.ID_ALT][0] if v.ID_ALT in alt_ids else anonymous(obj.string("uri")),
                url=checked(where_url, lambda: values.optional_url(url)),
                subtitle=item_fields.subtitle(obj),
                lead=item_fields.lead(obj),
                language=checked(obj.at("language"), lambda: language(obj.string("language"))),
                authors=item_fields.authors(obj),
                published=read_datetime(obj, "firstCreated"),
                modified=read_datetime(obj, "versionCreated"),
                section=item_fields.section(obj),
                tags=item_fields.tags(obj),
                genre=item_fields.genre(obj),
                dateline=obj.string("located"),
                source=item_fields.source(obj),
                publisher=item_fields.publisher(obj),
                rights=item_fields.rights(obj),
                images=self.own_image(obj)
                + tuple(association_image(a) for a in associations if association_kind(a) == "image"),
                body=read_body(obj),
                see_also=tuple(
                    link
                    for a in associations
                    if association_kind(a) == "related" and (link := related_link(a))
                ),
                translations=tuple(
                    self.translation(a) for a in associations if association_kind(a) == "translation"
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
            return (association_image(obj),)
        return ()

    def translation(self, association: Obj) -> Translation:
        """A translation association, with the full article when one is nested."""
        language = association.string("language")
        if not language:
            raise SchemaError("a translation association needs a language", where=association.path)
        full = next(
            (
                a
                for a in association.objects("associations")
                if role_of(a, "name") == v.TRANSLATED_ARTICLE_ASSOCIATION
            ),
            None,
        )
        headlines = [h.string("value") for h in association.objects("headlines")]
        return checked(
            association.path,
            lambda: Translation(
                language=language,
                url=association_url(association),
                title=next((h for h in headlines if h), None),
                article=self.article(full) if full is not None else None,
            ),
        )

    # --- an edition (a package of sections of articles) ---------------------------------

    def edition(self, root: Obj) -> Edition:
        """A broadsheet edition package: sections of articles, cover, date and publisher."""
        alt_ids = {role_of(alt): alt for alt in root.objects("altIds")}
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
            name = role_of(association, "name")
            if name == v.COVER_ASSOCIATION:
                cover = association_image(association)
            elif name == v.SECTION_ASSOCIATION:
                articles = tuple(self.article(item) for item in association.objects("associations"))
                headline = next((h.string("value") for h in association.objects("headlines")), None)
                sections.append(
                    checked(association.path, partial(Section, articles=articles, title=headline))
                )
        edition_id = (
            alt_ids[v.ID_ALT].string("value") if v.ID_ALT in alt_ids else anonymous(root.string("uri"))
        )
        publisher = item_fields.publisher(root)
        return checked(
            "$",
            lambda: Edition(
                title=item_fields.title(root),
                sections=tuple(sections),
                date=date,
                publisher=publisher,
                language=language(root.string("language")),
                cover=cover,
                id=edition_id,
            ),
        )
