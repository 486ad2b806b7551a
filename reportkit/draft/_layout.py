"""The layout of the data-collection workbook, shared by the writer and the reader.

Both sides read sheet names, headers and columns from here, so a change to the layout
cannot make the reader check a cell the writer never wrote.
"""

from __future__ import annotations

import attrs

from ._records import ProgressStatus

META_SHEET = "_meta"
HEADER_ROW = 1
FIRST_ROW = 2
CHUNK = 30_000  # characters of draft JSON per cell (Excel allows 32,767)


@attrs.frozen
class Layout:
    data: str
    checklist: str
    instructions: str
    data_headers: tuple[str, ...]
    checklist_headers: tuple[str, ...]
    statuses: tuple[tuple[ProgressStatus, str], ...]
    instructions_text: tuple[str, ...]
    missing: str  # the placeholder for a value not filled
    to_fill: str  # the placeholder in the first draft, before anything is filled
    tick: str  # what 写变化 takes (a drop-down of one choice)
    met_choices: tuple[str, ...]  # what 目标完成 takes
    expect: dict[str, str]  # what a cell takes, by Slot.answer, in words
    problems: str  # the first line of a list of problems: {n}
    plan_placeholder: str  # the marked paragraph standing for next year's plan: {title}
    plan_comment: str  # the Word comment on it
    legend: tuple[str, str, str, str]  # lead-in, the yellow, the orange and the grey shading
    targets_title: str  # the appendix of main targets: {year}
    target_headers: tuple[str, ...]

    def status_of(self, label: str) -> ProgressStatus | None:
        return next((s for s, text in self.statuses if text == label.strip()), None)

    def label_of(self, status: ProgressStatus) -> str:
        return next(text for s, text in self.statuses if s is status)


# Data sheet columns (1-based). This year's value comes before last year's, as in Chinese
# statistical tables (本期 | 上年同期 | 增减), so the one input column sits next to the label.
COL_ID, COL_SECTION, COL_LABEL, COL_UNIT, COL_VALUE, COL_LAST, COL_CHANGE, COL_PCT = 1, 2, 3, 4, 5, 6, 7, 8
# 写变化: tick to have the draft say 较上年增加26件 after the figure; 年度目标 / 目标完成: main targets only.
COL_WRITE_CHANGE, COL_TARGET, COL_MET = 9, 10, 11
COL_RESPONSIBLE, COL_NOTE, COL_CONTEXT = 12, 13, 14
DATA_INPUT_COLS = (COL_VALUE, COL_WRITE_CHANGE, COL_MET, COL_RESPONSIBLE, COL_NOTE)
DATA_WIDTHS = (8, 30, 44, 9, 14, 12, 10, 10, 9, 12, 11, 16, 24, 70)  # a CJK character is two units wide

# Checklist sheet columns.
CK_ID, CK_SECTION, CK_TEXT, CK_STATUS, CK_DONE, CK_EVIDENCE = 1, 2, 3, 4, 5, 6
CK_INPUT_COLS = (CK_STATUS, CK_DONE, CK_EVIDENCE)
CK_WIDTHS = (8, 28, 60, 12, 48, 30)

