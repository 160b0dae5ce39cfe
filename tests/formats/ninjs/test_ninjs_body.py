"""The HTML body: escaped, script-free markup out; other providers' HTML and NITF in."""

from __future__ import annotations

import json

import pytest
from lxml import etree

import broadsheet
from broadsheet.errors import ReadError
from broadsheet.formats.ninjs.body_reader import parse_html, parse_nitf, parse_text
from broadsheet.model import (
    Article,
    BulletList,
    Embed,
    Emphasis,
    Figure,
    Heading,
    Image,
    InlineQuote,
    LineBreak,
    Link,
    Mention,
    OrderedList,
    Paragraph,
    Person,
    Quote,
    QuoteBlock,
    RelatedLink,
    Separator,
    Strong,
    Table,
    Text,
)


def _body(article: Article) -> str:
    document = json.loads(broadsheet.write(article, "ninjs"))
    value: str = document["bodies"][0]["value"]
    return value


def test_text_and_attributes_are_escaped_and_well_formed() -> None:
    hostile = '<script>alert("x")</script> & "quotes" \' <img src=x onerror=alert(1)>'
    article = Article(
        title="t",
        body=(
            Paragraph(
                children=(
                    Text(text=hostile),
                    Link(url='https://e.com/?a=1&b="2"', children=(Text(text="l"),)),
                )
            ),
            QuoteBlock(quote=Quote(text=hostile, speaker=Person(name='"><script>x</script>'))),
        ),
    )
    markup = _body(article)
    assert "<script" not in markup and "onerror=" not in markup.replace("onerror=alert", "")
    assert "&lt;script&gt;" in markup and 'href="https://e.com/?a=1&amp;b=&quot;2&quot;"' in markup
    root = etree.fromstring(f"<div>{markup}</div>")  # well-formed XML as well as HTML
    assert not root.xpath("//script | //@onerror")
    assert broadsheet.read(broadsheet.write(article, "ninjs"), "ninjs") == article


def test_scripts_handlers_and_javascript_links_never_come_in() -> None:
    markup = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">there</a><script>bad()</script></p>'
        '<iframe src="https://evil.example"></iframe><form><input value="x"></form>'
        '<p><a href="  JaVa\tScRiPt:alert(1)">x</a> <img src="javascript:alert(2)"></p>'
    )
    blocks = parse_html(markup, "$.bodies[0].value")
    assert blocks == (Paragraph(children=(Text(text="Hello there"),)), Paragraph(children=(Text(text="x"),)))


def test_third_party_html_blocks() -> None:
    markup = """<html><head><title>ignored</title></head><body><article>
      <h2>Cross&nbsp;head</h2>
      <p>One <b>bold</b> and <i>italic</i>,<br>next line <q cite="https://s.example">said</q>.</p>
      <blockquote><p>Quoted words</p><footer>— <cite>Jane Doe</cite></footer></blockquote>
      <ul><li>first</li><li><p>second</p></li></ul>
      <ol start="3"><li>third</li></ol>
      <figure><img src="/a.jpg" alt="A" width="10" height="zero"><figcaption>Cap <span class="credit">Ph: X</span>
      </figcaption></figure>
      <table><tr><th>h</th></tr><tr><td colspan="2">c</td></tr></table>
      <hr>
      Loose <em>text</em>
    </article></body></html>"""
    blocks = parse_html(markup, "$")
    assert blocks == (
        Heading(level=2, children=(Text(text="Cross\u00a0head"),)),
        Paragraph(
            children=(
                Text(text="One "),
                Strong(children=(Text(text="bold"),)),
                Text(text=" and "),
                Emphasis(children=(Text(text="italic"),)),
                Text(text=","),
                LineBreak(),
                Text(text="next line "),
                InlineQuote(quote=Quote(text="said", cite="https://s.example")),
                Text(text="."),
            )
        ),
        QuoteBlock(quote=Quote(text="Quoted words", speaker=Person(name="Jane Doe"))),
        BulletList(
            items=(
                (Paragraph(children=(Text(text="first"),)),),
                (Paragraph(children=(Text(text="second"),)),),
            )
        ),
        OrderedList(items=((Paragraph(children=(Text(text="third"),)),),), start=3),
        Figure(image=Image(url="/a.jpg", alt="A", width=10, caption="Cap", credit="Ph: X")),
        Table(rows=((blocks[6].rows[0][0],), (blocks[6].rows[1][0],))),  # checked below
        Separator(),
        Paragraph(children=(Text(text="Loose "), Emphasis(children=(Text(text="text"),)))),
    )
    table = blocks[6]
    assert isinstance(table, Table) and table.header_rows == 0
    assert table.rows[0][0].header and table.rows[1][0].colspan == 2


