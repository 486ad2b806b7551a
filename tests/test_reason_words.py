"""A pair's reasons are records (a code and its arguments), worded by each renderer in the report's language from
lang/*/messages.toml: a Chinese comparison's Excel and HTML hold no English reason sentence."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, ROOT

import reportkit
from reportkit import lang
from reportkit.comparison.records import MetricPair, Reason, ReportDiff
from reportkit.render._words import Words
from reportkit.render.excel import write_xlsx
from reportkit.render.html import render_html

ZH, EN = Words("zh"), Words("en")


def _diff(old: Path, new: Path) -> ReportDiff:
    return reportkit.compare(reportkit.read(old), reportkit.read(new))


def _confidence_titles(page: str) -> list[str]:
    """The tooltips of the 可信度 cells: a numeric cell with a title."""
    return [html.unescape(t) for t in re.findall(r'<td class="num" data-sort="[^"]*" title="([^"]*)">', page)]


def _reason_column(book: Path) -> list[str]:
    ws = openpyxl.load_workbook(book)["指标变化"]
    header = [c.value for c in ws[1]]
    col = header.index("依据") + 1
    return [str(ws.cell(row=r, column=col).value or "") for r in range(2, ws.max_row + 1)]


def _all_cells(book: Path) -> str:
    wb = openpyxl.load_workbook(book)
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)


def _check_chinese(diff: ReportDiff, tmp_path: Path) -> None:
    paired: list[MetricPair] = [p for p in diff.metrics if p.reasons]
    assert paired, "the comparison has pairs with reasons to check"
    page = render_html(diff)
    book = tmp_path / "d.xlsx"
    write_xlsx(diff, book)
    column, cells = _reason_column(book), _all_cells(book)
    titles = _confidence_titles(page)
    assert titles and column
    for text in [*titles, *column]:  # reasons worded in Chinese: no English word in them
        assert not re.search(r"[A-Za-z]{2,}", text), text
    for p in paired:
        assert ZH.reasons(p.reasons) in column and ZH.reasons(p.reasons) in titles
        for r in p.reasons:  # and no English wording of any reason anywhere in either file
            english = EN.reason(r)
            assert english not in cells and html.escape(english, quote=False) not in page, english


def test_the_demo_pair_has_no_english_reason_in_excel_or_html(tmp_path: Path) -> None:
    _check_chinese(_diff(EXAMPLES / "liandu-2022.txt", EXAMPLES / "liandu-2023.txt"), tmp_path)


@pytest.mark.shared
def test_anhui_2024_2025_has_no_english_reason_in_excel_or_html(shared: Path, tmp_path: Path) -> None:
    folder = shared / "corpus" / "gongzuo" / "provinces" / "anhui"
    diff = _diff(folder / "2024.txt", folder / "2025.txt")
    _check_chinese(diff, tmp_path)
    codes = {r.code for p in diff.metrics for r in p.reasons}
    assert {"indicator", "same_unit", "frame"} <= codes  # real reasons of several kinds were worded


def test_english_words_the_reasons_as_before() -> None:
    diff = _diff(EXAMPLES / "liandu-2022.txt", EXAMPLES / "liandu-2023.txt")
    worded = [EN.reasons(p.reasons) for p in diff.metrics if p.reasons]
    assert any(re.fullmatch(r"indicator \d\.\d\d; same unit \S+; both count; frame one year(; .+)?", w) for w in worded)
    assert Words("en").reason(Reason("frames", ("year", "", "end", "增至"))) == "frame one year → level at the end (增至)"
    assert ZH.reason(Reason("frames", ("year", "", "end", "增至"))) == "时段：当年 → 期末水平（增至）"
    assert ZH.reason(Reason("same_measure", ("flow", "新增", "新增"))) == "两年均为增量（新增 → 新增）"


def test_arguments_are_filled_in_never_read_as_a_template() -> None:
    assert ZH.reason(Reason("same_unit", ("{0}{1.__class__}",))) == "单位相同（{0}{1.__class__}）"
    assert ZH.reason(Reason("no_such_code", ("x",))) == "no_such_code x"  # shown, not dropped


def test_both_catalogues_know_every_code_json_md_documents() -> None:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    documented = set(json.loads(block)["reason"]["code"][5:-1].split(","))
    for language in ("zh", "en"):
        table = lang.data(language, "messages")
        assert set(table["reasons"]) == documented, language
        assert all(entry["example"] for entry in table["reasons"].values())
    assert set(lang.data("zh", "messages")["frames"]) == set(lang.data("en", "messages")["frames"])
