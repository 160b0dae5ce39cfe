"""Converting many documents at once, in parallel, on any :class:`concurrent.futures.Executor`.

Give it any iterable of sources (paths, URLs, bytes, or the
:class:`~broadsheet.inputs.Item` records :func:`broadsheet.inputs.expand` makes
of folders, lists and archives); it streams one typed :class:`Result` per
source, in input order, with a bounded number of pages in flight::

    from broadsheet import batch
    from broadsheet.inputs import expand

    for result in batch.convert(expand(["pages/"]), "day.jsonl", jobs=2):
        if result.error:
            print(result.origin, result.error)

    for result in batch.read(["a.html", "b.html"], jobs=1):
        print(result.article.title if result.article else result.error)

Without ``executor``, ``jobs`` worker processes (default: the cores) do the
work and ``jobs=1`` works in this process; pass a Dask client's
``get_executor()`` to run the same code on a cluster (see ``docs/batch.md``).
A source that fails never stops the batch: its result carries ``error``.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import attrs

from broadsheet.batch.engine import default_jobs, items_of, run, strict
from broadsheet.batch.names import DEFAULT_TEMPLATE
from broadsheet.batch.results import Failure, Notice, Rendered, Result
from broadsheet.batch.sinks import FolderSink, JsonLinesSink, Sink, StreamSink
from broadsheet.batch.worker import Job, Target
from broadsheet.formats._shared.sources import Input
from broadsheet.inputs.item import Item

__all__ = [
    "DEFAULT_TEMPLATE",
    "Failure",
    "FolderSink",
    "Job",
    "JsonLinesSink",
    "Notice",
    "Rendered",
    "Result",
    "Sink",
    "StreamSink",
    "Target",
    "convert",
    "default_jobs",
    "items_of",
    "read",
    "run",
    "sink_for",
    "write_results",
]

Sources = Iterable[Item | Input]
"""What a batch takes: items, or plain sources (paths, URLs, bytes) wrapped as items."""


def read(
    sources: Sources,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    window: int | None = None,
    format: str | None = None,
    options: Mapping[str, Any] | None = None,
    timeout: float = 30.0,
) -> Iterator[Result]:
    """Read every source; each result carries its ``article`` (or its ``error``), in input order."""
    job = Job(read_format=format, read_options=dict(options or {}), timeout=timeout, keep_article=True)
    return run(sources, job, executor=executor, jobs=jobs, window=window)


def sink_for(
    output: str | os.PathLike[str],
    *,
    to: str | None = None,
    name: str = DEFAULT_TEMPLATE,
    skip_existing: bool,
) -> Sink:
    """The sink ``output`` names: a ``.jsonl`` (or ``.ndjson``) file, else a folder of ``to`` files."""
    from broadsheet.formats import registry

    path = Path(output)
    if path.suffix.lower() in (".jsonl", ".ndjson") and not path.is_dir():
        return JsonLinesSink(path)
    fmt = registry.get(to or "json", can="write")
    extension = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    return FolderSink(path, fmt.name, extension, name, skip_existing=skip_existing)


def write_results(
    results: Iterable[Result], sinks: Sequence[Sink], *, strict_warnings: bool = False
) -> Generator[Result, None, None]:
    """Write each result to every sink, in order; yield it with its ``paths`` and without its bytes.

    The sinks are finished when ``results`` is exhausted and aborted if the
    loop stops early (an error, Ctrl-C, the caller breaking off): complete
    files stay, a JSON Lines file appears only after the last result.
    """
    finished = False
    try:
        for result in results:
            if strict_warnings:
                result = strict(result)
            paths: list[str] = []
            for sink in sinks:
                paths.extend(sink.put(result))
            yield attrs.evolve(result, rendered=(), paths=tuple(paths))
        for sink in sinks:
            sink.finish()
        finished = True
    finally:
        if not finished:
            for sink in sinks:
                sink.abort()


def convert(
    sources: Sources,
    output: str | os.PathLike[str],
    *,
    to: str | None = None,
    name: str = DEFAULT_TEMPLATE,
    jobs: int | None = None,
    executor: Executor | None = None,
    window: int | None = None,
    read_format: str | None = None,
    read_options: Mapping[str, Any] | None = None,
    write_options: Mapping[str, Any] | None = None,
    skip_existing: bool = False,
    strict_warnings: bool = False,
    timeout: float = 30.0,
) -> Generator[Result, None, None]:
    """Convert every source into ``output``: a ``.jsonl`` file (one article per line) or a folder.

    In a folder each input becomes one ``to`` file (default ``json``) named
    by the ``name`` template (:mod:`broadsheet.batch.names`);
    ``skip_existing`` leaves inputs whose file exists alone;
    ``strict_warnings`` makes an input with warnings fail. See :func:`run`
    for ``jobs``, ``executor`` and ``window``.
    """
    sink = sink_for(output, to=to, name=name, skip_existing=skip_existing)
    job = Job(
        targets=(Target(format=sink.format, options=dict(write_options or {})),),
        read_format=read_format,
        read_options=dict(read_options or {}),
        timeout=timeout,
    )
    skip = sink.done if isinstance(sink, FolderSink) and skip_existing else None
    results = run(sources, job, executor=executor, jobs=jobs, window=window, skip=skip)
    return write_results(results, [sink], strict_warnings=strict_warnings)