ZH = Layout(
    data="数据填报",
    checklist="任务清单",
    instructions="填报说明",
    data_headers=(
        "编号",
        "所属部分",
        "指标",
        "单位",
        "本年数值（填报）",
        "上年数值",
        "增减",
        "增减幅度",
        "写变化",
        "年度目标",
        "目标完成",
        "责任单位",
        "备注",
        "上年原文",
    ),
    checklist_headers=("编号", "所属部分", "上年工作任务", "进展", "完成情况", "佐证材料"),
    statuses=(
        (ProgressStatus.DONE, "已完成"),
        (ProgressStatus.ONGOING, "推进中"),
        (ProgressStatus.NOT_STARTED, "未启动"),
    ),
    instructions_text=(
        "填报说明",
        "1. 本表由 reportkit 根据上年度报告生成，用于收集本年度报告所需数据。",
        (
            "2. 请在“数据填报”表的“本年数值（填报）”列（黄色单元格）填写本年数值，只填数字，不带单位、不写“约”“余”等字样；"
            "单位见“单位”列，原文中的“余”“约”等限定词会自动保留。"
        ),
        "3. 比率、占比类指标（单位为 %）填写 0–100 之间的数值，例如 99.82；增速可为负数；计数类指标（件、次、个、人、名等）只填整数。",
        "4. “增减”“增减幅度”两列由公式自动计算，请勿修改；编号、指标、上年数值等灰色单元格已锁定。",
        "5. “责任单位”列已按上年原文写明的单位预填（未写明的留空），可修改；“备注”列可自由填写。",
        "6. 请在“任务清单”表逐项填写上年工作任务的进展（下拉选择：已完成、推进中、未启动）、完成情况和佐证材料。",
        "7. 请勿增删行、重命名工作表或合并单元格；填好后运行 reportkit fill 生成报告初稿。",
        "8. 未填写的数值在初稿中显示为【待填】（需使用 --allow-missing）。",
        "9. 需要在报告中写出与上年对比的指标，请在“写变化”列选择“是”（如“较上年增加26件”“提高0.3个百分点”）；上年原文已写变化的句子会自动重算。",
        "10. 政府工作报告的主要预期目标排在最前，请填写实际完成值并在“目标完成”列选择完成情况。",
    ),
    missing="【待填】",
    to_fill="【待填：上年{last}】",
    tick="是",
    met_choices=("完成", "未完成", "超额完成"),
    expect={
        "whole": "不小于 0 的整数",
        "decimal": "不小于 0 的数字",
        "share": "0–100 之间的数字（百分数，如 99.82）",
        "signed": "数字（增速，可为负数，如 -0.3）",
    },
    problems="工作簿有 {n} 处问题，均未写入报告，请逐项改正后重新运行 reportkit fill：",
    plan_placeholder="【待起草】{title}：请根据本年度工作部署重新撰写本部分。下方灰色文字为上年原文，仅供参考，定稿前删除。",
    plan_comment="上年工作思路不能原样沿用：请按新一年的部署重写本部分，上年原文（灰色）仅供参考，定稿前删除。上年各项任务的落实情况见附件及“任务清单”。",
    legend=(
        "底纹说明（定稿前删除本段）：",
        "黄色为待填数据、待起草内容或需重写的年份表述（如“某年是……之年”）",
        "橙色为仍含上年数字、需人工核改的句子",
        "灰色为上年原文，仅供参考",
    ),
    targets_title="附件：{year}年主要预期目标完成情况",
    target_headers=("指标", "年度目标", "实际完成", "完成情况"),
)

EN = Layout(
    data="Data",
    checklist="Commitments",
    instructions="Instructions",
    data_headers=(
        "ID",
        "Section",
        "Indicator",
        "Unit",
        "This year (enter)",
        "Last year",
        "Change",
        "Change %",
        "Write change",
        "Target",
        "Target met",
        "Responsible",
        "Note",
        "Last year's text",
    ),
    checklist_headers=("ID", "Section", "Last year's commitment", "Progress", "What was done", "Evidence"),
    statuses=(
        (ProgressStatus.DONE, "Done"),
        (ProgressStatus.ONGOING, "Ongoing"),
        (ProgressStatus.NOT_STARTED, "Not started"),
    ),
    instructions_text=(
        "Instructions",
        "1. reportkit made this workbook from last year's report to collect this year's figures.",
        (
            "2. Enter this year's value in the 'This year (enter)' column of the Data sheet (yellow cells): a plain "
            "number, no unit, no 'about'/'over'; qualifiers written in last year's text are kept."
        ),
        "3. Shares (unit %) take a value from 0 to 100, e.g. 99.82; growth rates may be negative; counts take whole numbers.",
        "4. 'Change' and 'Change %' are formulas; grey cells are locked.",
        "5. 'Responsible' and 'Note' are free text ('Responsible' starts with the office last year's text names, if any).",
        (
            "6. On the Commitments sheet, give each of last year's commitments its progress (Done, Ongoing, "
            "Not started), what was done and the evidence."
        ),
        "7. Do not insert or delete rows, rename sheets or merge cells; then run reportkit fill.",
        "8. Values left empty show as [TO FILL] in the draft (with --allow-missing).",
        "9. Choose 'yes' under 'Write change' to have the draft state the change on last year (up 20% on last year).",
    ),
    missing="[TO FILL]",
    to_fill="[TO FILL: last year {last}]",
    tick="yes",
    met_choices=("met", "not met", "exceeded"),
    expect={
        "whole": "a whole number, 0 or more",
        "decimal": "a number, 0 or more",
        "share": "a number from 0 to 100 (a percentage, e.g. 99.82)",
        "signed": "a number (a growth rate, may be negative, e.g. -0.3)",
    },
    problems="the workbook has {n} problem(s); nothing was written. Correct them and run reportkit fill again:",
    plan_placeholder=(
        "[TO WRITE] {title}: write this section for the new year. The grey text below is last "
        "year's, for reference only: delete it before the report is final."
    ),
    plan_comment=(
        "Last year's plans cannot be carried over as they are: rewrite this section; last year's text (grey) is "
        "for reference. How each of last year's commitments went is in the appendix."
    ),
    legend=(
        "Shading (delete before the report is final): ",
        "yellow: figures or text still to write, and sentences about the year itself to rewrite",
        "orange: sentences still carrying last year's figures",
        "grey: last year's text, for reference",
    ),
    targets_title="Appendix: {year} main targets",
    target_headers=("Indicator", "Target", "Outcome", "Met"),
)


def layout_for(language: str) -> Layout:
    return EN if language == "en" else ZH
