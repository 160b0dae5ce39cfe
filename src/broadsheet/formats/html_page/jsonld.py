"""The schema.org ``NewsArticle`` a page carries as JSON-LD, and its safe embedding in ``<script>``.

The JSON-LD says what the visible page cannot say unambiguously (authors' roles
and links, exact datetimes, the agency credit as ``sourceOrganization``), so the
HTML reader, which trusts JSON-LD first, reads the page back exactly.
"""

from __future__ import annotations

import json
from typing import Any

from broadsheet.formats._shared.wording import machine_datetime
from broadsheet.model import Article, Image, Person


def _person(person: Person) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.role:
        node["jobTitle"] = person.role
    if person.url:
        node["url"] = person.url
    return node


def _image(image: Image) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ImageObject", "url": image.url}
    for key, value in (
        ("caption", image.caption),
        ("description", image.alt),
        ("creditText", image.credit),
        ("width", image.width),
        ("height", image.height),
        ("encodingFormat", image.media_type),
    ):
        if value is not None:
            node[key] = value
    return node


def news_article(article: Article, lead_images: tuple[Image, ...]) -> dict[str, Any]:
    """The ``NewsArticle`` node for ``article``; ``lead_images`` are the pictures it is shown with."""
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
    }
    if article.subtitle:
        node["alternativeHeadline"] = article.subtitle
    if article.lead:
        node["description"] = article.lead
    if article.url:
        node["url"] = article.url
        node["mainEntityOfPage"] = article.url
    if article.id:
        node["identifier"] = article.id
    if article.language:
        node["inLanguage"] = article.language
    if article.authors:
        node["author"] = [_person(person) for person in article.authors]
    if article.published:
        node["datePublished"] = machine_datetime(article.published)
    if article.modified:
        node["dateModified"] = machine_datetime(article.modified)
    if article.section:
        node["articleSection"] = article.section
    if article.tags:
        node["keywords"] = list(article.tags)
    if article.genre:
        node["genre"] = article.genre
    if article.dateline:
        node["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if lead_images:
        node["image"] = [_image(image) for image in lead_images]
    if article.publisher:
        publisher: dict[str, Any] = {"@type": "Organization", "name": article.publisher.name}
        if article.publisher.url:
            publisher["url"] = article.publisher.url
        if article.publisher.logo:
            publisher["logo"] = {"@type": "ImageObject", "url": article.publisher.logo}
        node["publisher"] = publisher
    if article.source:
        source: dict[str, Any] = {"@type": "Organization", "name": article.source.name}
        if article.source.url:
            source["url"] = article.source.url
        node["sourceOrganization"] = source
    if article.rights:
        node["copyrightNotice"] = article.rights
    if article.translations:
        node["workTranslation"] = [
            {
                "@type": "NewsArticle",
                "inLanguage": t.language,
                **({"url": t.url} if t.url else {}),
                **(
                    {"headline": title}
                    if (title := t.title or (t.article.title if t.article else None))
                    else {}
                ),
            }
            for t in article.translations
        ]
    return node


def script_text(data: Any) -> str:
    """``data`` as JSON that is safe as the text of a ``<script>`` element written as XML.

    ``<``, ``>`` and ``&`` become JSON escapes, so nothing in the text can close the
    element or needs an XML entity (which an HTML parser would not decode there).
    """
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
