"""A short fuzzing run on every test run: mutated real documents never crash, hang or yield unreadable output.

The long run is ``bench/fuzz.py``; what it found is in ``docs/security.md``.
"""

from __future__ import annotations

from harness import SLOW_WRITERS, check, mutations, seeds
from hypothesis import HealthCheck, given, settings


def test_every_seed_passes_unmutated() -> None:
    for fmt, data in seeds():
        check(data, fmt)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(mutations())
def test_mutated_documents(case: tuple[str, bytes]) -> None:
    check(*case)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(mutations())
def test_mutated_documents_into_epub_and_pdf(case: tuple[str, bytes]) -> None:
    check(*case, writers=SLOW_WRITERS)
