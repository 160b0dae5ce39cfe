"""A ninjs body's markup as an element tree: well-formed XHTML or NITF, else HTML as browsers read it."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from broadsheet.errors import SchemaError

_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!doctype[^>]*>\s*)?<html[\s>]", re.IGNORECASE)

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# huge_tree lifts libxml2's depth limit of 256, past which the HTML parser silently drops the rest
# of the body; the reader's own depth limit (LimitError) applies instead.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
_HTML_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)


def xml_safe(markup: str) -> str:
    """``markup`` without the characters XML cannot hold (JSON can: ``"\\u0000"``, lone surrogates)."""
    return _NOT_XML.sub("", markup)


def parse_fragment(markup: str, where: str) -> Any:
    """The element holding an HTML or XHTML body: a ``div`` around a fragment, or a document's ``body``."""
    if not _DOCUMENT.match(markup):
        try:
            return etree.fromstring(f"<div>{markup}</div>".encode(), _XML_PARSER)
        except etree.XMLSyntaxError:
            pass  # not well-formed: HTML as browsers parse it
    try:
        if _DOCUMENT.match(markup):
            document = html.document_fromstring(markup, parser=_HTML_PARSER)
            body = document.find("body")
            return body if body is not None else document
        return html.fragment_fromstring(markup, create_parent="div", parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise SchemaError(f"the HTML body cannot be parsed: {error}", where=where) from None


def parse_nitf_document(markup: str, where: str) -> Any:
    """The root element of a NITF document; ``where`` names the body in error messages."""
    try:
        return etree.fromstring(xml_safe(markup).encode("utf-8"), _XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise SchemaError(f"the NITF body is not well-formed XML: {error}", where=where) from None
