"""Running a job over a stream of items on any executor: results in input order, a bounded window in flight.

Items are submitted as results are taken, never all at once: at most
``window`` pages are queued or being converted, whatever the input's size,
so memory stays flat on a crawl of millions. The results come back in input
order (the head of the window is awaited first), which is what a JSON Lines
output and a person reading the log expect.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor

import attrs

from broadsheet.batch.results import Failure, Result
from broadsheet.batch.worker import Job, convert_one, failure_of, warm
from broadsheet.formats._shared.sources import Input, Loaded
from broadsheet.inputs.item import Item

__all__ = ["default_jobs", "items_of", "run"]

Skip = Callable[[int, Item], bool]
"""Whether an item is already done (its outputs exist) and need not be converted."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def items_of(sources: Iterable[Item | Input]) -> Iterator[Item]:
    """Each source as an :class:`Item`: items pass through; paths, URLs and bytes are wrapped."""
    for number, source in enumerate(sources):
        if isinstance(source, Item):
            yield source
        elif isinstance(source, Loaded):
            yield Item(origin=source.name, source=source)
        elif isinstance(source, (bytes, bytearray, memoryview)):
            yield Item(origin=f"<bytes #{number + 1}>", source=bytes(source))
        else:
            yield Item(origin=os.fspath(source), source=source)


def _taken(pending: Future[Result] | Result, index: int, origin: str) -> Result:
    if isinstance(pending, Result):
        return pending
    try:
        return pending.result()
    except Exception as error:  # the worker died or the item could not be sent: this item failed
        return Result(index=index, origin=origin, error=failure_of(error))


def run(
    sources: Iterable[Item | Input],
    job: Job,
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    window: int | None = None,
    skip: Skip | None = None,
) -> Iterator[Result]:
    """Convert every source with ``job``; yield one :class:`Result` per source, in input order.

    ``executor`` is any :class:`concurrent.futures.Executor` (a Dask client's
    ``get_executor()`` included); without one, ``jobs`` worker processes
    (default: the cores) are started and stopped here, and ``jobs=1``
    converts in this process. ``window`` bounds the pages in flight (default:
    four per job, or 64 on a given executor).
    """
    count = jobs if jobs is not None else default_jobs()
    if count < 1:
        raise ValueError("jobs must be at least 1")
    if executor is None and count == 1:
        yield from _in_process(sources, job, skip)
        return
    owned: ProcessPoolExecutor | None = None
    if executor is None:
        formats = tuple(target.format for target in job.targets)
        owned = executor = ProcessPoolExecutor(count, initializer=warm, initargs=(formats,))
        limit = window or 4 * count
    else:
        limit = window or 64
    queue: deque[tuple[Future[Result] | Result, int, str]] = deque()
    try:
        for index, item in enumerate(items_of(sources)):
            if item.error is None and skip is not None and skip(index, item):
                queue.append((Result(index=index, origin=item.origin, skipped=True), index, item.origin))
            elif item.error is not None:
                queue.append((convert_one(index, item, job), index, item.origin))
            else:
                queue.append((executor.submit(convert_one, index, item, job), index, item.origin))
            while len(queue) >= limit:
                yield _taken(*queue.popleft())
        while queue:
            yield _taken(*queue.popleft())
    finally:
        # Stopped early (Ctrl-C, an error, the caller broke off): drop what has not started.
        for pending, _, _ in queue:
            if isinstance(pending, Future):
                pending.cancel()
        if owned is not None:
            owned.shutdown(wait=True, cancel_futures=True)


def _in_process(sources: Iterable[Item | Input], job: Job, skip: Skip | None) -> Iterator[Result]:
    for index, item in enumerate(items_of(sources)):
        if item.error is None and skip is not None and skip(index, item):
            yield Result(index=index, origin=item.origin, skipped=True)
        else:
            yield convert_one(index, item, job)


def strict(result: Result) -> Result:
    """The result with its warnings made an error (``--strict``): nothing of it is written."""
    if result.error is not None or not result.notices:
        return result
    first = result.notices[0]
    more = f" (and {len(result.notices) - 1} more)" if len(result.notices) > 1 else ""
    return attrs.evolve(
        result,
        rendered=(),
        article=None,
        error=Failure(kind=first.kind, message=f"{first.problem}{more}; warnings fail in strict mode"),
    )
