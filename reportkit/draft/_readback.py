"""Reading a filled data-collection workbook back, validating every cell it depends on.

Nothing is trusted: the sheets must be ours (names, header, ids, labels, last year's values
as written), input cells must hold plain numbers in range, and the draft embedded in the
metadata sheet must match its digest. Every error names the sheet and the cell.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import PathLike, UsageError, WorkbookError
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Report
from . import _layout as L
from ._records import FORMAT, DraftReport, FilledValue, FilledWorkbook, Progress
from ._zipcheck import check_xlsx
from .workbook import is_rate

_NUMERIC_TEXT = re.compile(r"[+]?[0-9][0-9,]*(\.[0-9]+)?")


def read_workbook(
    path: PathLike,
    *,
    allow_missing: bool = False,
    report: Report | None = None,
    limits: Limits | None = None,
) -> FilledWorkbook:
    """Validate a filled workbook and return its values.

    ``report``, when given, must be the report the workbook was made from. Empty input cells
    are an error listing them, unless ``allow_missing`` (they become 【待填】 in the draft).
    """
    p = Path(os.fspath(path))
    if report is not None and not isinstance(report, Report):
        raise UsageError(f"report must be a Report (got {type(report).__name__})")
    check_xlsx(p, limits or DEFAULT_LIMITS)
    wb = _open(p)
    try:
        return _Reader(p, wb, allow_missing).read(report)
    finally:
        wb.close()


def _open(p: Path) -> Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it drops
            return load_workbook(p, data_only=False, keep_vba=False, keep_links=False)
    except Exception as e:  # openpyxl raises many types (KeyError, ValueError, XML errors) for a bad archive
        raise WorkbookError(f"cannot open the workbook: {type(e).__name__}: {e}", path=p) from e


class _Reader:
    def __init__(self, path: Path, wb: Workbook, allow_missing: bool) -> None:
        self.path = path
        self.wb = wb
        self.allow_missing = allow_missing
        self.errors: list[tuple[str, str, str]] = []  # (sheet, cell, message)

    def fail(self, message: str, sheet: str | None = None, cell: str | None = None) -> WorkbookError:
        return WorkbookError(message, path=self.path, sheet=sheet, cell=cell)

    def read(self, report: Report | None) -> FilledWorkbook:
        draft = self._draft()
        if report is not None and hashlib.sha256(report.text.encode("utf-8")).hexdigest() != draft.source.sha256:
            raise self.fail(
                f"made for another report ({_who(draft)}), not for {report.meta.source_path or 'this one'}"
            )
        lay = L.layout_for(draft.language)
        names = self.wb.sheetnames
        for title in (lay.data, lay.checklist):
            if title not in names:
                shown = ", ".join(n for n in names if n != L.META_SHEET)
                raise self.fail(f"sheet {title} is missing (renamed or deleted?); the workbook has: {shown}")
        for ws in self.wb.worksheets:
            if ws.title != L.META_SHEET and ws.sheet_state != "visible":
                raise self.fail(f"sheet {ws.title} is hidden: unhide it or remove it", sheet=ws.title)
        values, missing = self._data(self.wb[lay.data], draft, lay)
        progress = self._checklist(self.wb[lay.checklist], draft, lay)
        if self.errors:
            sheet, cell, msg = self.errors[0]
            more = (
                f" (and {len(self.errors) - 1} more: "
                + ", ".join(f"{s}!{c}" for s, c, _m in self.errors[1:6])
                + ("…" if len(self.errors) > 6 else "")
                + ")"
            )
            raise self.fail(msg + (more if len(self.errors) > 1 else ""), sheet=sheet, cell=cell)
        if missing and not self.allow_missing:
            cells = ", ".join(missing[:12]) + ("…" if len(missing) > 12 else "")
            raise self.fail(
                f"{len(missing)} value(s) not filled: {cells} (fill them, or use --allow-missing)",
                sheet=lay.data,
            )
        return FilledWorkbook(str(self.path), draft, tuple(values), tuple(progress), tuple(missing))

    # -- metadata ----------------------------------------------------------------
    def _draft(self) -> DraftReport:
        if L.META_SHEET not in self.wb.sheetnames:
            raise self.fail("not a reportkit data-collection workbook (its metadata sheet is missing)")
        ws = self.wb[L.META_SHEET]
        meta: dict[str, str] = {}
        chunks: list[str] = []
        for key, value in ws.iter_rows(min_col=1, max_col=2, values_only=True):
            if key == "draft_json":
                chunks.append(str(value or ""))
            elif isinstance(key, str):
                meta[key] = "" if value is None else str(value)
        if meta.get("format") != FORMAT:
            raise self.fail(
                f"unknown workbook format {meta.get('format')!r} (expected {FORMAT})", sheet=L.META_SHEET
            )
        if str(len(chunks)) != meta.get("draft_chunks"):
            raise self.fail("the metadata sheet was changed (draft parts missing)", sheet=L.META_SHEET)
        try:
            draft = DraftReport.from_json("".join(chunks))
        except Exception as e:  # cattrs/json raise several types for a damaged payload
            raise self.fail(
                f"the metadata sheet was changed (draft unreadable: {type(e).__name__})", sheet=L.META_SHEET
            ) from e
        if draft.digest() != meta.get("draft_sha256") or draft.source.sha256 != meta.get("source_sha256"):
            raise self.fail("the metadata sheet was changed (digest mismatch)", sheet=L.META_SHEET)
        return draft

    # -- sheets ------------------------------------------------------------------
    def _check_header(self, ws: Worksheet, headers: tuple[str, ...]) -> None:
        for col, name in enumerate(headers, 1):
            cell = ws.cell(row=L.HEADER_ROW, column=col)
            if str(cell.value or "").strip() != name:
                raise self.fail(
                    f"expected the header “{name}” (got “{cell.value or ''}”): were columns moved?",
                    sheet=ws.title,
                    cell=cell.coordinate,
                )

    def _check_merged(self, ws: Worksheet, input_cols: tuple[int, ...], last_row: int) -> None:
        for rng in ws.merged_cells.ranges:
            if (
                rng.max_row >= L.FIRST_ROW
                and rng.min_row <= last_row
                and any(rng.min_col <= c <= rng.max_col for c in input_cols)
            ):
                raise self.fail(
                    f"merged cells {rng.coord} cover input cells: unmerge them",
                    sheet=ws.title,
                    cell=rng.coord.split(":")[0],
                )

    def _rows(self, ws: Worksheet, expected: list[str], what: dict[str, str]) -> None:
        """The id column must list exactly ``expected``, in order: no deleted, inserted or moved rows."""
        # Bounded: a sheet formatted down to row 1,048,576 must not make us walk a million rows.
        last = min(ws.max_row, L.FIRST_ROW + len(expected) + 1000)
        found = [r[0] for r in ws.iter_rows(min_row=L.FIRST_ROW, max_row=last, max_col=1, values_only=True)]
        while found and found[-1] in (None, ""):
            found.pop()
        for i, want in enumerate(expected):
            row = L.FIRST_ROW + i
            got = found[i] if i < len(found) else None
            if got != want:
                detail = f"expected {want} ({what[want]})"
                hint = (
                    "a deleted or inserted row?"
                    if want in found or got in expected
                    else "a workbook for another report?"
                )
                raise self.fail(f"{detail}, found {got!r}: {hint}", sheet=ws.title, cell=f"A{row}")
        if len(found) > len(expected):
            row = L.FIRST_ROW + len(expected)
            raise self.fail(
                f"unexpected row {found[len(expected)]!r} below the last one: rows must not be added",
                sheet=ws.title,
                cell=f"A{row}",
            )

    def _data(self, ws: Worksheet, draft: DraftReport, lay: L.Layout) -> tuple[list[FilledValue], list[str]]:
        slots = draft.input_slots
        self._check_header(ws, lay.data_headers)
        self._check_merged(ws, L.DATA_INPUT_COLS, L.FIRST_ROW + len(slots))
        self._rows(ws, [s.id for s in slots], {s.id: s.label for s in slots})
        values: list[FilledValue] = []
        missing: list[str] = []
        for i, slot in enumerate(slots):
            row = L.FIRST_ROW + i
            label = ws.cell(row=row, column=L.COL_LABEL)
            last = ws.cell(row=row, column=L.COL_LAST)
            if str(label.value or "") != slot.label or _num(last.value) != slot.last_value:
                raise self.fail(
                    f"row {slot.id} does not match the report this workbook was made for "
                    f"({_who(draft)}): label or last year's value changed",
                    sheet=ws.title,
                    cell=label.coordinate if str(label.value or "") != slot.label else last.coordinate,
                )
            cell = ws.cell(row=row, column=L.COL_VALUE)
            value = self._value(ws, cell, rate=is_rate(slot.kind, slot.unit))
            if value is None and cell.coordinate not in {c for _s, c, _m in self.errors}:
                missing.append(cell.coordinate)
            values.append(
                FilledValue(
                    slot.id,
                    f"{ws.title}!{cell.coordinate}",
                    value,
                    _text(ws.cell(row=row, column=L.COL_RESPONSIBLE)),
                    _text(ws.cell(row=row, column=L.COL_NOTE)),
                )
            )
        return values, missing

    def _value(self, ws: Worksheet, cell: Cell | MergedCell, *, rate: bool) -> Decimal | None:
        raw: Any = cell.value
        where = (ws.title, cell.coordinate)
        if (
            cell.data_type == "f"
            or (isinstance(raw, str) and raw.startswith("="))
            or type(raw).__name__ in ("ArrayFormula", "DataTableFormula")
        ):
            self.errors.append((*where, f"a formula ({raw}) where a number belongs: type the value"))
            return None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if isinstance(raw, (bool, _dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
            self.errors.append((*where, f"“{raw}” is not a number"))
            return None
        if isinstance(raw, str):
            text = raw.strip()
            if not _NUMERIC_TEXT.fullmatch(text):
                self.errors.append((*where, f"“{text}” is not a number"))
                return None
            raw = text.replace(",", "").lstrip("+")
        value = _num(raw)
        if value is None or not value.is_finite():
            self.errors.append((*where, f"“{raw}” is not a number"))
            return None
        if value < 0:
            self.errors.append((*where, f"{raw} is negative: counts, amounts and rates are 0 or more"))
        elif rate and value > 100:
            self.errors.append((*where, f"{raw} is over 100 for a rate (in %, e.g. 99.82)"))
        return value

    def _checklist(self, ws: Worksheet, draft: DraftReport, lay: L.Layout) -> list[Progress]:
        items = draft.checklist
        self._check_header(ws, lay.checklist_headers)
        self._check_merged(ws, L.CK_INPUT_COLS, L.FIRST_ROW + len(items))
        self._rows(ws, [c.id for c in items], {c.id: c.text[:20] for c in items})
        out: list[Progress] = []
        for i, item in enumerate(items):
            row = L.FIRST_ROW + i
            text_cell = ws.cell(row=row, column=L.CK_TEXT)
            if str(text_cell.value or "") != item.text:
                raise self.fail(
                    f"commitment {item.id} was changed: it must read as last year's plan ({_who(draft)})",
                    sheet=ws.title,
                    cell=text_cell.coordinate,
                )
            cell = ws.cell(row=row, column=L.CK_STATUS)
            label = _text(cell)
            status = lay.status_of(label) if label else None
            if label and status is None:
                choices = "、".join(t for _s, t in lay.statuses)
                self.errors.append((ws.title, cell.coordinate, f"“{label}” is not one of {choices}"))
            for col in (L.CK_DONE, L.CK_EVIDENCE):
                c = ws.cell(row=row, column=col)
                if c.data_type == "f":
                    self.errors.append((ws.title, c.coordinate, "a formula where text belongs"))
            out.append(
                Progress(
                    item.id,
                    f"{ws.title}!{get_column_letter(L.CK_STATUS)}{row}",
                    status,
                    _text(ws.cell(row=row, column=L.CK_DONE)),
                    _text(ws.cell(row=row, column=L.CK_EVIDENCE)),
                )
            )
        return out


def _num(raw: Any) -> Decimal | None:
    if raw is None or isinstance(raw, bool):
        return None
    try:
        if isinstance(raw, float):
            # Excel keeps 15 significant digits: 45.400000000000006 (from a formula or a paste) is 45.4.
            return Decimal(f"{raw:.15g}")
        return Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return None


def _text(cell: Cell | MergedCell) -> str:
    return "" if cell.value is None else str(cell.value).strip()


def _who(draft: DraftReport) -> str:
    src = draft.source
    return " ".join(x for x in (src.organisation, str(src.year or ""), src.title) if x) or src.sha256[:12]
