"""The ``reportkit`` command. Thin: parses arguments, calls the public API, maps errors to exit codes.

Exit codes: 0 success; 1 any other reportkit error; 2 usage; 3 unreadable or unsafe input;
4 a filled workbook that does not validate; 5 a template that cannot be rendered;
6 an output that cannot be written; 7 a doubtful pair under ``diff --strict``;
70 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from ._io import output_set, write_stdout
from .errors import OutputError, ReportkitError, UsageError, shown_path

if TYPE_CHECKING:
    from .comparison.options import CompareOptions
    from .limits import Limits

EPILOG = ("Exit codes: 0 ok, 1 error, 2 usage, 3 bad input, 4 bad workbook, 5 bad template, 6 cannot write output, "
          "7 doubtful pair (diff --strict).")


# Larger than any file worth reading, small enough for every size computation (1 TiB).
MAX_BYTES_OPTION = 1 << 40


def _byte_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of bytes (got {text!r})") from None
    if not 0 < n <= MAX_BYTES_OPTION:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_BYTES_OPTION} (got {text})")
    return n


def _limits(args: argparse.Namespace) -> Limits:
    from .limits import Limits  # attrs loads only when a command needs it, not for --help

    if args.max_bytes is None:
        return Limits()
    return Limits(max_bytes=args.max_bytes, max_chars=max(args.max_bytes, 1))


def _add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-bytes",
        type=_byte_count,
        metavar="N",
        help="refuse input files larger than N bytes (default 33554432 = 32 MiB)",
    )


_COMPARE_FLAGS = (  # the common thresholds of CompareOptions (docs/api.md lists them all)
    ("--pair-cutoff", "pair_cutoff", "how alike two figures' indicators must be to pair (0-1, default 0.62)"),
    ("--sentence-cutoff", "sentence_cutoff", "how alike two sentences must be to pair (0-1, default 0.5)"),
    ("--min-confidence", "min_confidence", "leave metric pairs less confident than this unpaired (0-1, default 0)"),
)


def _add_compare_options(p: argparse.ArgumentParser) -> None:
    for flag, dest, text in _COMPARE_FLAGS:
        p.add_argument(flag, dest=dest, type=float, metavar="X", help=text)


def _compare_options(args: argparse.Namespace) -> CompareOptions:
    from .comparison.options import CompareOptions  # attrs loads only when a command needs it

    given = {dest: getattr(args, dest) for _, dest, _ in _COMPARE_FLAGS if getattr(args, dest) is not None}
    return CompareOptions(**given)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportkit",
        description="Parse, compare and draft annual reports (法治政府建设年度报告, 政府工作报告, annual reports).",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"reportkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="read a report and show its outline, or write the model as JSON")
    p.add_argument("file", help="a .txt, .html/.htm, .docx or .md report")
    p.add_argument("--json", nargs="?", const="-", metavar="OUT", help="write the model as JSON (to OUT, or stdout)")
    _add_limits(p)

    p = sub.add_parser("diff", help="compare last year's report with this year's")
    p.add_argument("old", help="last year's report")
    p.add_argument("new", help="this year's report")
    p.add_argument("--json", metavar="OUT", help="write the comparison as JSON ('-' for stdout)")
    p.add_argument("--html", metavar="OUT", help="write a self-contained HTML page")
    p.add_argument("--xlsx", metavar="OUT", help="write an Excel workbook")
    p.add_argument("--docx", metavar="OUT", help="write a Word document with tracked changes")
    p.add_argument("--no-summary", action="store_true", help="do not print the terminal summary")
    p.add_argument(
        "--strict", action="store_true",
        help="fail (exit 7) when the pair is doubtful: two organisations, years reversed or not consecutive, "
        "one text twice",
    )
    _add_compare_options(p)
    _add_limits(p)

    p = sub.add_parser("draft", help="roll a report forward: data-collection workbook and first draft")
    p.add_argument("file", help="this year's report, the starting point for next year's")
    p.add_argument("-o", "--output", default=".", metavar="DIR", help="folder for the drafts (default: .)")
    p.add_argument("--template", metavar="DOCX", help="a docxtpl Word template (default: the GB/T 9704 one)")
    p.add_argument(
        "--force", action="store_true", help="replace files already there (each kept first as a dated backup)"
    )
    _add_limits(p)

    p = sub.add_parser("fill", help="read a filled data-collection workbook and write the report")
    p.add_argument("workbook", help="the workbook written by `reportkit draft`, filled in")
    p.add_argument("-o", "--output", required=True, metavar="DOCX", help="the Word file to write")
    p.add_argument("--template", metavar="DOCX", help="a docxtpl Word template (default: the GB/T 9704 one)")
    p.add_argument(
        "--allow-missing", action="store_true", help="write 【待填】 for values not filled instead of failing"
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing output (kept first as a dated backup)"
    )

    p = sub.add_parser("corpus", help="every report under folders, each organisation's years compared, into DuckDB")
    p.add_argument("dir", nargs="+", metavar="DIR", help="folders of reports (.txt, .html, .docx, .md)")
    p.add_argument("-o", "--output", required=True, metavar="DB", help="the DuckDB file (reused by a rerun)")
    p.add_argument("--layout", metavar="PATTERN",
                   help="how paths name organisation and year, e.g. '{org}/{year}.txt' (default: '{org}/{year}.*')")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per core; 1 = none)")
    p.add_argument("--dask", metavar="ADDRESS", help="run on Dask: 'local' (two workers) or tcp://host:8786")
    p.add_argument("--parquet", metavar="DIR", help="also write every table as DIR/<table>.parquet")
    p.add_argument("--html", metavar="OUT", help="write an overview page (organisations × years, targets, series)")
    p.add_argument("--chart", action="append", metavar="LABEL",
                   help="an indicator to chart in the overview (label or part of it; repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    _add_limits(p)

    p = sub.add_parser("demo", help="compare the bundled 2022 and 2023 reports and draft 2024 (no arguments needed)")
    p.add_argument("-o", "--output", default="reportkit-demo", metavar="DIR", help="default: ./reportkit-demo")
    return parser


def _write_text(dest: str, text: str) -> None:
    if dest == "-":
        write_stdout(text if text.endswith("\n") else text + "\n")
        return
    from ._io import atomic_open

    with atomic_open(dest) as f:
        f.write(text)


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def cmd_parse(args: argparse.Namespace) -> int:
    from .api import read

    report = read(args.file, limits=_limits(args))
    if args.json:
        _write_text(args.json, report.to_json())
    else:
        from .render.terminal import render_report

        write_stdout(render_report(report, color=_color()))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .api import compare, read

    limits, options = _limits(args), _compare_options(args)
    diff = compare(read(args.old, limits=limits), read(args.new, limits=limits), options=options)
    for w in diff.warnings:
        print(f"reportkit: warning: {w.message}", file=sys.stderr)
    if args.strict and diff.warnings:
        from .errors import ComparisonWarningError

        raise ComparisonWarningError(
            "; ".join(w.message for w in diff.warnings) + " (--strict: nothing written)", path=args.new
        )
    if args.json:
        _write_text(args.json, diff.to_json())
    if args.html:
        from .render.html import write_html

        write_html(diff, args.html)
    if args.xlsx:
        from .render.excel import write_xlsx

        write_xlsx(diff, args.xlsx)
    if args.docx:
        from .render.word import write_docx

        write_docx(diff, args.docx)
    if not args.no_summary and args.json != "-":
        from .render.terminal import render_diff

        write_stdout(render_diff(diff, color=_color()))
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    from .api import read
    from .draft import draft

    result = draft(
        read(args.file, limits=_limits(args)), Path(args.output), template=args.template, force=args.force
    )
    backups = "".join(f"backup    {backup}\n" for backup in result.backups)
    _after_writing(f"workbook  {result.workbook}\ndraft     {result.docx}\n{backups}")
    return 0


def cmd_fill(args: argparse.Namespace) -> int:
    from .draft import fill

    out = fill(
        args.workbook, args.output, template=args.template, allow_missing=args.allow_missing, force=args.force
    )
    _after_writing(f"wrote {out}\n")
    return 0


def cmd_corpus(args: argparse.Namespace) -> int:
    from .corpus import corpus

    s = corpus(args.dir, args.output, layout=args.layout, workers=args.workers, dask=args.dask,
               parquet=args.parquet, html=args.html, charts=args.chart, limits=_limits(args), progress=not args.quiet)
    print(f"{s.output}: {s.files} files ({s.read} read, {s.skipped} already there, {s.failed} failed), "
          f"{s.compared} comparisons ({s.pairs_skipped} already there), {s.gaps} gaps; {s.seconds:.1f} s on {s.where}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    run_demo(Path(args.output), progress=lambda line: write_stdout(line + "\n"))
    return 0


COMMANDS = {"parse": cmd_parse, "diff": cmd_diff, "draft": cmd_draft, "fill": cmd_fill, "corpus": cmd_corpus,
            "demo": cmd_demo}

# What each command reads (never written over) and the outputs it names (checked before any work).
INPUTS = {
    "parse": (("file", "the input"),),
    "diff": (("old", "an input"), ("new", "an input")),
    "draft": (("file", "the input"), ("template", "the template")),
    "fill": (("workbook", "the workbook"), ("template", "the template")),
    "demo": (),
    "corpus": (),  # the database is written as it goes (reruns reuse it); reportkit.corpus checks its own paths
}
OUTPUTS = {"parse": ("json",), "diff": ("json", "html", "xlsx", "docx"), "fill": ("output",)}
_after: list[str] = []


def _after_writing(text: str) -> None:
    """Print ``text`` once every output of the command is in place (not before a failed rename)."""
    _after.append(text)


def _run(args: argparse.Namespace) -> int:
    with output_set() as outs:
        for dest, what in INPUTS.get(args.command, ()):  # a command missing here still runs, unguarded
            outs.protect(getattr(args, dest, None), what)
        for dest in OUTPUTS.get(args.command, ()):
            outs.claim(getattr(args, dest, None))
        folder = getattr(args, "output", None) if args.command in ("draft", "demo") else None
        if folder is not None and os.path.exists(folder) and not os.path.isdir(folder):
            raise OutputError("is a file, not a folder to write into", path=folder)
        code = COMMANDS[args.command](args)
    for text in _after:
        write_stdout(text)
    _after.clear()
    return code


def _inputs(args: argparse.Namespace) -> list[str]:
    return [v for dest, _ in INPUTS.get(args.command, ()) if isinstance(v := getattr(args, dest, None), str)]


def one_line_cause(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 300 else text[:299] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return UsageError.exit_code
    _after.clear()
    if isinstance(sys.stdout, io.TextIOWrapper):  # a file name that is not UTF-8 is shown, not a crash
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return _run(args)
    except ReportkitError as e:
        print(f"reportkit: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("reportkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `reportkit … | head`: the reader has all it wants
        return 0
    except Exception as e:  # a bug of ours: still one line, never a traceback, unless asked for
        if os.environ.get("REPORTKIT_DEBUG"):
            raise
        files = ", ".join(shown_path(f) for f in _inputs(args)) or "no file"
        cause = one_line_cause(e)
        print(f"reportkit: internal error ({files}): {type(e).__name__}: {cause} (set REPORTKIT_DEBUG=1 for details)",
              file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
