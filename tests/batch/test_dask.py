"""The docs/batch.md recipe: the same batch on a Dask cluster with two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

import broadsheet
from broadsheet import batch
from broadsheet.formats.jsonl.stream import iter_articles
from broadsheet.inputs import expand
from broadsheet.model import Article, Paragraph, Text

distributed = pytest.importorskip(
    "dask.distributed", reason="dask[distributed] is not installed (pip install 'broadsheet[dask]')"
)


def test_a_folder_converts_on_a_local_cluster_of_two_processes(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(8):
        body = (Paragraph(children=(Text(text=f"Абзац {n}."),)),)
        (folder / f"{n}.json").write_bytes(broadsheet.write(Article(title=f"Стаття {n}", body=body), "json"))
    (folder / "bad.json").write_text("{}")
    out = tmp_path / "day.jsonl"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = list(batch.convert(expand([str(folder)]), out, executor=client.get_executor(), window=4))
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert [r.ok for r in results] == [True] * 8 + [False]
    assert results[-1].error is not None and results[-1].error.kind == "UnknownFormatError"
    assert [a.title for a in iter_articles(out)] == [f"Стаття {n}" for n in range(8)]
