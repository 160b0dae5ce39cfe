"""Every lxml parser broadsheet builds, set up in one place: no entities, no DTD, no network, bounded size and depth.

Readers never construct an ``XMLParser`` or ``HTMLParser`` themselves (a test
walks the source to hold that). Each function here builds a fresh parser per
call, because lxml parsers are not thread-safe, and turns every failure into a
:class:`~broadsheet.errors.ReadError` (or :class:`~broadsheet.errors.LimitError`
for size and depth) that says what and where.

XML: entity substitution, DTD loading and network access are off; documents
that declare entities (billion laughs, XXE) or ask for XInclude are refused.
HTML: libxml2's HTML parser never loads DTDs or entities; the network is off.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from broadsheet.errors import LimitError, ReadError

MAX_BYTES = 64 * 1024 * 1024
"""The largest XML document read by default (64 MiB)."""

MAX_DEPTH = 200
"""The deepest element nesting read by default; news documents stay far below it."""

MAX_TEXT_RUN = 10_000_000
"""libxml2's longest text node (without its "huge" mode, which would also lift the depth limit)."""

HTML_MAX_DEPTH = 255
"""libxml2's own limit on element nesting in HTML; deeper pages are refused, not truncated."""

XINCLUDE = "http://www.w3.org/2001/XInclude"
"""XInclude's namespace: its elements would pull in other files, so XML input holding one is refused."""

_depth_checks: dict[int, etree.XPath] = {}


def _xml_parser(*, deep: bool, strip_comments: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        # huge_tree lifts libxml2's depth limit of 256 (and its text size
        # limit); only callers that check depth themselves ask for it.
        huge_tree=deep,
        remove_blank_text=False,
        remove_comments=strip_comments,
        remove_pis=strip_comments,
        collect_ids=False,
    )


# lxml.html's own lookup picks a class per tag (FormElement, InputElement...) in a Python callback
# run for every element object it creates, which costs more than the rest of a walk over the
# tree; nothing here uses those classes' form helpers, so every element is an HtmlElement, chosen
# in C.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _html_parser(*, deep: bool, encoding: str | None = None) -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(
        encoding=encoding,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        huge_tree=deep,
    )
    parser.set_element_class_lookup(_HTML_CLASSES)
    return parser


def parse_xml(
    data: bytes,
    *,
    what: str = "XML",
    where: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    deep: bool = False,
    strip_comments: bool = False,
    refuse_entities: bool = True,
) -> etree._Element:
    """Parse untrusted XML bytes and return the root element.

    Raises :class:`LimitError` for input larger than ``max_bytes`` or nested
    deeper than ``max_depth`` (and, unless ``deep``, libxml2's own 256), and
    :class:`ReadError` for malformed or truncated input, XInclude elements and
    any document whose DOCTYPE declares entities. ``what`` names the format
    in messages; ``where`` (a JSON path, say) locates the whole document, else
    errors are placed by line. ``strip_comments`` drops comments and processing
    instructions. ``refuse_entities=False`` (for images, where a declared but
    unused entity should not lose the picture) reads such documents with every
    entity reference removed, never resolved.
    """
    if len(data) > max_bytes:
        raise LimitError(f"{what} input is {len(data)} bytes; the limit is {max_bytes}", where=where)
    if not data.strip():
        raise ReadError(f"{what} input is empty", where=where)
    try:
        root = etree.fromstring(data, _xml_parser(deep=deep, strip_comments=strip_comments))
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error).strip()
        line = error.lineno or (error.position[0] if error.position else None)
        deep = "depth" in message.lower()
        large = not deep and ("huge" in message.lower() or "limit" in message.lower())
        kind = LimitError if deep or large else ReadError
        problem = (
            "nested too deeply" if deep else "beyond the parser's size limits" if large else "not well-formed"
        )
        if where is not None:
            raise kind(f"{what} input is {problem}: {message} (line {line})", where=where) from None
        raise kind(f"{what} input is {problem}: {message}", where=f"line {line}") from None
    if refuse_entities:
        _refuse_entities(root, what, where)
    else:
        _drop_entities(root)
    for node in root.iter(f"{{{XINCLUDE}}}*"):
        raise ReadError(
            f"{what} input asks for XInclude (line {node.sourceline}); it is refused", where=where
        )
    _check_depth(root, max_depth, what, where)
    return root


