"""The format registry: names, extensions, content sniffing, plugins, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from typing import Any

import pytest

from broadsheet.errors import UnknownFormatError
from broadsheet.formats import registry
from broadsheet.formats.registry import Format

NATIVE = b'{"format": "broadsheet", "version": 1, "article": {"title": "x"}}'
NINJS = b'{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", "uri": "urn:x", "type": "text"}'
NEWSML = b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>'
HTML = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>"


def test_names_and_aliases_resolve() -> None:
    assert registry.get("json").name == "json"
    assert registry.get("NATIVE").name == "json"
    assert registry.get("g2", can="can_write").name == "newsml"
    assert registry.get(".epub", can="can_write").name == "epub"


def test_unknown_names_list_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="unknown format 'docx'.*json.*html"):
        registry.get("docx")
    with pytest.raises(UnknownFormatError, match="has no reader"):
        registry.get("pdf", can="can_read")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("story.json", NATIVE, "json"),
        ("story.json", NINJS, "ninjs"),
        ("story.xml", NEWSML, "newsml"),
        ("story.html", HTML, "html"),
        ("story.htm", HTML, "html"),
        ("no-extension", NATIVE, "json"),
        ("no-extension", NEWSML, "newsml"),
        ("no-extension", HTML, "html"),
        ("misnamed.json", HTML, "html"),
        ("<bytes>", b"\xef\xbb\xbf" + NATIVE, "json"),
        ("<bytes>", NEWSML.replace(b"/>", b"><nitf><body/></nitf></newsItem>"), "newsml"),
    ],
)
def test_input_format_from_extension_and_content(name: str, data: bytes, expected: str) -> None:
    assert registry.for_input(data, name).name == expected


def test_unrecognisable_input_is_an_error_naming_the_file() -> None:
    with pytest.raises(UnknownFormatError, match="'notes.txt'.*--from"):
        registry.for_input(b"just some words", "notes.txt")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.json", "json"),
        ("a.epub", "epub"),
        ("A.PDF", "pdf"),
        ("a.xml", "newsml"),
        ("a.ninjs.json", "ninjs"),
    ],
)
def test_output_format_from_extension(name: str, expected: str) -> None:
    assert registry.for_output(name).name == expected


def test_importing_broadsheet_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, broadsheet, broadsheet.model; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'ebooklib', 'lxml', 'hypothesis')]; "
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_plugins_come_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = Format(
        name="plain-test", module="json", title="a test plugin", extensions=(".ptest",), can_write=True
    )

    class EntryPoint:
        name = "plain-test"

        def load(self) -> Any:
            return plugin

    class Broken:
        name = "broken"

        def load(self) -> Any:
            raise ImportError("missing dependency")

    def fake(group: str) -> list[Any]:
        assert group == registry.ENTRY_POINT_GROUP
        return [EntryPoint(), Broken()]

    monkeypatch.setattr(metadata, "entry_points", fake)
    monkeypatch.setattr(registry, "_plugins", None)
    with pytest.warns(UserWarning, match="broken"):
        names = [f.name for f in registry.available()]
    assert names[-1] == "plain-test"
    assert registry.for_output("x.ptest") is plugin
    monkeypatch.setattr(registry, "_plugins", None)


def test_every_builtin_module_exposes_what_its_row_promises() -> None:
    for fmt in registry.BUILTIN_FORMATS:
        try:
            module = fmt.load()
        except UnknownFormatError:
            pytest.fail(f"{fmt.name}: module {fmt.module} is missing")
        if fmt.can_read:
            assert callable(module.read), fmt.name
        if fmt.can_write:
            assert callable(module.write), fmt.name
