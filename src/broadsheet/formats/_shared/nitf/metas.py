"""The ``bs:<id>:<key>`` entries of an NITF ``head/meta``: what our writer kept that NITF cannot say."""

from __future__ import annotations

from lxml import etree

from broadsheet.formats._shared.nitf.names import META_PREFIX
from broadsheet.formats._shared.xml import build
from broadsheet.model import Person


class MetaEntries:
    """The ``bs:<id>:<key>`` entries of ``nitf/head/meta``."""

    def __init__(self, nitf: etree._Element) -> None:
        """Collect the entries of ``nitf``."""
        self.values: dict[str, str] = {}
        for meta in nitf.iter("{*}meta"):
            name = meta.get("name") or ""
            if name.startswith(META_PREFIX):
                self.values[name[len(META_PREFIX) :]] = meta.get("content") or ""

    def get(self, element: etree._Element, key: str) -> str | None:
        """The entry ``key`` of ``element`` (by its ``id``), if there is one."""
        element_id = element.get("id")
        return None if element_id is None else self.values.get(f"{element_id}:{key}")

    def people(self, element: etree._Element, prefix: str) -> tuple[Person, ...]:
        """The people listed under ``prefix.N.name`` (``.role``, ``.url``) for ``element``."""
        out = []
        index = 0
        while (name := self.get(element, f"{prefix}.{index}.name")) is not None:
            role = self.get(element, f"{prefix}.{index}.role")
            url = self.get(element, f"{prefix}.{index}.url")
            out.append(build(Person, element, name=name, role=role, url=url))
            index += 1
        return tuple(out)
