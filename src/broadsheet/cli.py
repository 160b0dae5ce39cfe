"""The ``broadsheet`` command line: convert documents, build editions, list formats."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from broadsheet.errors import BroadsheetError, OptionError, OutputError
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
  broadsheet edition a.html b.json c.xml -o today.epub --title "Ранковий випуск" --date 2022-01-21
  broadsheet edition --section "Політика:a.html,b.html" --section "Світ:c.xml" -o today.pdf --title Digest
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
        description="Read INPUT (a file, a URL or - for stdin) and write it to each OUTPUT. Formats are "
        "told from the file extensions and the content; --from and --to override them.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("input", metavar="INPUT", help="a file, an http(s) URL, or - for standard input")
    convert.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="OUTPUT",
        help="where to write; repeat for several formats; - is standard output",
    )
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
    edition.add_argument("--title", required=True, help="the edition's title")
    edition.add_argument("--date", help="the edition's date, YYYY-MM-DD")
    edition.add_argument("--publisher", help="the publisher's name")
    edition.add_argument("--language", help="the edition's language (BCP 47); default: the articles'")
    edition.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="NAME:FILES",
        help="a named section and its comma-separated files; repeat for more",
    )
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
    from broadsheet.formats import read_document, registry

    try:
        pairs = _split(args.read_option, "-R")
        options: dict[str, Any] = {}
        if pairs:
            from broadsheet.formats._shared.sources import load

            loaded = load(source, timeout=args.timeout)
            fmt = (
                registry.get(args.from_format)
                if args.from_format
                else registry.for_input(loaded.data, loaded.name)
            )
            options = _options_for(fmt, pairs, "reader")
            return read_document(
                loaded.data if source == "-" else source, fmt.name, timeout=args.timeout, **options
            )
        return read_document(source, args.from_format, timeout=args.timeout)
    except BroadsheetError as error:
        raise _Located(source, error) from error


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
            sys.stderr.write(f"broadsheet: warning: {name}: {warning.message}\n")
    files = [(output, data) for output, data in rendered if output != "-"]
    write_all_atomic(files)  # its errors start with the file's name already
    for output, data in rendered:
        if output == "-":
            _to_stdout(data)


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


def _convert(args: argparse.Namespace) -> None:
    targets = _targets(args.output, args.to_format)
    _emit(_read(args.input, args), targets, args, [args.input])


def _is_site(output: str) -> bool:
    """Whether an output names a folder: then an edition is written as a static HTML site."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _edition(args: argparse.Namespace) -> None:
    from broadsheet.model import Edition, Publisher, Section

    sites = [output for output in args.output if _is_site(output)]
    targets = _targets([output for output in args.output if not _is_site(output)], args.to_format)
    sections: list[Section] = []
    inputs = list(args.inputs)  # every input, in order: their folders are where images are read
    if args.inputs:
        sections.append(Section(articles=[_article(path, args) for path in args.inputs]))
    for spec in args.section:
        name, sep, files = spec.partition(":")
        if not sep or not name.strip() or not files.strip():
            raise OptionError(f"--section wants NAME:FILE[,FILE...], got {spec!r}")
        paths = [path.strip() for path in files.split(",") if path.strip()]
        inputs += paths
        sections.append(Section(title=name, articles=[_article(path, args) for path in paths]))
    if not sections:
        raise OptionError("an edition needs at least one INPUT or --section")
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise OptionError(f"--date wants YYYY-MM-DD, got {args.date!r}") from None
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


def _article(path: str, args: argparse.Namespace) -> Article:
    from broadsheet.model import Edition

    document = _read(path, args)
    if isinstance(document, Edition):
        raise _Located(path, OptionError("holds an edition; an edition's inputs are single articles"))
    return document


def _explain(args: argparse.Namespace) -> None:
    from broadsheet.formats import registry
    from broadsheet.formats._shared.sources import load
    from broadsheet.formats.html.explain import explain

    try:
        options = _options_for(registry.get("html", can="read"), _split(args.read_option, "-R"), "reader")
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
            _convert(args)
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
    except (_Located, BroadsheetError) as error:
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"broadsheet: error: {_one_line(str(error))}\n")
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
