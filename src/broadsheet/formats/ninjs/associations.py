"""A ninjs item's associations as the model sees them: images, related articles, or neither.

Translations, which may nest a whole article, are read by :mod:`.reader`.
"""

from __future__ import annotations

from broadsheet.formats.ninjs import item_fields
from broadsheet.formats.ninjs import vocabulary as v
from broadsheet.formats.ninjs.item_values import anonymous, checked, positive, role_of
from broadsheet.formats.ninjs.json_tree import Obj
from broadsheet.formats.ninjs.model_values import has_text
from broadsheet.model import Image, RelatedLink, Relation

_RELATIONS = {relation.value: relation for relation in Relation}


def association_kind(association: Obj) -> str:
    """What an association is to the model: image, translation, related or ignored ('')."""
    if association.string("profile") == v.IN_BODY_PROFILE:
        return ""  # a copy of a link the body holds in place
    names = {role_of(association, "name"), role_of(association, "rel")}
    if v.TRANSLATION_ASSOCIATION in names:
        return "translation"
    if v.IMAGE_ASSOCIATION in names or (association.string("type") or "") in ("picture", "graphic"):
        return "image"
    if names & set(_RELATIONS) or (association.string("type") or "text") in ("text", "composite"):
        return "related"
    return ""


def association_url(association: Obj) -> str | None:
    """An association's URL: the exact one from ``altIds``, else its ``uri`` unless anonymous."""
    alt = next((a.string("value") for a in association.objects("altIds") if role_of(a) == v.URL_ALT), None)
    return alt if alt is not None else anonymous(association.string("uri"))


def association_image(association: Obj) -> Image:
    """A picture association (or picture item) as an Image from its best rendition."""
    renditions = list(association.objects("renditions"))
    rendition = next((r for r in renditions if role_of(r, "name") == v.IMAGE_RENDITION), None)
    if rendition is None and renditions:
        rendition = max(renditions, key=lambda r: (r.string("href") is not None, r.integer("width") or 0))
    url = next((a.string("value") for a in association.objects("altIds") if role_of(a) == v.URL_ALT), None)
    if url is None and rendition is not None:
        url = rendition.string("href")
    if url is None:
        url = association.string("uri")
    descriptions = list(association.objects("descriptions"))
    caption = next((d.string("value") for d in descriptions if role_of(d) == v.CAPTION_ROLE), None)
    if caption is None:
        caption = next((d.string("value") for d in descriptions if role_of(d) in ("", "text")), None)
    alt = next((d.string("value") for d in descriptions if role_of(d) == v.ALT_ROLE), None)
    return checked(
        association.path,
        lambda: Image(
            url=url or "",
            alt=alt,
            caption=caption,
            credit=association.string("by"),
            width=positive(rendition.integer("width")) if rendition else None,
            height=positive(rendition.integer("height")) if rendition else None,
            media_type=rendition.string("contentType") if rendition else None,
        ),
    )


def related_link(association: Obj) -> RelatedLink | None:
    """A text association as a RelatedLink (``None`` without any title)."""
    relation = _RELATIONS.get(role_of(association, "rel")) or _RELATIONS.get(role_of(association, "name"))
    headlines = [h.string("value") for h in association.objects("headlines")]
    title = next((h for h in headlines if has_text(h)), None) or association.string("title")
    if not title:
        title = association.string("name")
    if not has_text(title):
        return None
    return checked(
        association.path,
        lambda: RelatedLink(
            title=title,
            url=association_url(association),
            authors=item_fields.authors(association),
            relation=relation or Relation.SEE_ALSO,
        ),
    )
