"""NFC in linear time: long runs of combining marks are cut by a grapheme joiner (stream-safe text)."""

from __future__ import annotations

import unicodedata

from broadsheet.model.values import clean_inline, nfc


def test_short_runs_are_plain_nfc() -> None:
    text = "Cafe\u0301 a\u0316\u0301 \u1100\u1161\u11a8"
    assert nfc(text) == unicodedata.normalize("NFC", text)


def test_long_runs_are_cut_every_thirty_marks() -> None:
    text = "a" + "\u0316\u0301" * 50
    cut = nfc(text)
    assert unicodedata.is_normalized("NFC", cut)
    assert cut.count("\u034f") == 3  # 100 marks: a joiner after every 30
    assert cut.replace("\u034f", "").count("\u0316") == 50


def test_idempotent() -> None:
    for text in ("a" + "\u0316\u0301" * 500, "\u0344" * 100, "x\u0301" * 40):
        once = clean_inline(text)
        assert clean_inline(once) == once
