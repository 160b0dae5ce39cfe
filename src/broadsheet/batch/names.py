"""Output file names from a template such as ``{slug}.{ext}`` or ``{date}/{id}.{ext}``, never two alike.

Fields:

- ``{stem}``: the input's file name without its extension (of a URL: its last path segment; of
  an archive's record, ``crawl.warc.gz#1234``: ``crawl-1234``);
- ``{index}``: the input's position in the batch, from 1 (``{index:05d}`` pads it);
- ``{ext}``: the output format's usual extension, without the dot;
- ``{slug}``: the article's title in lower case, words joined by ``-`` (any script);
- ``{id}``: the article's id made file-name safe (else its slug);
- ``{date}``: the day it was published, ``YYYY-MM-DD`` (else ``undated``).

A name already given to an earlier input of the same batch gets ``-2``,
``-3``… before its extension. Names are checked to stay inside the output
folder.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import PurePosixPath

from broadsheet.errors import OptionError

__all__ = ["DEFAULT_TEMPLATE", "FIELDS", "INPUT_FIELDS", "NameBook", "check_template", "stem_of"]

DEFAULT_TEMPLATE = "{stem}.{ext}"
"""Names made of the input's own name: known before a page is read, so ``--skip-existing`` is free."""
FIELDS = ("stem", "index", "ext", "slug", "id", "date")
"""Every field a template may use."""
INPUT_FIELDS = frozenset({"stem", "index", "ext"})
"""The fields known without reading the input."""

_UNSAFE = re.compile(r"[^\w.-]+")


def check_template(template: str) -> frozenset[str]:
    """The fields ``template`` uses; :class:`OptionError` for an unknown field or a malformed one."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise OptionError(f"--name {template!r}: {error}") from None
    used = set()
    for _, field, _, _ in parsed:
        if field is None:
            continue
        if field not in FIELDS:
            raise OptionError(f"--name {template!r}: unknown field {{{field}}}; known: {', '.join(FIELDS)}")
        used.add(field)
    if not used - {"ext"}:
        raise OptionError(f"--name {template!r} gives every input the same name; use {{stem}} or {{slug}}")
    return frozenset(used)


def stem_of(origin: str) -> str:
    """The input's name without folder and extension, made file-name safe."""
    base, _, record = origin.partition("#")
    base = base.split("?", 1)[0].rstrip("/")
    name = base.rsplit("/", 1)[-1].rsplit(os.sep, 1)[-1]
    for suffix in (".gz", ".bz2"):
        name = name.removesuffix(suffix)
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    if record and "://" not in origin:  # one record of an archive (crawl.warc.gz#1234): its own stem
        stem = f"{stem.removesuffix('.warc')}-{record}"
    return _UNSAFE.sub("-", stem).strip(".-")[:120] or "input"


class NameBook:
    """Hands out file names from a template, each at most once per batch."""

    def __init__(self, template: str) -> None:
        """Check ``template`` and start with no names taken."""
        self.template = template
        self.fields = check_template(template)
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # where to start counting for a name taken before: no rescans

    @property
    def needs_article(self) -> bool:
        """Whether a name needs the article's fields (known only once the page is read)."""
        return not self.fields <= INPUT_FIELDS

    def take(self, name: str) -> None:
        """Mark ``name`` as given (to an input an earlier batch already wrote), so no other input gets it."""
        self._taken.add(name)

    def name(self, values: Mapping[str, object]) -> str:
        """The next free name for an input with these field values (a relative POSIX path)."""
        filled = {
            "stem": values.get("stem") or "input",
            "index": values.get("index") or 0,
            "ext": values.get("ext") or "out",
            "slug": values.get("slug") or "article",
            "id": values.get("id") or values.get("slug") or "article",
            "date": values.get("date") or "undated",
        }
        try:
            name = self.template.format(**filled)
        except (ValueError, TypeError) as error:
            raise OptionError(f"--name {self.template!r}: {error}") from None
        path = PurePosixPath(name.replace(os.sep, "/"))
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise OptionError(f"--name {self.template!r} gives {name!r}, which leaves the output folder")
        name = str(path)
        if name in self._taken:
            head, dot, tail = name.rpartition(".")
            if not dot or "/" in tail:
                head, dot, tail = name, "", ""
            first = name
            number = self._next.get(first, 2)
            while f"{head}-{number}{dot}{tail}" in self._taken:
                number += 1
            self._next[first] = number + 1
            name = f"{head}-{number}{dot}{tail}"
        self._taken.add(name)
        return name
