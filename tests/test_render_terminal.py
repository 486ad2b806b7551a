"""The terminal outline of a report and the twenty-second summary of a comparison."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from test_render_samples import make_diff

from reportkit.render._text import fit, number, pad, percent, text_width
from reportkit.render.terminal import columns, render_diff, render_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_display_width_counts_chinese_as_two_columns() -> None:
    assert text_width("指标abc") == 7
    assert text_width(pad("执法人员", 12)) == 12
    assert text_width(pad("执法人员执法人员执法人员", 10)) == 10
    assert fit("一二三四五六", 7).endswith("…") and text_width(fit("一二三四五六", 7)) <= 7


def test_numbers_are_written_without_exponent_and_with_sign() -> None:
    from decimal import Decimal

    assert number(Decimal("4E+5")) == "400,000"
    assert number(Decimal("97.50")) == "97.5"
    assert percent(Decimal(-20)) == "-20.0%"
    assert percent(Decimal("2.63")) == "+2.6%"


def test_diff_summary_names_both_reports_scores_and_counts() -> None:
    out = render_diff(make_diff())
    assert "某区2022年法治政府建设年度报告" in out and "某区2023年法治政府建设年度报告" in out
    assert "2022 某区2022年" not in out  # the year is not said twice
    assert "余弦 0.82" in out and "Jaccard 0.61" in out
    assert "上升 4" in out and "下降 1" in out and "未再报告 2" in out
    assert "新增 1" in out  # sections added
    assert "新增：（四）数字法治" in out and "删除：（三）优化法律服务" in out


def test_largest_changes_show_old_new_delta_and_percent_largest_first() -> None:
    out = render_diff(make_diff())
    rows = [line for line in out.splitlines() if " → " in line and "去年" not in line]
    assert "执法人员" in rows[0] and "300" in rows[0] and "450" in rows[0] and "+150" in rows[0]
    assert "+50.0%" in rows[0]
    assert any("行政复议案件" in r and "-8" in r and "-20.0%" in r for r in rows)


def test_change_table_lines_up_in_display_columns() -> None:
    out = render_diff(make_diff())
    rows = [line for line in out.splitlines() if " → " in line]
    arrows = {text_width(line[: line.index(" → ")]) for line in rows}
    assert len(rows) >= 5 and len(arrows) == 1


def test_dropped_metrics_and_commitments_not_found_are_listed() -> None:
    out = render_diff(make_diff())
    dropped = out[out.index("未再报告的指标"):]
    assert "公共法律服务站" in dropped and "8个" in dropped
    assert "（三）推进{{ 7*7 }}专项行动" in out[out.index("未见落实"):]


def test_inconsistent_stated_change_is_reported() -> None:
    diff = make_diff()
    bad = attrs.evolve(diff.stated_changes[0], consistent=False)
    out = render_diff(attrs.evolve(diff, stated_changes=(bad,)))
    assert "所述变化与去年数字不符（1）" in out and "“20%”" in out


def test_colour_only_when_asked() -> None:
    diff = make_diff()
    assert not ANSI.search(render_diff(diff))
    coloured = render_diff(diff, color=True)
    assert "\x1b[32m" in coloured and "\x1b[31m" in coloured
    assert ANSI.sub("", coloured) == render_diff(diff)


def test_report_text_cannot_drive_the_terminal() -> None:
    diff = make_diff()
    meta = attrs.evolve(diff.new.meta, title="标题\x1b[2J\x1b[31m红")
    out = render_diff(attrs.evolve(diff, new=attrs.evolve(diff.new, meta=meta)))
    assert "\x1b" not in out and "标题[2J[31m红" in out


def test_outline_shows_meta_with_sources_sections_and_counts() -> None:
    report = make_diff().old
    out = render_report(report)
    assert "某区人民政府" in out and "（来自标题）" in out and "区司法局" in out and "（来自信息表）" in out
    assert "2023" in out  # plan year
    lines = out.splitlines()
    top = next(line for line in lines if "一、主要成效" in line)
    sub = next(line for line in lines if "（一）完善制度体系" in line)
    assert len(sub) - len(sub.lstrip()) > len(top) - len(top.lstrip())
    assert "语句 14 · 指标 7 · 承诺 3 · 问题 2" in out
    assert "12件" in out and "执法队伍力量不足" in out and "计划" in out


def test_outline_of_an_empty_report_says_so() -> None:
    from reportkit.model import Report, ReportMeta

    out = render_report(Report(meta=ReportMeta(source_path="x.txt"), text=""))
    assert "（未识别出章节）" in out and "语句 0" in out


def test_summary_of_a_real_pair_fits_one_screen(shared: Path) -> None:
    pytest.importorskip("reportkit.comparison.diff", reason="the comparison is not written yet")
    import reportkit

    base = shared / "corpus" / "gongzuo" / "china-state-council"
    diff = reportkit.compare(reportkit.read(base / "2014.txt"), reportkit.read(base / "2015.txt"))
    out = render_diff(diff)
    lines = out.splitlines()
    assert len(lines) <= 60
    assert max(columns(line) for line in lines) <= 110
    for heading in ("章节", "指标", "承诺"):
        assert heading in out
    if diff.scores is not None:
        assert "余弦" in out
    if any(p.delta for p in diff.metrics):
        assert "变化最大的指标" in out


SNAPSHOT = """\
reportkit 年度比较
  旧  某区2022年法治政府建设年度报告  (mouqu-2022.txt)
  新  某区2023年法治政府建设年度报告  (mouqu-2023.txt)
  相似度      余弦 0.82 · Jaccard 0.61 · 编辑 0.70 · 沿用 0.74  (1 = 完全相同)
  章节        修改 3 · 改名 3 · 新增 1 · 删除 3
              新增：（四）数字法治
              删除：（三）优化法律服务；（二）开展执法培训不少于4次；（三）推进{{ 7*7 }}专项行动
  语句        相同 2 · 修改 10 · 删除 2
  指标        上升 4 · 下降 1 · 未再报告 2 · 新增 3
  承诺        已完成 1 · 有进展 1 · 未找到 1
  所述变化    1 处，其中与去年数字不符 0 处

