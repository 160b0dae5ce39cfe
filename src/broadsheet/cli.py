"""The ``broadsheet`` command line: convert documents, build editions, list formats."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from broadsheet.errors import BroadsheetError, OptionError, OutputError, WriteError
from broadsheet.version import __version__

# Start-up: `--version`, `--help` and `formats` must not load the model, the formats or attrs, so
# everything past the errors is imported inside the command that uses it (tests/test_startup.py).
if TYPE_CHECKING:
    from broadsheet.formats.registry import Format
    from broadsheet.model import Article, Document

EXAMPLES = """\
examples:
  broadsheet convert story.html -o story.json
  broadsheet convert story.html -o story.epub -o story.pdf
  broadsheet convert https://zn.ua/ukr/WORLD/some-story.html -o story.epub
  broadsheet convert story.xml --to ninjs -o -            (NewsML-G2 to ninjs on stdout)
  broadsheet convert story.json -o story.pdf -O columns=2 -O profile=print
  broadsheet convert pages/*.html -o out/ --name '{date}/{slug}.{ext}'   (one file per page)
  broadsheet convert pages/ -o day.jsonl --errors failed.jsonl -j 2     (one article per line)
  broadsheet edition a.html b.json c.xml -o today.epub --title "Ранковий випуск" --date 2022-01-21
  broadsheet edition --section "Політика:a.html,b.html" --section "Світ:c.xml" -o today.pdf --title Digest
  broadsheet edition --feed https://example.com/rss --feed world.atom --since 24h -o today.epub --title Today
  broadsheet explain story.html --url https://example.com/story   (why text was left out)
  broadsheet formats
"""


SHORTCUTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("--page-size", "page_size", "SIZE", "PDF page: A4, A5, Letter, Legal, tabloid or WxH with mm/cm/in/pt"),
    ("--margins", "margins", "CSS", "PDF margins, e.g. '18mm 16mm 20mm'"),
    ("--columns", "columns", "N", "PDF text columns, 1 to 3"),
    ("--font-size", "font_size", "PT", "PDF base font size in points"),
    ("--profile", "profile", "NAME", "PDF profile: screen (RGB) or print (CMYK, crop marks, bleed)"),
    ("--cover-image", "cover_image", "IMAGE", "EPUB cover image instead of the generated cover"),
    ("--stylesheet", "stylesheet", "CSS", "EPUB user stylesheet (a path or CSS text)"),
    (
        "--fetch-images",
        "fetch_images",
        None,
        "EPUB/PDF: download remote images (in parallel, cached on disk)",
    ),
    ("--network", "fetch_images", None, "the former name of --fetch-images"),
    ("--no-cache", "image_cache", None, "EPUB/PDF: neither use nor fill the image cache"),
    (
        "--image-dir",
        "image_dir",
        "DIR",
        "EPUB/PDF: read local images only from DIR (default: each input's folder)",
    ),
)
"""Flags that stand for a writer option: (flag, option, metavar or None for a switch, help); a switch
sets its option true, or false if it is named ``--no-…``."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line and exit status 2, as argparse does, but terser
        self.print_usage(sys.stderr)
        sys.stderr.write(f"broadsheet: error: {message}\n")
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="broadsheet",
        description="Read news articles from web pages, JSON, ninjs or NewsML-G2 and write them as "
        "JSON, ninjs, NewsML-G2, EPUB or PDF.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        help="convert one document to one or more formats",
        description="Read each INPUT (a file, a folder, a URL or - for stdin) and write it to each OUTPUT. "
        "One input goes to files named by -o; many go to a folder (-o out/) or one JSON Lines file "
        "(-o day.jsonl). Formats are told from the file extensions and the content; --from and --to "
        "override them.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files, folders (read recursively), http(s) URLs, or - for standard input",
    )
    convert.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="OUTPUT",
        help="where to write: a file (repeat for several formats; - is standard output), "
        "a folder (ends in /), or a .jsonl file",
    )
    _add_batch(convert)
    _add_common(convert)

    edition = commands.add_parser(
        "edition",
        help="collect articles into one edition (EPUB, PDF, JSON, NewsML-G2)",
        description="Read every INPUT (in any readable format) and write them as one edition.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    edition.add_argument("inputs", nargs="*", metavar="INPUT", help="articles, in reading order")
    edition.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="OUTPUT",
        help="where to write; repeat for several formats",
    )
    _add_watch(edition)
    edition.add_argument("--title", required=True, help="the edition's title")
    edition.add_argument("--date", help="the edition's date, YYYY-MM-DD")
    edition.add_argument("--publisher", help="the publisher's name")
    edition.add_argument("--language", help="the edition's language (BCP 47); default: the articles'")
    edition.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="NAME:FILES",
        help="a named section and its comma-separated files, URLs or feeds; repeat for more",
    )
    edition.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="FEED",
        help="an RSS/Atom feed or sitemap (URL or file): a section of its articles, titled with its title",
    )
    edition.add_argument(
        "--max-articles", type=int, metavar="N", help="at most N articles from each feed (after --since)"
    )
    edition.add_argument(
        "--since", metavar="WHEN", help="only feed entries since a date (2026-12-01) or a time ago (24h, 7d)"
    )
    _add_robots(edition)
    _add_common(edition)

    explain = commands.add_parser(
        "explain",
        help="show why an HTML page's text was kept out of the body",
        description="Read an HTML page (a file, a URL or - for stdin) and show, for each piece of its text "
        "that did not reach the body, the stage and rule that left it out, and the containers weighed.",
    )
    explain.add_argument("input", metavar="INPUT", help="a file, an http(s) URL, or - for standard input")
    explain.add_argument("--url", help="the page's address (resolves links, picks a site profile)")
    explain.add_argument("--json", action="store_true", help="print the record as JSON")
    explain.add_argument(
        "-R",
        "--read-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an HTML reader option (e.g. -R profile=none); repeatable",
    )
    _add_comments(explain)
    explain.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for a URL (default 30)",
    )

    formats = commands.add_parser("formats", help="list the installed formats")
    formats.add_argument("--json", action="store_true", help="print the list as JSON")
    commands.add_parser("schema", help="print the JSON Schema of the native JSON format")
    return parser


def _add_watch(parser: argparse.ArgumentParser) -> None:
    """The flags that say how much a command tells: -q, -v, --strict."""
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, warnings or summary; errors only"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="name each page as it is done")
    parser.add_argument(
        "--strict", action="store_true", help="a warning fails its page (nothing of it is written)"
    )


def _add_batch(parser: argparse.ArgumentParser) -> None:
    """The flags of a batch of many inputs (see docs/batch.md)."""
    _add_watch(parser)
    batch = parser.add_argument_group("batches", "for many inputs, written to a folder or a .jsonl file")
    batch.add_argument(
        "--input-list",
        metavar="FILE",
        help="a file of paths or URLs, one a line (- for standard input), read as more INPUTs",
    )
    batch.add_argument(
        "--name",
        default=None,
        metavar="TEMPLATE",
        help="file names in an output folder, from {stem} {index} {ext} {slug} {id} {date} "
        "(default {stem}.{ext}; e.g. '{date}/{slug}.{ext}')",
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the cores; 1 works in this process)",
    )
    batch.add_argument(
        "--errors", metavar="FILE", help="write the inputs that failed as JSON Lines (input, error, message)"
    )
    batch.add_argument(
        "--skip-existing",
        action="store_true",
        help="leave alone the inputs whose output file exists (resumes a stopped batch)",
    )
    _add_robots(batch)


def _add_robots(parser: Any) -> None:
    parser.add_argument(
        "--ignore-robots",
        action="store_true",
        help="fetch pages of feeds, sitemaps and URL lists even where the site's robots.txt disallows it",
    )


def _add_comments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--comments",
        action="store_true",
        help="web pages: read the readers' comments too (into JSON and JSONL output; "
        "the body is the same, print and syndication formats leave them out)",
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for a URL (default 30)",
    )
    parser.add_argument("-f", "--from", dest="from_format", metavar="FORMAT", help="the input format")
    parser.add_argument("-t", "--to", dest="to_format", metavar="FORMAT", help="the output format")
    parser.add_argument(
        "-R",
        "--read-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a reader option (e.g. -R profile=zn.ua); repeatable",
    )
    _add_comments(parser)
    parser.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="[FORMAT.]KEY=VALUE",
        help="a writer option (e.g. -O columns=2 or -O pdf.columns=2); repeatable",
    )
    shortcuts = parser.add_argument_group(
        "writer shortcuts", "each sets the writer option of the same name for the outputs that have it"
    )
    for flag, option, meta, text in SHORTCUTS:
        if meta is None:
            shortcuts.add_argument(
                flag,
                dest=f"shortcut_{option}",
                action="store_const",
                const="false" if flag.startswith("--no-") else "true",
                help=text,
            )
        else:
            shortcuts.add_argument(flag, dest=f"shortcut_{option}", metavar=meta, help=text)


def _split(pairs: Sequence[str], flag: str) -> list[tuple[str | None, str, str]]:
    out: list[tuple[str | None, str, str]] = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise OptionError(f"{flag} wants KEY=VALUE, got {pair!r}")
        prefix, dot, name = key.partition(".")
        out.append((prefix, name, value) if dot else (None, key, value))
    return out


def _read_pairs(args: argparse.Namespace) -> list[tuple[str | None, str, str]]:
    """The -R options, and ``--comments`` as the web page reader's ``comments=true``."""
    pairs = _split(args.read_option, "-R")
    if getattr(args, "comments", False):
        pairs.append(("html", "comments", "true"))
    return pairs


def _options_for(fmt: Format, pairs: list[tuple[str | None, str, str]], kind: str) -> dict[str, Any]:
    from broadsheet.formats import registry
    from broadsheet.formats._shared.options import parse_value

    cls = fmt.load_reader().options if kind == "reader" else fmt.load_writer().options
    what = f"the {fmt.name} {kind}"
    return {
        name: parse_value(cls, name, value, what=what)
        for prefix, name, value in pairs
        if prefix is None or registry.get(prefix, can="write" if kind == "writer" else "read") == fmt
    }


def _targets(outputs: list[str], to_format: str | None) -> list[tuple[str, Format]]:
    from broadsheet.formats import registry

    if to_format and len(outputs) > 1:
        raise OptionError("--to names one format; with several outputs, let their extensions choose")
    targets = []
    for output in outputs:
        if to_format:
            fmt = registry.get(to_format, can="write")
        elif output == "-":
            raise OptionError("writing to standard output needs --to FORMAT")
        else:
            fmt = registry.for_output(output)
        targets.append((output, fmt))
    return targets


def _read(source: str, args: argparse.Namespace) -> Document:
    try:
        return _read_with_options(source, args, args.from_format)
    except BroadsheetError as error:
        raise _Located(source, error) from error


def _read_with_options(source: Any, args: argparse.Namespace, from_format: str | None) -> Document:
    """``source`` read with ``from_format`` (else the reader its bytes call for) and the -R options
    that reader takes; loaded once, so a URL is fetched and standard input read only once."""
    from broadsheet.formats import read_document, registry

    pairs = _read_pairs(args)
    if not pairs:
        return read_document(source, from_format, timeout=args.timeout)
    from broadsheet.formats._shared.sources import load

    loaded = load(source, timeout=args.timeout)
    fmt = registry.get(from_format) if from_format else registry.for_input(loaded.data, loaded.name)
    return read_document(loaded, fmt.name, timeout=args.timeout, **_options_for(fmt, pairs, "reader"))


class _Located(Exception):
    def __init__(self, where: str, error: BroadsheetError) -> None:
        text = str(error)
        # Source errors already start with the file name; don't say it twice.
        super().__init__(text if text.startswith(where) else f"{where}: {text}")
        self.error = error


def _shortcut_pairs(
    targets: list[tuple[str, Format]], args: argparse.Namespace
) -> list[tuple[str | None, str, str]]:
    pairs: list[tuple[str | None, str, str]] = []
    for flag, option, _, _ in SHORTCUTS:
        value = getattr(args, f"shortcut_{option}", None)
        if value is None:
            continue
        takers = [fmt for _, fmt in targets if _has_option(fmt, option)]
        if not takers:
            raise OptionError(f"{flag} does not apply to any of the outputs")
        pairs.extend((fmt.name, option, value) for fmt in takers)
    return pairs


def _has_option(fmt: Format, option: str) -> bool:
    import attrs

    cls = fmt.load_writer().options
    return cls is not None and option in attrs.fields_dict(cls)


def _emit(
    document: Document, targets: list[tuple[str, Format]], args: argparse.Namespace, inputs: Sequence[str]
) -> None:
    from broadsheet.formats import write
    from broadsheet.formats._shared.files import write_all_atomic

    pairs = _split(args.option, "-O") + _shortcut_pairs(targets, args)
    if not any(name == "image_dir" for _, name, _ in pairs):
        pairs += _input_folders(targets, inputs)
    rendered = []
    met: dict[str, tuple[list[str], str]] = {}  # problem -> (outputs that met it, first wording)
    # Render everything before writing anything, so one failing format leaves no files behind.
    for output, fmt in targets:
        options = _options_for(fmt, pairs, "writer")
        name = "<stdout>" if output == "-" else output
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                rendered.append((output, write(document, fmt.name, **options)))
            except BroadsheetError as error:
                raise _Located(name, error) from error
        for warning in caught:
            problem = str(getattr(warning.message, "problem", None) or warning.message)
            names, _ = met.setdefault(problem, ([], str(warning.message)))
            if name not in names:
                names.append(name)
    _print_warnings(met, args)
    files = [(output, data) for output, data in rendered if output != "-"]
    write_all_atomic(files)  # its errors start with the file's name already
    for output, data in rendered:
        if output == "-":
            _to_stdout(data)


def _print_warnings(met: dict[str, tuple[list[str], str]], args: argparse.Namespace) -> None:
    """Each problem once, in the command line's spelling; with --strict, fail before writing."""
    for problem, (names, wording) in met.items():
        if not getattr(args, "quiet", False):
            text = wording if len(names) == 1 else problem  # one output: its writer's own, fuller words
            sys.stderr.write(f"broadsheet: warning: {', '.join(names)}: {cli_spelling(text)}\n")
    if met and getattr(args, "strict", False):
        names = sorted({name for found, _ in met.values() for name in found})
        count = f"{len(met)} warning" + ("s" if len(met) > 1 else "")
        raise _Located(
            ", ".join(names), WriteError(f"{count}, and --strict makes them errors; nothing written")
        )


def _python_spellings() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for flag, option, meta, _ in SHORTCUTS:
        if meta is None:
            key = f"{option}={'False' if flag.startswith('--no-') else 'True'}"
            spellings.setdefault(key, flag)  # the first flag of an option is its current name
    return spellings


def cli_spelling(text: str) -> str:
    """A message that names a Python option (``fetch_images=True``) as its flag (``--fetch-images``)."""
    for python, flag in _python_spellings().items():
        text = text.replace(python, flag)
    return text


def _to_stdout(data: bytes) -> None:
    """Write to standard output; a closed or full one is an ordinary output error, not a bug."""
    if sys.stdout is None:  # started with file descriptor 1 closed
        raise OutputError("<stdout>: standard output is closed")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise OutputError(f"<stdout>: cannot write: {reason}") from error


def _input_folders(
    targets: list[tuple[str, Format]], inputs: Sequence[str]
) -> list[tuple[str | None, str, str]]:
    """``image_dir`` for the writers that take it: the folders of the local inputs, so that a saved
    page's images beside it are found and nothing else on the disk is read."""
    folders = []
    for source in inputs:
        if source != "-" and "://" not in source and os.path.isfile(source):
            folder = os.path.dirname(os.path.abspath(source))
            if folder not in folders:
                folders.append(folder)
    if not folders:
        return []
    value = os.pathsep.join(folders)
    return [(fmt.name, "image_dir", value) for _, fmt in targets if _has_option(fmt, "image_dir")]


def _convert(args: argparse.Namespace) -> int:
    if not args.inputs and not args.input_list:
        raise _Usage("convert needs at least one INPUT (or --input-list FILE)")
    if args.name and not any(_is_site(output) for output in args.output):
        raise _Usage("--name names files in an output folder (-o out/)")
    if not _is_batch(args):
        targets = _targets(args.output, args.to_format)
        if args.skip_existing and all(os.path.exists(output) for output, _ in targets if output != "-"):
            return 0
        try:
            _emit(_read(args.inputs[0], args), targets, args, args.inputs)
        except _Located as error:
            report = _ErrorsReport(args.errors)  # one input: the report has its one line too
            report.add(args.inputs[0], type(error.error).__name__, _one_line(str(error.error)))
            report.close()
            raise
        return 0
    return _convert_batch(args)


class _Usage(Exception):
    """A command line that asks for something impossible: exit status 2, as argparse's own errors."""


_JSON_LINES = (".jsonl", ".ndjson")


def _is_batch(args: argparse.Namespace) -> bool:
    """Whether ``convert`` runs as a batch: many inputs, a folder or list, an input that holds many
    pages (a WARC crawl, a JSON Lines file), or a folder or JSON Lines output."""
    if args.input_list or len(args.inputs) != 1 or os.path.isdir(args.inputs[0]):
        return True
    if args.inputs[0].lower().endswith((".warc", ".warc.gz", *_JSON_LINES)):
        return True
    return any(_is_site(output) or output.lower().endswith(_JSON_LINES) for output in args.output)


def _batch_sinks(args: argparse.Namespace) -> list[Any]:
    from broadsheet.batch import DEFAULT_TEMPLATE, sink_for
    from broadsheet.formats import registry

    sinks: list[Any] = []
    for output in args.output:
        if output == "-":
            if args.to_format is None or registry.get(args.to_format, can="write").name != "jsonl":
                raise _Usage("a batch writes to standard output as JSON Lines: add --to jsonl")
            if sys.stdout is None:
                raise OutputError("<stdout>: standard output is closed")
            from broadsheet.batch import StreamSink

            sinks.append(StreamSink(sys.stdout.buffer))
            continue
        if output.lower().endswith(_JSON_LINES) and not os.path.isdir(output):
            if args.skip_existing:
                raise _Usage(
                    f"--skip-existing resumes a folder output; {output} is written whole at the end or not at all"
                )
        elif not _is_site(output):
            raise _Usage(
                f"{output}: several inputs go to a folder (-o out/) or a .jsonl file, not to one file"
            )
        sinks.append(
            sink_for(
                output,
                to=args.to_format,
                name=args.name or DEFAULT_TEMPLATE,
                skip_existing=args.skip_existing,
            )
        )
    return sinks


def _batch_job(args: argparse.Namespace, sinks: list[Any]) -> Any:
    from broadsheet.batch import Job, Target
    from broadsheet.formats import registry

    targets = [(f"{sink.format}:", registry.get(sink.format, can="write")) for sink in sinks]
    pairs = _split(args.option, "-O") + _shortcut_pairs(targets, args)
    read_options: dict[str, Any] = {}
    read_pairs = _read_pairs(args)
    if read_pairs:
        # Every input is read with these; with no --from they are the web page reader's.
        reader = registry.get(args.from_format or "html", can="read")
        read_options = _options_for(reader, read_pairs, "reader")
    return Job(
        targets=tuple(
            Target(format=fmt.name, options=_options_for(fmt, pairs, "writer")) for _, fmt in targets
        ),
        read_format=args.from_format,
        read_options=read_options,
        timeout=args.timeout,
        images_beside_input=not any(name == "image_dir" for _, name, _ in pairs),
    )


def _batch_items(args: argparse.Namespace) -> Any:
    from broadsheet.inputs import expand

    return expand(
        args.inputs, timeout=args.timeout, input_list=args.input_list, robots=not args.ignore_robots
    )


def _convert_batch(args: argparse.Namespace) -> int:
    """Convert many inputs; 0 when all were converted, 1 when some failed."""
    from broadsheet.batch import run, write_results

    if args.jobs is not None and args.jobs < 1:
        raise _Usage(f"--jobs wants a number of at least 1, got {args.jobs}")
    sinks = _batch_sinks(args)
    job = _batch_job(args, sinks)
    folders = [sink for sink in sinks if hasattr(sink, "done")]

    def done(index: int, item: Any) -> bool:
        return all(sink.done(index, item) for sink in folders)

    skip = done if args.skip_existing and folders else None
    report = _ErrorsReport(args.errors)
    watch = _Watch(args)
    results = write_results(
        run(_batch_items(args), job, jobs=args.jobs, skip=skip), sinks, strict_warnings=args.strict
    )
    try:
        for result in results:
            watch.show(result)
            if result.error is not None:
                report.add(result.origin, result.error.kind, result.error.message)
    finally:
        results.close()  # on Ctrl-C too: the sinks drop what is incomplete, the workers stop
        report.close()
        watch.close()
    return 1 if watch.failed else 0


class _ErrorsReport:
    """The --errors file: one JSON line per failed input, flushed as it comes, so a stopped batch keeps it."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._file: Any = None
        if path is not None:
            try:
                self._file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
            except OSError as error:
                raise OutputError(f"{path}: cannot write: {error.strerror or error}") from error

    def add(self, origin: str, kind: str, message: str) -> None:
        if self._file is not None:
            record = {"input": origin, "error": kind, "message": message}
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class _Watch:
    """What a person running a batch sees: a progress bar on a terminal, -v lines, warnings, a summary."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.quiet = bool(args.quiet)
        self.verbose = bool(args.verbose)
        self.errors_file = args.errors
        self.converted = self.failed = self.skipped = self.warnings = 0
        self.started = time.monotonic()
        self.bar: Any = None
        if not self.quiet and sys.stderr is not None and sys.stderr.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped]

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=False)

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            sys.stderr.write(line + "\n")

    def show(self, result: Any) -> None:
        self.warnings += len(result.notices)
        if result.skipped:
            self.skipped += 1
        elif result.error is not None:
            self.failed += 1
        else:
            self.converted += 1
        if not self.quiet:
            for notice in result.notices:
                self._say(f"broadsheet: warning: {result.origin}: {cli_spelling(notice.problem)}")
        if result.error is not None and (not self.errors_file or self.verbose):
            self._say(f"broadsheet: error: {result.origin}: {cli_spelling(_one_line(result.error.message))}")
        elif self.verbose and not self.quiet:
            where = "skipped, already done" if result.skipped else ", ".join(result.paths) or "done"
            self._say(f"broadsheet: {result.origin} -> {where}")
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        if self.quiet:
            return
        seconds = time.monotonic() - self.started
        done = self.converted + self.failed
        rate = f", {done / seconds:.1f} pages/s" if seconds > 0 and done else ""
        parts = [f"{self.converted} converted", f"{self.failed} failed", f"{self.warnings} warnings"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        where = f" (see {self.errors_file})" if self.failed and self.errors_file else ""
        sys.stderr.write(f"broadsheet: {', '.join(parts)}{where} in {seconds:.1f} s{rate}\n")


def _is_site(output: str) -> bool:
    """Whether an output names a folder: then an edition is written as a static HTML site."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _edition(args: argparse.Namespace) -> None:
    from broadsheet.model import Edition, Publisher, Section

    sites = [output for output in args.output if _is_site(output)]
    targets = _targets([output for output in args.output if not _is_site(output)], args.to_format)
    date = None  # checked first: a wrong --date should not wait for the feeds
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise OptionError(f"--date wants YYYY-MM-DD, got {args.date!r}") from None
    sections: list[Section] = []
    inputs = list(args.inputs)  # every input, in order: their folders are where images are read
    if args.inputs:
        sections.append(Section(articles=[_article(path, args) for path in args.inputs]))
    parsed = []
    for spec in args.section:
        name, sep, files = spec.partition(":")
        if not sep or not name.strip() or not files.strip():
            raise OptionError(f"--section wants NAME:FILE[,FILE...], got {spec!r}")
        parsed.append((name, [path.strip() for path in files.split(",") if path.strip()]))
    fed = _fetch_feeds([path for _, paths in parsed for path in paths] + list(args.feed), args)
    seen: set[str] = set()  # the articles' own URLs: one page that two feeds list under two addresses
    for name, paths in parsed:
        inputs += [path for path in paths if path not in fed]
        articles: list[Article] = []
        for path in paths:
            articles += _feed_articles(fed[path], args, seen) if path in fed else [_article(path, args)]
        if articles:
            sections.append(Section(title=name, articles=articles))
    for feed in args.feed:
        articles = _feed_articles(fed[feed], args, seen)
        if articles:
            sections.append(Section(title=fed[feed].title or feed, articles=articles))
    if not any(section.articles for section in sections):
        raise OptionError("an edition needs at least one INPUT, --section or --feed with articles")
    edition = Edition(
        title=args.title,
        sections=sections,
        date=date,
        publisher=Publisher(name=args.publisher) if args.publisher else None,
        language=args.language,
    )
    _emit(edition, targets, args, inputs)
    for site in sites:
        from broadsheet.formats.html_page import WriteOptions, write_site

        try:
            write_site(edition, site.rstrip("/" + os.sep) or site, WriteOptions())
        except BroadsheetError as error:
            raise _Located(site, error) from error


def _fetch_feeds(specs: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """The feeds among ``specs`` (URLs, and files that are feeds) with their pages fetched, by spec."""
    from broadsheet.inputs.feed_pages import gather, is_feed_file, is_url, parse_since

    wanted = list(dict.fromkeys(spec for spec in specs if is_url(spec) or is_feed_file(spec)))
    if not wanted:
        return {}
    if args.max_articles is not None and args.max_articles < 1:
        raise OptionError(f"--max-articles wants a positive number, got {args.max_articles}")
    since = parse_since(args.since) if args.since else None
    gathered = gather(
        wanted,
        timeout=args.timeout,
        max_articles=args.max_articles,
        since=since,
        robots=not args.ignore_robots,
    )
    return {feed.spec: feed for feed in gathered}


def _feed_articles(feed: Any, args: argparse.Namespace, seen: set[str]) -> list[Article]:
    """A feed's pages read as articles, in its order; a page that fails is a warning, not the end."""
    from broadsheet.model import Edition

    if feed.error is not None:
        sys.stderr.write(f"broadsheet: warning: {_one_line(str(feed.error))}\n")
        return []
    articles = []
    for item in feed.pages:
        try:
            if item.error is not None:
                raise item.error
            document = _read_with_options(item.source, args, None)  # a feed's pages: told by their bytes
        except OptionError:
            raise  # a -R option the reader does not take: the command is wrong, not the page
        except BroadsheetError as error:
            _left_out(item.origin, str(error))
            continue
        if isinstance(document, Edition):
            _left_out(item.origin, "holds an edition; an edition's inputs are single articles")
            continue
        if document.url is not None:
            if document.url in seen:
                continue
            seen.add(document.url)
        articles.append(document)
    return articles


def _left_out(origin: str, text: str) -> None:
    where = "" if text.startswith(origin) else f"{origin}: "
    sys.stderr.write(f"broadsheet: warning: left out: {where}{_one_line(text)}\n")


def _article(path: str, args: argparse.Namespace) -> Article:
    from broadsheet.model import Edition

    document = _read(path, args)
    if args.verbose and not args.quiet:
        sys.stderr.write(f"broadsheet: read {path}\n")
    if isinstance(document, Edition):
        raise _Located(path, OptionError("holds an edition; an edition's inputs are single articles"))
    return document


def _explain(args: argparse.Namespace) -> None:
    from broadsheet.formats import registry
    from broadsheet.formats._shared.sources import load
    from broadsheet.formats.html.explain import explain

    try:
        options = _options_for(registry.get("html", can="read"), _read_pairs(args), "reader")
        loaded = load(args.input, timeout=args.timeout)
        explanation = explain(loaded, url=args.url, timeout=args.timeout, **options)
    except BroadsheetError as error:
        raise _Located(args.input, error) from error
    if args.json:
        _to_stdout((json.dumps(explanation.json(), indent=1, ensure_ascii=False) + "\n").encode())
    else:
        _to_stdout(explanation.text().encode())


def _formats(args: argparse.Namespace) -> None:
    from broadsheet.formats import registry

    rows = registry.available()
    if args.json:
        data = [
            {
                "name": f.name,
                "aliases": list(f.aliases),
                "extensions": list(f.extensions),
                "media_type": f.media_type,
                "read": f.can_read,
                "write": f.can_write,
                "title": f.title,
            }
            for f in rows
        ]
        _to_stdout((json.dumps(data, indent=2) + "\n").encode())
        return
    width = max(len(f.name) for f in rows)
    lines = []
    for f in rows:
        can = ("r" if f.can_read else "-") + ("w" if f.can_write else "-")
        lines.append(f"{f.name:<{width}}  {can}  {' '.join(f.extensions):<28} {f.title}\n")
    _to_stdout("".join(lines).encode())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    previous = _on_terminate()
    try:
        if args.command == "convert":
            return _convert(args)
        elif args.command == "edition":
            _edition(args)
        elif args.command == "explain":
            _explain(args)
        elif args.command == "formats":
            _formats(args)
        elif args.command == "schema":
            from broadsheet.formats.json.schema import schema_text

            _to_stdout(schema_text().encode())
        return 0
    except _Usage as error:
        sys.stderr.write(f"broadsheet: error: {error}\n")
        return 2
    except (_Located, BroadsheetError) as error:
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"broadsheet: error: {cli_spelling(_one_line(str(error)))}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("broadsheet: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader of our stdout went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug of ours: say so in one line, never a bare traceback
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(
            f"broadsheet: internal error: {type(error).__name__}: {error} (run with --debug and report it)\n"
        )
        return 70
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _one_line(text: str) -> str:
    """An error message on one line, as the command line promises, whatever raised it."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _terminated(signum: int, frame: object) -> None:
    # SIGTERM (a `kill`, a CI timeout) unwinds like an exception, so the atomic writers
    # remove their temporaries instead of leaving `.part` files behind.
    raise SystemExit(128 + signum)


def _on_terminate() -> Any:
    """Install the SIGTERM handler when we may (the main thread, default handler); return the old one."""
    if threading.current_thread() is not threading.main_thread():
        return None
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return None
    return signal.signal(signal.SIGTERM, _terminated)


if __name__ == "__main__":
    sys.exit(main())
