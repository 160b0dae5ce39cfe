"""Writing an article (or an edition, as a package) as a ninjs 3.x or 2.x JSON document.

The document is built as 3.x (camelCase) in a fixed key order; for 2.x the
keys are lower-cased and the 3.x-only ``rel`` of associations is left out
(the association ``name`` carries the same word). See docs/formats/ninjs.md
for the field mapping.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from broadsheet.errors import WriteError
from broadsheet.formats._shared.plain_text import Boxes, PlainText, body_text
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_html import body_html
from broadsheet.formats.ninjs.options import WriteOptions
from broadsheet.formats.ninjs.uri_syntax import as_uri, is_uri
from broadsheet.model import Article, Edition, Image, Person, RelatedLink, Translation

Json = dict[str, Any]

_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"

_PLAIN_BODY = PlainText(
    item_separator="\n",
    item_block_separator=" ",
    speaker_separator="\n— ",
    cell_separator=" | ",
    boxes=Boxes.LINES,
)
"""The ``text/plain`` body (and the body counts): a list item a line, the speaker under the quote."""


def write(document: Article | Edition, options: WriteOptions) -> bytes:
    """Serialise ``document`` as ninjs; an :class:`Edition` becomes a ``composite`` package."""
    if not isinstance(document, (Article, Edition)):
        raise WriteError(f"ninjs can write an Article or an Edition, not a {type(document).__name__}")
    try:
        obj = (
            _package(document, options)
            if isinstance(document, Edition)
            else _article(document, options, root=True)
        )
    except RecursionError:
        raise WriteError("the body is nested too deeply to write as ninjs") from None
    if options.version.startswith("2."):
        obj = _lower_case(obj)
    text = json.dumps(obj, ensure_ascii=False, indent=options.indent)
    return (text + "\n").encode("utf-8")


def _standard(options: WriteOptions) -> Json:
    return {"name": "ninjs", "version": options.version, "schema": _SCHEMA_URI.format(options.version)}


def _anonymous_uri(*parts: str | None) -> str:
    digest = hashlib.sha256("\x1f".join(part or "" for part in parts).encode("utf-8")).hexdigest()
    return v.ANONYMOUS_URI_PREFIX + digest[:32]


def _datetime(value: dt.datetime) -> str:
    offset = value.utcoffset()
    # RFC 3339 offsets are whole minutes; an odd offset is written in UTC (the same instant).
    if offset is not None and offset.total_seconds() % 60:
        value = value.astimezone(dt.UTC)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _article(article: Article, options: WriteOptions, *, root: bool) -> Json:
    obj: Json = {}
    alt_ids: list[Json] = []
    if article.id is not None and is_uri(article.id):
        obj["uri"] = article.id
    else:
        obj["uri"] = _anonymous_uri(article.title, article.url, article.language, article.id)
        if article.id is not None:
            alt_ids.append({"role": v.ID_ALT, "value": article.id})
    if root:
        obj["standard"] = _standard(options)
    obj["type"] = "text"
    if article.language is not None:
        obj["language"] = article.language
    if article.published is not None:
        obj["firstCreated"] = _datetime(article.published)
    if article.modified is not None:
        obj["versionCreated"] = _datetime(article.modified)
    obj["headlines"] = [{"role": v.TITLE_ROLE, "value": article.title}]
    if article.subtitle is not None:
        obj["headlines"].append({"role": v.SUBTITLE_ROLE, "value": article.subtitle})
    if article.authors:
        obj["by"] = ", ".join(person.name for person in article.authors)
    if article.dateline is not None:
        obj["located"] = article.dateline
    if article.lead is not None:
        obj["descriptions"] = [{"role": v.LEAD_ROLE, "contentType": "text/plain", "value": article.lead}]
    if article.body:
        obj["bodies"] = _bodies(article, options)
    if article.genre is not None:
        obj["genres"] = [{"name": article.genre}]
    subjects = [{"name": tag} for tag in article.tags]
    if article.section is not None:
        subjects.insert(0, {"name": article.section, "rel": v.SECTION_REL})
    if subjects:
        obj["subjects"] = subjects
    sources = [_party(person.name, v.AUTHOR_ROLE, person.url) for person in article.authors]
    if article.source is not None:
        sources.append(_party(article.source.name, v.SOURCE_ROLE, article.source.url))
    if article.publisher is not None:
        publisher = article.publisher
        sources.append(_party(publisher.name, v.PUBLISHER_ROLE, publisher.url, logo=publisher.logo))
    if sources:
        obj["infoSources"] = sources
    if article.rights is not None:
        obj["copyrightNotice"] = article.rights
    if article.url is not None:
        href = as_uri(article.url)
        if href is not None:
            obj["renditions"] = [{"name": v.WEB_RENDITION, "href": href, "contentType": "text/html"}]
        if href != article.url:
            alt_ids.append({"role": v.URL_ALT, "value": article.url})
    if alt_ids:
        obj["altIds"] = alt_ids
    in_body = article.related[: len(article.related) - len(article.see_also)]
    associations = (
        [_image(image, options) for image in article.images]
        + [_related(link, options, profile=v.IN_BODY_PROFILE) for link in in_body]
        + [_related(link, options) for link in article.see_also]
        + [_translation(translation, options) for translation in article.translations]
    )
    if associations:
        obj["associations"] = associations
    return obj


def _bodies(article: Article, options: WriteOptions) -> list[Json]:
    text = body_text(article.body, article.language, _PLAIN_BODY)
    words = sum(1 for word in text.split() if any(char.isalnum() for char in word))
    counts = {"charCount": len(text), "wordCount": words}
    bodies: list[Json] = [
        {"role": v.HTML_BODY_ROLE, "contentType": "text/html", **counts, "value": body_html(article.body)}
    ]
    if options.plain_text:
        bodies.append({"role": v.TEXT_BODY_ROLE, "contentType": "text/plain", **counts, "value": text})
    return bodies


def _party(name: str, role: str, url: str | None, *, logo: str | None = None) -> Json:
    party: Json = {"name": name, "role": role}
    uri = as_uri(url)
    if uri is not None:
        party["uri"] = uri
    contacts = []
    if url is not None and uri != url:
        contacts.append({"type": v.WEB_CONTACT, "value": url})
    if logo is not None:
        contacts.append({"type": v.LOGO_CONTACT, "value": logo})
    if contacts:
        party["contactInfo"] = contacts
    return party


def _association(name: str, url: str | None, fallback: tuple[str | None, ...], options: WriteOptions) -> Json:
    """An association's head: name, rel (3.x) and uri, keeping the exact URL when it had to change."""
    obj: Json = {"name": name}
    if not options.version.startswith("2."):
        obj["rel"] = name
    uri = as_uri(url)
    obj["uri"] = uri if uri is not None else _anonymous_uri(*fallback)
    if url is not None and uri != url:
        obj["altIds"] = [{"role": v.URL_ALT, "value": url}]
    return obj


