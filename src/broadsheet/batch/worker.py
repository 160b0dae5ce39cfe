"""The work of one input, as a plain function any executor can run: read, render, report.

:func:`convert_one` runs in a worker process (or a Dask worker, or in-process)
and never raises for a bad input: every failure comes back as a
:class:`~broadsheet.batch.results.Failure` so one page never stops a batch.
Everything it gets and returns pickles, so any
:class:`concurrent.futures.Executor` can carry it.
"""

from __future__ import annotations

import os
import re
import signal
import unicodedata
import warnings
from typing import Any

import attrs

from broadsheet.batch.results import Failure, Notice, Rendered, Result
from broadsheet.errors import BroadsheetError
from broadsheet.inputs.item import Item
from broadsheet.model import Article, Document, Edition

__all__ = ["Job", "Target", "convert_chunk", "convert_one", "failure_of", "warm"]


@attrs.frozen(kw_only=True)
class Target:
    """One output format of every input, with its writer options."""

    format: str
    """The writer's format name."""
    options: dict[str, Any] = attrs.field(factory=dict, hash=False)
    """Writer options, already of the option class's types."""


@attrs.frozen(kw_only=True)
class Job:
    """What to do with every input of a batch; the same record goes with each item to the workers."""

    targets: tuple[Target, ...] = ()
    """The formats to render; none just reads (keep ``keep_article`` then)."""
    read_format: str | None = None
    """The reader to use for every input; default: told from each input (or its item's ``format``)."""
    read_options: dict[str, Any] = attrs.field(factory=dict, hash=False)
    """Reader options for every input."""
    timeout: float = 30.0
    """Seconds to wait for a URL input."""
    keep_article: bool = False
    """Return the article read in each result (costs a pickle of it per input)."""
    images_beside_input: bool = True
    """Let writers with an ``image_dir`` option read a local input's images from its folder."""


def failure_of(error: BaseException, origin: str | None = None) -> Failure:
    """The error as a failure record: its class name and one-line message (without a leading
    ``origin:``, which the record's input says already)."""
    text = " ".join(part.strip() for part in str(error).splitlines() if part.strip())
    if origin and text.startswith(f"{origin}: "):
        text = text[len(origin) + 2 :]
    if not isinstance(error, BroadsheetError):
        text = f"internal error (a bug; please report it): {text}"
    return Failure(kind=type(error).__name__, message=text or type(error).__name__)


def warm(formats: tuple[str, ...] = ()) -> None:
    """Prepare a worker process: import the readers and the writers of ``formats`` once, and
    leave Ctrl-C to the parent, which stops the batch cleanly (a worker dying mid-page would not)."""
    from broadsheet.formats import registry

    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("html", "json"):
        registry.get(name, can="read").load_reader()
    for name in formats:
        registry.get(name, can="write").load_writer()
    if "pdf" in formats:
        from broadsheet.formats.pdf.fonts import font_set

        font_set()  # parses the bundled fonts; cached for every page this worker writes


def _problem(warning: warnings.WarningMessage) -> str:
    message = warning.message
    return str(getattr(message, "problem", None) or message)


def _notices(caught: list[tuple[str, warnings.WarningMessage]]) -> tuple[Notice, ...]:
    found: dict[str, Notice] = {}
    for stage, warning in caught:
        problem = _problem(warning)
        seen = found.get(problem)
        if seen is None:
            found[problem] = Notice(
                kind=type(warning.message).__name__,
                problem=problem,
                message=str(warning.message),
                outputs=(stage,),
            )
        elif stage not in seen.outputs:
            found[problem] = attrs.evolve(seen, outputs=(*seen.outputs, stage))
    return tuple(found.values())


_NOT_SLUG = re.compile(r"[^\w]+")


def slug(text: str, limit: int = 80) -> str:
    """A file-name-safe form of a title: lower case letters and digits (any script) joined by ``-``."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = _NOT_SLUG.sub("-", folded).strip("-_")
    return words[:limit].rstrip("-_") or "article"


def _safe(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text).strip(".-")[:120] or "article"


def _fields(document: Document) -> tuple[str, str | None, str | None]:
    """The slug, id and day of a document, for output file names."""
    if isinstance(document, Edition):
        day = document.date.isoformat() if document.date else None
        return slug(document.title), _safe(document.id) if document.id else None, day
    moment = document.published or document.modified
    return (
        slug(document.title),
        _safe(document.id) if document.id else None,
        moment.date().isoformat() if moment else None,
    )


def _with_image_dir(job: Job, target: Target, item: Item) -> dict[str, Any]:
    options = target.options
    source = item.source
    if not job.images_beside_input or "image_dir" in options or not isinstance(source, (str, os.PathLike)):
        return options
    path = os.fspath(source)
    if "://" in path or path == "-" or not os.path.isfile(path):
        return options
    from broadsheet.formats import registry

    cls = registry.get(target.format, can="write").load_writer().options
    if cls is None or "image_dir" not in attrs.fields_dict(cls):
        return options
    return {**options, "image_dir": os.path.dirname(os.path.abspath(path))}


def convert_one(index: int, item: Item, job: Job) -> Result:
    """Read ``item`` and render it for every target of ``job``; failures are returned, never raised."""
    if item.error is not None:
        return Result(index=index, origin=item.origin, error=failure_of(item.error, item.origin))
    if item.source is None:
        return Result(index=index, origin=item.origin, error=Failure(kind="SourceError", message="no source"))
    from broadsheet.formats import read_document, write

    caught: list[tuple[str, warnings.WarningMessage]] = []
    try:
        with warnings.catch_warnings(record=True) as read_warnings:
            warnings.simplefilter("always")
            document = read_document(
                item.source, item.format or job.read_format, timeout=job.timeout, **job.read_options
            )
        caught.extend(("read", w) for w in read_warnings)
        rendered = []
        for target in job.targets:
            with warnings.catch_warnings(record=True) as write_warnings:
                warnings.simplefilter("always")
                data = write(document, target.format, **_with_image_dir(job, target, item))
            caught.extend((target.format, w) for w in write_warnings)
            rendered.append(Rendered(format=target.format, data=data))
    except Exception as error:  # one bad page must not stop the batch; a bug is reported as such
        return Result(
            index=index, origin=item.origin, notices=_notices(caught), error=failure_of(error, item.origin)
        )
    name, identifier, day = _fields(document)
    return Result(
        index=index,
        origin=item.origin,
        article=document if job.keep_article and isinstance(document, Article) else None,
        rendered=tuple(rendered),
        notices=_notices(caught),
        slug=name,
        id=identifier,
        date=day,
    )


def convert_chunk(first: int, items: list[Item], job: Job) -> list[Result]:
    """:func:`convert_one` for consecutive items from index ``first``: one task for several inputs."""
    return [convert_one(first + n, item, job) for n, item in enumerate(items)]
