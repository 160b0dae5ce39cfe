"""Safe XML parsing for every XML reader: no entities, no DTD loading, no network, bounded size and depth.

Untrusted XML is parsed with entity substitution, DTD loading and network
access off; documents that declare entities (billion laughs, XXE) are
refused outright, and every failure becomes a :class:`~broadsheet.errors.ReadError`
naming the element and line.
"""

from __future__ import annotations

from lxml import etree

from broadsheet.errors import LimitError, ReadError, SchemaError

MAX_BYTES = 64 * 1024 * 1024
"""The largest XML document read by default (64 MiB)."""

MAX_DEPTH = 200
"""The deepest element nesting read by default; news documents stay far below it."""

_depth_checks: dict[int, etree.XPath] = {}
_schemas: dict[str, etree.XMLSchema] = {}


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace (``"newsItem"``)."""
    return etree.QName(element).localname


def where(element: etree._Element) -> str:
    """Where an element is, for error messages: ``<headline> at line 12``."""
    line = element.sourceline
    name = local_name(element) if isinstance(element.tag, str) else "node"
    return f"<{name}> at line {line}" if line else f"<{name}>"


def parse(
    data: bytes, *, what: str = "XML", max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> etree._Element:
    """Parse untrusted XML bytes and return the root element.

    Raises :class:`LimitError` for input larger than ``max_bytes`` or nested
    deeper than ``max_depth``, and :class:`ReadError` (naming the line and,
    where libxml2 knows it, the element) for malformed or truncated input and
    for any document whose DOCTYPE declares entities. ``what`` names the
    format in messages.
    """
    if len(data) > max_bytes:
        raise LimitError(f"{what} input is {len(data)} bytes; the limit is {max_bytes}")
    if not data.strip():
        raise ReadError(f"{what} input is empty")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error).strip()
        line = error.lineno or (error.position[0] if error.position else None)
        if "depth" in message.lower() or "huge" in message.lower():
            raise LimitError(f"{what} input is nested too deeply: {message}", where=f"line {line}") from None
        raise ReadError(f"{what} input is not well-formed: {message}", where=f"line {line}") from None
    _refuse_entities(root, what)
    _check_depth(root, max_depth, what)
    return root


def _refuse_entities(root: etree._Element, what: str) -> None:
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None:
        entities = [entity.name or "?" for entity in dtd.iterentities()]
        if entities:
            kind = (
                "external entities (XXE)"
                if any(entity.system_url or entity.content is None for entity in dtd.iterentities())
                else "entities"
            )
            raise ReadError(
                f"{what} input declares {kind} in its DOCTYPE ({', '.join(entities[:5])}); "
                "documents with entity declarations are refused",
                where="DOCTYPE at line 1",
            )
    # Undeclared references survive unresolved as entity nodes; refuse them too.
    for node in root.iter(etree.Entity):
        raise ReadError(f"{what} input uses the entity {node.text}", where=f"line {node.sourceline}")


def _check_depth(root: etree._Element, max_depth: int, what: str) -> None:
    check = _depth_checks.get(max_depth)
    if check is None:
        # One child step per level: the node set at each step is one level of
        # the tree, so this costs one pass over the document, in C.
        check = etree.XPath("boolean(" + "/*" * (max_depth + 1) + ")")
        _depth_checks[max_depth] = check
    if check(root):
        raise LimitError(f"{what} input is nested more than {max_depth} elements deep")


def load_schema(path: str) -> etree.XMLSchema:
    """Compile the XSD at ``path`` (cached); its imports resolve from local files only, never the network."""
    schema = _schemas.get(path)
    if schema is None:
        try:
            document = etree.parse(path, _parser())
            schema = etree.XMLSchema(document)
        except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
            raise ReadError(f"cannot load the schema {path!r}: {error}") from None
        _schemas[path] = schema
    return schema


def validate(root: etree._Element, schema_path: str, *, what: str = "XML") -> None:
    """Validate ``root`` against the XSD at ``schema_path``; the first violation is a SchemaError with its line."""
    schema = load_schema(schema_path)
    if not schema.validate(root):
        error = schema.error_log.filter_from_errors()[0]
        raise SchemaError(f"{what} input is not valid: {error.message}", where=f"line {error.line}")
