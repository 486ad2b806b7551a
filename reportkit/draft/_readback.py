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
from ._bounds import MAX_VALUE, draft_problem
from ._records import FORMAT, DraftReport, FilledValue, FilledWorkbook, Progress
from ._zipcheck import check_xlsx

_NUMERIC_TEXT = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?")


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
    lim = limits or DEFAULT_LIMITS
    check_xlsx(p, lim)
    wb = _open(p)
    try:
        return _Reader(p, wb, allow_missing, lim).read(report)
    finally:
        wb.close()


def _open(p: Path) -> Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it drops
            return load_workbook(p, data_only=False, keep_vba=False, keep_links=False)
    except Exception as e:  # openpyxl raises many types (KeyError, ValueError, XML errors) for a bad archive
        detail = " ".join(str(e).split())[:200]  # one line, whatever the parser said
        raise WorkbookError(f"cannot open the workbook: {type(e).__name__}: {detail}", path=p) from e


class _Reader:
    def __init__(self, path: Path, wb: Workbook, allow_missing: bool, limits: Limits) -> None:
        self.path = path
        self.wb = wb
        self.allow_missing = allow_missing
        self.limits = limits
        self.errors: list[tuple[str, str, str]] = []  # (sheet, cell, the whole line)
        self.lay = L.layout_for("zh")

    def fail(self, message: str, sheet: str | None = None, cell: str | None = None) -> WorkbookError:
        return WorkbookError(message, path=self.path, sheet=sheet, cell=cell)

    def read(self, report: Report | None) -> FilledWorkbook:
        draft = self._draft()
        if report is not None and hashlib.sha256(report.text.encode("utf-8")).hexdigest() != draft.source.sha256:
            raise self.fail(
                f"made for another report ({_who(draft)}), not for {report.meta.source_path or 'this one'}"
            )
        lay = self.lay = L.layout_for(draft.language)
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
            lines = tuple(f"{s}!{c}: {body}" for s, c, body in self.errors)
            if len(self.errors) == 1:
                sheet, cell, body = self.errors[0]
                raise WorkbookError(body, path=self.path, sheet=sheet, cell=cell, problems=lines)
            raise WorkbookError(
                lay.problems.format(n=len(lines)) + "\n" + "\n".join("  " + x for x in lines),
                path=self.path,
                problems=lines,
            )
        return FilledWorkbook(str(self.path), draft, tuple(values), tuple(progress), tuple(missing))

    # -- metadata ----------------------------------------------------------------
    def _draft(self) -> DraftReport:
        if L.META_SHEET not in self.wb.sheetnames:
            raise self.fail("not a reportkit data-collection workbook (its metadata sheet is missing)")
        ws = self.wb[L.META_SHEET]
        meta: dict[str, str] = {}
        chunks: list[str] = []
        size = 0
        for key, value in ws.iter_rows(min_col=1, max_col=2, values_only=True):
            if key == "draft_json":
                chunks.append(str(value or ""))
                size += len(chunks[-1])
                if size > self.limits.max_chars:
                    raise self.fail(
                        f"the draft in the metadata sheet is over {self.limits.max_chars} characters "
                        "(Limits.max_chars): not a workbook reportkit wrote",
                        sheet=L.META_SHEET,
                    )
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
        # The digest catches accidental edits; it is not a signature (anyone can recompute it), so a
        # forged draft is checked below as any input is: it may be wrong, but it cannot crash or hang fill.
        if draft.digest() != meta.get("draft_sha256") or draft.source.sha256 != meta.get("source_sha256"):
            raise self.fail("the metadata sheet was changed (digest mismatch)", sheet=L.META_SHEET)
        problem = draft_problem(draft, self.limits)
        if problem:
            raise self.fail(f"the metadata sheet was changed ({problem})", sheet=L.META_SHEET)
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
        changeable = draft.changeable
        for i, slot in enumerate(slots):
            row = L.FIRST_ROW + i
            label = ws.cell(row=row, column=L.COL_LABEL)
            last = ws.cell(row=row, column=L.COL_LAST)
            last_ok = _num(last.value) == slot.last_value if slot.last_text else last.value in (None, "")
            if str(label.value or "") != slot.label or not last_ok:
                raise self.fail(
                    f"row {slot.id} does not match the report this workbook was made for "
                    f"({_who(draft)}): label or last year's value changed",
                    sheet=ws.title,
                    cell=label.coordinate if str(label.value or "") != slot.label else last.coordinate,
                )
            cell = ws.cell(row=row, column=L.COL_VALUE)
            before = len(self.errors)
            value = self._value(ws, cell, slot.label, slot.answer)
            if value is None and len(self.errors) == before:
                missing.append(cell.coordinate)
                if not self.allow_missing:
                    self._problem(ws, cell, slot.label, self._says("empty"), slot.answer)
            tick = _text(ws.cell(row=row, column=L.COL_WRITE_CHANGE))
            if tick and tick != self.lay.tick or tick and slot.id not in changeable:
                self._problem(
                    ws,
                    ws.cell(row=row, column=L.COL_WRITE_CHANGE),
                    slot.label,
                    f"“{tick}”",
                    choices=(self.lay.tick,) if slot.id in changeable else ("",),
                )
            met = _text(ws.cell(row=row, column=L.COL_MET))
            if met and (not slot.target or met not in self.lay.met_choices):
                self._problem(ws, ws.cell(row=row, column=L.COL_MET), slot.label, f"“{met}”",
                              choices=self.lay.met_choices if slot.target else ("",))
            values.append(
                FilledValue(
                    slot.id,
                    f"{ws.title}!{cell.coordinate}",
                    value,
                    _text(ws.cell(row=row, column=L.COL_RESPONSIBLE)),
                    _text(ws.cell(row=row, column=L.COL_NOTE)),
                    write_change=tick == self.lay.tick,
                    met=met,
                )
            )
        return values, missing

    def _says(self, what: str, raw: object = "") -> str:
        return L.message(self.lay.language, what).format(raw=raw)

    def _problem(
        self,
        ws: Worksheet,
        cell: Cell | MergedCell,
        label: str,
        issue: str,
        answer: str = "",
        choices: tuple[str, ...] = (),
    ) -> None:
        """One line per problem: the cell, what the row is about, what is there and what was expected."""
        language = self.lay.language
        if choices:
            listed = L.message(language, "choice_separator").join(c for c in choices if c) or "—"
            expected = L.message(language, "choose").format(choices=listed)
        else:
            expected = L.message(language, "expected").format(
                expect=self.lay.expect.get(answer, self.lay.expect["decimal"])
            )
        short = label if len(label) <= 30 else label[:29] + "…"
        body = L.message(language, "problem").format(label=short, issue=issue, expected=expected)
        self.errors.append((ws.title, cell.coordinate, body))

    def _value(self, ws: Worksheet, cell: Cell | MergedCell, label: str, answer: str) -> Decimal | None:
        raw: Any = cell.value

        def bad(what: str, shown: object = "") -> None:
            self._problem(ws, cell, label, self._says(what, " ".join(str(shown).split())[:40]), answer)

        if (
            cell.data_type == "f"
            or (isinstance(raw, str) and raw.startswith("="))
            or type(raw).__name__ in ("ArrayFormula", "DataTableFormula")
        ):
            bad("formula", raw)
            return None
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if isinstance(raw, (bool, _dt.datetime, _dt.date, _dt.time, _dt.timedelta)):
            bad("word", raw)
            return None
        if isinstance(raw, str):
            text = raw.strip()
            if not _NUMERIC_TEXT.fullmatch(text):
                bad("word", text)
                return None
            raw = text.replace(",", "").lstrip("+")
        value = _num(raw)
        if value is None or not value.is_finite():
            bad("word", raw)
            return None
        if abs(value) >= MAX_VALUE:
            bad("huge", raw)
            return None
        shown = _text_of(value)
        negative = value < 0 and answer != "signed"
        if negative or answer == "share" and value > 100 or answer == "whole" and value != value.to_integral_value():
            bad("got", shown)
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
                self._problem(ws, cell, item.text, f"“{label}”", choices=tuple(t for _s, t in lay.statuses))
            for col in (L.CK_DONE, L.CK_EVIDENCE):
                c = ws.cell(row=row, column=col)
                if c.data_type == "f":
                    self._problem(ws, c, item.text, self._says("formula", c.value), choices=("—",))
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


def _text_of(value: Decimal) -> str:
    return f"{value.normalize():f}"


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
