"""The cached copy of py3langid's model: written once, mapped after, and the same classifier as py3langid's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from broadsheet.formats.html import language_id, language_model

pytestmark = pytest.mark.skipif(not language_id.available(), reason="py3langid is not installed")

TEXTS = (
    "The ministers met for three hours in a hotel by the lake and agreed on nothing.",
    "El Gobierno aprobó este martes en el Consejo de Ministros la reforma de la ley de vivienda.",
    "Держсекретар Сполучених Штатів Ентоні Блінкен після зустрічі з міністром закордонних справ РФ.",
    "Госсекретарь США Энтони Блинкен после встречи с министром иностранных дел России заявил.",
    "東京で開かれた会議では、来年度の予算案について話し合われました。",
    "Die Regierung hat am Dienstag beschlossen, die Mieten in den Städten zu begrenzen.",
    "",
    "1234 5678 !!!",
)


@pytest.fixture(scope="module")
def stock() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _copies(root: Path) -> list[Path]:
    return sorted((root / "language-model").glob("py3langid-*"))


def test_the_first_load_writes_a_copy_the_next_maps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stock: Any
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    first = language_model.load()
    (copy,) = _copies(tmp_path)
    assert (copy / "complete").is_file()
    assert sorted(p.name for p in copy.glob("*.npy")) == sorted(f"{n}.npy" for n in language_model._ARRAYS)
    mapped = language_model.load()
    assert isinstance(mapped.tk_nextmove, memoryview)  # the copy, not a second decompression
    for text in TEXTS:
        # Every score, not only the winner: the mapped model is the same model.
        assert mapped.rank(text) == first.rank(text) == stock.rank(text), text
        assert mapped.classify(text) == stock.classify(text)


def test_a_copy_that_does_not_check_out_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stock: Any
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    language_model.load()
    (copy,) = _copies(tmp_path)
    (copy / "nextmove.npy").write_bytes(b"\x93NUMPY truncated")
    repaired = language_model.load()  # falls back to unpacking the model, and writes a new copy
    assert repaired.classify(TEXTS[1]) == stock.classify(TEXTS[1])
    assert isinstance(language_model.load().tk_nextmove, memoryview)


def test_a_cache_folder_that_cannot_be_written_leaves_the_stock_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stock: Any
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(blocker))
    identifier = language_model.load()
    assert not isinstance(identifier.tk_nextmove, memoryview)
    assert identifier.classify(TEXTS[2]) == stock.classify(TEXTS[2])


def test_copies_unused_for_a_month_are_cleared_when_a_new_one_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "language-model"
    old, recent = folder / "py3langid-1-1", folder / "py3langid-2-2"
    for copy, age in ((old, 40), (recent, 2)):
        copy.mkdir(parents=True)
        (copy / "complete").write_bytes(b"")
        then = time.time() - age * 86_400
        os.utime(copy / "complete", (then, then))
    language_model.load()
    assert not old.exists()
    assert recent.exists()  # another install's copy, in use this month: kept
    assert len(_copies(tmp_path)) == 2