变化最大的指标（4）
  指标                          单位          去年 → 今年               变化     幅度
  执法人员                      人次           300 → 450                +150   +50.0%
  审查规范性文件                件              12 → 15                   +3   +25.0%
  行政复议案件                  件              40 → 32                   -8   -20.0%
  群众满意度                    %               95 → 97.5               +2.5    +2.6%

去年报告、今年未再报告的指标（1）
  公共法律服务站                8个             一/（三）

去年的承诺，今年报告中未见落实（1）
  · （三）推进{{ 7*7 }}专项行动
"""


def test_summary_snapshot() -> None:
    """The whole summary of the sample diff; update deliberately when the layout changes."""
    assert render_diff(make_diff()) == SNAPSHOT


def test_an_english_report_gets_an_english_summary() -> None:
    diff = make_diff()
    en = attrs.evolve(diff, new=attrs.evolve(diff.new, meta=attrs.evolve(diff.new.meta, language="en")))
    out = render_diff(en)
    assert "Largest metric changes (4)" in out and "similarity" in out and "up 4 · down 1" in out
    assert "变化最大的指标" not in out and "相似度" not in out
    rows = [line for line in out.splitlines() if " → " in line]
    assert len({text_width(line[: line.index(" → ")]) for line in rows}) == 1


def test_comparison_notes_read_in_the_reports_language() -> None:
    from reportkit.comparison.records import Note
    from reportkit.render._words import Words

    zh, en = Words("zh"), Words("en")
    both = Note("both_qualified", ("approx_over",))
    assert zh.note(both) == "两年均为余/以上" and en.note(both) == "both more than"
    target = Note("target_outcome", ("1 名", "at_least", "2名"))
    assert zh.note(target) == "目标 1 名（至少），结果 2名" and en.note(target) == "target 1 名 (at least), outcome 2名"
    assert zh.note(Note("in_points")) == "变化以百分点计"
    assert zh.note(Note("kind_differs", ("count", "rate"))) == "类型不同（计数 → 比率）"
    frames = Note("frames_differ", ("year", "", "period", "近三年"))
    assert zh.note(frames) == "时段不同（当年 → 多年（近三年））"
    assert en.note(frames) == "frame one year → several years (近三年)"
    assert zh.note(Note("something_new", ("x",))) == "something_new x"  # an unknown code shows, not dropped
    assert zh.notes((Note("both_qualified", ("approx",)), Note("in_points"))) == "两年均为约数；变化以百分点计"
    assert zh.note(Note("unit_differs", ("{0}", "{1.__class__}"))) == "单位不同（{0} → {1.__class__}）"


def test_a_promised_direction_reads_in_chinese_whatever_its_outcome_holds() -> None:
    from reportkit.comparison.records import Note
    from reportkit.render._words import Words

    # an outcome with "；" or "; " in it once kept the whole note in English (issue 17)
    same = Note("promised_same_way", ("降低", "下降20%; 下降"))
    assert Words("zh").note(same) == "承诺降低；下降20%; 下降变化方向一致"
    assert Words("zh").notes((Note("promised_other_way", ("提高", "98.9%")), Note("parts_found", ("1", "2")))) == (
        "承诺提高；98.9%变化方向相反；2 项中有 1 项见于今年报告"
    )


def test_a_change_is_written_in_the_scale_of_its_values() -> None:
    from decimal import Decimal

    from reportkit.render._text import signed

    assert signed(Decimal(-55400), zh=True, like=Decimal(272400)) == "-5.54万"
    assert signed(Decimal(-416), zh=True, like=Decimal(1545)) == "-416"
    assert signed(Decimal(-55400), zh=False, like=Decimal(272400)) == "-55,400"
