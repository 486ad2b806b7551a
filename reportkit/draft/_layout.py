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

    def status_of(self, label: str) -> ProgressStatus | None:
        return next((s for s, text in self.statuses if text == label.strip()), None)

    def label_of(self, status: ProgressStatus) -> str:
        return next(text for s, text in self.statuses if s is status)


# Data sheet columns (1-based). This year's value comes before last year's, as in Chinese
# statistical tables (本期 | 上年同期 | 增减), so the one input column sits next to the label.
COL_ID, COL_SECTION, COL_LABEL, COL_UNIT, COL_VALUE, COL_LAST, COL_CHANGE, COL_PCT = 1, 2, 3, 4, 5, 6, 7, 8
COL_RESPONSIBLE, COL_NOTE, COL_CONTEXT = 9, 10, 11
DATA_INPUT_COLS = (COL_VALUE, COL_RESPONSIBLE, COL_NOTE)
DATA_WIDTHS = (8, 44, 44, 9, 14, 12, 10, 10, 16, 24, 70)  # a CJK character is two units wide

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
        "3. 比率类指标（单位为 %）填写 0–100 之间的数值，例如 99.82；计数类指标填写不小于 0 的数值。",
        "4. “增减”“增减幅度”两列由公式自动计算，请勿修改；编号、指标、上年数值等灰色单元格已锁定。",
        "5. “责任单位”“备注”两列可自由填写。",
        "6. 请在“任务清单”表逐项填写上年工作任务的进展（下拉选择：已完成、推进中、未启动）、完成情况和佐证材料。",
        "7. 请勿增删行、重命名工作表或合并单元格；填好后运行 reportkit fill 生成报告初稿。",
        "8. 未填写的数值在初稿中显示为【待填】（需使用 --allow-missing）。",
    ),
    missing="【待填】",
    to_fill="【待填：上年{last}】",
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
        "3. Rates (unit %) take a value from 0 to 100, e.g. 99.82; counts and amounts take a value of 0 or more.",
        "4. 'Change' and 'Change %' are formulas; grey cells are locked.",
        "5. 'Responsible' and 'Note' are free text.",
        (
            "6. On the Commitments sheet, give each of last year's commitments its progress (Done, Ongoing, "
            "Not started), what was done and the evidence."
        ),
        "7. Do not insert or delete rows, rename sheets or merge cells; then run reportkit fill.",
        "8. Values left empty show as [TO FILL] in the draft (with --allow-missing).",
    ),
    missing="[TO FILL]",
    to_fill="[TO FILL: last year {last}]",
)


def layout_for(language: str) -> Layout:
    return EN if language == "en" else ZH
