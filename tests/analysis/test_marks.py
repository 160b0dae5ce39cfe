"""Pairing quotation marks: nesting, every style, and stray marks."""

from __future__ import annotations

import pytest

from broadsheet.analysis.marks import outermost, scan


def _outer(text: str) -> list[str]:
    return [text[span.open + 1 : span.close] for span in outermost(scan(text))]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("a «b «c» d» e", ["b «c» d"]),
        ("«один „два“ три»", ["один „два“ три"]),
        ("“one ‘two’ three”", ["one ‘two’ three"]),
        ('he said "a "b" c" twice', ['a "b" c']),
        ("„Polski cudzysłów”", ["Polski cudzysłów"]),
        ("„Deutsche Anführung“ und „zweite“", ["Deutsche Anführung", "zweite"]),
        ("don't and п'ять and O’Brien", []),
        ("the boys' club and 'quoted words' here", ["quoted words"]),
        ("«unclosed and » stray »", ["unclosed and "]),
        ("» « nothing", []),
        ('"a" "b"', ["a", "b"]),
    ],
)
def test_outermost_quotations(text: str, quoted: list[str]) -> None:
    assert _outer(text) == quoted


def test_nesting_depth() -> None:
    spans = scan("«a «b» c»")
    assert [(span.depth, span.open, span.close) for span in spans] == [(0, 0, 8), (1, 3, 5)]


def test_runaway_openers_stay_linear() -> None:
    text = "«" * 50_000 + "”" * 50_000
    assert outermost(scan(text)) == []
