"""One parser setup: every lxml parser is built in parsers.py, and every entry point refuses hostile XML."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import broadsheet
from broadsheet.errors import LimitError, ReadError
from broadsheet.formats._shared import parsers, xml

SRC = Path(broadsheet.__file__).parent
PARSERS = SRC / "formats" / "_shared" / "parsers.py"

# Calls that build an lxml parser or parse with one (lxml's defaults when none is given).
_FORBIDDEN = frozenset(
    {
        "XMLParser",
        "HTMLParser",
        "XMLPullParser",
        "HTMLPullParser",
        "ETCompatXMLParser",
        "XMLTreeBuilder",
        "fromstring",
        "fromstringlist",
        "document_fromstring",
        "fragment_fromstring",
        "fragments_fromstring",
        "XML",
        "HTML",
        "XMLID",
        "iterparse",
        "parse",
        "xinclude",
    }
)
_LXML_MODULES = frozenset({"etree", "html", "lxml", "objectify"})


def _called_name(node: ast.Call) -> tuple[str, str] | None:
    """``(owner, name)`` for ``etree.fromstring(...)``, ``lxml.html.parse(...)``; ``None`` otherwise."""
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        owner_name = (
            owner.id
            if isinstance(owner, ast.Name)
            else owner.attr
            if isinstance(owner, ast.Attribute)
            else ""
        )
        return owner_name, function.attr
    if isinstance(function, ast.Name):
        return "", function.id
    return None


def _imported_names(tree: ast.Module) -> set[str]:
    """Names imported straight from lxml (``from lxml.etree import fromstring``)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lxml")
        for alias in node.names
    }


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    direct = _imported_names(tree) & _FORBIDDEN
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = _called_name(node)
        if called is None:
            continue
        owner, name = called
        if name in _FORBIDDEN and (owner in _LXML_MODULES or (not owner and name in direct)):
            found.append(f"{path.relative_to(SRC)}:{node.lineno}: {owner + '.' if owner else ''}{name}(")
    return sorted(found)


def test_no_parser_is_built_outside_parsers_py() -> None:
    offences = [o for path in sorted(SRC.rglob("*.py")) if path != PARSERS for o in _offences(path)]
    assert offences == [], "parse through broadsheet.formats._shared.parsers instead:\n" + "\n".join(offences)


def test_the_source_walk_sees_parsers_py_itself() -> None:
    """The check is not vacuous: parsers.py builds its parsers with the very calls it looks for."""
    assert any("XMLParser(" in o for o in _offences(PARSERS))
    assert any("HTMLParser(" in o for o in _offences(PARSERS))
    assert any("fromstring(" in o for o in _offences(PARSERS))


def test_the_source_walk_catches_a_parser_built_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(f"{__name__}.SRC", tmp_path)
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from lxml import etree\nfrom lxml.html import fromstring\n"
        "etree.fromstring(b'<a/>', etree.XMLParser())\nfromstring('<p>')\n",
        encoding="utf-8",
    )
    assert _offences(bad) == [
        "bad.py:3: etree.XMLParser(",
        "bad.py:3: etree.fromstring(",
        "bad.py:4: fromstring(",
    ]


# Hostile documents: each must end in a ReadError or LimitError, or parse with nothing fetched or
# expanded; never with a local file's content in the tree.

_SECRET = "broadsheet-secret-contents"

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><lolz a="&lol9;">&lol9;</lolz>'
)


def _hostile(secret: Path) -> dict[str, str]:
    uri = secret.as_uri()
    return {
        "billion laughs": _LAUGHS,
        "XXE": f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "{uri}">]><a>&x;</a>',
        "XXE in an attribute": f'<!DOCTYPE a [<!ENTITY x SYSTEM "{uri}">]><a b="&x;"/>',
        "XXE of /etc/passwd": '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
        "parameter entity": f'<!DOCTYPE a [<!ENTITY % p SYSTEM "{uri}"> %p;]><a/>',
        "external DTD": f'<!DOCTYPE a SYSTEM "{uri}"><a>&bar;</a>',
        "network DTD": '<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a>&bar;</a>',
        "XInclude": f'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{uri}" parse="text"/></a>',
    }


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(_SECRET, encoding="utf-8")
    (tmp_path / "a.dtd").write_text(f'<!ENTITY bar "{_SECRET}">', encoding="utf-8")
    return path


def _outcome(parse: Callable[[], Any]) -> str:
    """The serialised tree ``parse`` returns, or the message of the ReadError it raises."""
    try:
        root = parse()
    except ReadError as error:
        return str(error)
    return str(etree.tostring(root, encoding="unicode"))


_XML_ENTRIES: dict[str, Callable[[str, Path], Any]] = {
    "parse_xml": lambda doc, _: parsers.parse_xml(doc.encode()),
    "parse_xml deep": lambda doc, _: parsers.parse_xml(doc.encode(), deep=True, max_depth=1000),
    "parse_xml with a where": lambda doc, _: parsers.parse_xml(doc.encode(), where="$.bodies[0]"),
    "parse_xml_file": lambda doc, folder: parsers.parse_xml_file(_written(folder, doc)),
}


