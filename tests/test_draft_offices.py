"""The workbook's 责任单位: the office the sentence names for a figure, blank where it names none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import reportkit
from reportkit.draft import collection_workbook, roll_forward
from reportkit.draft._offices import office_for
from reportkit.draft._safety import answers_in

WRITTEN = (
    "莲都区2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n"
    "由区司法局牵头，开展行政执法检查12次。区财政局负责审核项目资金3200万元。"
    "市场监管部门查处违法案件45件。全区共办理行政处罚案件2284件。\n\n"
    "二、2024年工作思路\n\n持续推进法治建设。\n"
)


@pytest.mark.parametrize(
    ("sentence", "figure", "office"),
    [
        ("由区司法局牵头，开展执法检查12次", "12次", "区司法局"),
        ("区财政局负责审核项目资金3.2亿元", "3.2亿元", "区财政局"),
        ("市场监管部门查处违法案件45件", "45件", "市场监管部门"),
        ("2022年，区法院审结行政诉讼案件320件，同比下降5%", "320件", "区法院"),
        ("会同区市场监管局对相关部门开展联合执法8次", "8次", "区市场监管局"),
        ("联合区纪委监委、区委政法委对全区14个乡镇(街道)进行专项督察", "14个", "区纪委监委、区委政法委"),
        # no office: a general one, an invited one, a role, an office in an attribute (牵头的)
        ("会同相关部门开展检查5次", "5次", ""),
        ("先后2次邀请静海区法院为全区各部门主要负责同志作专题报告", "2次", ""),
        ("村级法律顾问对242个村(社区)开展走访服务", "242个", ""),
        ("建立健全区司法局牵头的机制3项", "3项", ""),
        ("全区共办理行政处罚案件2284件", "2284件", ""),
    ],
)
def test_the_office_is_the_one_the_sentence_names_before_the_figure(sentence: str, figure: str, office: str) -> None:
    assert office_for(sentence, sentence.index(figure)) == office


def test_an_office_named_after_the_figure_is_not_its_office() -> None:
    sentence = "开展检查12次，区司法局负责汇总"
    assert office_for(sentence, sentence.index("12次")) == ""


def test_the_workbook_fills_the_office_column_where_the_text_names_one(tmp_path: Path) -> None:
    d = roll_forward(reportkit.parse_text(WRITTEN))
    assert [s.office for s in d.input_slots] == ["区司法局", "区财政局", "市场监管部门", ""]
    path = collection_workbook(d, tmp_path / "2024-数据填报.xlsx")
    ws = openpyxl.load_workbook(path)["数据填报"]
    assert ws.cell(1, 12).value == "责任单位"
    assert [ws.cell(r, 12).value for r in range(2, 6)] == ["区司法局", "区财政局", "市场监管部门", None]
    # the office the draft wrote is no answer: a fresh workbook holds nothing to lose
    assert answers_in(path) == ""
    wb = openpyxl.load_workbook(path)
    wb["数据填报"].cell(5, 12).value = "区综合行政执法局"
    wb.save(path)
    assert answers_in(path).startswith("1 value(s)")


@pytest.mark.shared
def test_the_seed_names_the_offices_it_worked_with(seed_path: Path, tmp_path: Path) -> None:
    d = roll_forward(reportkit.read(seed_path))
    named = {s.context[:40]: s.office for s in d.input_slots if s.office}
    assert list(named.values()) == ["区纪委监委、区委政法委"]
    assert next(iter(named)).startswith("联合区纪委监委")
