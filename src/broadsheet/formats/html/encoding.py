"""Turning a web page's bytes into text: which character encoding it is in, and proof it is not mojibake.

The order follows what browsers do, with one safeguard: a byte-order mark,
then the HTTP ``Content-Type`` charset, then ``<meta charset>`` /
``http-equiv``, then detection with charset-normalizer. A declaration is
only believed if the text it gives looks like text: bytes that are valid
UTF-8 are UTF-8 whatever a stale ``<meta>`` claims, and a single-byte
decoding that turns Cyrillic into upper-case soup (windows-1251 read as
KOI8-R, UTF-8 read as windows-1251) is rejected for the next candidate.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Mapping

import attrs

from broadsheet.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# WHATWG: these labels mean windows-1252 on the web, and a <meta> claiming
# UTF-16 in an ASCII-compatible page can only mean UTF-8.
_ALIASES = {
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "x-user-defined": "cp1252",
    "windows-874": "cp874",
    "x-cp1251": "cp1251",
    "x-mac-cyrillic": "mac-cyrillic",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "tis-620": "cp874",
}
_META_SCAN_BYTES = 16384
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_TAG_OR_SCRIPT = re.compile(
    rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>", re.DOTALL | re.I
)
_DETECT_BYTES = 200_000
_SAMPLE_CHARS = 40_000
_USUAL = frozenset(
    {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "koi8-r", "koi8-u", "gb18030", "big5", "cp932", "euc_jp", "cp949", "utf-8", "cp874", "iso2022_jp",
    }
)  # fmt: skip
_CYRILLIC_FAMILY = ("cp1251", "koi8-u", "koi8-r", "iso8859-5", "mac-cyrillic", "cp866")


@attrs.frozen(kw_only=True)
class Decoded:
    """A page's text and how its encoding was settled."""

    text: str
    """The page as Unicode text, without a byte-order mark."""
    encoding: str
    """The Python codec name used, e.g. ``"cp1251"``."""
    how: str
    """Where the encoding came from: ``"bom"``, ``"http"``, ``"meta"``, ``"utf-8"`` or ``"detected"``."""


def normalise_label(label: str | None) -> str | None:
    """The Python codec for an encoding label from HTTP or HTML, or ``None`` if unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    name = _ALIASES.get(name, name)
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset label of a ``Content-Type`` header, if any (header names compared case-insensitively)."""
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == "content-type":
            match = _HEADER_CHARSET.search(value)
            return match.group(1) if match else None
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset label of the first ``<meta charset>`` or ``http-equiv``, else of an XML declaration."""
    head = data[:_META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    return match.group(1).decode("ascii", "replace") if match else None


def decode(data: bytes, *, headers: Mapping[str, str] | None = None, where: str = "the page") -> Decoded:
    """Decode a page, trying each source of its encoding in turn (see the module's docstring).

    Raises :class:`ReadError` only when no candidate gives plausible text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data[len(bom) :].decode(codec), encoding=codec, how="bom")
            except UnicodeDecodeError:
                break  # a lying BOM: let the other evidence decide
    wide = utf16_codec(data)
    if wide is not None:
        text = _strict(data, wide)
        if text is not None and _plausible(text):
            return Decoded(text=text, encoding=wide, how="detected")
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (
        not _may_be_double_encoded(utf8) or not _DOUBLE_ENCODED.search(utf8) or _plausible(utf8)
    ):
        # Valid UTF-8 with non-ASCII text is, in practice, never an accident:
        # a <meta> saying windows-1251 on such a page is stale.
        return Decoded(text=utf8, encoding="utf-8", how="utf-8")
    if utf8 is not None:
        repaired = repair(utf8)
        if repaired is not utf8:
            return Decoded(text=repaired, encoding="utf-8", how="repaired")
    declared = [
        (normalise_label(header_charset(headers)), "http"),
        (normalise_label(meta_charset(data)), "meta"),
    ]
    for name, how in declared:
        if name is None or name == "utf-8":
            continue
        text = _strict(data, name)
        if text is not None and _plausible(text):
            return Decoded(text=text, encoding=name, how=how)
    detected = _detect(data, [name for name, _ in declared if name])
    if detected is not None:
        return detected
    said_utf8 = [how for name, how in declared if name == "utf-8"]
    if said_utf8 or _mostly_utf8(data):
        # Declared (or nearly) UTF-8 with a few broken bytes: keep the text and mark the holes.
        text = data.decode("utf-8", "replace")
        return Decoded(text=text, encoding="utf-8", how=said_utf8[0] if said_utf8 else "detected")
    raise ReadError("cannot tell the character encoding: no candidate gives readable text", where=where)


