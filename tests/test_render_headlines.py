"""The headline lists (terminal, HTML top, Excel overview) show confident pairs, signed, rates in points."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

import reportkit
from reportkit.render.excel import write_xlsx
from reportkit.render.html import render_html
from reportkit.render.terminal import render_diff

OLD = "一、工作\n建成社区食堂120个。开展培训30场。生产安全事故死亡人数下降12.8%。地区生产总值90万亿元。\n"
NEW = "一、工作\n建成社区食堂450个。开展培训36场。生产安全事故死亡人数下降10.5%。地区生产总值95万亿元。\n"


def _diff() -> reportkit.ReportDiff:
    return reportkit.compare(reportkit.parse_text(OLD), reportkit.parse_text(NEW))


def test_the_terminal_headline_leaves_out_a_doubtful_pair_and_gives_a_fall_its_sign() -> None:
    out = render_diff(_diff(), color=False)
    top = out.split("变化最大的指标")[1].split("\n\n")[0]
    assert "36" in top and "450" not in top  # 120 → 450 个 is more than threefold: a doubt, not a headline
    assert "-12.8" in top and "-10.5" in top and "+2.3" in top and "个百分点" in top
    assert "90万亿" in top and "90,000,000" not in top


def test_the_html_page_opens_on_the_confident_changes(tmp_path: Path) -> None:
    html = render_html(_diff())
    top = html.split('class="headline"')[1].split("</ol>")[0]
    assert "36" in top and "450" not in top and "90万亿" in top
    assert "可信度" in html  # every pair's confidence is in the table, its reasons on hover


def test_the_excel_overview_lists_the_confident_changes(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    write_xlsx(_diff(), path)
    wb = openpyxl.load_workbook(path)
    overview = [str(r[1]) for r in wb.worksheets[0].iter_rows(values_only=True) if str(r[0]).startswith("变化最大的指标")]
    assert any("36" in v for v in overview) and not any("450" in v for v in overview)
    assert any("90万亿" in v for v in overview)
    head = [c.value for c in wb.worksheets[1][1]]
    assert head[-2:] == ["可信度", "依据"]


def test_chinese_outputs_write_large_figures_with_wan_and_yi() -> None:
    from reportkit.render._text import amount

    assert amount(Decimal(90000000000000)) == "90万亿"
    assert amount(Decimal(13220000)) == "1322万"
    assert amount(Decimal(607000000)) == "6.07亿"
    assert amount(Decimal(16000)) == "16,000"  # below 10万 a figure reads better as it is
