"""The layout of the data-collection workbook, shared by the writer and the reader.

Both sides read sheet names, headers and columns from here, so a change to the layout
cannot make the reader check a cell the writer never wrote. The words (sheet names, headers,
instructions, placeholders) are in lang/zh/draft.toml and lang/en/draft.toml.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from .. import lang
from ._records import ProgressStatus

META_SHEET = "_meta"
HEADER_ROW = 1
FIRST_ROW = 2
CHUNK = 30_000  # characters of draft JSON per cell (Excel allows 32,767)


@attrs.frozen
class Layout:
    language: str  # "zh" or "en": the file in lang/ it was read from
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

def layout_for(language: str) -> Layout:
    """The layout in ``language`` (English, else Chinese): lang/<language>/draft.toml's ``[layout]``."""
    return _layout("en" if language == "en" else "zh")


@functools.cache
def _layout(language: str) -> Layout:
    t = lang.data(language, "draft")["layout"]
    return Layout(
        language=language,
        data=t["data"],
        checklist=t["checklist"],
        instructions=t["instructions"],
        data_headers=tuple(t["data_headers"]),
        checklist_headers=tuple(t["checklist_headers"]),
        statuses=tuple((status, str(t["statuses"][status.value])) for status in ProgressStatus),
        instructions_text=tuple(t["instructions_text"]),
        missing=t["missing"],
        to_fill=t["to_fill"],
        tick=t["tick"],
        met_choices=tuple(t["met_choices"]),
        expect=dict(t["expect"]),
        problems=t["problems"],
        plan_placeholder=t["plan_placeholder"],
        plan_comment=t["plan_comment"],
        legend=(t["legend"][0], t["legend"][1], t["legend"][2], t["legend"][3]),
        targets_title=t["targets_title"],
        target_headers=tuple(t["target_headers"]),
    )


def _table(language: str, name: str) -> dict[str, Any]:
    table: dict[str, Any] = lang.data("en" if language == "en" else "zh", "draft")[name]
    return table


def say(language: str, key: str) -> Any:
    """One of the draft's words (lang/<language>/draft.toml ``[words]``); a word English lacks is the Chinese."""
    table = _table(language, "words")
    return table[key] if key in table else _table("zh", "words")[key]


def message(language: str, key: str) -> str:
    """How fill words a problem (``[messages]``)."""
    return str(_table(language, "messages")[key])


@functools.cache
def pattern(key: str) -> re.Pattern[str]:
    """A pattern of the draft's text rules (lang/zh/draft.toml ``[patterns]``), compiled on first use."""
    return re.compile(str(_table("zh", "patterns")[key]))


def chars(key: str) -> str:
    """A set of characters kept as a pattern's source (``label_strip``: what a label is stripped of)."""
    return str(_table("zh", "patterns")[key])
