"""The shared NITF reader: other providers' NITF read leniently, errors placed at the body and the element."""

from __future__ import annotations

import pytest

from broadsheet.errors import LimitError, SchemaError
from broadsheet.formats._shared.nitf.read import read_nitf
from broadsheet.model import Embed, Heading, Link, Paragraph, Text


def test_subheadings_without_a_level_class_are_level_two() -> None:
    body = read_nitf(
        b"<nitf><body><body.content><hl1>A</hl1><hl2>B</hl2></body.content></body></nitf>", where="$"
    )
    assert body.blocks == (
        Heading(level=1, children=(Text(text="A"),)),
        Heading(level=2, children=(Text(text="B"),)),
    )


def test_a_fragment_without_nitf_is_read_as_body_content() -> None:
    assert read_nitf(b"<body.content><p>x</p></body.content>", where="$").blocks == (
        Paragraph(children=(Text(text="x"),)),
    )
    assert read_nitf(b"<p>x <a href='https://a.example'>y</a></p>", where="$").blocks == (
        Paragraph(children=(Text(text="x "), Link(url="https://a.example", children=(Text(text="y"),)))),
    )


def test_errors_name_the_body_and_the_element() -> None:
    with pytest.raises(
        SchemaError, match=r"^\$\.bodies\[0\]\.value: NITF input is not well-formed: .*\(line 1\)"
    ):
        read_nitf(b"<nitf><body", where="$.bodies[0].value")
    with pytest.raises(
        SchemaError, match=r"^\$\.b: Link: javascript: URLs are not allowed.* \(<a> at line 2\)"
    ):
        read_nitf(
            b"<nitf><body><body.content>\n<p><a href='javascript:x'>y</a></p></body.content></body></nitf>",
            where="$.b",
        )
    with pytest.raises(LimitError, match=r"^\$: NITF input is nested more than 200"):
        read_nitf(b"<nitf>" + b"<p>" * 220 + b"</p>" * 220 + b"</nitf>", where="$")


def test_an_embed_s_text_is_its_plain_text_media_object_and_only_that() -> None:
    def embed(media_object: str) -> tuple[object, ...]:
        markup = (
            '<body.content><media class="embed" media-type="other"><media-reference source="https://x.com/a/1"/>'
            f"{media_object}<media-producer>X</media-producer></media></body.content>"
        )
        return read_nitf(markup.encode(), where="$").blocks

    assert embed('<media-object encoding="text/plain">Talks over.\n  Next round.</media-object>') == (
        Embed(url="https://x.com/a/1", provider="X", text="Talks over.\nNext round."),
    )
    assert embed('<media-object encoding="base64">VGFsa3M=</media-object>') == (
        Embed(url="https://x.com/a/1", provider="X"),
    )
