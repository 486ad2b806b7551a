"""The Excel workbook: formulas over the value cells, report text always text, opens in LibreOffice."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from office import convert
from test_render_samples import HOSTILE, make_diff

from reportkit.comparison.records import Note, ReportDiff
from reportkit.render.excel import write_xlsx


def _hostile_diff() -> ReportDiff:
    """The sample diff with every hostile string as a metric label, a commitment and a note."""
    diff = make_diff()
    metrics = list(diff.metrics)
    for i, text in enumerate(HOSTILE):
        p = metrics[i]
        metrics[i] = attrs.evolve(p, new=attrs.evolve(p.new, label=text) if p.new else None,
                                  old=attrs.evolve(p.old, label=text) if p.old else None,
                                  notes=(Note("unit_differs", (text, text)),))
    follow = tuple(attrs.evolve(f, commitment=attrs.evolve(f.commitment, text=HOSTILE[i % 4]))
                   for i, f in enumerate(diff.commitments))
    return attrs.evolve(diff, metrics=tuple(metrics), commitments=follow)


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    out = tmp_path / "d.xlsx"
    write_xlsx(_hostile_diff(), out)
    return out


def test_sheets_are_named_for_what_they_hold(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["概览", "指标变化", "所述变化", "承诺落实", "章节", "语句"]


def test_change_and_percent_are_formulas_over_the_value_cells(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["指标变化"]
    assert [c.value for c in ws[1]][:7] == ["指标", "单位", "去年值", "今年值", "变化", "变化幅度", "状态"]
    for r in range(2, ws.max_row + 1):
        assert ws[f"E{r}"].data_type == "f" and f"D{r}-C{r}" in ws[f"E{r}"].value
        assert ws[f"F{r}"].data_type == "f" and f"(D{r}-C{r})/C{r}" in ws[f"F{r}"].value
        assert "%" in ws[f"F{r}"].number_format


def test_report_text_that_looks_like_a_formula_stays_text(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in HOSTILE:
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    assert cell.quotePrefix, (ws.title, cell.coordinate)
                    seen.add(cell.value)
                if cell.data_type == "f":
                    assert ws.title == "指标变化" and cell.column_letter in "EF", (ws.title, cell.coordinate)
    assert seen == set(HOSTILE)


def test_headers_frozen_filtered_and_rises_and_falls_coloured(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.bold
    ws = wb["指标变化"]
    rules = {f for rng in ws.conditional_formatting for rule in rng.rules for f in rule.formula}
    # ISNUMBER: the "" of a row with one side missing must not count as a rise (text sorts above numbers)
    assert rules == {"AND(ISNUMBER(E2),E2>0)", "AND(ISNUMBER(E2),E2<0)", "AND(ISNUMBER(F2),F2>0)",
                     "AND(ISNUMBER(F2),F2<0)"}
    assert ws.column_dimensions["A"].width >= 2 * len("审查规范性文件")  # Chinese takes two columns


def test_values_are_numbers_not_text(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["指标变化"]
    assert ws["C2"].value == 12 and ws["D2"].value == 15
    assert isinstance(ws["D5"].value, float) and ws["D5"].value == 97.5


def test_an_unwritable_target_leaves_nothing_behind(tmp_path: Path) -> None:
    from reportkit.errors import OutputError

    target = tmp_path / "is-a-folder.xlsx"
    target.mkdir()
    with pytest.raises(OutputError):
        write_xlsx(make_diff(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["is-a-folder.xlsx"]


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_diffs_own_numbers(soffice: str, book: Path, tmp_path: Path) -> None:
    out = tmp_path / "lo"
    out.mkdir()
    ws = openpyxl.load_workbook(convert(soffice, book, "xlsx", out), data_only=True)["指标变化"]
    diff = _hostile_diff()
    checked = 0
    for r, p in enumerate(diff.metrics, 2):
        delta, pct = ws[f"E{r}"].value, ws[f"F{r}"].value
        if p.delta is None:
            assert delta in (None, "")
            continue
        assert Decimal(str(delta)) == p.delta
        assert abs(Decimal(str(pct)) * 100 - p.pct_change) < Decimal("0.01")  # type: ignore[operator]
        checked += 1
    assert checked >= 5
    assert ws["A2"].value == HOSTILE[0]  # still the text, not a hyperlink formula's result
