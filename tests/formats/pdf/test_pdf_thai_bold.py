"""Bold Thai: a static bold face cut from Noto Sans Thai's variable file, kept in the cache folder."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from pdf_runs import runs

import broadsheet
from broadsheet.formats.pdf import font_instances, fonts
from broadsheet.model import Article, Paragraph, Strong, Text

pytest.importorskip("uharfbuzz")
pytest.importorskip("fontTools")
if fonts._thai_family() is None:  # pragma: no cover - the test extra installs it
    pytest.skip("fontpkg-noto-sans-thai is not installed", allow_module_level=True)

WORD = "ประกาศแผนรับมือ"


def _variable() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("fontpkg_noto_sans_thai")
    assert spec is not None and spec.origin is not None
    return sorted((Path(spec.origin).parent / "files").glob("NotoSansThai*.ttf"))[0]


def _article() -> Article:
    return Article(
        title="ข่าว",
        language="th",
        body=[
            Paragraph(children=[Text(text=WORD)]),
            Paragraph(children=[Strong(children=[Text(text=WORD)])]),
        ],
    )


def test_bold_thai_is_drawn_in_a_bold_face() -> None:
    data = broadsheet.write(_article(), "pdf", columns=1, justify=False)
    pdf = pypdf.PdfReader(io.BytesIO(data))
    names = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for font in pdf.pages[0]["/Resources"]["/Font"].values()
    }
    assert {"NotoSansThai-Regular", "NotoSansThai-Bold"} <= names, names
    # The same word is wider in bold: its glyphs' advance widths are the bold face's own.
    size = broadsheet.formats.pdf.options.WriteOptions().font_size
    lines = sorted((run for run in runs(pdf) if abs(run.size - size) < 0.01), key=lambda run: -run.y)
    regular, bold = lines[0], lines[1]
    assert bold.right - bold.left > (regular.right - regular.left) * 1.03, (regular, bold)
    text = pdf.pages[0].extract_text()
    assert text.count(WORD) == 2, text


def test_the_bold_face_is_made_once_and_kept_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    font_instances._instance.cache_clear()
    first = font_instances.static_instance(_variable(), font_instances.BOLD)
    assert first is not None and first.parent == tmp_path / "fonts"
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no temporary left behind
    stamp = first.stat().st_mtime_ns
    font_instances._instance.cache_clear()
    again = font_instances.static_instance(_variable(), font_instances.BOLD)
    assert again == first and again.stat().st_mtime_ns == stamp  # read, not made again

    from fontTools.ttLib import TTFont

    with TTFont(str(first)) as font:
        assert "fvar" not in font
        assert font["OS/2"].usWeightClass == 700
        assert font["name"].getDebugName(6) == "NotoSansThai-Bold"


def test_a_damaged_cached_face_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    font_instances._instance.cache_clear()
    first = font_instances.static_instance(_variable(), font_instances.BOLD)
    assert first is not None
    first.write_bytes(b"\x00\x01\x00\x00 not a font")
    font_instances._instance.cache_clear()
    again = font_instances.static_instance(_variable(), font_instances.BOLD)
    assert again == first and len(again.read_bytes()) > 10_000


def test_a_cache_file_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A plain file where the cache folder should be: nothing can be created under it.
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(blocker))
    font_instances._instance.cache_clear()
    try:
        made = font_instances.static_instance(_variable(), font_instances.BOLD)
    finally:
        font_instances._instance.cache_clear()
    assert made is not None and made.exists() and not made.is_relative_to(blocker)
    assert made.stat().st_size > 10_000


def test_a_font_without_a_weight_axis_has_no_instance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    static = fonts.bundled_path("text", "regular")
    assert font_instances.static_instance(static, font_instances.BOLD) is None
    assert font_instances.static_instance(tmp_path / "missing.ttf", font_instances.BOLD) is None
