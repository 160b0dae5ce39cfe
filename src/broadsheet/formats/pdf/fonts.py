"""Finding, checking and registering the fonts a PDF is set in.

Text is set in Gentium Book Plus and heads in Noto Sans, both static OFL
families with Latin, Cyrillic and Greek in four styles, installed with the
``rendercv-fonts`` package; users may name their own TrueType files. Every
font is embedded and subset by reportlab (which also writes a ToUnicode map).

Other scripts come from the ``scripts`` extra: the Kurinto Sans families
(OFL 1.1, TrueType outlines, in the ``weblate-fonts`` package) cover Arabic,
Hebrew, Devanagari, Bengali, Thai and more in one family, and Japanese,
Korean and simplified and traditional Chinese in one family each. They are
loaded only when a character needs them (each file is 5–10 MB; only the
glyphs used are embedded), and the CJK family that suits the article's
language is tried first, so a Japanese article gets Japanese kanji forms.

Thai comes first from Noto Sans Thai (OFL 1.1, the ``fontpkg-noto-sans-thai``
package, in the same extra): Kurinto Sans substitutes a raised tone mark over
an upper vowel and then positions it back down into the vowel (ที่, เชื่อม),
so HarfBuzz, and any renderer, draws the mark inside the vowel, unseen. The
package has only a variable file: its default instance is the regular face, and
a static bold instance is cut from it once and cached (see font_instances).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from broadsheet.errors import WriteError
from broadsheet.formats.pdf import font_instances
from broadsheet.formats.pdf.subset_fonts import SubsetFont

STYLES = ("regular", "bold", "italic", "bolditalic")
"""The four styles of a family, in the order files are given."""

_BUNDLED = {
    "text": ("Gentium Book Plus", "GentiumBookPlus"),
    "heading": ("Noto Sans", "NotoSans"),
}
_FILE_STYLE = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}


@attrs.frozen(kw_only=True)
class Family:
    """Four registered font names (one per style) and the characters the family can draw."""

    regular: str
    """Name of the regular face, which is also the family's name for ``<b>``/``<i>`` markup."""
    bold: str
    """Name of the bold face."""
    italic: str
    """Name of the italic face."""
    bolditalic: str
    """Name of the bold italic face."""
    coverage: frozenset[int] = attrs.field(repr=False)
    """Code points every face of the family can draw."""


@attrs.frozen(kw_only=True)
class FontSet:
    """The families a document uses: text, heads, and fallbacks for characters they lack."""

    text: Family
    """Running text, captions, quotes."""
    heading: Family
    """Headlines, crossheads, labels, running heads."""
    fallbacks: tuple[Family, ...]
    """Tried in order for a character neither main family has."""
    scripts: Callable[[str | None], Iterable[Family]] = attrs.field(
        default=lambda language: script_families(language), repr=False
    )
    """The script fonts (loaded when first needed), tried last; ``language`` orders the CJK ones."""

    def family_for_all(self, word: str, first: Family, language: str | None = None) -> Family | None:
        """The first family that draws every character of ``word`` (spaces aside), else None."""
        codes = {ord(char) for char in word if not char.isspace() and char != "\u00ad"}
        for family in (first, self.text, self.heading, *self.fallbacks, *self.scripts(language)):
            if codes <= family.coverage:
                return family
        return None

    def family_for(self, char: str, first: Family, language: str | None = None) -> Family | None:
        """The family that draws ``char``: ``first`` when it can, else the first fallback that can."""
        code = ord(char)
        if code in first.coverage:
            return first
        for family in (self.text, self.heading, *self.fallbacks):
            if code in family.coverage:
                return family
        for family in self.scripts(language):
            if code in family.coverage:
                return family
        return None


def bundled_path(role: str, style: str) -> Path:
    """The file of a bundled face: ``role`` is ``text`` or ``heading``."""
    try:
        import rendercv_fonts
    except ImportError as error:  # pragma: no cover - a dependency of broadsheet
        raise WriteError(
            "the PDF writer needs the rendercv-fonts package (pip install rendercv-fonts)"
        ) from error
    folder, stem = _BUNDLED[role]
    return Path(rendercv_fonts.__file__).parent / folder / f"{stem}-{_FILE_STYLE[style]}.ttf"


_SCRIPT_FILES = ("KurintoSans", "KurintoSansJP", "KurintoSansSC", "KurintoSansTC", "KurintoSansKR")
"""The script families of the ``scripts`` extra, in the order tried when the language says nothing."""

_CJK_FIRST = {"ja": "KurintoSansJP", "ko": "KurintoSansKR", "zh": "KurintoSansSC"}
_TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def script_font_folder() -> Path | None:
    """The folder of the script fonts, or None when the ``scripts`` extra is not installed."""
    try:
        import weblate_fonts
    except ImportError:
        return None
    folder = Path(weblate_fonts.__file__).parent / "static" / "weblate_fonts" / "kurinto" / "ttf"
    return folder if (folder / "KurintoSans-Rg.ttf").exists() else None


def _script_order(language: str | None) -> tuple[str, ...]:
    tag = (language or "").lower()
    first = "KurintoSansTC" if tag.startswith(_TRADITIONAL) else _CJK_FIRST.get(tag.split("-")[0])
    if first is None:
        return _SCRIPT_FILES
    return ("KurintoSans", first, *(name for name in _SCRIPT_FILES[1:] if name != first))


