"""``reportkit demo``: the main job on the bundled example, with no arguments and no network.

Reads the two bundled 莲都区 reports (2022: a real published report; 2023: invented for the demo and
marked so in its first line), compares them, writes the comparison as HTML, Excel, Word (tracked
changes) and JSON, then drafts 2024 from the 2023 report. Every file is written atomically by the
function that writes it, so an interrupted demo never leaves a half-written file that looks whole.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

from ._io import atomic_open
from .comparison.records import FollowStatus, MetricStatus, ReportDiff
from .errors import OutputError, PathLike
from .model import Report

__all__ = ["EXAMPLE_NAMES", "DemoResult", "example_path", "run_demo"]

#: The bundled reports, last year's first. Package data of ``reportkit.examples``.
EXAMPLE_NAMES = ("liandu-2022.txt", "liandu-2023.txt")

STEPS = 6


@attrs.frozen
class DemoResult:
    """What the demo wrote, all inside ``outdir``; ``html`` is the file to open first."""

    outdir: Path
    html: Path
    xlsx: Path
    docx: Path
    json: Path
    workbook: Path  # the 2024 data-collection workbook (数据填报)
    draft: Path  # the 2024 first draft (初稿)

    @property
    def paths(self) -> tuple[Path, ...]:
        return (self.html, self.xlsx, self.docx, self.json, self.workbook, self.draft)


@contextlib.contextmanager
def example_path(name: str) -> Iterator[Path]:
    """A filesystem path for a bundled example (extracted to a temporary file if the package is zipped)."""
    resource = importlib.resources.files("reportkit.examples") / name
    with importlib.resources.as_file(resource) as path:
        yield path


def run_demo(outdir: PathLike, progress: Callable[[str], None] = print) -> DemoResult:
    """Compare the bundled 2022 and 2023 reports and draft 2024; write everything into ``outdir``."""
    # Imported here: the renderers and the drafting code are only needed once the demo runs.
    from .api import compare, read
    from .draft import draft
    from .render.excel import write_xlsx
    from .render.html import write_html
    from .render.word import write_docx

    folder = Path(os.fspath(outdir))
    if folder.exists() and not folder.is_dir():
        raise OutputError("not a folder", path=folder)

    progress(f"[1/{STEPS}] reading the bundled examples {EXAMPLE_NAMES[0]} and {EXAMPLE_NAMES[1]}")
    old, new = (_read_example(name, read) for name in EXAMPLE_NAMES)
    progress(f"      {_describe(old)}; {_describe(new)}")

    progress(f"[2/{STEPS}] comparing {_year(old)} with {_year(new)}")
    diff = compare(old, new)
    for line in summary_lines(diff):
        progress("      " + line)

    html = folder / "diff.html"
    progress(f"[3/{STEPS}] writing {html}")
    write_html(diff, html)

    xlsx = folder / "diff.xlsx"
    progress(f"[4/{STEPS}] writing {xlsx}")
    write_xlsx(diff, xlsx)

    docx = folder / "diff-tracked-changes.docx"
    js = folder / "diff.json"
    progress(f"[5/{STEPS}] writing {docx} and {js}")
    write_docx(diff, docx)
    with atomic_open(js) as f:
        f.write(diff.to_json())

    progress(f"[6/{STEPS}] drafting {_year(new, 1)} from the {_year(new)} report into {folder}")
    drafted = draft(new, folder, force=True)  # a rerun keeps the old draft as a dated backup

    result = DemoResult(folder, html, xlsx, docx, js, drafted.workbook, drafted.docx)
    for line in closing_lines(result):
        progress(line)
    return result


def summary_lines(diff: ReportDiff) -> list[str]:
    """A few lines on what changed: metrics up/down/dropped, commitments followed, stated changes checked."""
    metrics = {s: sum(1 for p in diff.metrics if p.status is s) for s in MetricStatus}
    follow = {s: sum(1 for f in diff.commitments if f.status is s) for s in FollowStatus}
    wrong = sum(1 for c in diff.stated_changes if c.consistent is False)
    return [
        (f"metrics: {metrics[MetricStatus.UP]} up, {metrics[MetricStatus.DOWN]} down, "
         f"{metrics[MetricStatus.UNCHANGED]} unchanged, {metrics[MetricStatus.DROPPED]} dropped, "
         f"{metrics[MetricStatus.NEW]} new"),
        (f"last year's commitments: {follow[FollowStatus.MET]} met, {follow[FollowStatus.ADDRESSED]} addressed, "
         f"{follow[FollowStatus.MISSED]} missed, {follow[FollowStatus.NOT_FOUND]} not found"),
        f"stated changes (较去年…): {len(diff.stated_changes)} checked, {wrong} contradict last year's figures",
    ]


def closing_lines(result: DemoResult) -> list[str]:
    what = (
        (result.html, "the comparison as a web page: open this first"),
        (result.xlsx, "the comparison as an Excel workbook (metrics, commitments)"),
        (result.docx, "last year's text redlined into this year's (Word tracked changes)"),
        (result.json, "the comparison as JSON (docs/json.md)"),
        (result.workbook, "next year's data-collection workbook: fill in the new values"),
        (result.draft, "next year's first draft, with slots for the new values"),
    )
    return [
        "",
        f"Done. Wrote {len(what)} files into {result.outdir}:",
        *(f"  {_pad(path.name, 28)} {text}" for path, text in what),
        "",
        f"Open first: {result.html}",
    ]


def _pad(name: str, width: int) -> str:
    # Chinese characters take two columns in a terminal; str.ljust counts them as one.
    columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in name)
    return name + " " * max(width - columns, 1)


def _read_example(name: str, read: Callable[[PathLike], Report]) -> Report:
    with example_path(name) as path:
        return read(path)


def _year(report: Report, ahead: int = 0) -> str:
    year = report.meta.year
    return str(year + ahead) if year else ("next year" if ahead else "the report")


def _describe(report: Report) -> str:
    name = Path(report.meta.source_path or "report").name
    return (f"{name}: {sum(1 for _ in report.walk())} sections, {len(report.metrics)} metrics, "
            f"{len(report.commitments)} commitments")
