"""The page parser's fast paths give exactly what the slow scans they skip would give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from broadsheet.formats.html import document, encoding

_codes = st.one_of(
    st.integers(0, 0x110100),
    st.sampled_from([0, 9, 10, 12, 13, 31, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFE, 0xFFFF, 0x10FFFF]),
    st.integers(0, 10**12),
)
_reference = st.builds(
    lambda code, form, zeros, end: (
        (f"&#{'0' * zeros}{code};" if form == "d" else f"&#{form}{'0' * zeros}{code:x}") + end
    ),
    _codes,
    st.sampled_from(["d", "x", "X"]),
    st.integers(0, 3),
    st.sampled_from(["", ";", "1", "a", " "]),
)


@given(_reference)
def test_every_reference_the_parser_changes_is_suspect(reference: str) -> None:
    # A miss here would let "&#1;" through to libxml2, which makes it U+0001.
    changed = document._NUMERIC_REFERENCE.sub(document._xml_safe_reference, reference) != reference
    assert not changed or document._SUSPECT_REFERENCE.search(reference)


@given(st.text(st.characters(max_codepoint=0x500), max_size=40))
def test_control_character_check_matches_the_scan(text: str) -> None:
    data = text.encode("utf-8")
    assert document._has_control_characters(data, text, "utf-8") == bool(document._CONTROL_CHARS.search(text))


@given(st.text(st.sampled_from("aé€ÃÂÐÑâРС\u0080\u00a9\u2019\u0454 "), max_size=30))
def test_double_encoding_prefilter_never_hides_a_hint(text: str) -> None:
    if encoding._DOUBLE_ENCODED.search(text):
        assert encoding._may_be_double_encoded(text)


def test_a_control_reference_never_reaches_the_tree() -> None:
    root = document.parse(b"<html><body><p>a&#1;b&#x0B;c&#0000012;d&#55296;e</p></body></html>").root
    text = root.text_content()
    assert not document._CONTROL_CHARS.search(text)
    assert text.startswith("ab")
