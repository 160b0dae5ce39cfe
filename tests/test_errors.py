"""The error and warning tree: one root each, drawn in the docstring, all public."""

from __future__ import annotations

import re
import types
import warnings

import pytest

import broadsheet
from broadsheet import errors


def _public_classes() -> list[type]:
    return [getattr(errors, name) for name in errors.__all__]


def test_every_class_hangs_from_one_of_the_two_roots() -> None:
    for cls in _public_classes():
        assert issubclass(cls, (errors.BroadsheetError, errors.BroadsheetWarning)), cls


def test_the_docstring_draws_every_class_under_its_parent() -> None:
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []  # (column of the name, name) from the root down
    for line in (errors.__doc__ or "").splitlines():
        match = re.match(r"^([ │├└─]*)([A-Z]\w+(?:Error|Warning))\b", line)
        if not match:
            continue
        column = len(match[1])
        while stack and stack[-1][0] >= column:
            stack.pop()
        parents[match[2]] = stack[-1][1] if stack else None
        stack.append((column, match[2]))
    assert set(parents) == set(errors.__all__) | {"UserWarning"}
    for cls in _public_classes():
        drawn = parents[cls.__name__]
        if drawn is None:
            assert cls is errors.BroadsheetError
        else:
            assert cls.__mro__[1].__name__ == drawn, f"{cls.__name__} is drawn under {drawn}"


def test_the_top_level_exports_the_tree_and_nothing_it_does_not_name() -> None:
    assert set(errors.__all__) <= set(broadsheet.__all__)
    for name in broadsheet.__all__:
        assert hasattr(broadsheet, name), name
    # Submodules become attributes once imported (by other tests too); everything else must be named.
    public = {
        name
        for name, value in vars(broadsheet).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(broadsheet.__all__)


def test_the_formats_raise_the_warning_classes_of_the_tree() -> None:
    from broadsheet.formats import epub, pdf

    assert pdf.MissingGlyphsWarning is broadsheet.MissingGlyphsWarning
    assert pdf.PdfWarning is broadsheet.PdfWarning
    assert epub.ImageWarning is broadsheet.ImageWarning


def test_warnings_can_be_made_errors_by_their_root() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", broadsheet.BroadsheetWarning)
        with pytest.raises(broadsheet.MissingGlyphsWarning):
            warnings.warn("x", broadsheet.MissingGlyphsWarning, stacklevel=1)
