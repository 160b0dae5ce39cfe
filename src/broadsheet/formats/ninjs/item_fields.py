"""The fields of a ninjs item the model keeps: headline, standfirst, web URL, credits, subjects, rights.

Each function reads one field of an item (the root or an association) leniently,
by the rules documented in docs/formats/ninjs.md.
"""

from __future__ import annotations

import re
from functools import partial

from broadsheet.errors import SchemaError
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.body_reader import html_text
from broadsheet.formats.ninjs.item_values import checked, role_of
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.formats.ninjs.model_values import has_text
from broadsheet.model import Person, Publisher, Source

_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|av|door|di|da|від|автор:?)\s+", re.IGNORECASE)
_BY_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?:and|und|og|och|et|i|\u0456|та|и)\b)\s*")


def _split_by(by: str) -> list[str]:
    """The names of a ``by`` line ("By A, B and C")."""
    names = _BY_SPLIT.split(_BY_PREFIX.sub("", by))
    return [name for name in names if has_text(name)]


def title(obj: Obj) -> str:
    """The headline: main, unnamed, any but a subtitle, then ``title``, ``slugline``, ``uri``."""
    headlines = [(role_of(h), h.string("value")) for h in obj.objects("headlines")]
    for wanted in (
        lambda role: role in (v.TITLE_ROLE, "headline", "title"),
        lambda role: role == "",
        lambda role: role not in v.SUBTITLE_ROLES,
    ):
        for role, value in headlines:
            if has_text(value) and wanted(role):
                return value
    for key in ("title", "slugline", "uri"):
        value = obj.string(key)
        if has_text(value):
            return value
    raise SchemaError("the item has no headline, title or uri", where=obj.path)


def subtitle(obj: Obj) -> str | None:
    """A headline with a subtitle role."""
    return next((h.string("value") for h in obj.objects("headlines") if role_of(h) in v.SUBTITLE_ROLES), None)


def lead(obj: Obj) -> str | None:
    """The standfirst: a summary-like description, else (for text items) a plain one."""
    descriptions = list(obj.objects("descriptions"))
    chosen = next((d for d in descriptions if role_of(d) in v.LEAD_ROLES), None)
    if chosen is None and (obj.string("type") or "text") == "text":
        chosen = next((d for d in descriptions if role_of(d) in ("", "text")), None)
    if chosen is None:
        return None
    value = chosen.string("value") or ""
    if "html" in (chosen.string("contentType") or "").lower():
        return html_text(value, chosen.at("value"))
    return value


def web_url(obj: Obj) -> tuple[str | None, str]:
    """The ``href`` of the web rendition (named ``web`` or of an HTML type), and where it is."""
    for rendition in obj.objects("renditions"):
        is_web = role_of(rendition, "name") == v.WEB_RENDITION or (
            (rendition.string("contentType") or "").lower().startswith(("text/html", "application/xhtml"))
        )
        if is_web and rendition.string("href"):
            return rendition.string("href"), rendition.at("href")
    return None, obj.path


def authors(obj: Obj) -> tuple[Person, ...]:
    """Authors: the infoSources with role author, else the names of the ``by`` line."""
    found = []
    for party in obj.objects("infoSources"):
        if role_of(party) == v.AUTHOR_ROLE:
            name, url = name_and_url(party)
            found.append(checked(party.path, partial(Person, name=name, url=url)))
    if found:
        return tuple(found)
    by = obj.string("by")
    if not by:
        return ()
    return tuple(checked(obj.at("by"), partial(Person, name=name)) for name in _split_by(by))


def name_and_url(party: Obj) -> tuple[str, str | None]:
    """Name and URL of an info source (``contactInfo`` web entry before ``uri``)."""
    name = party.string("name") or party.string("literal") or party.string("uri")
    if not has_text(name):
        raise SchemaError("an info source has no name", where=party.path)
    url = party.string("uri")
    for contact in party.objects("contactInfo"):
        if role_of(contact, "type") == v.WEB_CONTACT and contact.string("value"):
            url = contact.string("value")
    return name, url


def logo(party: Obj) -> str | None:
    """The logo location of an info source, if it has one."""
    return next(
        (c.string("value") for c in party.objects("contactInfo") if role_of(c, "type") == v.LOGO_CONTACT),
        None,
    )


def source(obj: Obj) -> Source | None:
    """The agency credit: the info source with role source, else the first not author or publisher."""
    parties = list(obj.objects("infoSources"))
    chosen = next((p for p in parties if role_of(p) == v.SOURCE_ROLE), None)
    if chosen is None:
        chosen = next((p for p in parties if role_of(p) not in (v.AUTHOR_ROLE, v.PUBLISHER_ROLE)), None)
    if chosen is None:
        return None
    name, url = name_and_url(chosen)
    return checked(chosen.path, lambda: Source(name=name, url=url))


def publisher(obj: Obj) -> Publisher | None:
    """The info source with role publisher, with its logo."""
    chosen = next((p for p in obj.objects("infoSources") if role_of(p) == v.PUBLISHER_ROLE), None)
    if chosen is None:
        return None
    name, url = name_and_url(chosen)
    return checked(chosen.path, lambda: Publisher(name=name, url=url, logo=logo(chosen)))


def section(obj: Obj) -> str | None:
    """The name of the subject with rel section."""
    return next(
        (s.string("name") for s in obj.objects("subjects") if role_of(s, "rel") == v.SECTION_REL), None
    )


def tags(obj: Obj) -> tuple[str, ...]:
    """The names (or literals) of the other subjects."""
    found = []
    for subject in obj.objects("subjects"):
        if role_of(subject, "rel") != v.SECTION_REL:
            name = subject.string("name") or subject.string("literal")
            if name:
                found.append(name)
    return tuple(found)


def genre(obj: Obj) -> str | None:
    """The first genre's name, literal, or last segment of its URI."""
    for genre in obj.objects("genres"):
        value = genre.string("name") or genre.string("literal")
        uri = genre.string("uri")
        if not value and uri:
            value = uri.rstrip("/").rsplit("/", 1)[-1]
        if value:
            return value
    return None


def rights(obj: Obj) -> str | None:
    """The copyright notice, else the usage terms, else the copyright holder."""
    for key in ("copyrightNotice", "usageTerms", "copyrightHolder"):
        value = obj.string(key)
        if has_text(value):
            return value
    return None