def _image(image: Image, options: WriteOptions) -> Json:
    obj = _association(v.IMAGE_ASSOCIATION, image.url, (image.url,), options)
    obj["type"] = "picture"
    if image.credit is not None:
        obj["by"] = image.credit
    descriptions = []
    if image.caption is not None:
        descriptions.append({"role": v.CAPTION_ROLE, "contentType": "text/plain", "value": image.caption})
    if image.alt is not None:
        descriptions.append({"role": v.ALT_ROLE, "contentType": "text/plain", "value": image.alt})
    if descriptions:
        obj["descriptions"] = descriptions
    rendition: Json = {"name": v.IMAGE_RENDITION}
    href = as_uri(image.url)
    if href is not None:
        rendition["href"] = href
    if image.media_type is not None:
        rendition["contentType"] = image.media_type
    if image.width is not None:
        rendition["width"] = image.width
    if image.height is not None:
        rendition["height"] = image.height
    obj["renditions"] = [rendition]
    return obj


def _related(link: RelatedLink, options: WriteOptions, *, profile: str | None = None) -> Json:
    name = link.relation.value
    obj = _association(name, link.url, (name, link.title), options)
    obj["type"] = "text"
    if profile is not None:
        obj["profile"] = profile
    obj["headlines"] = [{"role": v.TITLE_ROLE, "value": link.title}]
    _add_authors(obj, link.authors)
    return obj


def _add_authors(obj: Json, people: tuple[Person, ...]) -> None:
    if people:
        obj["by"] = ", ".join(person.name for person in people)
        obj["infoSources"] = [_party(person.name, v.AUTHOR_ROLE, person.url) for person in people]


def _translation(translation: Translation, options: WriteOptions) -> Json:
    name = v.TRANSLATION_ASSOCIATION
    obj = _association(name, translation.url, (name, translation.language, translation.title), options)
    obj["type"] = "text"
    obj["language"] = translation.language
    if translation.title is not None:
        obj["headlines"] = [{"role": v.TITLE_ROLE, "value": translation.title}]
    if translation.article is not None:
        full = _article(translation.article, options, root=False)
        head = {"name": v.TRANSLATED_ARTICLE_ASSOCIATION}
        if not options.version.startswith("2."):
            head["rel"] = v.TRANSLATED_ARTICLE_ASSOCIATION
        obj["associations"] = [{**head, **full}]
    return obj


def _package(edition: Edition, options: WriteOptions) -> Json:
    obj: Json = {}
    alt_ids: list[Json] = []
    if edition.id is not None and is_uri(edition.id):
        obj["uri"] = edition.id
    else:
        obj["uri"] = _anonymous_uri("edition", edition.title, edition.id)
        if edition.id is not None:
            alt_ids.append({"role": v.ID_ALT, "value": edition.id})
    obj["standard"] = _standard(options)
    obj["type"] = "composite"
    obj["profile"] = v.EDITION_PROFILE
    if edition.language is not None:
        obj["language"] = edition.language
    obj["headlines"] = [{"role": v.TITLE_ROLE, "value": edition.title}]
    if edition.publisher is not None:
        publisher = edition.publisher
        obj["infoSources"] = [_party(publisher.name, v.PUBLISHER_ROLE, publisher.url, logo=publisher.logo)]
    if edition.date is not None:
        alt_ids.append({"role": v.DATE_ALT, "value": edition.date.isoformat()})
    if alt_ids:
        obj["altIds"] = alt_ids
    associations: list[Json] = []
    if edition.cover is not None:
        cover = _image(edition.cover, options)
        cover["name"] = v.COVER_ASSOCIATION
        if "rel" in cover:
            cover["rel"] = v.COVER_ASSOCIATION
        associations.append(cover)
    for number, section in enumerate(edition.sections, 1):
        head = _association(v.SECTION_ASSOCIATION, None, ("section", edition.title, str(number)), options)
        head["type"] = "composite"
        if section.title is not None:
            head["headlines"] = [{"role": v.TITLE_ROLE, "value": section.title}]
        items = []
        for article in section.articles:
            item = {"name": "article"}
            if not options.version.startswith("2."):
                item["rel"] = "article"
            items.append({**item, **_article(article, options, root=False)})
        if items:
            head["associations"] = items
        associations.append(head)
    obj["associations"] = associations
    return obj


def _lower_case(value: Any) -> Any:
    if isinstance(value, dict):
        return {key.lower(): _lower_case(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_case(item) for item in value]
    return value
