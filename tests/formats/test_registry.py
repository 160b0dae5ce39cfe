"""The format registry: names, extensions, content sniffing, plugins, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from typing import Any

import pytest

from broadsheet.errors import UnknownFormatError
from broadsheet.formats import registry
from broadsheet.formats.registry import Format, Reader, Writer

NATIVE = b'{"format": "broadsheet", "version": 1, "article": {"title": "x"}}'
NINJS = b'{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", "uri": "urn:x", "type": "text"}'
NEWSML = b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>'
HTML = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>"


def test_names_and_aliases_resolve() -> None:
    assert registry.get("json").name == "json"
    assert registry.get("NATIVE").name == "json"
    assert registry.get("g2", can="write").name == "newsml"
    assert registry.get(".epub", can="write").name == "epub"


def test_unknown_names_list_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match="unknown format 'docx'.*json.*html"):
        registry.get("docx")
    with pytest.raises(UnknownFormatError, match="has no reader"):
        registry.get("pdf", can="read")


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
        "import sys, broadsheet, broadsheet.model, broadsheet.formats.registry as r; "
        "[f.can_read or f.can_write for f in r.available()]; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'ebooklib', 'lxml', 'hypothesis')"
        " or m.startswith(('broadsheet.formats.html', 'broadsheet.formats.pdf', 'broadsheet.formats.epub'))]; "
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_format_module_is_imported_when_the_format_is_used() -> None:
    code = (
        "import sys, broadsheet; from broadsheet.formats import registry; "
        "before = 'broadsheet.formats.markdown' in sys.modules; "
        "registry.get('md', can='write').load_writer(); "
        "print(before, 'broadsheet.formats.markdown' in sys.modules, 'reportlab' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "False"]


def _plugin(monkeypatch: pytest.MonkeyPatch, plugin: Format) -> None:
    class EntryPoint:
        name = plugin.name

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


def test_plugins_come_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = Format(
        name="plain-test",
        title="a test plugin",
        extensions=(".ptest",),
        writer=Writer(
            function="broadsheet.formats.text:write", options="broadsheet.formats.text:WriteOptions"
        ),
    )
    _plugin(monkeypatch, plugin)
    with pytest.warns(UserWarning, match="broken"):
        names = [f.name for f in registry.available()]
    assert names[-1] == "plain-test"
    assert registry.for_output("x.ptest") is plugin
    from broadsheet import write
    from broadsheet.model import Article

    assert write(Article(title="Plugged"), "plain-test", width=20).startswith(b"Plugged")
    monkeypatch.setattr(registry, "_plugins", None)


@pytest.mark.parametrize(
    ("reader", "message"),
    [
        (Reader(function="broadsheet_no_such_module:read"), "cannot be imported"),
        (Reader(function="broadsheet.formats.json:no_such_reader"), "has no 'no_such_reader'"),
        (Reader(function="broadsheet.formats.json:FORMAT_NAME"), "not callable"),
        (
            Reader(function="broadsheet.formats.json:read", options="broadsheet.formats.json:read"),
            "not an attrs options class",
        ),
    ],
)
def test_a_row_that_promises_what_its_module_lacks_fails_on_load(reader: Reader, message: str) -> None:
    fmt = Format(name="broken-row", title="a row pointing nowhere", reader=reader)
    with pytest.raises(UnknownFormatError, match=f"broken-row reader.*{message}"):
        fmt.load_reader()
    with pytest.raises(UnknownFormatError, match="has no writer"):
        fmt.load_writer()


def test_rows_name_their_targets_as_module_colon_name() -> None:
    with pytest.raises(ValueError, match="package.module:name"):
        Reader(function="broadsheet.formats.json.read")
    with pytest.raises(ValueError, match="package.module:name"):
        Writer(function="broadsheet.formats.json:write", options="ReadOptions")


@pytest.mark.parametrize("fmt", registry.BUILTIN_FORMATS, ids=lambda f: f.name)
def test_every_builtin_row_loads_what_it_promises(fmt: Format) -> None:
    assert fmt.can_read or fmt.can_write
    if fmt.can_read:
        reader = fmt.load_reader()
        assert callable(reader.read)
        assert reader.options is not None and reader.options.__name__ == "ReadOptions"
        reader.options()  # every option has a default
    if fmt.can_write:
        writer = fmt.load_writer()
        assert callable(writer.write)
        assert writer.options is not None and writer.options.__name__ == "WriteOptions"
        writer.options()