@functools.lru_cache(maxsize=8)
def _script_family(stem: str) -> Family | None:
    folder = script_font_folder()
    if folder is None:
        return None
    return load_family((folder / f"{stem}-Rg.ttf", folder / f"{stem}-Bd.ttf"))


@functools.cache
def _thai_family() -> Family | None:
    """Noto Sans Thai (a variable file, bold cut from it), or None without its package."""
    spec = importlib.util.find_spec("fontpkg_noto_sans_thai")
    if spec is None or spec.origin is None:
        return None
    files = sorted((Path(spec.origin).parent / "files").glob("NotoSansThai*.ttf"))
    if not files:  # pragma: no cover - a broken installation
        return None
    digest = _digest(files[0])
    name, coverage = _load(str(files[0]), digest, variable=True)
    bold_file = font_instances.static_instance(files[0], font_instances.BOLD, digest)
    bold = _load(str(bold_file), _digest(bold_file))[0] if bold_file is not None else name
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
    return Family(regular=name, bold=bold, italic=name, bolditalic=bold, coverage=coverage)


def script_families(language: str | None) -> Iterator[Family]:
    """The script families in the order for ``language`` (none without the ``scripts`` extra).

    Lazy: a family is loaded the first time the search reaches it.
    """
    thai = _thai_family()
    if thai is not None:
        yield thai
    for stem in _script_order(language):
        family = _script_family(stem)
        if family is not None:
            yield family


@functools.lru_cache(maxsize=64)
def _load(path: str, digest: str, *, variable: bool = False) -> tuple[str, frozenset[int]]:
    """Register the font at ``path`` under a name derived from its content; return name and coverage.

    ``variable``: a variable font is accepted (drawn in its default instance), for a bundled one.
    """
    name = f"bs{digest[:10]}-{Path(path).stem}"[:60]
    try:
        font = SubsetFont(name, path)  # reportlab's TTFont, drawing lines faster
    except TTFError as error:
        raise WriteError(f"font {path}: cannot be used: {error}") from error
    except Exception as error:  # a corrupt file can fail anywhere in the parser
        raise WriteError(
            f"font {path}: not a readable TrueType font ({type(error).__name__}: {error})"
        ) from error
    if "fvar" in font.face.table and not variable:  # pragma: no cover - depends on the file given
        raise WriteError(
            f"font {path}: is a variable font; reportlab would lose its bold and italic, give static files"
        )
    pdfmetrics.registerFont(font)
    if font.shapable:
        # reportlab shapes a word with its first font and then asks each other font of the word for
        # its glyphs, which fails unless that font has been made ready for shaping too.
        font.hbFont()
    coverage = frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
    return name, coverage


def _digest(path: Path) -> str:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise WriteError(f"font {path}: no such file") from None
    except OSError as error:
        raise WriteError(f"font {path}: cannot be read: {error.strerror or error}") from error
    return _digest_of(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _digest_of(name: str, mtime_ns: int, size: int) -> str:
    """The content digest of a font file; cached while its modification time and size stay the same."""
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WriteError(f"font {path}: no such file") from None
    except OSError as error:
        raise WriteError(f"font {path}: cannot be read: {error.strerror or error}") from error
    if data[:4] == b"OTTO":
        raise WriteError(
            f"font {path}: has PostScript (CFF) outlines, which reportlab cannot embed; use a TrueType (.ttf) file"
        )
    return hashlib.sha256(data).hexdigest()


def load_face(path: str | Path) -> tuple[str, frozenset[int]]:
    """Register one font file; return its registered name and the code points it covers."""
    file = Path(path).expanduser()
    return _load(str(file.resolve()) if file.exists() else str(file), _digest(file))


def load_family(files: tuple[str | Path, ...]) -> Family:
    """Register a family from 1 (all styles), 2 (regular, bold) or 4 files."""
    if len(files) == 1:
        files = (files[0],) * 4
    elif len(files) == 2:
        files = (files[0], files[1], files[0], files[1])
    elif len(files) != 4:
        raise WriteError(f"a font family needs 1, 2 or 4 files, got {len(files)}")
    faces = [load_face(file) for file in files]
    names = [name for name, _ in faces]
    coverage = frozenset.intersection(*(cover for _, cover in faces))
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    return Family(regular=names[0], bold=names[1], italic=names[2], bolditalic=names[3], coverage=coverage)


def font_set(
    text: tuple[str | Path, ...] = (),
    heading: tuple[str | Path, ...] = (),
    fallbacks: tuple[str | Path, ...] = (),
) -> FontSet:
    """The fonts for a document: the bundled families unless files are given.

    Bundled families that user files replace still serve as the last
    fallbacks, so a Latin-only font does not lose the Cyrillic and Greek text.
    """
    bundled_text = load_family(tuple(bundled_path("text", style) for style in STYLES))
    bundled_heading = load_family(tuple(bundled_path("heading", style) for style in STYLES))
    text_family = load_family(text) if text else bundled_text
    heading_family = load_family(heading) if heading else bundled_heading
    extra = [load_family((file,)) for file in fallbacks]
    extra.extend(
        family for family in (bundled_text, bundled_heading) if family not in (text_family, heading_family)
    )
    return FontSet(text=text_family, heading=heading_family, fallbacks=tuple(extra))
