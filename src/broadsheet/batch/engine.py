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
from broadsheet.batch.worker import Job, convert_chunk, convert_one, failure_of, warm
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


Entry = tuple[Future[list[Result]] | Result, int, tuple[str, ...]]
"""One place in the queue: a result known in this process, or a chunk's future, with the first
index and the origins it stands for."""


def _taken(entry: Entry) -> list[Result]:
    pending, first, origins = entry
    if isinstance(pending, Result):
        return [pending]
    try:
        return pending.result()
    except Exception as error:  # the worker died or the chunk could not be sent: its items failed
        failure = failure_of(error)
        return [Result(index=first + n, origin=origin, error=failure) for n, origin in enumerate(origins)]


def run(
    sources: Iterable[Item | Input],
    job: Job,
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    window: int | None = None,
    chunk: int | None = None,
    skip: Skip | None = None,
) -> Iterator[Result]:
    """Convert every source with ``job``; yield one :class:`Result` per source, in input order.

    ``executor`` is any :class:`concurrent.futures.Executor` (a Dask client's
    ``get_executor()`` included); without one, ``jobs`` worker processes
    (default: the cores) are started and stopped here, and ``jobs=1``
    converts in this process. ``chunk`` inputs go to a worker as one task
    (default: 4 to the worker processes started here, 1 to a given executor):
    a task's round trip (its item sent, its results sent back, the worker
    waiting for the next) is paid once for them. ``window`` bounds the pages
    in flight (default: 16 per job, or 64 on a given executor).
    """
    count = jobs if jobs is not None else default_jobs()
    if count < 1:
        raise ValueError("jobs must be at least 1")
    if chunk is not None and chunk < 1:
        raise ValueError("chunk must be at least 1")
    if executor is None and count == 1:
        yield from _in_process(sources, job, skip)
        return
    owned: ProcessPoolExecutor | None = None
    if executor is None:
        formats = tuple(target.format for target in job.targets)
        owned = executor = ProcessPoolExecutor(count, initializer=warm, initargs=(formats,))
        size = chunk or 4
        limit = window or 16 * count
    else:
        size = chunk or 1
        limit = window or 64
    limit = max(limit, size)  # a window smaller than a chunk would never send one whole
    queue: deque[Entry] = deque()
    held = 0  # the pages the queue stands for
    gathered: list[tuple[int, Item]] = []

    def submit() -> None:
        nonlocal held
        if gathered:
            first = gathered[0][0]
            items = [item for _, item in gathered]
            future = executor.submit(convert_chunk, first, items, job)
            queue.append((future, first, tuple(item.origin for item in items)))
            held += len(items)
            gathered.clear()

    try:
        for index, item in enumerate(items_of(sources)):
            if item.error is not None or (skip is not None and skip(index, item)):
                submit()  # what came before goes first: results stay in input order
                ready = (
                    convert_one(index, item, job)
                    if item.error is not None
                    else Result(index=index, origin=item.origin, skipped=True)
                )
                queue.append((ready, index, (item.origin,)))
                held += 1
            else:
                gathered.append((index, item))
                if len(gathered) >= size or _idle(queue, count):
                    submit()
            while held + len(gathered) >= limit and queue:
                for result in _taken(queue.popleft()):
                    held -= 1
                    yield result
        submit()
        while queue:
            yield from _taken(queue.popleft())
    finally:
        # Stopped early (Ctrl-C, an error, the caller broke off): drop what has not started.
        for pending, _, _ in queue:
            if isinstance(pending, Future):
                pending.cancel()
        if owned is not None:
            owned.shutdown(wait=True, cancel_futures=True)


def _idle(queue: deque[Entry], workers: int) -> bool:
    """Whether fewer tasks are waiting or under way than there are workers: then a partial chunk
    goes at once (the first pages of a batch, an input that comes slowly, a pipe of URLs)."""
    unfinished = 0
    for pending, _, _ in queue:
        if isinstance(pending, Future) and not pending.done():
            unfinished += 1
            if unfinished >= workers:
                return False
    return True


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
