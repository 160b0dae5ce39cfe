"""The names broadsheet gives things inside ninjs: roles, association names, body markup.

Reader and writer both follow this one table, so what one writes the other
recognises; other providers' documents are read by the looser rules in the reader.
"""

from __future__ import annotations

from broadsheet.formats._shared.markup_names import *  # noqa: F403  (the body markup names, shared with the body writer)

ANONYMOUS_URI_PREFIX = "urn:broadsheet:anonymous:"
"""ninjs requires ``uri``; for an article without an id the writer makes one with this prefix,
and the reader turns it back into "no id"."""

# descriptions[].role
LEAD_ROLE = "summary"
LEAD_ROLES = ("summary", "lead", "abstract", "standfirst", "teaser", "drol:summary")
CAPTION_ROLE = "caption"
ALT_ROLE = "alt"

# headlines[].role
TITLE_ROLE = "main"
SUBTITLE_ROLE = "sub"
SUBTITLE_ROLES = ("sub", "subtitle", "subheadline", "kicker")

# bodies[].role
HTML_BODY_ROLE = "main"
TEXT_BODY_ROLE = "plain"

# infoSources[].role
AUTHOR_ROLE = "author"
SOURCE_ROLE = "source"
PUBLISHER_ROLE = "publisher"

# infoSources[].contactInfo[].type
WEB_CONTACT = "web"
LOGO_CONTACT = "logo"

# altIds[].role
ID_ALT = "id"
URL_ALT = "url"
DATE_ALT = "date"

# subjects[].rel
SECTION_REL = "section"

# renditions[].name
WEB_RENDITION = "web"
IMAGE_RENDITION = "original"

# associations[].name (and .rel in 3.x): related links use the Relation value.
IMAGE_ASSOCIATION = "image"
TRANSLATION_ASSOCIATION = "translation"
TRANSLATED_ARTICLE_ASSOCIATION = "article"
SECTION_ASSOCIATION = "section"
COVER_ASSOCIATION = "cover"
EDITION_PROFILE = "broadsheet-edition"
IN_BODY_PROFILE = "broadsheet-in-body"
"""Profile of the associations that repeat a body's related links (read-also boxes, mentions) for
consumers that do not parse the HTML; the reader skips them, as the body holds the same links."""