# What UTF-8 read as windows-1252, Latin-1 or windows-1251 starts with (one
# character class, so the scan is fast); a hint to look closer, not a verdict.
_DOUBLE_ENCODED = re.compile(
    "[ÃÂÐÑâРС][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122\u0402-\u040f\u0452-\u045f]"
)


# Looking for one character is a fast C loop per character; the regular expression's character
# class is ten times slower (about 3 ms on a 300 kB page), so it runs only when a character
# _DOUBLE_ENCODED starts with occurs at all.
_DOUBLE_ENCODED_LEADS = "ÃÂÐÑâРС"


def _may_be_double_encoded(text: str) -> bool:
    return not text.isascii() and any(lead in text for lead in _DOUBLE_ENCODED_LEADS)


def repair(text: str) -> str:
    """Undo UTF-8 that was decoded as windows-1252, Latin-1 or windows-1251 and encoded again.

    Returns ``text`` itself (the same object) when it shows no such damage
    or cannot be repaired into plausible text.
    """
    if not _DOUBLE_ENCODED.search(text):
        return text
    for codec in ("cp1252", "latin-1", "cp1251"):
        try:
            candidate = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if suspicion(candidate) < suspicion(text) and _plausible(candidate):
            return candidate
    return text


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_MARKUP_BYTES = frozenset(b"<>/=\"' ")


