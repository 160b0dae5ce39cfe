"""People named in NITF: ``person`` elements (with ``function`` as the role) and quote credits."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.xml import build, collapse, local_name, text_of
from broadsheet.model import Person


def credited_speaker(credit: etree._Element) -> Person | None:
    """Who a block quote's ``credit`` names: its ``person``, else its text as a name."""
    person = credit.find(".//{*}person")
    if person is None:
        name = text_of(credit)
        return build(Person, credit, name=name) if name else None
    return read_person(person)


def read_person(person: etree._Element) -> Person | None:
    """A ``person`` element as a Person; an enclosing ``a`` gives the URL."""
    function = person.find("{*}function")
    role = text_of(function)
    parts = [person.text or ""]
    for child in person:
        if child is not function:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    name = collapse("".join(parts))
    if not name:
        return None
    parent = person.getparent()
    url = parent.get("href") if parent is not None and local_name(parent) == "a" else None
    return build(Person, person, name=name, role=role, url=url)
