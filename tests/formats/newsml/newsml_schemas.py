"""The official NewsML-G2 and NITF schemas (copies in tests/data/standards) and a validation assertion."""

from __future__ import annotations

import functools

from lxml import etree

from data_paths import NEWSML_G2 as STANDARDS

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"


@functools.cache
def newsml_schema() -> etree.XMLSchema:
    """The NewsML-G2 2.35 All-Power schema (imports only the local xml.xsd)."""
    return etree.XMLSchema(etree.parse(str(STANDARDS / "NewsML-G2_2.35-spec-All-Power.xsd")))


@functools.cache
def nitf_schema() -> etree.XMLSchema:
    """The NITF 3.6 schema (with its local ruby include)."""
    return etree.XMLSchema(etree.parse(str(STANDARDS / "nitf-3-6.xsd")))


def assert_valid(data: bytes) -> etree._Element:
    """Validate a written document against NewsML-G2 2.35 and each NITF body against NITF 3.6."""
    root = etree.fromstring(data)
    schema = newsml_schema()
    assert schema.validate(root), schema.error_log.filter_from_errors()
    bodies = list(root.iter(f"{NITF}nitf"))
    for body in bodies:
        standalone = etree.fromstring(etree.tostring(body))
        assert nitf_schema().validate(standalone), nitf_schema().error_log.filter_from_errors()
    return root
