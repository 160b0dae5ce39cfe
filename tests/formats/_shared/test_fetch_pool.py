"""The one download scheduler: answers in order, a bounded window ahead, a few at a time per host."""

from __future__ import annotations

import threading
import time

from broadsheet.formats._shared.fetch_pool import FetchPool


def test_answers_come_in_order_with_a_bounded_window_and_few_per_host() -> None:
    pool = FetchPool(threads=6, per_host=1)
    lock = threading.Lock()
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    started: list[int] = []

    def work(n: int) -> int:
        url = f"http://{'a' if n % 2 else 'b'}.example:{8000 + n}/{n}"  # ports do not make new hosts
        host = url.split("/")[2].split(":")[0]
        with pool.gate(url):
            with lock:
                started.append(n)
                active[host] = active.get(host, 0) + 1
                peak[host] = max(peak.get(host, 0), active[host])
            time.sleep(0.02 * (5 - n % 5))  # later ones finish first
            with lock:
                active[host] -= 1
        return n * n

    answers = pool.map_ordered(range(20), work, window=4)
    assert next(answers) == (0, 0)
    assert max(started) <= 3  # nothing beyond the window was started
    assert list(answers) == [(n, n * n) for n in range(1, 20)]
    assert peak == {"a.example": 1, "b.example": 1}  # the window would let two of each run
    pool.close(wait=True)
