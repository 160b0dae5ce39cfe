"""The link policy: only web, mail and phone links and relative references reach an output."""

from __future__ import annotations

import pytest

import broadsheet
from broadsheet.formats._shared.links import safe_href
from broadsheet.model import Article, Link, Paragraph, Text


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/a", True),
        ("http://example.com/a", True),
        ("mailto:desk@example.com", True),
        ("tel:+380441234567", True),
        ("/relative/path", True),
        ("#section", True),
        ("//example.com/a", True),
        ("file:///etc/passwd", False),
        ("pdf:other.pdf", False),
        ("ftp://example.com/x", False),
        ("smb://host/share", False),
        ("\\\\host\\share", False),
        ("fi&#108;e:///etc/passwd", False),
    ],
)
def test_safe_href(url: str, kept: bool) -> None:
    assert (safe_href(url) is not None) is kept


@pytest.mark.parametrize(
    "fmt",
    [
        "html",
        "ninjs",
        "epub",
        "pdf",
        "newsml",
        "markdown",
    ],
)
def test_no_writer_carries_a_local_or_pdf_link(fmt: str) -> None:
    article = Article(
        title="Links",
        url="https://example.com/story",
        body=(
            Paragraph(
                children=(
                    Link(url="file:///etc/passwd", children=(Text(text="local"),)),
                    Text(text=" and "),
                    Link(url="pdf:other.pdf#page=2", children=(Text(text="remote pdf"),)),
                    Text(text=" and "),
                    Link(url="https://example.com/ok", children=(Text(text="web"),)),
                )
            ),
        ),
    )
    data = broadsheet.write(article, fmt)
    if fmt == "epub":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as book:
            data = b"".join(book.read(name) for name in book.namelist() if name.endswith(".xhtml"))
    if fmt == "pdf":
        assert b"/GoToR" not in data and b"/Launch" not in data
        assert b"file:" not in data and b"pdf:other" not in data
        return
    assert b"file:///etc/passwd" not in data and b"pdf:other.pdf" not in data
    assert b"https://example.com/ok" in data
