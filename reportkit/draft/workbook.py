"""The data-collection workbook: one row per metric, one unlocked input cell each.

The workbook carries the whole draft (as JSON in a very hidden, protected ``_meta`` sheet), so
``reportkit fill`` needs nothing but the filled workbook. Reading it back is in ``_readback``.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from .._io import atomic_path
from .._xlsx import keep_text
from ..errors import PathLike, UsageError
from ..model import MetricKind, Report
from . import _layout as L
from ._records import FORMAT, DraftReport
from .rollforward import roll_forward

_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_UNLOCKED = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")


def collection_workbook(report_or_draft: Report | DraftReport, path: PathLike) -> Path:
    """Write the data-collection workbook for next year's report; returns its path."""
    if isinstance(report_or_draft, Report):
        draft = roll_forward(report_or_draft)
    elif isinstance(report_or_draft, DraftReport):
        draft = report_or_draft
    else:
        raise UsageError(
            f"collection_workbook expects a Report or DraftReport (got {type(report_or_draft).__name__})"
        )
    target = Path(os.fspath(path))
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"the workbook must be an .xlsx file (got {target.name!r})")
    wb = build_workbook(draft)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target


def build_workbook(draft: DraftReport) -> Workbook:
    lay = L.layout_for(draft.language)
    wb = Workbook()
    data = wb.active
    assert data is not None
    data.title = lay.data
    _data_sheet(data, draft, lay)
    _checklist_sheet(wb.create_sheet(lay.checklist), draft, lay)
    _instructions(wb.create_sheet(lay.instructions), lay)
    _meta_sheet(wb.create_sheet(L.META_SHEET), draft)
    wb.active = 0
    return wb


def put_text(ws: Worksheet, row: int, col: int, value: str) -> Any:
    """Write a string as text, never as a formula: report text is data (=HYPERLINK(…) stays a string)."""
    return keep_text(ws.cell(row=row, column=col, value=value))


