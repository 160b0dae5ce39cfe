"""A page of combining marks reads in time linear in its length (NFC's reordering is quadratic on long runs)."""

from __future__ import annotations

import time

import broadsheet


def _page(marks: int) -> bytes:
    # Two marks of different combining classes, alternating: every one must be reordered.
    run = "\u0316\u0301" * (marks // 2)
    return (
        "<html lang='en'><head><title>Marks</title></head><body><article><h1>Marks</h1>"
        f"<p>A{run} story of marks that goes on for a while, so that it reads as prose.</p>"
        "</article></body></html>"
    ).encode()


def _seconds(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        broadsheet.read(data, format="html")
        best = min(best, time.perf_counter() - start)
    return best


def test_a_hundred_thousand_marks_cost_about_ten_times_ten_thousand() -> None:
    broadsheet.read(_page(100), format="html")  # imports and models loaded outside the timing
    small, large = _seconds(_page(10_000)), _seconds(_page(100_000))
    # Linear is 10x; quadratic was over 100x. The margin absorbs a busy machine.
    assert large < 30 * small + 0.05, (small, large)
