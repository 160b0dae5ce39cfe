"""Writes every sample book once per session and checks them all in one EPUBCheck run."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

import broadsheet

sys.path.insert(0, str(Path(__file__).parent))

from epub_samples import BOOKS, generated_documents
from epubcheck_runner import check_many


@pytest.fixture(scope="session")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every sample book written to a temporary folder."""
    folder = tmp_path_factory.mktemp("epub")
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # images left out on purpose warn
        for name, (make, options) in BOOKS.items():
            path = folder / f"{name}.epub"
            path.write_bytes(broadsheet.write(make(), "epub", **options))
            out[name] = path
        for index, document in enumerate(generated_documents()):
            path = folder / f"generated-{index:02d}.epub"
            path.write_bytes(broadsheet.write(document, "epub"))
            out[f"generated-{index:02d}"] = path
    return out


@pytest.fixture(scope="session")
def epubcheck_reports(books: dict[str, Path]) -> dict[str, tuple[int, str]]:
    """EPUBCheck's status and report per book, from one run over all of them."""
    results = check_many(list(books.values()))
    return {name: results[path] for name, path in books.items()}
