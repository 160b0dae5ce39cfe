"""Class names and data attributes of the annotated body markup: written by the body walk, read back by the ninjs reader."""

from __future__ import annotations

__all__ = [
    "AUTHORS",
    "AUTHOR_CLASS",
    "CAPTION_CLASS",
    "CREDIT_CLASS",
    "EMBED_CLASS",
    "MEDIA_TYPE",
    "MENTION_CLASS",
    "PROVIDER",
    "RELATED_CLASS",
    "RELATED_LABEL_CLASS",
    "RELATION",
    "ROLE",
    "SPEAKER",
    "SPEAKER_ROLE",
    "SPEAKER_URL",
    "TITLE",
    "URL",
]

RELATED_CLASS = "related"
RELATED_LABEL_CLASS = "related-label"
AUTHOR_CLASS = "author"
MENTION_CLASS = "mention"
EMBED_CLASS = "embed"
CAPTION_CLASS = "caption"
CREDIT_CLASS = "credit"
SPEAKER = "data-speaker"
SPEAKER_ROLE = "data-speaker-role"
SPEAKER_URL = "data-speaker-url"
RELATION = "data-relation"
ROLE = "data-role"
URL = "data-url"
TITLE = "data-title"
AUTHORS = "data-authors"
PROVIDER = "data-provider"
MEDIA_TYPE = "data-media-type"
