"""Every font is embedded, subset and mapped to Unicode; text no font has is reported, not boxed."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from pdf_checks import fonts, text
from pdf_seed import edition, seed_article

import broadsheet
from broadsheet.errors import OptionError, WriteError
from broadsheet.formats.pdf import MissingGlyphsWarning
from broadsheet.formats.pdf import fonts as pdf_fonts
from broadsheet.formats.pdf.fonts import bundled_path
from broadsheet.model import Article, Paragraph, Table, TableCell, Text


def _check_fonts(data: bytes) -> list[str]:
    found = fonts(data)
    assert found, "no fonts at all"
    names = []
    for font in found:
        name = str(font["/BaseFont"])
        names.append(name)
        assert font["/Subtype"] == "/TrueType", name
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), f"{name} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"
        assert "/ToUnicode" in font, f"{name} has no ToUnicode map"
    return names


def test_article_fonts_are_embedded_subset_and_mapped() -> None:
    names = _check_fonts(broadsheet.write(seed_article(), "pdf"))
    assert any("GentiumBookPlus" in name for name in names)
    assert any("NotoSans" in name for name in names)
    assert not any("Helvetica" in name for name in names)


def test_edition_with_tables_and_contents_has_no_stray_helvetica() -> None:
    table = Table(
        rows=[[TableCell(children=[Text(text="a")], header=True)], [TableCell(children=[Text(text="b")])]]
    )
    ed = edition(3, sections=2)
    first = ed.sections[0].articles[0]
    body = (*first.body, table)
    import attrs

    ed = attrs.evolve(
        ed,
        sections=(attrs.evolve(ed.sections[0], articles=(attrs.evolve(first, body=body),)), *ed.sections[1:]),
    )
    for profile in ("screen", "print"):
        _check_fonts(broadsheet.write(ed, "pdf", profile=profile, columns=2))


def test_greek_and_cyrillic_are_drawn_without_warnings() -> None:
    article = Article(
        title="Καλημέρα κόσμε — Доброго ранку, Ґрунт і Їжак",
        language="el",
        body=[Paragraph(children=[Text(text="Η Ελλάδα και η Ουκρανία: ёлка, ґанок, їжак, є.")])],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        extracted = text(broadsheet.write(article, "pdf"))
    assert "Καλημέρα κόσμε" in extracted
    assert "ґанок, їжак" in extracted


def _emoji_article() -> Article:
    return Article(title="Emoji", body=[Paragraph(children=[Text(text="Happy 😀 news 中文")])])


@pytest.fixture
def no_script_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """As without the ``scripts`` extra: no Kurinto families to fall back on."""
    monkeypatch.setattr(pdf_fonts, "script_families", lambda language: iter(()))


@pytest.mark.usefixtures("no_script_fonts")
def test_characters_no_font_has_are_reported_and_left_out() -> None:
    with pytest.warns(MissingGlyphsWarning, match=r"U\+1F600.*U\+4E2D") as caught:
        data = broadsheet.write(_emoji_article(), "pdf")
    assert "body[0]" in str(caught[0].message)
    extracted = text(data)
    assert "Happy" in extracted and "news" in extracted
    assert "😀" not in extracted


def test_missing_glyphs_can_be_an_error() -> None:
    with pytest.raises(WriteError, match=r"U\+1F600"):
        broadsheet.write(_emoji_article(), "pdf", missing_glyphs="error")


@pytest.mark.usefixtures("no_script_fonts")
def test_a_fallback_font_draws_what_the_main_fonts_lack() -> None:
    cjk = bundled_path("heading", "regular").parent / "NotoSansSC-Regular.ttf"
    if not cjk.exists():  # pragma: no cover - depends on the rendercv-fonts release
        pytest.skip("rendercv-fonts ships no Noto Sans SC")
    article = Article(title="CJK", body=[Paragraph(children=[Text(text="News 中文 today")])])
    with pytest.warns(MissingGlyphsWarning, match="U\\+") as caught:
        broadsheet.write(article, "pdf")
    assert "U+4E2D" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        data = broadsheet.write(article, "pdf", fallback_fonts=(str(cjk),))
    assert "中文" in text(data)
    names = _check_fonts(data)
    assert any("NotoSansSC" in name for name in names)


def test_user_fonts_replace_the_bundled_ones() -> None:
    lato = bundled_path("text", "regular").parent.parent / "Lato"
    files = tuple(str(lato / f"Lato-{style}.ttf") for style in ("Regular", "Bold", "Italic", "BoldItalic"))
    english = Article(
        title="Plain English", body=[Paragraph(children=[Text(text="Only Latin letters here.")])]
    )
    names = _check_fonts(broadsheet.write(english, "pdf", fonts=files, heading_fonts=files[:2]))
    assert all("Lato" in name for name in names), names


def test_bundled_fonts_still_draw_what_a_user_font_lacks() -> None:
    lato = bundled_path("text", "regular").parent.parent / "Lato" / "Lato-Regular.ttf"
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingGlyphsWarning)
        data = broadsheet.write(seed_article(), "pdf", fonts=(str(lato),), heading_fonts=(str(lato),))
    names = _check_fonts(data)
    assert any("Lato" in name for name in names) and any("Gentium" in name for name in names)
    assert "Держсекретар" in text(data)


def test_a_missing_font_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.ttf"
    with pytest.raises(WriteError, match="nope.ttf: no such file"):
        broadsheet.write(seed_article(), "pdf", fonts=(str(missing),))


def test_a_broken_font_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"garbage" * 50)
    with pytest.raises(WriteError, match="broken.ttf"):
        broadsheet.write(seed_article(), "pdf", fonts=(str(broken),))
    cff = tmp_path / "cff.otf"
    cff.write_bytes(b"OTTO" + b"\x00" * 100)
    with pytest.raises(WriteError, match="CFF"):
        broadsheet.write(seed_article(), "pdf", heading_fonts=(str(cff),))


def test_three_font_files_are_refused() -> None:
    with pytest.raises(OptionError, match="1 file"):
        broadsheet.write(seed_article(), "pdf", fonts=("a.ttf", "b.ttf", "c.ttf"))
