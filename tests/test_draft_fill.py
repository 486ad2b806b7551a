"""Filling the draft: numbers in the report's style, recomputed changes, the checklist, safe templates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import docx
import openpyxl
import pytest
from test_draft_rollforward import make_english_report, make_report
from test_draft_workbook import FILLED, edit, fill_values

from reportkit.draft import build_context, collection_workbook, draft, fill, read_workbook, roll_forward
from reportkit.draft._forms import change_phrase
from reportkit.errors import TemplateError
from reportkit.model import Report


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def table_text(path: Path) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in docx.Document(str(path)).tables for row in t.rows]


@pytest.fixture()
def filled_workbook(tmp_path: Path) -> Path:
    path = collection_workbook(make_report(), tmp_path / "2023-数据填报.xlsx")

    def change(wb: openpyxl.Workbook) -> None:
        fill_values(wb)
        wb["数据填报"]["I2"] = "是"  # 写变化 on M001 (1789项 → 1900项)
        wb["任务清单"]["D2"] = "已完成"
        wb["任务清单"]["E2"] = "化解行政争议35件"
        wb["任务清单"]["F2"] = "台账第3册"

    return edit(path, change)


def test_change_phrases_are_computed_from_the_two_values() -> None:
    assert change_phrase("", "zh", "money", Decimal(1789), Decimal(1900), "项") == "较上年增长6.2%"
    assert change_phrase("", "zh", "money", Decimal(53), Decimal(38), "件") == "较上年下降28.3%"
    assert change_phrase("", "zh", "money", Decimal(5), Decimal(5), "件") == "与上年持平"
    assert change_phrase("", "zh", "money", Decimal(0), Decimal(5), "件") is None
    assert change_phrase("", "en", "money", Decimal(100000), Decimal(120000), "€") == "up 20% on last year"
    assert change_phrase("", "en", "count", Decimal(5), Decimal(5), "") == "unchanged from last year"


def test_filled_numbers_keep_the_report_style_and_changes_are_recomputed(
    filled_workbook: Path, tmp_path: Path
) -> None:
    out = fill(filled_workbook, tmp_path / "2023.docx")
    text = "\n".join(paragraphs(out))
    assert "某区2023年法治政府建设年度报告" in text
    # the ticked row gets a change worded as a 法治政府建设年度报告 words a count; the others none
    assert "全区共计1900项政务服务事项进驻浙江政务服务网,较上年增加111项。" in text
    assert text.count("较上年") == 1
    assert "“一网通办”办件率达98.5%" in text
    # a stated change flips its word when the direction flips: 53 → 60 is up 13.2%
    assert "全区新发行政诉讼案件60件,较去年同期增长13.2%。" in text
    assert "开展普法活动2100余场,覆盖全区45万余名群众。" in text
    assert "排名全市第一" in text
    assert "二、2024年工作思路" in text and "二、2023年工作思路" not in text


def test_the_checklist_lists_last_years_commitments_with_progress(
    filled_workbook: Path, tmp_path: Path
) -> None:
    out = fill(filled_workbook, tmp_path / "2023.docx")
    assert "附件：2023年工作思路落实情况" in paragraphs(out)
    rows = table_text(out)
    assert rows[0][:3] == ["序号", "上年工作任务", "进展"]
    assert rows[1] == ["1", "持续开展行政争议实质性化解", "☑ 已完成", "化解行政争议35件", "台账第3册"]
    assert [r[1] for r in rows[2:]] == [
        "努力提升法治建设群众满意度",
        "力争每个乡镇至少具有1 名法学本科以上学历工作人员",
    ]


def test_missing_values_become_visible_placeholders_when_allowed(tmp_path: Path) -> None:
    path = collection_workbook(make_report(), tmp_path / "w.xlsx")
    edit(path, lambda wb: fill_values(wb, {k: v for k, v in FILLED.items() if k != "M004"}))
    out = fill(path, tmp_path / "out.docx", allow_missing=True)
    text = "\n".join(paragraphs(out))
    assert "全区新发行政诉讼案件【待填】,较去年同期【待填】。" in text


def test_the_first_draft_shows_last_years_value_beside_each_slot(tmp_path: Path) -> None:
    result = draft(make_report(), tmp_path)
    assert result.workbook.name == "2023-数据填报.xlsx" and result.docx.name == "2023-初稿.docx"
    text = "\n".join(paragraphs(result.docx))
    assert "全区共计【待填：上年1789项】政务服务事项" in text
    assert read_workbook(result.workbook, allow_missing=True).draft == result.draft


def test_the_default_template_lays_the_page_out_per_gb_t_9704(filled_workbook: Path, tmp_path: Path) -> None:
    from docx.shared import Pt

    doc = docx.Document(str(fill(filled_workbook, tmp_path / "o.docx")))
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [
        37,
        35,
        28,
        26,
    ]
    styles = doc.styles

    def east_asian(name: str) -> str:
        return styles[name].element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )

    assert east_asian("Normal") == "仿宋_GB2312" and styles["Normal"].font.size == Pt(16)
    assert styles["Normal"].paragraph_format.line_spacing.pt == pytest.approx(28.9, abs=0.1)
    assert east_asian("RK Title") == "方正小标宋简体" and styles["RK Title"].font.size == Pt(22)
    assert east_asian("RK Heading 1") == "黑体" and east_asian("RK Heading 2") == "楷体_GB2312"
    assert east_asian("RK Page Number") == "宋体" and styles["RK Page Number"].font.size == Pt(14)
    footer = sec.footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and footer.text.startswith("— ") and footer.text.endswith(" —")


def _template(tmp_path: Path, *lines: str) -> Path:
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def test_report_text_is_data_never_template_code(tmp_path: Path) -> None:
    report = make_report()
    text = report.text.replace(
        "某区政府坚持依法行政", "某区政府坚持{{ 7*7 }}{% if 1 %}<依法>&行政{% endif %}"
    )
    shift = len(text) - len(report.text)
    moved = Report.from_dict({**report.to_dict(), "text": text})
    moved = attrs.evolve(
        moved,
        metrics=tuple(attrs.evolve(m, start=m.start + shift, end=m.end + shift) for m in report.metrics),
        sentences=(),
        sections=tuple(_shift(s, shift) for s in report.sections),
        parts=tuple(
            attrs.evolve(p, start=p.start + (shift if p.start else 0), end=p.end + shift)
            for p in report.parts
        ),
        commitments=tuple(
            attrs.evolve(c, start=c.start + shift, end=c.end + shift) for c in report.commitments
        ),
    )
    result = draft(moved, tmp_path)
    assert "某区政府坚持{{ 7*7 }}{% if 1 %}<依法>&行政{% endif %}" in "\n".join(paragraphs(result.docx))


def _shift(s: Any, by: int) -> Any:
    return attrs.evolve(
        s,
        start=s.start + by,
        end=s.end + by,
        title_start=s.title_start + by,
        title_end=s.title_end + by,
        children=tuple(_shift(c, by) for c in s.children),
    )


@pytest.mark.parametrize(
    "lines, message",
    [
        (("{{ title }",), r"syntax error in tag “\{\{ title \}”"),
        (("{% for b in blocks %}{{ b.text }}",), r"syntax error in tag “\{% for b in blocks %\}”"),
        (("{{ ''.__class__.__mro__ }}",), "unsafe"),
        (("{{ no_such_name }}",), "no_such_name"),
    ],
)
def test_a_bad_user_template_gives_a_template_error(
    filled_workbook: Path, tmp_path: Path, lines: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match=message):
        fill(filled_workbook, out, template=_template(tmp_path, *lines))
    assert not out.exists()


def test_a_user_template_gets_the_documented_context(filled_workbook: Path, tmp_path: Path) -> None:
    template = _template(
        tmp_path,
        "{{ organisation }} {{ year }} {{ plan_year }}",
        "{%p for m in metrics %}",
        "{{ m.label }}: {{ m.last }} → {{ m.value }} ({{ m.change_pct }})",
        "{%p endfor %}",
    )
    out = fill(filled_workbook, tmp_path / "out.docx", template=template)
    lines = paragraphs(out)
    assert lines[0] == "某区人民政府 2023 2024"
    assert "政务服务事项进驻数: 1789 → 1900 (6.2%)" in lines


def test_the_context_lists_blocks_metrics_and_checklist() -> None:
    ctx = build_context(roll_forward(make_report()))
    assert {
        "title",
        "organisation",
        "year",
        "plan_year",
        "blocks",
        "metrics",
        "checklist",
        "checklist_title",
        "stale_count",
        "missing_count",
    } <= set(ctx)
    assert ctx["is_first_draft"] and ctx["missing_count"] == len(ctx["metrics"])


def test_an_english_report_is_filled_with_the_english_template(tmp_path: Path) -> None:
    result = draft(make_english_report(), tmp_path)
    assert result.workbook.name == "2024-data-collection.xlsx" and result.docx.name == "2024-draft.docx"

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Data"]
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 5).value = {"M001": 120000, "M002": 30000, "M003": 3}[ws.cell(row, 1).value]
            if ws.cell(row, 1).value == "M003":
                ws.cell(row, 9).value = "yes"
        wb["Commitments"]["D2"] = "Done"

    out = fill(edit(result.workbook, change), tmp_path / "2024.docx")
    text = "\n".join(paragraphs(out))
    assert "2024 Annual report and 2025 plans" in text
    assert "In 2024, the FPA received donations of just over €120,000." in text
    assert "We held 3 meetings, up 50% on last year, see the blog." in text
    assert "Plans for 2025" in text
    assert table_text(out)[1][2] == "☑ Done"


def test_a_template_that_is_not_a_docx_is_refused(filled_workbook: Path, tmp_path: Path) -> None:
    bad = tmp_path / "t.docx"
    bad.write_text("{{ title }}", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a Word .docx template"):
        fill(filled_workbook, tmp_path / "o.docx", template=bad)


def test_the_cli_exits_4_naming_the_cell_of_a_bad_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportkit.cli import main

    path = collection_workbook(make_report(), tmp_path / "w.xlsx")
    edit(path, lambda wb: fill_values(wb, {**FILLED, "M001": "约四百"}))
    assert main(["fill", str(path), "-o", str(tmp_path / "o.docx")]) == 4
    err = capsys.readouterr().err
    assert "数据填报!E2: " in err and "“约四百”不是数字" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.docx").exists()


def test_draft_with_a_broken_template_writes_neither_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(TemplateError, match="syntax error"):
        draft(make_report(), out, template=_template(tmp_path, "{% if %}"))
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("name", ["fazhi-report.docx", "annual-report-en.docx"])
def test_the_bundled_templates_are_what_build_templates_makes(name: str, tmp_path: Path) -> None:
    import importlib.util

    root = Path(__file__).resolve().parent.parent / "templates"
    spec = importlib.util.spec_from_file_location("build_templates", root / "build_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["build_templates", str(tmp_path)])
    for part in ("body", "styles"):
        built, bundled = docx.Document(str(tmp_path / name)), docx.Document(str(root / name))
        if part == "body":
            assert built.element.body.xml == bundled.element.body.xml
        else:
            assert built.styles.element.xml == bundled.styles.element.xml