def utf16_codec(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (without a byte-order mark) is UTF-16 markup.

    Counting zero bytes is not enough: Cyrillic or Japanese text in UTF-16 has
    none. But every character of the tags (``<``, ``>``, ``/``, ``=``, quotes,
    spaces) is ASCII, so in UTF-16 it has a zero byte beside it, always on the
    same side; and the head must then decode cleanly.
    """
    head = data[:4096]
    if b"\x00" not in head:  # every UTF-16 tag has zero bytes: most pages are out at C speed
        return None
    head = head[: len(head) // 2 * 2]
    low, high = head[0::2], head[1::2]
    little = sum(1 for a, b in zip(low, high, strict=True) if b == 0 and a in _MARKUP_BYTES)
    big = sum(1 for a, b in zip(low, high, strict=True) if a == 0 and b in _MARKUP_BYTES)
    codec = (
        "utf-16-le"
        if little >= 4 and little > 4 * big
        else "utf-16-be"
        if big >= 4 and big > 4 * little
        else None
    )
    if codec is None:
        return None
    text = head.decode(codec, "replace")
    if "<" not in text or text[:-1].count("\ufffd") > 0:  # the last unit may be half a surrogate pair
        return None
    return codec


def _mostly_utf8(data: bytes) -> bool:
    text = data[:_DETECT_BYTES].decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 0 and bad * 20 <= good


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile("[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]")
_CYR_UPPER = re.compile("[\u0410-\u042f\u0400-\u040f]")
_CYR_LOWER_THEN_UPPER = re.compile("[\u0430-\u044f][\u0410-\u042f]")
_UTF8_AS_CP1251 = re.compile(
    "[РС][\u0080-\u00bf\u2013-\u203a\u20ac\u2116\u2122\u0402\u0403\u0405\u0408-\u040c\u040e\u040f"
    "\u0452\u0453\u0455\u0458-\u045c\u045e\u045f]"
)
_UTF8_AS_LATIN = re.compile("[ÃÂÐÑÄÅ][\u0080-\u00bf\u2018-\u203a\u0152-\u017e\u0192\u02c6\u02dc]")
_C1_OR_BOX = re.compile("[\u0080-\u009f\u2500-\u259f\ufffd]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
_WORD = re.compile(r"[^\W\d_]{3,}")
_RARE_CYRILLIC = re.compile(
    "[\u0400-\u0403\u0405\u0408-\u040d\u040f\u0450\u0452\u0453\u0455\u0458-\u045d\u045f]"
)


def suspicion(text: str) -> float:
    """How much ``text`` looks like mojibake: 0 for clean text, higher for worse.

    It counts C1 controls and box-drawing characters, UTF-8 sequences shown
    as windows-1251 or Latin-1, Latin and Cyrillic letters inside one word,
    CJK text that reads like spaced European words, and Cyrillic words whose letters are mostly
    capitals or change case inside the word (what a wrong Cyrillic code page
    produces), and text where most letters are accented Latin or rare
    Cyrillic (a code page of the wrong alphabet), per hundred letters.
    """
    sample = _TEXT_ONLY.sub(" ", text[:_SAMPLE_CHARS])
    letters = len(_NOT_LETTERS.sub("", sample)) or 1
    bad = len(_C1_OR_BOX.findall(sample)) * 2
    bad += len(_UTF8_AS_CP1251.findall(sample)) * 2 + len(_UTF8_AS_LATIN.findall(sample)) * 2
    if len(_LATIN1_LETTER.findall(sample)) * 4 > letters:
        # Cyrillic or Greek read as windows-1252 gives words made mostly of
        # accented letters ("Ïðèâåò"); German or French has one or two a word.
        for word in _WORD.findall(sample):
            accented = len(_LATIN1_LETTER.findall(word))
            if accented * 2 > len(word):
                bad += accented
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic:
        bad += len(_MIXED_WORD.findall(sample)) * 3  # "fьr": a Latin page read as Cyrillic
        bad += len(_RARE_CYRILLIC.findall(sample)) * 2
        upper = len(_CYR_UPPER.findall(sample))
        if upper * 2 > cyrillic:
            bad += upper
        bad += len(_CYR_LOWER_THEN_UPPER.findall(sample)) * 2
    if _CJK.search(sample):
        bad += _cjk_garbage(sample)
    return 100.0 * bad / letters


_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_HAN = re.compile("[\u3400-\u9fff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_KANA = re.compile("[\u3040-\u30ff]")


def _cjk_garbage(sample: str) -> int:
    """Signs that CJK text is a wrong multi-byte reading of single-byte text.

    Hangul and Han mixed inside one word, and Han words set between spaces
    like European words (Chinese and Japanese do not space their words),
    are what Cyrillic or Latin bytes read as Korean or Chinese look like.
    """
    runs = _CJK_RUN.findall(sample)
    mixed = sum(1 for run in runs if _HANGUL.search(run) and _HAN.search(run))
    spaced = 0
    han_runs = 0
    for match in _CJK_RUN.finditer(sample):
        run = match.group()
        if _HANGUL.search(run) or _KANA.search(run) or not _HAN.search(run):
            continue
        han_runs += 1
        before = sample[match.start() - 1 : match.start()]
        after = sample[match.end() : match.end() + 1]
        if before == " " and after in (" ", ".", ","):
            spaced += 1
    bad = mixed * 4
    if han_runs and spaced * 3 > han_runs:
        bad += spaced * 4
    return bad


_TEXT_ONLY = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def _plausible(text: str) -> bool:
    return suspicion(text) < 1.0


_HTML_LANG = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)
_LANGUAGE_CODE_PAGE = {
    **dict.fromkeys(("uk", "ru", "be", "bg", "sr", "mk", "kk"), "cp1251"),
    **dict.fromkeys(("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "fi", "is", "ca"), "cp1252"),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs"), "cp1250"),
    "el": "cp1253", "tr": "cp1254", "he": "cp1255", "ar": "cp1256", "fa": "cp1256",
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"), "vi": "cp1258",
}  # fmt: skip


def _page_language(data: bytes) -> str | None:
    match = _HTML_LANG.search(data[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def _detect(data: bytes, declared: Iterable[str]) -> Decoded | None:
    """Pick the candidate encoding whose text looks least like mojibake."""
    sample = _TAG_OR_SCRIPT.sub(b" ", data[:_DETECT_BYTES])
    candidates: list[str] = []
    exotic: list[str] = []
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        if best is not None and best.encoding:
            found = normalise_label(best.encoding)
            if found:
                # On short or repetitive text the detector likes rare code
                # pages (kz1048 for windows-1251): those only win when the
                # usual ones read worse.
                (candidates if found in _USUAL or found.startswith("iso8859") else exotic).append(found)
    except Exception:  # noqa: S110 (detection is advice; the fallbacks below still run)
        pass
    candidates.extend(declared)
    hinted = _LANGUAGE_CODE_PAGE.get(_page_language(data) or "")
    if hinted:
        # Like a browser's locale default: on a tie, the code page of the
        # page's declared language wins (windows-1252 for German, not 1250).
        candidates.insert(0, hinted)
    candidates.extend(("cp1252", *_CYRILLIC_FAMILY, *exotic))
    scored: list[tuple[float, int, str, str]] = []
    seen: set[str] = set()
    for order, codec in enumerate(candidates):
        if codec in seen:
            continue
        seen.add(codec)
        text = _strict(data, codec)
        if text is None:
            continue
        scored.append((suspicion(text), order, codec, text))
    if not scored:
        return None
    score, _, codec, text = min(scored)
    if score >= 1.0:
        return None
    return Decoded(text=text, encoding=codec, how="detected")
