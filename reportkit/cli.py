"""The ``reportkit`` command. Thin: parses arguments, calls the public API, maps errors to exit codes.

Exit codes: 0 success; 1 any other reportkit error; 2 usage; 3 unreadable or unsafe input;
4 a filled workbook that does not validate; 5 a template that cannot be rendered;
6 an output that cannot be written; 70 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ReportkitError, UsageError

if TYPE_CHECKING:
    from .limits import Limits

EPILOG = "Exit codes: 0 ok, 1 error, 2 usage, 3 bad input, 4 bad workbook, 5 bad template, 6 cannot write output."


def _limits(args: argparse.Namespace) -> Limits:
    from .limits import Limits  # attrs loads only when a command needs it, not for --help

    if args.max_bytes is None:
        return Limits()
    return Limits(max_bytes=args.max_bytes, max_chars=max(args.max_bytes, 1))


def _add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="refuse input files larger than N bytes (default 33554432 = 32 MiB)",
    )


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
    _add_limits(p)

    p = sub.add_parser("draft", help="roll a report forward: data-collection workbook and first draft")
    p.add_argument("file", help="this year's report, the starting point for next year's")
    p.add_argument("-o", "--output", default=".", metavar="DIR", help="folder for the drafts (default: .)")
    p.add_argument("--template", metavar="DOCX", help="a docxtpl Word template (default: the GB/T 9704 one)")
    _add_limits(p)

    p = sub.add_parser("fill", help="read a filled data-collection workbook and write the report")
    p.add_argument("workbook", help="the workbook written by `reportkit draft`, filled in")
    p.add_argument("-o", "--output", required=True, metavar="DOCX", help="the Word file to write")
    p.add_argument("--template", metavar="DOCX", help="a docxtpl Word template (default: the GB/T 9704 one)")
    p.add_argument(
        "--allow-missing", action="store_true", help="write 【待填】 for values not filled instead of failing"
    )

    p = sub.add_parser("demo", help="compare the bundled 2022 and 2023 reports and draft 2024 (no arguments needed)")
    p.add_argument("-o", "--output", default="reportkit-demo", metavar="DIR", help="default: ./reportkit-demo")
    return parser


def _write_text(dest: str, text: str) -> None:
    if dest == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
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

        sys.stdout.write(render_report(report, color=_color()))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .api import compare, read

    limits = _limits(args)
    diff = compare(read(args.old, limits=limits), read(args.new, limits=limits))
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

        sys.stdout.write(render_diff(diff, color=_color()))
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    from .api import read
    from .draft import draft

    result = draft(read(args.file, limits=_limits(args)), Path(args.output), template=args.template)
    print(f"workbook  {result.workbook}")
    print(f"draft     {result.docx}")
    return 0


def cmd_fill(args: argparse.Namespace) -> int:
    from .draft import fill

    out = fill(args.workbook, args.output, template=args.template, allow_missing=args.allow_missing)
    print(f"wrote {out}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    run_demo(Path(args.output), progress=lambda line: print(line, flush=True))
    return 0


COMMANDS = {"parse": cmd_parse, "diff": cmd_diff, "draft": cmd_draft, "fill": cmd_fill, "demo": cmd_demo}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return UsageError.exit_code
    try:
        return COMMANDS[args.command](args)
    except ReportkitError as e:
        print(f"reportkit: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("reportkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug of ours: still one line, never a traceback, unless asked for
        if os.environ.get("REPORTKIT_DEBUG"):
            raise
        print(f"reportkit: internal error: {type(e).__name__}: {e} (set REPORTKIT_DEBUG=1 for details)",
              file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
