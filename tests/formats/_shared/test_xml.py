"""Reading parsed XML: validation names the line; text keeps its <br/> line breaks and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import ReadError, SchemaError
from broadsheet.formats._shared import xml
from broadsheet.formats._shared.parsers import parse_xml


def test_validation_names_the_line(tmp_path: Path) -> None:
    schema = tmp_path / "s.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:int"/></xs:schema>',
        encoding="utf-8",
    )
    xml.validate(parse_xml(b"<a>1</a>"), str(schema))
    with pytest.raises(SchemaError, match="line 1: XML input is not valid"):
        xml.validate(parse_xml(b"<a>x</a>"), str(schema))
    with pytest.raises(ReadError, match="cannot load the schema"):
        xml.validate(parse_xml(b"<a/>"), str(tmp_path / "missing.xsd"))


def test_a_schema_declaring_entities_is_refused(tmp_path: Path) -> None:
    schema = tmp_path / "evil.xsd"
    schema.write_text(
        '<!DOCTYPE xs:schema [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>',
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match="cannot load the schema .*external entities"):
        xml.load_schema(str(schema))


def test_lines_and_text() -> None:
    assert xml.text_of(parse_xml(b"<a>  one\n  <b>two</b>\tthree </a>")) == "one two three"
    assert xml.lines_of(parse_xml(b"<a>  one\n  <b>two</b><br/>three  <br/> </a>")) == "one two\nthree"
    assert xml.text_of(None) is None and xml.lines_of(parse_xml(b"<a> </a>")) is None
