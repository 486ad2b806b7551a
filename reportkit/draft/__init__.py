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

from ..errors import PathLike, UsageError
from ..model import Report
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
from .filling import build_context, fill
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


def draft_names(d: DraftReport) -> tuple[str, str]:
    """File names of the workbook and first draft: 2023-数据填报.xlsx / 2023-初稿.docx (or English)."""
    year = str(d.year) if d.year else "next"
    if d.language == "en":
        return f"{year}-data-collection.xlsx", f"{year}-draft.docx"
    return f"{year}-数据填报.xlsx", f"{year}-初稿.docx"


def draft(report: Report, outdir: PathLike, *, template: PathLike | None = None) -> DraftResult:
    """Roll ``report`` forward and write the data-collection workbook and the first draft into ``outdir``."""
    if not isinstance(report, Report):
        raise UsageError(f"draft expects a Report (got {type(report).__name__}); use reportkit.read first")
    folder = Path(os.fspath(outdir))
    d = roll_forward(report)
    xlsx_name, docx_name = draft_names(d)
    # The docx first: a template error must not leave a workbook behind that looks like success.
    docx = render_docx(template, d.language, build_context(d), folder / docx_name)
    workbook = collection_workbook(d, folder / xlsx_name)
    return DraftResult(d, workbook, docx)