def _header(ws: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, (name, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = put_text(ws, L.HEADER_ROW, col, name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"{get_column_letter(L.COL_LABEL + 1)}{L.FIRST_ROW}"
    ws.print_title_rows = f"{L.HEADER_ROW}:{L.HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _protect(ws: Worksheet) -> None:
    # No password: protection guards against slips, not against the drafter.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


# Excel's own check as the drafter types (fill checks again: a pasted value skips these).
_VALIDATION: dict[str, tuple[Any, Any, str, str | None]] = {
    "whole": ("whole", "greaterThanOrEqual", "0", None),
    "decimal": ("decimal", "greaterThanOrEqual", "0", None),
    "share": ("decimal", "between", "0", "100"),
    "signed": ("decimal", "between", "-1000", "1000"),
}


def _validations(ws: Worksheet, lay: L.Layout) -> dict[str, DataValidation]:
    out = {}
    for answer, (kind, operator, low, high) in _VALIDATION.items():
        dv = DataValidation(
            type=kind,
            operator=operator,
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=lay.data_headers[L.COL_VALUE - 1],
            error=lay.expect[answer],
        )
        ws.add_data_validation(dv)
        out[answer] = dv
    return out


def _choices(ws: Worksheet, choices: tuple[str, ...]) -> DataValidation:
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True, showErrorMessage=True)
    ws.add_data_validation(dv)
    return dv


def _data_sheet(ws: Worksheet, draft: DraftReport, lay: L.Layout) -> None:
    _header(ws, lay.data_headers, L.DATA_WIDTHS)
    checks = _validations(ws, lay)
    tick = _choices(ws, (lay.tick,))
    met = _choices(ws, lay.met_choices)
    changeable = draft.changeable
    for i, slot in enumerate(draft.input_slots):
        row = L.FIRST_ROW + i
        put_text(ws, row, L.COL_ID, slot.id)
        put_text(ws, row, L.COL_SECTION, slot.section)
        put_text(ws, row, L.COL_LABEL, slot.label)
        put_text(ws, row, L.COL_UNIT, slot.unit)
        if slot.last_text:  # a main target the review did not state has no figure for last year
            ws.cell(
                row=row,
                column=L.COL_LAST,
                value=float(slot.last_value) if slot.last_value % 1 else int(slot.last_value),
            )
        if slot.target:
            put_text(ws, row, L.COL_TARGET, slot.target)
            met.add(ws.cell(row=row, column=L.COL_MET).coordinate)
        if slot.id in changeable:
            tick.add(ws.cell(row=row, column=L.COL_WRITE_CHANGE).coordinate)
        v, last = (
            ws.cell(row=row, column=L.COL_VALUE).coordinate,
            ws.cell(row=row, column=L.COL_LAST).coordinate,
        )
        ws.cell(row=row, column=L.COL_CHANGE, value=f'=IF(AND(ISNUMBER({v}),ISNUMBER({last})),{v}-{last},"")')
        if not is_rate(slot.kind, slot.unit):  # a rate changes by points (增减), not by a percentage of itself
            ws.cell(
                row=row,
                column=L.COL_PCT,
                value=f'=IF(AND(ISNUMBER({v}),ISNUMBER({last}),{last}<>0),({v}-{last})/{last},"")',
            )
            ws.cell(row=row, column=L.COL_PCT).number_format = "0.0%"
        put_text(ws, row, L.COL_CONTEXT, slot.context)
        if slot.office:  # named by the sentence; the drafter may change it
            put_text(ws, row, L.COL_RESPONSIBLE, slot.office)
        checks[slot.answer if slot.answer in checks else "decimal"].add(v)
        for col in range(1, len(lay.data_headers) + 1):
            cell = ws.cell(row=row, column=col)
            cell.alignment = _WRAP
            if col == L.COL_MET and not slot.target or col == L.COL_WRITE_CHANGE and slot.id not in changeable:
                cell.fill = _LOCKED_FILL  # nothing to answer here: stays locked
            elif col in L.DATA_INPUT_COLS:
                cell.protection = _UNLOCKED
                cell.fill = _INPUT_FILL if col == L.COL_VALUE else PatternFill()
            else:
                cell.fill = _LOCKED_FILL
    _fit(
        ws,
        (L.COL_SECTION, L.COL_LABEL, L.COL_RESPONSIBLE),
        [(s.section, s.label, s.office) for s in draft.input_slots],
    )
    # Print what the drafter fills in; last year's sentence (the widest column) is for the screen.
    ws.print_area = (
        f"A1:{get_column_letter(L.COL_NOTE)}{max(L.FIRST_ROW, L.FIRST_ROW + len(draft.input_slots) - 1)}"
    )
    _protect(ws)


def display_width(text: str) -> int:
    """Width in Excel's units: a CJK (wide) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(ws: Worksheet, cols: tuple[int, ...], rows: list[tuple[str, ...]]) -> None:
    """Widen columns to their longest text (capped: longer text wraps) so Chinese labels are not cut."""
    for i, col in enumerate(cols):
        letter = get_column_letter(col)
        longest = max((display_width(r[i]) for r in rows), default=0)
        base = ws.column_dimensions[letter].width or 10
        ws.column_dimensions[letter].width = max(min(base, 20), min(longest + 2, 56))


def is_rate(kind: MetricKind, unit: str) -> bool:
    return kind is MetricKind.RATE or unit.strip() in L.say("zh", "percent_units")


def _checklist_sheet(ws: Worksheet, draft: DraftReport, lay: L.Layout) -> None:
    _header(ws, lay.checklist_headers, L.CK_WIDTHS)
    choices = ",".join(text for _s, text in lay.statuses)
    status = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True)
    ws.add_data_validation(status)
    for i, item in enumerate(draft.checklist):
        row = L.FIRST_ROW + i
        put_text(ws, row, L.CK_ID, item.id)
        put_text(ws, row, L.CK_SECTION, item.section)
        put_text(ws, row, L.CK_TEXT, item.text)
        status.add(ws.cell(row=row, column=L.CK_STATUS).coordinate)
        for col in range(1, len(lay.checklist_headers) + 1):
            cell = ws.cell(row=row, column=col)
            cell.alignment = _WRAP
            if col in L.CK_INPUT_COLS:
                cell.protection = _UNLOCKED
                cell.fill = _INPUT_FILL
            else:
                cell.fill = _LOCKED_FILL
    _protect(ws)


def _instructions(ws: Worksheet, lay: L.Layout) -> None:
    ws.column_dimensions["A"].width = 110
    for i, line in enumerate(lay.instructions_text, 1):
        cell = put_text(ws, i, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=14)
        else:
            # LibreOffice keeps the default height of a wrapped row it did not lay out: give it its lines.
            lines = -(-display_width(line) // 104)
            ws.row_dimensions[i].height = 16 * lines
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    _protect(ws)


def _meta_sheet(ws: Worksheet, draft: DraftReport) -> None:
    src = draft.source
    payload = draft.to_json()
    rows: list[tuple[str, str]] = [
        ("format", FORMAT),
        ("generator", f"reportkit {__version__}"),
        ("organisation", src.organisation),
        ("year", str(src.year or "")),
        ("plan_year", str(src.plan_year or "")),
        ("language", draft.language),
        ("source_sha256", src.sha256),
        ("draft_sha256", draft.digest()),
        ("draft_chunks", str((len(payload) + L.CHUNK - 1) // L.CHUNK)),
    ]
    for i, (key, value) in enumerate(rows, 1):
        put_text(ws, i, 1, key)
        put_text(ws, i, 2, value)
    for j in range(0, len(payload), L.CHUNK):
        row = len(rows) + 1 + j // L.CHUNK
        put_text(ws, row, 1, "draft_json")
        put_text(ws, row, 2, payload[j : j + L.CHUNK])
    ws.sheet_state = "veryHidden"
    _protect(ws)


META_KEYS = (
    "format",
    "generator",
    "organisation",
    "year",
    "plan_year",
    "language",
    "source_sha256",
    "draft_sha256",
    "draft_chunks",
)
