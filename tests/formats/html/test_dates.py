"""The date readers on hostile text, and the CLDR month names (tests/data/html/cases/dates.txt and
date_strings.txt hold the cases that read a page or one line)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.formats.html import dates, month_names
from broadsheet.formats.html.document import parse
from broadsheet.formats.html.metadata import extract


@pytest.mark.parametrize(
    "text",
    [
        "0000-01-01",
        "0000-00-00T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
        "99999999999999999999",
        "9999999999",
        "9999999999999",
        "2024-13-45",
        "2024-02-30T10:00:00Z",
        "Fri, 99 Foo 99999 99:99:99 GMT",
        "1" * 64,
        "2024-05-03T10:00:00+" + "9" * 40,
    ],
)
def test_impossible_dates_are_no_dates(text: str) -> None:
    assert dates.parse(text) is None


def test_an_offset_beyond_fourteen_hours_is_read_as_utc() -> None:
    stamp = dates.parse("2024-05-03T10:00:00+25:00")
    assert stamp is not None and stamp.value.utcoffset() is not None
    assert stamp.value.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["0. 0. 0000", "31.02.2024", "32 May 2024", "May 99, 2024", "1.1.1700", "99/99/2024", "1 Mai 99999"],
)
def test_impossible_printed_dates_are_no_dates(text: str) -> None:
    assert dates.from_text(text, "de") is None


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "3. " * 300_000,
        "May " * 250_000 + "3, 2024",
        ("12:30 " * 100_000) + "3 May 2024",
        "\u0301" * 1_000_000,
    ],
)
def test_huge_lines_read_in_bounded_time(text: str) -> None:
    start = time.perf_counter()
    dates.from_text(text, None)
    dates.parse(text)
    assert time.perf_counter() - start < 1.0


def test_only_the_head_of_a_line_is_read() -> None:
    assert dates.from_text("x" * (dates.MAX_LINE + 10) + " 3 May 2024", "en") is None
    assert dates.from_text("Posted 3 May 2024 " + "x" * 10_000, "en") is not None


def test_the_metadata_of_a_page_of_hostile_dates_reads_in_bounded_time() -> None:
    times = "".join(f'<time datetime="{"9" * (i % 50)}">{i}</time>' for i in range(20_000))
    page = (
        "<html><head><title>x</title><meta property='article:published_time' content='"
        + "2" * 100_000
        + "'></head><body><h1>x</h1><div class='date'>"
        + "12.12.1212 " * 20_000
        + "</div>"
        + times
        + "<p class='meta'>"
        + "Datum: " * 50_000
        + "</p></body></html>"
    )
    root = parse(page.encode()).root
    start = time.perf_counter()
    found = extract(root)
    assert time.perf_counter() - start < 5.0
    assert found.published is None


def test_month_names_come_from_cldr_for_the_language_and_english() -> None:
    german = month_names.numbers("de-AT")
    assert german["märz"] == 3 and german["jänner"] == 1 and german["march"] == 3
    assert month_names.numbers("ru")["мая"] == 5  # the genitive, as dates print it
    assert month_names.numbers("xx")["may"] == 5  # an unknown language: English still
    anywhere = month_names.numbers(None)  # no language: every lexicon language
    assert anywhere["września"] == 9  # Polish only
    assert "listopada" not in anywhere  # November in Polish, October in Croatian: nobody's
    assert month_names.numbers("pl")["listopada"] == 11 and month_names.numbers("hr")["listopada"] == 10


def test_month_first_follows_the_short_date_pattern() -> None:
    assert month_names.month_first("en")
    assert not month_names.month_first("en-GB")
    assert not month_names.month_first("de")
    assert not month_names.month_first("zz-QQ")


_DATE_LIKE = st.text(alphabet="0123456789 .:/-年月日년월일TZ+apmMaiMayмаяde,", max_size=80)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), _DATE_LIKE),
    language=st.sampled_from([None, "de", "en", "ru", "xx"]),
)
def test_any_text_gives_a_date_in_range_or_none(text: str, language: str | None) -> None:
    for stamp in (dates.from_text(text, language), dates.parse(text)):
        assert stamp is None or 1900 < stamp.value.year < 2200
