"""What a batch hands back for each input: typed, picklable records, one per item, in input order."""

from __future__ import annotations

import attrs

from broadsheet.model import Article

__all__ = ["Failure", "Notice", "Rendered", "Result"]


@attrs.frozen(kw_only=True)
class Failure:
    """Why one input was not converted: the error's class name and its one-line message."""

    kind: str
    """The exception's class name, e.g. ``"SchemaError"`` or ``"SourceError"``."""
    message: str
    """Its message, on one line."""

    def __str__(self) -> str:
        """``Kind: message``."""
        return f"{self.kind}: {self.message}"


@attrs.frozen(kw_only=True)
class Notice:
    """A warning raised while converting one input, once per problem.

    ``problem`` is the same for the same trouble whichever writer met it (an
    image left out of the EPUB and of the PDF is one problem), so a batch
    reports it once; ``message`` is the writer's own wording.
    """

    kind: str
    """The warning's class name, e.g. ``"ImageWarning"``."""
    problem: str
    """What went wrong, in words that do not depend on the output format."""
    message: str
    """The first writer's full message."""
    outputs: tuple[str, ...] = ()
    """The formats whose output it concerns, in the order they met it."""


@attrs.frozen(kw_only=True)
class Rendered:
    """One output of one input, rendered but not yet written."""

    format: str
    """The writer's format name."""
    data: bytes = attrs.field(repr=lambda data: f"<{len(data):,} bytes>")
    """The bytes to write."""


@attrs.frozen(kw_only=True)
class Result:
    """What became of one input of a batch.

    Exactly one of ``error`` and a conversion is set: either the input failed
    (``error``), or it was read (``article``, when the batch keeps articles)
    and rendered (``rendered``, dropped again once a sink has written it to
    ``paths``).
    """

    index: int
    """The input's position in the batch, from 0."""
    origin: str
    """The input as messages name it: a path, a URL, ``crawl.warc.gz#offset``."""
    article: Article | None = None
    """The article read, when the batch was asked to keep articles."""
    rendered: tuple[Rendered, ...] = ()
    """The outputs, rendered, until a sink writes them."""
    paths: tuple[str, ...] = ()
    """The files written for this input (by the command line or a sink)."""
    notices: tuple[Notice, ...] = ()
    """The warnings met, once per problem."""
    error: Failure | None = None
    """Why the input failed, if it did."""
    skipped: bool = False
    """Whether it was left alone because its outputs already existed (``skip_existing``)."""
    slug: str | None = None
    """The article's name fields for output file names (see :mod:`broadsheet.batch.names`)."""
    id: str | None = None
    """The article's id, if it has one (for ``{id}`` in names)."""
    date: str | None = None
    """The article's publication day, ``YYYY-MM-DD`` (for ``{date}`` in names)."""

    @property
    def ok(self) -> bool:
        """Whether the input was converted (or skipped as already done)."""
        return self.error is None