def _written(folder: Path, document: str) -> str:
    path = folder / "doc.xml"
    path.write_text(document, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("entry", sorted(_XML_ENTRIES))
@pytest.mark.parametrize("case", sorted(_hostile(Path("/x"))))
def test_xml_entry_points_refuse_hostile_documents(entry: str, case: str, secret: Path) -> None:
    document = _hostile(secret)[case]
    with pytest.raises((ReadError, LimitError)) as caught:
        _XML_ENTRIES[entry](document, secret.parent)
    assert _SECRET not in str(caught.value)


@pytest.mark.parametrize("case", sorted(_hostile(Path("/x"))))
def test_the_lenient_svg_mode_reads_nothing_either(case: str, secret: Path) -> None:
    """``refuse_entities=False`` keeps a picture whose DOCTYPE declares entities, never their content."""
    text = _outcome(lambda: parsers.parse_xml(_hostile(secret)[case].encode(), refuse_entities=False))
    assert _SECRET not in text and "root:" not in text and "lollollol" not in text


_HTML_ENTRIES: dict[str, Callable[[str], Any]] = {
    "parse_html_page": lambda doc: parsers.parse_html_page(doc.encode()),
    "parse_html_document": lambda doc: parsers.parse_html_document(doc),
    "parse_html_fragment": lambda doc: parsers.parse_html_fragment(doc),
    "parse_html_fragment deep": lambda doc: parsers.parse_html_fragment(doc, deep=True),
}


@pytest.mark.parametrize("entry", sorted(_HTML_ENTRIES))
@pytest.mark.parametrize("case", sorted(_hostile(Path("/x"))))
def test_html_entry_points_fetch_and_expand_nothing(entry: str, case: str, secret: Path) -> None:
    """HTML has no entity declarations or XInclude: the markup is read as text, nothing is fetched."""
    text = _outcome(lambda: _HTML_ENTRIES[entry](_hostile(secret)[case]))
    assert _SECRET not in text and "root:" not in text and "lollollol" not in text


def test_plain_documents_parse() -> None:
    root = parsers.parse_xml(b"<a>\n<b>text</b></a>")
    assert xml.local_name(root) == "a"
    assert xml.where(root[0]) == "<b> at line 2"


def test_refusals_say_what_and_where() -> None:
    with pytest.raises(ReadError, match=r"DOCTYPE at line 1: XML input declares entities"):
        parsers.parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')
    with pytest.raises(ReadError, match=r"^\$\.x: NITF input declares external entities"):
        parsers.parse_xml(
            b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', what="NITF", where="$.x"
        )
    with pytest.raises(ReadError, match="uses the entity &bar;"):
        parsers.parse_xml(b'<!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a>&bar;</a>')
    with pytest.raises(ReadError, match="XInclude"):
        parsers.parse_xml(b'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="x"/></a>')


def test_a_doctype_without_entities_is_fine() -> None:
    assert xml.local_name(parsers.parse_xml(b'<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd"><nitf/>')) == "nitf"


def test_malformed_and_empty_input() -> None:
    with pytest.raises(ReadError, match=r"line 3: .*Premature end of data in tag c"):
        parsers.parse_xml(b"<a>\n<b/>\n<c>")
    with pytest.raises(ReadError, match=r"^\$: XML input is not well-formed: .* \(line 3\)"):
        parsers.parse_xml(b"<a>\n<b/>\n<c>", where="$")
    with pytest.raises(ReadError, match="empty"):
        parsers.parse_xml(b"  ")
    with pytest.raises(ReadError, match="cannot read the XML file"):
        parsers.parse_xml_file("/nonexistent/broadsheet.xsd")


def test_size_and_depth_limits() -> None:
    with pytest.raises(LimitError):
        parsers.parse_xml(b"<a/>" + b" " * 100, max_bytes=50)
    with pytest.raises(LimitError, match="more than 10 elements deep"):
        parsers.parse_xml(b"<a>" * 12 + b"</a>" * 12, max_depth=10)
    assert parsers.parse_xml(b"<a>" * 10 + b"</a>" * 10, max_depth=10) is not None
    with pytest.raises(LimitError):  # libxml2's own limit, unless the caller asks for deep trees
        parsers.parse_xml(b"<a>" * 300 + b"</a>" * 300, max_depth=1000)
    assert parsers.parse_xml(b"<a>" * 300 + b"</a>" * 300, max_depth=1000, deep=True) is not None
    with pytest.raises(LimitError, match="nest deeper than 255"):
        parsers.parse_html_page(b"<html><body>" + b"<div>" * 300 + b"x" + b"</div>" * 300)


def test_comments_are_stripped_on_request() -> None:
    root = parsers.parse_xml(b"<a>x<!-- c --><?pi?>y</a>", strip_comments=True)
    assert len(root) == 0 and root.text == "xy"
    assert len(parsers.parse_xml(b"<a>x<!-- c -->y</a>")) == 1


def test_each_call_gets_its_own_parser() -> None:
    """lxml parsers are not thread-safe: nothing may be shared between calls."""
    first = parsers._xml_parser(deep=False, strip_comments=False)
    assert first is not parsers._xml_parser(deep=False, strip_comments=False)
    assert parsers._html_parser(deep=False) is not parsers._html_parser(deep=False)


def test_parser_messages_are_one_line_and_name_the_limit_hit() -> None:
    from broadsheet.errors import LimitError
    from broadsheet.formats._shared import parsers

    big = b"<root><x>" + b"a" * 10_100_000 + b"</x></root>"
    with pytest.raises(LimitError, match="size limits") as caught:
        parsers.parse_xml(big, what="XML")
    assert "\n" not in str(caught.value) and "nested" not in str(caught.value)
    with pytest.raises(LimitError, match="nested too deeply"):
        parsers.parse_xml(b"<a>" * 300 + b"</a>" * 300, what="XML")


def test_every_read_error_is_one_line() -> None:
    from broadsheet.errors import ReadError

    assert str(ReadError("first line\n  second line\n", where="line 3")) == "line 3: first line second line"
