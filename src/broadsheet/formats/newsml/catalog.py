"""Namespaces, scheme aliases and the project's own controlled vocabularies for NewsML-G2.

Every QCode broadsheet writes uses an alias declared either by IPTC's catalog
(referenced with ``catalogRef``) or by the inline ``<catalog>`` built here, so
a consumer can resolve each code to a URI.
"""

from __future__ import annotations

from broadsheet.model import Relation

NAR = "http://iptc.org/std/nar/2006-10-01/"
"""The NewsML-G2 namespace."""
XHTML = "http://www.w3.org/1999/xhtml"
"""The XHTML namespace (other providers' bodies)."""

STANDARD_VERSION = "2.35"
"""The NewsML-G2 version written."""
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
"""IPTC's catalog of scheme aliases (``ninat``, ``irel``, ``drol``, ``genre``…)."""

NITF_TYPE = "application/nitf+xml"
"""``contenttype`` of an NITF body."""
XHTML_TYPE = "application/xhtml+xml"
"""``contenttype`` of an XHTML body."""
NEWSITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml"
"""``contenttype`` of a reference to a newsItem."""

PROJECT_SCHEMES: tuple[tuple[str, str, str], ...] = (
    ("bsrel", "urn:x-broadsheet:cv:relation:", "Relations between an article and other resources"),
    ("bsrole", "urn:x-broadsheet:cv:role:", "Roles of properties that IPTC vocabularies do not name"),
    ("bsgroup", "urn:x-broadsheet:cv:group:", "Roles of the groups of an edition's package"),
)
"""The inline catalog: (alias, scheme URI, title) for codes IPTC has no vocabulary for."""

TRANSLATION = "bsrel:translation"
"""``link/@rel`` of a translation (no IPTC item relation names one)."""
COVER = "bsrel:cover"
"""``link/@rel`` of an edition's cover image."""
CANONICAL = "bsrel:canonical"
"""``link/@rel`` of the article's canonical URL."""
SUBTITLE = "bsrole:subtitle"
"""``headline/@role`` of the subtitle."""
SECTION = "bsrole:section"
"""``subject/@type`` of the section or desk (a concept of the kind "section")."""
PERSON_ROLE = "bsrole:person-role"
"""``note/@role`` holding a person's role (``correspondent``) inside ``creator``."""
LOGO = "bsrole:logo"
"""``remoteInfo/@rel``-like marker: the publisher's logo."""
EDITION_GROUP = "bsgroup:edition"
"""Role of the root group of an edition's package."""
SECTION_GROUP = "bsgroup:section"
"""Role of a section's group in an edition's package."""
ALT = "bsrole:alt"
"""``description/@role`` of an edition cover's alternative text."""
ANONYMOUS_GUID = "urn:x-broadsheet:anon:"
"""Prefix of the guid made up for an article without an id (read back as no id)."""
ANONYMOUS_PACKAGE = "urn:x-broadsheet:anon-package:"
"""Prefix of the guid made up for an edition without an id (read back as no id)."""
SUMMARY = "drol:summary"
"""IPTC description role of the lead (standfirst)."""
CAPTION = "drol:caption"
"""IPTC description role of an image caption."""
SEE_ALSO = "irel:seeAlso"
"""IPTC item relation for a read-also link."""

RELATION_CODES: dict[Relation, str] = {
    Relation.READ_ALSO: SEE_ALSO,
    Relation.MORE_ON_TOPIC: "bsrel:more-on-topic",
    Relation.SERIES: "bsrel:series",
    Relation.MENTIONED: "bsrel:mentioned",
    Relation.SEE_ALSO: "bsrel:see-also",
}
"""``link/@rel`` for each relation of a related article."""
RELATIONS: dict[str, Relation] = {code: relation for relation, code in RELATION_CODES.items()}
"""The relation each ``link/@rel`` code stands for."""

IPTC_GENRES: dict[str, str] = {
    "analysis": "genre:Analysis",
    "feature": "genre:Feature",
    "interview": "genre:Interview",
    "opinion": "genre:Opinion",
    "obituary": "genre:Obituary",
    "profile": "genre:Profile",
    "review": "genre:Review",
    "news": "genre:Current",
    "current": "genre:Current",
    "background": "genre:Background",
    "press release": "genre:PressRelease",
    "q&a": "genre:QuestionAndAnswerSession",
}
"""IPTC genre codes for the genres named alike (lower case); others get only a name."""


def q(name: str) -> str:
    """A NewsML-G2 element name in Clark notation."""
    return f"{{{NAR}}}{name}"
