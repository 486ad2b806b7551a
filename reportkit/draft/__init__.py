"""Drafting next year's report: roll forward, collect data in Excel, fill a Word template.

    draft(report, outdir)          → <year>-数据填报.xlsx and <year>-初稿.docx
    fill(workbook, out.docx)       → the report with this year's values

The pieces: ``roll_forward`` (Report → DraftReport), ``collection_workbook`` (→ .xlsx),
``read_workbook`` (filled .xlsx → FilledWorkbook, validated), ``fill`` (→ .docx).
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from ..errors import InputTooLargeError, OutputError, PathLike, UsageError
from ..limits import DEFAULT_LIMITS
from ..model import Report
from . import _layout as L
from ._bounds import draft_problem
from ._docx import render_docx
from ._readback import read_workbook
from ._records import (
    Block,
    BlockKind,
    ChecklistItem,
    DraftReport,
    DraftSentence,
    FilledValue,
    FilledWorkbook,
    Piece,
    PieceKind,
    Progress,
    ProgressStatus,
    Slot,
    SourceIdentity,
)
from ._safety import guard_outputs, refuse_inputs
from .filling import build_context, comments_for, fill
from .rollforward import roll_forward
from .workbook import collection_workbook

__all__ = [
    "Block",
    "BlockKind",
    "ChecklistItem",
    "DraftReport",
    "DraftResult",
    "DraftSentence",
    "FilledValue",
    "FilledWorkbook",
    "Piece",
    "PieceKind",
    "Progress",
    "ProgressStatus",
    "Slot",
    "SourceIdentity",
    "build_context",
    "collection_workbook",
    "draft",
    "draft_names",
    "fill",
    "read_workbook",
    "roll_forward",
]


@attrs.frozen
class DraftResult:
    draft: DraftReport
    workbook: Path
    docx: Path
    backups: tuple[Path, ...] = ()  # what --force kept of the files it replaced


def draft_names(d: DraftReport) -> tuple[str, str]:
    """File names of the workbook and first draft: 2023-数据填报.xlsx / 2023-初稿.docx (or English)."""
    year = str(d.title_year or d.year) if (d.title_year or d.year) else "next"
    return L.say(d.language, "workbook_file").format(year=year), L.say(d.language, "docx_file").format(year=year)


def draft(
    report: Report, outdir: PathLike, *, template: PathLike | None = None, force: bool = False
) -> DraftResult:
    """Roll ``report`` forward and write the data-collection workbook and the first draft into ``outdir``.

    Files already there are refused (a workbook may hold answers) unless ``force``, which copies each
    to a dated backup first (``DraftResult.backups``).
    """
    if not isinstance(report, Report):
        raise UsageError(f"draft expects a Report (got {type(report).__name__}); use reportkit.read first")
    folder = Path(os.fspath(outdir))
    if folder.exists() and not folder.is_dir():
        raise OutputError("not a folder", path=folder)
    d = roll_forward(report)
    problem = draft_problem(d, DEFAULT_LIMITS)
    if problem:
        raise InputTooLargeError(f"the draft would have {problem}", path=report.meta.source_path)
    xlsx_name, docx_name = draft_names(d)
    outputs = [folder / xlsx_name, folder / docx_name]
    source = Path(report.meta.source_path) if report.meta.source_path else None
    for out in outputs:
        refuse_inputs(
            out, [(source, "the report"), (Path(os.fspath(template)) if template is not None else None, "the template")]
        )
    backups = guard_outputs(outputs, force=force, command="reportkit draft")
    # The docx first: a template error must not leave a workbook behind that looks like success.
    docx = render_docx(template, d.language, build_context(d), folder / docx_name, comments=comments_for(d))
    workbook = collection_workbook(d, folder / xlsx_name)
    return DraftResult(d, workbook, docx, tuple(backups))