def parse_xml_file(path: str, *, what: str = "XML file") -> etree._ElementTree:
    """Parse a local XML file (a schema, say) with the same refusals as :func:`parse_xml`."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise ReadError(f"cannot read the {what} {path!r}: {error.strerror or error}") from None
    root = parse_xml(data, what=what, where=path)
    tree = root.getroottree()
    # Relative references inside the file (schema imports) resolve from its folder.
    tree.docinfo.URL = path
    return tree


def parse_html_page(data: bytes, *, where: str | None = None) -> lxml.html.HtmlElement:
    """Parse a whole HTML page given as UTF-8 bytes and return its ``<html>`` element.

    Raises :class:`ReadError` when nothing can be parsed and :class:`LimitError`
    when elements nest deeper than :data:`HTML_MAX_DEPTH` (libxml2 would
    silently drop the rest of the page).
    """
    parser = _html_parser(deep=False, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ReadError(f"not an HTML page: {error}", where=where) from error
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise LimitError(
                f"elements nest deeper than {HTML_MAX_DEPTH} levels (line {entry.line}); "
                "refusing a truncated page",
                where=where,
            )
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            # libxml2's other limit: one run of text (or one name, one attribute) past 10,000,000 bytes.
            raise LimitError(
                f"a single run of text is longer than the HTML parser's limit of {MAX_TEXT_RUN:,} bytes "
                f"(line {entry.line}); refusing a truncated page",
                where=where,
            )
    if root is None:
        raise ReadError("not an HTML page: nothing could be parsed", where=where)
    return root


def parse_html_document(
    markup: str, *, what: str = "HTML", where: str | None = None
) -> lxml.html.HtmlElement:
    """Parse an HTML document held in a string (no depth limit: the caller's walk bounds it)."""
    try:
        return lxml.html.document_fromstring(markup, parser=_html_parser(deep=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ReadError(f"the {what} cannot be parsed: {error}", where=where) from None


def parse_html_fragment(
    markup: str, *, what: str = "HTML", where: str | None = None, deep: bool = False
) -> lxml.html.HtmlElement:
    """Parse an HTML fragment into a ``div`` holding it; ``deep`` lifts libxml2's depth limit for callers that bound it."""
    try:
        return lxml.html.fragment_fromstring(markup, create_parent="div", parser=_html_parser(deep=deep))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ReadError(f"the {what} cannot be parsed: {error}", where=where) from None


def _refuse_entities(root: etree._Element, what: str, where: str | None) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        entities = list(dtd.iterentities())
        if entities:
            kind = (
                "external entities (XXE)"
                if any(entity.system_url or entity.content is None for entity in entities)
                else "entities"
            )
            names = ", ".join(entity.name or "?" for entity in entities[:5])
            raise ReadError(
                f"{what} input declares {kind} in its DOCTYPE ({names}); documents with entity "
                "declarations are refused",
                where=where or "DOCTYPE at line 1",
            )
    # Undeclared references (an external DTD that is never loaded) survive as entity nodes.
    for node in root.iter(etree.Entity):
        raise ReadError(f"{what} input uses the entity {node.text}", where=where or f"line {node.sourceline}")


def _drop_entities(root: etree._Element) -> None:
    for node in list(root.iter(etree.Entity)):
        parent = node.getparent()
        if parent is not None:
            # Keep the text after the reference; the reference itself stands for nothing.
            tail = node.tail or ""
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(node)


def _check_depth(root: etree._Element, max_depth: int, what: str, where: str | None) -> None:
    check = _depth_checks.get(max_depth)
    if check is None:
        # One child step per level: the node set at each step is one level of
        # the tree, so this costs one pass over the document, in C.
        check = etree.XPath("boolean(" + "/*" * (max_depth + 1) + ")")
        _depth_checks[max_depth] = check
    if check(root):
        raise LimitError(f"{what} input is nested more than {max_depth} elements deep", where=where)
