"""`broadsheet convert` over many inputs: folders and JSON Lines, errors report, summary, exit codes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import broadsheet
from broadsheet.cli import cli_spelling, main
from broadsheet.formats.jsonl.stream import iter_articles
from broadsheet.model import Article, Figure, Image, Paragraph, Text


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args], input=stdin, capture_output=True, timeout=300
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def story(title: str, *blocks: object) -> bytes:
    body = blocks or (Paragraph(children=(Text(text=f"{title}: текст."),)),)
    return broadsheet.write(Article(title=title, body=body), "json")  # type: ignore[arg-type]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(4):
        (folder / f"p{n}.json").write_bytes(story(f"Стаття {n}"))
    return folder


def test_a_folder_of_pages_to_one_json_lines_file(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.jsonl"
    result = run("convert", str(pages), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert [a.title for a in iter_articles(out)] == [f"Стаття {n}" for n in range(4)]
    # Not a terminal: no progress bar, just the one-line summary.
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("broadsheet: 4 converted, 0 failed, 0 warnings in ")


def test_many_files_to_a_folder_with_a_name_template(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = sorted(str(p) for p in pages.iterdir())
    result = run("convert", *files, files[0], "-o", f"{out}/", "--to", "md", "--name", "{slug}.{ext}", "-v")
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out)) == [
        ".broadsheet-manifest.jsonl",  # which input is which file, for --skip-existing
        "стаття-0-2.md",
        "стаття-0.md",
        "стаття-1.md",
        "стаття-2.md",
        "стаття-3.md",
    ]
    assert f"broadsheet: {files[1]} -> {out}/стаття-1.md" in result.stderr


def test_a_failing_page_goes_to_the_errors_report_and_the_exit_code(pages: Path, tmp_path: Path) -> None:
    (pages / "p1.json").write_text('{"format": "broadsheet", "version": 9}')
    report, out = tmp_path / "errors.jsonl", tmp_path / "out"
    result = run("convert", str(pages), "-o", f"{out}/", "--errors", str(report), "-j", "1")
    assert result.returncode == 1
    assert sorted(os.listdir(out)) == ["p0.json", "p2.json", "p3.json"]
    records = [json.loads(line) for line in report.read_text().splitlines()]
    assert records == [
        {
            "input": str(pages / "p1.json"),
            "error": "VersionError",
            "message": "$.version: format version 9 is not supported; this release reads version 1",
        }
    ]
    assert "3 converted, 1 failed, 0 warnings (see " in result.stderr
    assert "broadsheet: error:" not in result.stderr  # it is in the report
    quiet = run("convert", str(pages), "-o", f"{out}/", "-q", "-j", "1")
    assert quiet.returncode == 1
    assert (
        quiet.stderr
        == f"broadsheet: error: {pages / 'p1.json'}: $.version: format version 9 is not supported; this release reads version 1\n"
    )


def test_quiet_says_nothing_when_all_went_well(pages: Path, tmp_path: Path) -> None:
    result = run("convert", str(pages), "-o", str(tmp_path / "d.jsonl"), "-q")
    assert (result.returncode, result.stderr) == (0, "")


def test_input_lists_from_a_file_and_stdin(pages: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"# today\n{pages / 'p2.json'}\n\n{pages / 'p0.json'}\n")
    out = tmp_path / "a.jsonl"
    assert run("convert", "--input-list", str(listing), "-o", str(out), "-q").returncode == 0
    assert [a.title for a in iter_articles(out)] == ["Стаття 2", "Стаття 0"]
    piped = run("convert", "--input-list", "-", "-o", str(out), "-q", stdin=str(pages / "p3.json").encode())
    assert piped.returncode == 0, piped.stderr
    assert [a.title for a in iter_articles(out)] == ["Стаття 3"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{a}", "{b}", "-o", "{tmp}/one.json"], "several inputs go to a folder"),
        (["-o", "{tmp}/out/"], "at least one INPUT"),
        (["{a}", "{b}", "-o", "{tmp}/out/", "--jobs", "0"], "--jobs wants a number of at least 1"),
        (["{a}", "{b}", "-o", "{tmp}/d.jsonl", "--skip-existing"], "resumes a folder output"),
        (["{a}", "{b}", "-o", "{tmp}/out/", "--name", "{{title}}.{{ext}}"], "unknown field {title}"),
        (["{a}", "-o", "{tmp}/a.json", "--name", "{{slug}}.{{ext}}"], "names files in an output folder"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    pages: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    argv = [a.format(a=pages / "p0.json", b=pages / "p1.json", tmp=tmp_path) for a in args]
    result = run("convert", *argv)
    assert result.returncode == (1 if "unknown field" in message else 2), result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert sorted(os.listdir(tmp_path)) == ["pages"]


def test_skip_existing_resumes_a_folder(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(pages), "-o", f"{out}/", "-q", "-j", "1"]) == 0
    (out / "p0.json").write_bytes(b"kept")
    (out / "p3.json").unlink()
    result = run("convert", str(pages), "-o", f"{out}/", "--skip-existing", "-j", "1")
    assert result.returncode == 0
    assert "1 converted, 0 failed, 0 warnings, 3 skipped" in result.stderr
    assert (out / "p0.json").read_bytes() == b"kept" and (out / "p3.json").exists()


def test_skip_existing_with_article_names_resumes_from_the_manifest(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    named = ["-o", f"{out}/", "--name", "{slug}.{ext}", "-q", "-j", "1"]
    assert main(["convert", str(pages), *named]) == 0
    (out / "стаття-2.json").unlink()
    (pages / "p1.json").write_bytes(b"not read again")  # done already: the manifest says so
    assert main(["convert", str(pages), *named[:-3], "--skip-existing", "-j", "1"]) == 0
    assert (out / "стаття-2.json").exists()
    assert broadsheet.read(out / "стаття-1.json").title == "Стаття 1"


def test_a_missing_image_is_one_warning_in_flag_spelling(tmp_path: Path) -> None:
    page = tmp_path / "photo.json"
    page.write_bytes(story("Фото", Figure(image=Image(url="https://img.invalid/a.jpg"))))
    result = run("convert", str(page), "-o", str(tmp_path / "a.epub"), "-o", str(tmp_path / "a.pdf"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"broadsheet: warning: {tmp_path / 'a.epub'}, {tmp_path / 'a.pdf'}: image ")
    assert "(--fetch-images)" in lines[0] and "fetch_images=True" not in lines[0]
    batch = run("convert", str(page), str(page), "-o", f"{tmp_path}/out/", "--to", "epub", "-j", "1")
    warnings = [line for line in batch.stderr.splitlines() if line.startswith("broadsheet: warning:")]
    assert len(warnings) == 2 and all("(--fetch-images)" in line for line in warnings)
    assert "2 converted, 0 failed, 2 warnings" in batch.stderr


def test_strict_makes_warnings_fail_and_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "photo.json"
    page.write_bytes(story("Фото", Figure(image=Image(url="https://img.invalid/a.jpg"))))
    single = run("convert", str(page), "-o", str(tmp_path / "a.epub"), "--strict")
    assert single.returncode == 1 and "--strict makes them errors; nothing written" in single.stderr
    assert not (tmp_path / "a.epub").exists()
    many = run("convert", str(page), "-o", f"{tmp_path}/out/", "--to", "epub", "--strict", "-j", "1")
    assert many.returncode == 1 and os.listdir(tmp_path / "out") == []
    edition = run("edition", str(page), "-o", str(tmp_path / "e.epub"), "--title", "E", "--strict")
    assert edition.returncode == 1 and not (tmp_path / "e.epub").exists()


def test_cli_spelling_names_flags_not_python_options() -> None:
    assert cli_spelling("fetching is off (fetch_images=True)") == "fetching is off (--fetch-images)"
    assert cli_spelling("the cache is off (image_cache=False)") == "the cache is off (--no-cache)"


def test_a_progress_bar_only_on_a_terminal(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert main(["convert", str(pages), "-o", str(tmp_path / "d.jsonl"), "-j", "1"]) == 0
    assert " pages [00:0" in screen.getvalue() and "4 converted" in screen.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["convert", str(pages), "-o", str(tmp_path / "d.jsonl"), "-j", "1", "-q"]) == 0
    assert quiet.getvalue() == ""


def test_ctrl_c_leaves_only_complete_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(40):
        (folder / f"p{n:02d}.json").write_bytes(story(f"Стаття {n}"))
    out = tmp_path / "out"
    jsonl = tmp_path / "day.jsonl"
    pdf = ["--to", "pdf", "-j", "2"]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "broadsheet.cli",
            "convert",
            str(folder),
            "-o",
            f"{out}/",
            "-o",
            str(jsonl),
            *pdf,
        ],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120

    def complete() -> list[str]:  # a temporary (.p01.pdf.bs123-x.part) is not an output yet
        return [name for name in os.listdir(out) if not name.startswith(".")] if out.exists() else []

    while time.monotonic() < deadline and len(complete()) < 2:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    written = os.listdir(out)
    assert 2 <= len(written) < 40
    assert all(name.endswith(".pdf") and not name.startswith(".") for name in written), written
    for name in written:
        assert (out / name).read_bytes().rstrip().endswith(b"%%EOF")
    assert sorted(os.listdir(tmp_path)) == ["out", "pages"]  # no day.jsonl, no .part


def test_one_failing_input_reports_to_the_errors_file_too(tmp_path: Path) -> None:
    bad, report = tmp_path / "bad.json", tmp_path / "errors.jsonl"
    bad.write_text("{}")
    result = run("convert", str(bad), "-o", str(tmp_path / "out.json"), "--errors", str(report))
    assert result.returncode == 1 and result.stderr.startswith("broadsheet: error: ")
    assert json.loads(report.read_text())["error"] == "UnknownFormatError"


def test_a_batch_streams_json_lines_to_standard_output(pages: Path) -> None:
    result = run("convert", str(pages), "-o", "-", "--to", "jsonl", "-q", "-j", "1")
    assert result.returncode == 0, result.stderr
    titles = [json.loads(line)["article"]["title"] for line in result.stdout.splitlines()]
    assert titles == [f"Стаття {n}" for n in range(4)]
    refused = run("convert", str(pages), "-o", "-", "--to", "json")
    assert refused.returncode == 2 and "--to jsonl" in refused.stderr
