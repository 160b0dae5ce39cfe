"""The command line: conversions, editions, listings, and one-line errors that leave no files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import broadsheet
from broadsheet.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "zn-blinken.json"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "broadsheet.cli", *args], input=stdin, capture_output=True)


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().strip() == f"broadsheet {broadsheet.__version__}"
    help_text = run("--help").stdout.decode()
    assert "examples:" in help_text and "broadsheet convert story.html -o story.json" in help_text
    assert "examples:" in run("convert", "--help").stdout.decode()


def test_convert_infers_formats_from_extensions(tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    assert main(["convert", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.read_bytes() == EXAMPLE.read_bytes()


def test_convert_stdin_to_stdout_with_options() -> None:
    result = run(
        "convert",
        "-",
        "--from",
        "json",
        "--to",
        "json",
        "-o",
        "-",
        "-O",
        "indent=0",
        stdin=EXAMPLE.read_bytes(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"\n") == 1
    assert broadsheet.read(result.stdout, "json") == broadsheet.read(EXAMPLE)


def test_several_outputs_from_one_read(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["convert", str(EXAMPLE), "-o", str(a), "-o", str(b), "-O", "json.indent=4"]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert b'\n    "format"' in a.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "missing.json", "-o", "{tmp}/out.json"], "missing.json: no such file"),
        (["convert", "{bad}", "-o", "{tmp}/out.json"], "$.article.title: must not be empty"),
        (["convert", "{example}", "-o", "{tmp}/out.docx"], "cannot tell the output format"),
        (["convert", "{example}", "-o", "{tmp}/out.json", "-O", "colour=red"], "no option 'colour'"),
        (["convert", "{example}", "-o", "{tmp}/out.json", "-O", "indent=wide"], "expected a number"),
        (["convert", "{example}", "-o", "{tmp}/out.json", "-O", "indent"], "KEY=VALUE"),
        (["convert", "{example}", "-o", "{tmp}/out.json", "--to", "docx"], "unknown format 'docx'"),
        (["convert", "{example}", "-o", "{tmp}/no/such/dir/out.json"], "does not exist"),
        (["edition", "-o", "{tmp}/out.json", "--title", "E"], "at least one INPUT"),
        (
            ["edition", "{example}", "-o", "{tmp}/out.json", "--title", "E", "--date", "21.01.2022"],
            "YYYY-MM-DD",
        ),
        (["edition", "-o", "{tmp}/out.json", "--title", "E", "--section", "nofiles"], "NAME:FILE"),
    ],
)
def test_errors_are_one_line_and_leave_no_output(tmp_path: Path, args: list[str], message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "broadsheet", "version": 1, "article": {"title": " "}}', encoding="utf-8")
    argv = [a.format(tmp=tmp_path, bad=bad, example=EXAMPLE) for a in args]
    result = run(*argv)
    assert result.returncode == 1, result
    err = result.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("broadsheet: error: "), err
    assert message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_a_failed_conversion_never_clobbers_the_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_bytes(b"precious")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "broadsheet", "version": 9}', encoding="utf-8")
    assert main(["convert", str(bad), "-o", str(out)]) == 1
    assert out.read_bytes() == b"precious"


def test_edition_with_sections(tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    code = main(
        [
            "edition",
            str(EXAMPLE),
            "--section",
            f"Світ:{EXAMPLE},{EXAMPLE}",
            "-o",
            str(out),
            "--title",
            "Ранковий випуск",
            "--date",
            "2022-01-22",
            "--publisher",
            "ZN.ua",
            "--language",
            "uk",
        ]
    )
    assert code == 0
    edition = broadsheet.read_edition(out)
    assert [s.title for s in edition.sections] == [None, "Світ"]
    assert len(edition.articles) == 3 and str(edition.date) == "2022-01-22"
    assert edition.publisher is not None and edition.publisher.name == "ZN.ua"


def test_formats_lists_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats", "--json"]) == 0
    names = {row["name"] for row in json.loads(capsys.readouterr().out)}
    assert {"json", "html", "ninjs", "newsml", "epub", "pdf"} <= names
    assert main(["formats"]) == 0
    assert "json" in capsys.readouterr().out


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"].endswith("broadsheet-1.schema.json")


def test_reader_options_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "-R", "colour=red"]) == 1
    assert not out.exists()


def test_writer_shortcuts_reach_the_writers_that_have_the_option(tmp_path: Path) -> None:
    pdf, epub = tmp_path / "a.pdf", tmp_path / "a.epub"
    assert (
        main(["convert", str(EXAMPLE), "-o", str(pdf), "-o", str(epub), "--page-size", "A5", "--network"])
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF") and epub.stat().st_size > 0
    import pypdf

    assert round(float(pypdf.PdfReader(pdf).pages[0].trimbox.width)) == 420  # A5: 148 mm
    out = tmp_path / "a.json"
    assert main(["convert", str(EXAMPLE), "-o", str(out), "--columns", "2"]) == 1
    assert not out.exists()


def test_a_closed_stdout_is_an_output_error_not_a_bug() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "convert", str(EXAMPLE), "--to", "json", "-o", "-"],
        capture_output=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.decode().strip() == "broadsheet: error: <stdout>: standard output is closed"


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full here")
def test_a_full_disk_is_an_output_error_with_exit_1(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", "convert", str(EXAMPLE), "--to", "json", "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert result.returncode == 1
    assert "<stdout>: cannot write: No space left on device" in result.stderr.decode()
    kept = tmp_path / "kept.json"
    kept.write_bytes(b"old")
    full = tmp_path / "full.xml"  # a link gives the device an extension; written through, not replaced
    full.symlink_to("/dev/full")
    result = run("convert", str(EXAMPLE), "-o", str(kept), "-o", str(full))
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"broadsheet: error: {full}: cannot write: No space left")
    assert kept.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.xml", "kept.json"]
    assert full.is_symlink() and Path("/dev/full").is_char_device()
