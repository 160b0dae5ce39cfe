"""Encoding detection: HTTP header, BOM, meta, then detection; never mojibake."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.errors import ReadError
from broadsheet.formats.html.document import parse
from broadsheet.formats.html.encoding import (
    decode,
    header_charset,
    meta_charset,
    normalise_label,
    repair,
    suspicion,
)
from broadsheet.formats.html.metadata import extract

UK = (
    "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ РФ "
    "заявив, що США не вестимуть переговори з Росією щодо принципу «відкритих дверей» НАТО. "
    "Її, їхню, ґанок, єдність — усі літери на місці."
)
RU = (
    "Госсекретарь США Энтони Блинкен после встречи с министром иностранных дел РФ Сергеем Лавровым "
    "заявил, что США не будут вести переговоры с Россией о принципе открытых дверей НАТО. Съешь ещё."
)


def page(text: str, head: str = "", title: str = "Тест") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("text", "codec", "head"),
    [
        (UK, "cp1251", '<meta charset="windows-1251">'),
        (UK, "cp1251", ""),  # no declaration at all
        (UK, "cp1251", '<meta charset="koi8-u">'),  # a lying declaration
        (UK, "cp1251", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
        (RU, "koi8-r", '<meta charset="koi8-r">'),
        (RU, "koi8-r", ""),
        (RU, "koi8-r", '<meta charset="windows-1251">'),
        (RU, "cp1251", '<meta charset="koi8-r">'),
        (UK, "utf-8", '<meta charset="windows-1251">'),  # stale meta on a UTF-8 page
        (RU, "iso8859-5", ""),
    ],
)
def test_cyrillic_pages_decode_to_the_original_text(text: str, codec: str, head: str) -> None:
    data = page(text, head).encode(codec)
    decoded = decode(data)
    assert text in decoded.text
    assert suspicion(decoded.text) < 1.0


def test_http_header_wins_over_meta() -> None:
    data = page(UK, '<meta charset="koi8-u">').encode("cp1251")
    decoded = decode(data, headers={"Content-Type": "text/html; charset=windows-1251"})
    assert decoded.how == "http"
    assert decoded.encoding == "cp1251"
    assert UK in decoded.text


def test_bom_wins_and_is_removed() -> None:
    data = b"\xef\xbb\xbf" + page(UK, '<meta charset="windows-1251">').encode("utf-8")
    decoded = decode(data)
    assert decoded.how == "bom"
    assert not decoded.text.startswith("\ufeff")
    assert UK in decoded.text


def test_utf16_with_bom() -> None:
    decoded = decode(page(RU).encode("utf-16"))
    assert RU in decoded.text


def test_western_page_in_windows_1252_with_latin1_label() -> None:
    text = "Die Bundesregierung hat am Freitag über die Änderungen beraten – für Schüler gelten neue Regeln."
    decoded = decode(page(text, '<meta charset="iso-8859-1">', "Schule").encode("cp1252"))
    assert text in decoded.text
    assert decoded.encoding == "cp1252"


def test_utf8_with_a_few_broken_bytes_keeps_the_text() -> None:
    data = page(UK, '<meta charset="utf-8">').encode("utf-8").replace(b"</p>", b"\xff</p>")
    decoded = decode(data)
    assert UK in decoded.text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF-8", "utf-8"),
        ("windows-1251", "cp1251"),
        ("latin1", "cp1252"),
        ("utf-16", "utf-8"),
        ("nonsense", None),
    ],
)
def test_labels(label: str, codec: str | None) -> None:
    assert normalise_label(label) == codec


def test_declarations_are_found() -> None:
    assert header_charset({"content-type": 'text/html; charset="KOI8-R"'}) == "KOI8-R"
    assert header_charset({"Content-Type": "text/html"}) is None
    assert meta_charset(b'<meta http-equiv="content-type" content="text/html;charset=cp1251">') == "cp1251"
    assert meta_charset(b'<?xml version="1.0" encoding="KOI8-R"?><html>') == "KOI8-R"


def test_mojibake_is_recognised() -> None:
    assert suspicion(UK) < 1.0
    assert suspicion(UK.encode("utf-8").decode("cp1251", "replace")) > 5
    assert suspicion(RU.encode("cp1251").decode("koi8-r")) > 5
    assert suspicion(UK.encode("cp1251").decode("cp1252", "replace")) > 5


def test_undecodable_bytes_are_a_read_error() -> None:
    # Valid in no candidate encoding and mostly not UTF-8 either.
    data = b"<html><body>" + bytes(range(0x80, 0x100)) * 50 + b"</body></html>"
    with pytest.raises(ReadError, match="encoding|binary"):
        parse(data)


@pytest.mark.parametrize("codec", ["latin-1", "cp1251"])
def test_double_encoded_utf8_is_repaired(codec: str) -> None:
    original = page(UK)
    damaged = original.encode("utf-8").decode(codec, "replace").encode("utf-8")
    decoded = decode(damaged)
    assert UK in decoded.text
    assert decoded.how == "repaired"


def test_repair_leaves_clean_text_alone() -> None:
    for text in ("Müller über die Straße", "Рівне, Сім, Сергій", UK, RU, "Ça coûte cher"):
        assert repair(text) is text


def test_double_encoded_metadata_is_repaired() -> None:
    title = "Blinken’s «visit» to Kyiv — Київ"
    damaged = title.encode("utf-8").decode("cp1251")
    html = f"<html><head><meta charset='utf-8'><meta property='og:title' content='{damaged}'></head></html>"
    assert extract(parse(html.encode()).root).title == title


def test_undeclared_utf8_with_a_broken_byte_is_not_read_as_a_code_page() -> None:
    text = "Die Bundesregierung hat am Freitag über die Änderungen beraten, für Schüler gelten neue Regeln."
    data = page(text + " Держсекретар Сполучених Штатів").encode("utf-8").replace(b"</p>", b"\xff</p>")
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert text in decoded.text


_WORDS = [
    "Держсекретар",
    "США",
    "заявив",
    "що",
    "переговори",
    "з",
    "Росією",
    "щодо",
    "НАТО",
    "тривали",
    "три",
    "години",
    "у",
    "Женеві",
    "і",
    "сторони",
    "не",
    "дійшли",
    "згоди",
    "Госсекретарь",
    "заявил",
    "что",
    "переговоры",
    "с",
    "Россией",
    "о",
    "расширении",
    "альянса",
    "продолжатся",
    "на",
    "следующей",
    "неделе",
    "Їхня",
    "позиція",
    "щодо",
    "європейської",
    "безпеки",
    "є",
    "неприйнятною",
    "сказав",
    "він",
    "журналістам",
    "Москва",
    "получила",
    "отказ",
    "Київ",
    "ґрунтовно",
    "єдність",
    "сьогодні",
    "объявил",
    "съезд",
    "подъезд",
    "ёлка",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=12, max_size=60),
    st.sampled_from(["utf-8", "cp1251", "koi8-u"]),
    st.sampled_from(["", "windows-1251", "koi8-r", "utf-8", "iso-8859-1"]),
)
def test_cyrillic_text_survives_any_declaration(words: list[str], codec: str, declared: str) -> None:
    text = " ".join(words) + "."
    head = f'<meta charset="{declared}">' if declared else ""
    try:
        data = page(text, head).encode(codec)
    except UnicodeEncodeError:
        return  # KOI8-U has no Ё/Ъ variants of some letters; nothing to test
    assert text in decode(data).text


_WESTERN = [
    "Die",
    "Bundesregierung",
    "hat",
    "am",
    "Freitag",
    "über",
    "Änderungen",
    "beraten",
    "für",
    "Schüler",
    "gelten",
    "neue",
    "Regeln",
    "Straße",
    "größer",
    "Le",
    "président",
    "a",
    "déclaré",
    "être",
    "très",
    "préoccupé",
    "Ça",
    "coûte",
    "cher",
    "à",
    "vrai",
    "dire",
    "façon",
    "élève",
    "señor",
    "año",
    "niño",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_WESTERN), min_size=12, max_size=60),
    st.sampled_from(["utf-8", "cp1252", "latin-1"]),
    st.sampled_from(["", "windows-1252", "iso-8859-1", "utf-8", "windows-1251"]),
)
def test_western_text_survives_any_declaration(words: list[str], codec: str, declared: str) -> None:
    text = " ".join(words) + "."
    head = f'<meta charset="{declared}">' if declared else ""
    data = f"<html lang='de'><head>{head}<title>Titel</title></head><body><p>{text}</p></body></html>"
    assert text in decode(data.encode(codec)).text
