"""Safe XML parsing: entities, DTDs and the network refused; size and depth bounded; errors located."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import LimitError, ReadError, SchemaError
from broadsheet.formats._shared import xml


def test_plain_documents_parse() -> None:
    root = xml.parse(b"<a>\n<b>text</b></a>")
    assert xml.local_name(root) == "a"
    assert xml.where(root[0]) == "<b> at line 2"


def test_internal_entities_are_refused() -> None:
    with pytest.raises(ReadError, match=r"DOCTYPE at line 1: XML input declares entities"):
        xml.parse(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')


def test_external_entities_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    target.write_text("secret", encoding="utf-8")
    with pytest.raises(ReadError, match="external entities"):
        xml.parse(f'<!DOCTYPE a [<!ENTITY e SYSTEM "{target.as_uri()}">]><a>&e;</a>'.encode())


def test_undeclared_entities_from_an_external_dtd_are_refused() -> None:
    with pytest.raises(ReadError, match="uses the entity &bar;"):
        xml.parse(b'<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a>&bar;</a>')


def test_a_doctype_without_entities_is_fine() -> None:
    assert xml.local_name(xml.parse(b'<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd"><nitf/>')) == "nitf"


def test_malformed_and_empty_input() -> None:
    with pytest.raises(ReadError, match=r"line 3: .*Premature end of data in tag c"):
        xml.parse(b"<a>\n<b/>\n<c>")
    with pytest.raises(ReadError, match="empty"):
        xml.parse(b"  ")


def test_size_and_depth_limits() -> None:
    with pytest.raises(LimitError):
        xml.parse(b"<a/>" + b" " * 100, max_bytes=50)
    with pytest.raises(LimitError, match="more than 10 elements deep"):
        xml.parse(b"<a>" * 12 + b"</a>" * 12, max_depth=10)
    assert xml.parse(b"<a>" * 10 + b"</a>" * 10, max_depth=10) is not None
    with pytest.raises(LimitError):
        xml.parse(b"<a>" * 300 + b"</a>" * 300, max_depth=1000)


def test_validation_names_the_line(tmp_path: Path) -> None:
    schema = tmp_path / "s.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:int"/></xs:schema>',
        encoding="utf-8",
    )
    xml.validate(xml.parse(b"<a>1</a>"), str(schema))
    with pytest.raises(SchemaError, match="line 1: XML input is not valid"):
        xml.validate(xml.parse(b"<a>x</a>"), str(schema))
    with pytest.raises(ReadError, match="cannot load the schema"):
        xml.validate(xml.parse(b"<a/>"), str(tmp_path / "missing.xsd"))