def test_nested_links_survive() -> None:
    """A link inside a mention inside a link is invalid HTML nesting, but reads back exactly."""
    inner = Link(url="https://b.example", children=(Text(text="inner"),))
    mention = Mention(link=RelatedLink(title="T"), children=(inner,))
    paragraph = Paragraph(children=(Link(url="https://a.example", children=(Text(text="x "), mention)),))
    article = Article(title="t", body=(paragraph,))
    assert broadsheet.read(broadsheet.write(article, "ninjs"), "ninjs") == article


def test_nitf_quotes_headings_lists_and_media() -> None:
    nitf = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>T</title></head><body><body.head><hedline><hl1>Headline</hl1></hedline>
<byline>By Someone</byline></body.head><body.content>
<hl2>Sub</hl2><p>He said <q quote-source="Ann Lee">yes</q>.</p>
<bq><block><p>Long quote</p></block><credit>Bob Ray</credit></bq>
<ul><li>item</li></ul>
<media media-type="image"><media-reference source="https://i.example/p.jpg" mime-type="image/jpeg"/>
<media-caption>Caption</media-caption><media-producer>Photo: AP</media-producer></media>
</body.content></body></nitf>"""
    assert parse_nitf(nitf, "$") == (
        Heading(level=2, children=(Text(text="Sub"),)),
        Paragraph(
            children=(
                Text(text="He said "),
                InlineQuote(quote=Quote(text="yes", speaker=Person(name="Ann Lee"))),
                Text(text="."),
            )
        ),
        QuoteBlock(quote=Quote(text="Long quote", speaker=Person(name="Bob Ray"))),
        BulletList(items=((Paragraph(children=(Text(text="item"),)),),)),
        Figure(
            image=Image(
                url="https://i.example/p.jpg", caption="Caption", credit="Photo: AP", media_type="image/jpeg"
            )
        ),
    )


def test_nitf_with_external_entities_is_refused_not_expanded() -> None:
    """The shared NITF reader refuses entity declarations (as NewsML-G2 always did); nothing is read."""
    nitf = '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&x;</p></body.content></body></nitf>'
    with pytest.raises(ReadError, match="external entities") as caught:
        parse_nitf(nitf, "$")
    assert "root:" not in str(caught.value)


def test_plain_text_bodies_split_at_blank_lines_or_lines() -> None:
    assert parse_text("One\ntwo\n\nThree") == (
        Paragraph(children=(Text(text="One two"),)),
        Paragraph(children=(Text(text="Three"),)),
    )
    assert len(parse_text("a\nb\nc")) == 3


def test_plain_text_body_option_writes_a_readable_second_body() -> None:
    article = Article(
        title="t",
        language="uk",
        body=(
            Paragraph(children=(InlineQuote(quote=Quote(text="Так")),)),
            Embed(url="https://x.example/v"),
            Separator(),
        ),
    )
    document = json.loads(broadsheet.write(article, "ninjs", plain_text=True))
    assert [b["contentType"] for b in document["bodies"]] == ["text/html", "text/plain"]
    assert document["bodies"][1]["value"] == "«Так»\n\nhttps://x.example/v\n\n* * *"
    assert document["bodies"][0]["wordCount"] == 2  # the separator's stars are not words


@pytest.mark.parametrize("markup", ["", "   ", "<p></p>", "<script>x</script>"])
def test_empty_bodies_have_no_blocks(markup: str) -> None:
    assert parse_html(markup, "$") == ()
