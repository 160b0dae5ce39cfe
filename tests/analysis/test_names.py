"""Names back to the nominative: the table of forms, and the rules' boundaries."""

from __future__ import annotations

import pytest

from broadsheet.analysis import names
from broadsheet.analysis.names import Case, base_form
from broadsheet.analysis.people import People

from .cases import DATA


def _rows() -> list[object]:
    rows = []
    for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, case, base = line.split("\t")
        rows.append(pytest.param(form, None if case == "-" else Case(case), base, id=f"{form}-{case}"))
    return rows


@pytest.mark.parametrize(("form", "case", "base"), _rows())
def test_base_form(form: str, case: Case | None, base: str) -> None:
    assert base_form(form, case) == base


def test_nominative_is_a_fixed_point() -> None:
    for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        base = line.split("\t")[2]
        assert base_form(base, Case.NOMINATIVE) == base


def test_first_name_readings_know_gender_and_case() -> None:
    readings = names.first_name_readings("Олександра")
    assert names.Reading("Олександр", "m", Case.GENITIVE, "uk") in readings
    assert names.Reading("Олександра", "f", Case.NOMINATIVE, "uk") in readings
    assert names.first_name_readings("Стіл") == ()


def test_surname_rule_needs_a_vowel_in_the_stem() -> None:
    assert names.surname_nominative("Ба", "m", Case.GENITIVE) is None


def test_people_resolve_surname_and_title() -> None:
    people = People(["Держсекретар США Ентоні Блінкен прибув до Києва.", "Глава МИД России Сергей Лавров."])
    assert people.resolve(["Блінкен"]) == "Ентоні Блінкен"
    assert people.resolve(["Блінкена"], Case.GENITIVE) == "Ентоні Блінкен"
    assert people.resolve(["держсекретаря"]) == "Ентоні Блінкен"
    assert people.resolve(["Лавровым"]) == "Сергей Лавров"
    assert people.resolve(["Байден"]) == "Байден"
    assert people.resolve(["журналісти"]) is None


def test_ambiguous_surname_is_not_resolved() -> None:
    people = People(["Тарас Коваль і Ігор Коваль виступили."])
    assert people.resolve(["Коваль"]) == "Коваль"
