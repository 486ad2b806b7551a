"""An Excel workbook of a comparison, for people who check and annotate the numbers.

Sheets: 概览 (summary), 指标变化 (metrics: change and per-cent change are formulas over the value cells, so an
edited value recalculates), 所述变化 (stated changes checked), 承诺落实 (commitments followed through), 章节
(sections) and 语句 (sentences rewritten or moved, side by side; every sentence, added and removed ones too, is in
the HTML page and the tracked-changes document, and the counts are in 概览). Report text always lands as text: a
cell beginning ``=`` ``+`` ``-`` ``@`` is stored as a string with the quote prefix, never as a formula. The only
formulas are the ones built here. The sheet titles and headers are the ids of lang/*/ui.toml in the report's
language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .._io import atomic_path
from .._xlsx import clean, keep_text
from ..comparison.records import MetricStatus, ReportDiff, Tag
from ..errors import PathLike
from . import _text, _view
from ._text import one_line, pair_name, pair_unit, report_label, section_name, text_width
from ._words import Words

_RISE = PatternFill("solid", fgColor="D7F5DC")
_FALL = PatternFill("solid", fgColor="FDE0E0")
# Cells take named styles, made with the cell: a per-cell Alignment would cost hashing the style objects, and
# even assigning a style by name costs more than the rest of writing a cell. The objects are made per workbook
# (adding binds them).
_HEAD, _WRAP, _TOP = "reportkit-head", "reportkit-wrap", "reportkit-top"
Looks = dict[str, StyleArray]  # a named style's name → the style a cell takes, in one workbook


def _named_styles() -> tuple[NamedStyle, ...]:
    return (
        NamedStyle(_HEAD, font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="1F4E8C"),
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        NamedStyle(_WRAP, alignment=Alignment(wrap_text=True, vertical="top")),
        NamedStyle(_TOP, alignment=Alignment(vertical="top")),
    )


PCT_FORMAT = "+0.0%;-0.0%;0.0%"


def put(ws: Worksheet, row: int, col: int, value: Any, *, number_format: str | None = None) -> None:
    """Write one cell; strings are always text, whatever they start with."""
    cell = keep_text(ws.cell(row=row, column=col, value=clean(value)))
    if number_format:
        cell.number_format = number_format


def formula(ws: Worksheet, row: int, col: int, expr: str, number_format: str) -> None:
    """Write one of our own formulas (the only way a formula enters the workbook)."""
    cell = ws.cell(row=row, column=col, value=expr)
    cell.data_type = "f"
    cell.number_format = number_format


def _table(ws: Worksheet, looks: Looks, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
           wrap: Sequence[int] = (), widths: dict[int, int] | None = None) -> None:
    """Headers styled, rows written, panes frozen below the header, a filter on every column, widths set."""
    ws.append([_styled(ws, 1, c, h, looks[_HEAD]) for c, h in enumerate(headers, 1)])
    column_looks = [looks[_WRAP if c in wrap else _TOP] for c in range(1, len(headers) + 1)]
    for r, values in enumerate(rows, 2):
        # An empty cell, not a cell holding "" (a long report has thousands).
        ws.append([None if v is None or v == "" else _styled(ws, r, c, v, look)
                   for c, (v, look) in enumerate(zip(values, column_looks, strict=True), 1)])
    ws.freeze_panes = "A2"
    # Printed, a sheet is one page wide in landscape with the header row on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    last = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    _fit_columns(ws, headers, rows, wrap, widths or {})


def _styled(ws: Worksheet, row: int, col: int, value: Any, look: StyleArray) -> Cell:
    # A cell made with its style: assigning a named style to each of thousands of cells costs more than the rest
    # of writing them.
    return keep_text(Cell(ws, row=row, column=col, value=clean(value), style_array=look))


def _fit_columns(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]], wrap: Sequence[int],
                 widths: dict[int, int]) -> None:
    # Width in Excel's units is about one Latin character; a Chinese character needs two, hence text_width.
    for c, h in enumerate(headers, 1):
        cap = 60 if c in wrap else 40
        longest = text_width(h) + 4
        for r in rows[:500]:
            if len(r) >= c and r[c - 1] is not None:
                text = str(r[c - 1])
                # A character is at least one column wide: text of ``cap`` characters fills the column.
                longest = max(longest, cap if len(text) >= cap else text_width(text))
                if longest >= cap:
                    break
        ws.column_dimensions[get_column_letter(c)].width = widths.get(c, min(max(longest + 2, 8), cap))



def _summary(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    s = _view.summarise(diff)
    rows: list[list[Any]] = [[t("last_years_report"), report_label(diff.old.meta)],
                             [t("this_years_report"), report_label(diff.new.meta)]]
    rows += [[t("warning"), t.warning(w)] for w in diff.warnings]
    if diff.scores is not None:
        for name, v in (("cosine_similarity", diff.scores.cosine), ("jaccard_similarity", diff.scores.jaccard),
                        ("edit_similarity", diff.scores.edit), ("text_reused", diff.scores.reuse)):
            rows.append([t(name), round(v, 4)])
    for what, pairs in (("sections", s.sections), ("sentences", s.sentences), ("metrics", s.metrics),
                        ("commitments", s.commitments)):
        for k, n in pairs:
            rows.append([f"{t(what)} · {t.enum(k)}", n])
    rows.append([t("stated_changes"), s.stated_changes])
    rows.append([f"{t('stated_changes')} · {t('disagree_with_last_year')}", s.inconsistent])
    # the headline list: confident pairs only (comparison/pair_confidence.py); the metrics sheet has them all
    show = _text.number if t.english else _text.amount  # 90万亿, not 90,000,000,000,000
    for n, p in enumerate(_view.largest_changes(diff, 10), 1):
        assert p.old is not None and p.new is not None
        change = f"{show(_text.value_of(p.old))} → {show(_text.value_of(p.new))} {pair_unit(p)}"
        rel = t("points") if _text.in_points(p) else _text.percent(p.pct_change)
        delta = _text.pair_delta(p, zh=not t.english)
        rows.append([f"{t('largest_changes')} {n}", f"{pair_name(p)}: {change} ({delta} {rel})"])
    _table(ws, looks, [t("item"), t("value")], rows, widths={1: 26, 2: 60})
    for r in range(2, len(rows) + 2):
        cell = ws.cell(row=r, column=2)
        cell.alignment = Alignment(horizontal="left", vertical="top")
        if isinstance(cell.value, float):
            cell.number_format = "0.00"


def _metrics(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    headers = [t(h) for h in ("metric", "unit", "last_year_value", "this_year_value", "change", "pct_change",
                              "status", "last_year_as_written", "this_year_as_written", "section_last_year",
                              "section_this_year", "note", "confidence", "reasons")]
    rows = []
    for p in diff.metrics:
        rows.append([
            pair_name(p), pair_unit(p), None, None, None, None, t.enum(p.status),
            one_line(p.old.text) if p.old else "", one_line(p.new.text) if p.new else "",
            p.old.section if p.old else "", p.new.section if p.new else "", one_line(t.notes(p.notes)),
            round(p.confidence, 2) if p.old and p.new else "", t.reasons(p.reasons),
        ])
    _table(ws, looks, headers, rows, wrap=(1,))
    wide = {3: 0, 4: 0, 5: 0}
    for r, p in enumerate(diff.metrics, 2):
        # a stated fall is written with its sign (下降12.8% is −12.8), so the change column is right for it
        values = {c: _number(_text.value_of(m)) for c, m in ((3, p.old), (4, p.new)) if m is not None}
        shown = _value_format(tuple(values.values()))
        for c, v in values.items():
            own = _value_format((v,)) if shown != "General" and isinstance(v, int) else shown  # 6,000,000,000
            put(ws, r, c, v, number_format=own)
            wide[c] = max(wide[c], _shown_width(v, own))
        if p.status is MetricStatus.NOT_COMPARABLE:
            continue  # a change between two figures that do not compare would mislead: none is computed
        formula(ws, r, 5, f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(D{r})),D{r}-C{r},"")', shown)
        if len(values) == 2:
            wide[5] = max(wide[5], _shown_width(values[4] - values[3], shown))
        if not _text.in_points(p):  # a rate's change is in percentage points: a relative change would mislead
            formula(ws, r, 6, f'=IF(AND(ISNUMBER(C{r}),ISNUMBER(D{r}),C{r}<>0),(D{r}-C{r})/C{r},"")', PCT_FORMAT)
    for c in (3, 4, 5, 6):  # a number wider than its column shows as ### in Calc
        ws.column_dimensions[get_column_letter(c)].width = max(12, min(wide.get(c, 0) + 3, 30))
    last = len(diff.metrics) + 1
    if last >= 2:
        for col in ("E", "F"):
            rng = f"{col}2:{col}{last}"
            # ISNUMBER guards the "" of rows with one side missing, which compare as greater than any number.
            first = f"{col}2"
            for sign, fill in ((">", _RISE), ("<", _FALL)):
                rule = FormulaRule(formula=[f"AND(ISNUMBER({first}),{first}{sign}0)"], fill=fill)  # type: ignore[no-untyped-call]
                ws.conditional_formatting.add(rng, rule)


_SEPARATED = 10_000  # from here on a value shows with thousands separators: 5,300,000,000,000 元, not 5.3E+12


def _value_format(values: Sequence[int | float]) -> str:
    """The number format of one row's values and change: Calc's General shows raw 元 as 5.3E+12."""
    if max((abs(v) for v in values), default=0) < _SEPARATED:
        return "General"
    return "#,##0" if all(isinstance(v, int) for v in values) else "#,##0.0#"


def _shown_width(v: float, number_format: str) -> int:
    if number_format == "General":
        return len(f"{v:g}")
    return len(f"{v:,.0f}" if number_format == "#,##0" else f"{v:,.2f}")


def _number(d: Decimal) -> int | float:
    # Excel holds doubles; an integral value is written as an int so it shows without a decimal point.
    return int(d) if d == d.to_integral_value() else float(d)


def _stated(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    headers = [t(h) for h in ("stated_this_year", "metric_referred", "in_last_years_report",
                              "implied_last_year_column", "actual_change", "check", "note")]
    rows = [[
        one_line(diff.new.text[c.start:c.end]), one_line(c.metric.text) if c.metric else "",
        one_line(c.prior.text) if c.prior else "",
        _number(c.implied_prior) if c.implied_prior is not None else "",
        _number(c.actual_change) if c.actual_change is not None else "",
        t({True: "agrees", False: "disagrees", None: "cannot_check"}[c.consistent]), one_line(t.notes(c.notes)),
    ] for c in diff.stated_changes]
    _table(ws, looks, headers, rows)


def _commitments(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    headers = [t(h) for h in ("last_years_commitment", "type", "section_last_year", "target", "follow_through",
                              "outcome", "evidence_this_year", "similarity", "note")]
    rows = [[
        one_line(f.commitment.text), t.enum(f.commitment.type),
        f.commitment.section, one_line(f.commitment.target.text) if f.commitment.target else "",
        t.enum(f.status), one_line(f.outcome.text) if f.outcome else "",
        "\n".join(one_line(s.text) for s in f.evidence[:3]), round(f.similarity, 3), one_line(t.notes(f.notes)),
    ] for f in diff.commitments]
    _table(ws, looks, headers, rows, wrap=(1, 7))


def _sections(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    headers = [t(h) for h in ("path_last_year", "title_last_year", "path_this_year", "title_this_year", "change",
                              "similarity", "cosine", "jaccard", "edit", "reuse")]
    rows = []
    for p in diff.sections:
        sc = p.scores
        rows.append([
            p.old.path if p.old else "", section_name(p.old), p.new.path if p.new else "", section_name(p.new),
            t.enum(p.tag), round(p.similarity, 3),
            *((round(sc.cosine, 3), round(sc.jaccard, 3), round(sc.edit, 3), round(sc.reuse, 3)) if sc else
              (None,) * 4),
        ])
    _table(ws, looks, headers, rows, wrap=(2, 4))


def _sentences(ws: Worksheet, diff: ReportDiff, t: Words, looks: Looks) -> None:
    headers = [t(h) for h in ("change", "similarity", "sentence_last_year", "sentence_this_year",
                              "section_last_year", "section_this_year")]
    rows = [[
        t.enum(p.tag), round(p.similarity, 3), one_line(p.old.text) if p.old else "",
        one_line(p.new.text) if p.new else "", p.old.section if p.old else "", p.new.section if p.new else "",
    ] for p in diff.sentences if p.old is not None and p.new is not None and p.tag is not Tag.SAME]
    _table(ws, looks, headers, rows, wrap=(3, 4), widths={3: 60, 4: 60})


# (id of the sheet's title in lang/*/ui.toml [sheets], writer): an English report gets an English workbook
SHEETS = (("summary", _summary), ("metrics", _metrics), ("stated", _stated), ("commitments", _commitments),
          ("sections", _sections), ("sentences", _sentences))


def build_workbook(diff: ReportDiff) -> Workbook:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty default sheet
    looks: Looks = {}
    for style in _named_styles():
        wb.add_named_style(style)
        looks[style.name] = style.as_tuple()  # bound to this workbook by adding it
    t = Words(diff.new.meta.language)
    for key, fill in SHEETS:
        fill(wb.create_sheet(t.table("sheets", key)), diff, t, looks)
    return wb


def write_xlsx(diff: ReportDiff, path: PathLike) -> None:
    """Write the workbook to ``path`` whole or not at all."""
    wb = build_workbook(diff)
    with atomic_path(path) as tmp:
        wb.save(tmp)
