"""The language check: the model behind one function, bounded, and never the cause of a failed read."""

from __future__ import annotations

import pytest

from broadsheet.formats.html import language_id
from broadsheet.formats.html.tuning import TUNING

SPANISH = (
    "El Gobierno aprobó este martes en el Consejo de Ministros la reforma de la ley de vivienda, "
    "que limitará la subida de los alquileres en las zonas tensionadas durante los próximos años. "
)
ENGLISH = (
    "The ministers met for three hours in a hotel by the lake and agreed on nothing but the date "
    "of their next meeting, officials on both sides said afterwards. "
)

pytestmark = pytest.mark.skipif(not language_id.available(), reason="py3langid is not installed")


def test_detects_the_text_language() -> None:
    found = language_id.detect(SPANISH * 3)
    assert found is not None and found[0] == "es" and found[1] > TUNING.language_contradict


def test_reads_only_the_sample() -> None:
    # What lies past the sample is never read: a page of any length costs the same.
    english = ENGLISH * (TUNING.language_sample // len(ENGLISH) + 1)
    found = language_id.detect(english + SPANISH * 2000)
    assert found is not None and found[0] == "en"


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        (["pt-BR"], "Fotos: Reuters", "pt-BR"),  # too little text
        ([], "Hola", None),
        (["en-US"], SPANISH * 3, "es"),
        (["en", "es-MX"], SPANISH * 3, "es-MX"),
        (["es-AR"], SPANISH * 3, "es-AR"),
        ([], SPANISH * 3, "es"),
    ],
)
def test_settle(declared: list[str], text: str, expected: str | None) -> None:
    assert language_id.settle(declared, text) == expected


def test_without_the_model_the_declared_tag_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language_id, "_identifier", lambda: None)
    assert language_id.settle(["en-US"], SPANISH * 3) == "en-US"
    assert language_id.settle([], SPANISH * 3) is None


def test_a_failing_model_fails_no_read(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def classify(self, text: str) -> tuple[str, float]:
            raise RuntimeError("odd text")

    monkeypatch.setattr(language_id, "_identifier", lambda: Broken())
    assert language_id.settle(["de"], SPANISH * 3) == "de"


@pytest.mark.parametrize("text", ["\x00" * 500, "\u0301" * 1000, "1234 " * 100, "-- .. !! " * 80])
def test_text_without_letters_keeps_the_declared_tag(text: str) -> None:
    assert language_id.settle(["en"], text) == "en"


@pytest.mark.parametrize("text", ["\ud800" * 200, "𝕏" * 300, "ǅ" * 300])
def test_odd_text_is_no_error(text: str) -> None:
    language_id.settle(["en"], text)  # lone surrogates, letters of no language: no exception
