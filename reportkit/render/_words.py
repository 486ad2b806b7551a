"""The words of the plain-text outputs, Chinese first, with the English used for English reports.

Keys are the Chinese wording itself, so the renderers read as Chinese and an untranslated phrase shows in
Chinese rather than as a key.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

from .. import lang
from ..comparison.records import DiffWarning, FollowStatus, MetricStatus, Reason, Tag, WarningKind
from ..model import CommitmentType, PartKind
from . import _view

EN: dict[str, str] = {
    "标题": "title", "机构": "organisation", "年度": "year", "计划年度": "plan year", "发布机构": "issuer",
    "成文日期": "date", "文件": "file", "长度": "length", "字符": "characters", "章节": "sections",
    "组成部分": "parts", "语句": "sentences", "指标": "metrics", "承诺": "commitments", "问题": "problems",
    "（未识别出章节）": "(no sections found)", "（未识别出）": "(none found)", "（无标题）": "(untitled)",
    "来自": "from ", "信息表": "metadata table", "文件头": "front matter", "正文": "text", "文件名": "file name",
    "无": "none", "reportkit 年度比较": "reportkit: year-on-year comparison", "旧": "old", "新": "new",
    "相似度": "similarity", "余弦": "cosine", "编辑": "edit", "沿用": "reuse", "(1 = 完全相同)": "(1 = identical)",
    "所述变化": "stated changes", "变化最大的指标": "Largest metric changes", "单位": "unit", "去年": "last year",
    "今年": "this year", "变化": "change", "幅度": "%", "去年报告、今年未再报告的指标": "Metrics reported last year, not this year",
    "所述变化与去年数字不符": "Stated changes that disagree with last year's figures",
    "去年的承诺，今年报告中未见落实": "Last year's commitments with no follow-through found",
    "去年实为": "last year", "按此推算应为": "implied", "实际变化": "actual change",
    "前": "first", "共": "of", "另有": "and", "个章节": "more sections",
    "警告": "Warning", "：": ": ",
    "指标名": "metric", "处": "", "个百分点": "pts", "可信度": "confidence", "依据": "reasons",
    "只列配对可信度 ≥ 0.75 的指标；全部指标见下方“指标变化”表。":
        "Only pairs of confidence ≥ 0.75 are listed; every metric is in the table of metric changes below.",
    # the HTML page
    "1 = 两年文本完全相同": "1 = the two years' texts are identical",
    "reportkit 生成。本页不引用任何外部资源，可离线打开。":
        "Made by reportkit. This page loads nothing from elsewhere and opens offline.",
    "与去年数字不符": "disagree with last year's figures", "两年报告中都没有识别出指标。": "No metrics found in either report.",
    "今年报告中的依据": "Evidence this year", "今年报告所述的变化，与去年报告核对":
        "Changes stated this year, checked against last year's report",
    "原文": "as written", "去年承诺的落实": "Last year's commitments followed through",
    "去年报告": "last year's report", "去年报告中没有识别出承诺。": "No commitments found in last year's report.",
    "只看改动": "changes only", "合并视图": "inline view", "并排视图": "side by side",
    "年度报告比较": "Year-on-year comparison", "所指": "refers to", "所述": "stated",
    "所述变化（": "Stated changes (", "承诺落实（": "Commitments (", "承诺（": "Commitment (",
    "指标变化": "Metric changes", "指标变化（": "Metric changes (", "按所述推算去年": "implied last year",
    "核对": "check", "概览": "Summary", "点击表头排序。变化 = 今年 − 去年；幅度 = 变化 ÷ 去年。":
        "Click a header to sort. Change = this year − last year; % = change ÷ last year.",
    "状态": "status", "目录": "Contents", "目标": "target", "类型": "type", "结果": "outcome",
    "逐句对照": "Sentence by sentence", "（无）": "(none)", "）": ")", "（章节之前）": "(before the first section)",
    "（续）": " (continued)", "原": "was ", "一致": "agrees", "不一致": "disagrees", "无法核对": "cannot check",
    "去年报告中未找到该指标": "not found in last year's report", "按所述推算去年应为": "implied last year",
    "所述变化“": "Stated change “", "”：": "”: ",
    # the Excel workbook of a comparison
    "今年报告": "this year's report", "项目": "item", "值": "value", "余弦相似度": "cosine similarity",
    "Jaccard 相似度": "Jaccard similarity", "编辑相似度": "edit similarity", "文本沿用率": "text reused",
    "去年值": "last year", "今年值": "this year", "变化幅度": "% change", "去年原文": "last year, as written",
    "今年原文": "this year, as written", "去年章节": "section last year", "今年章节": "section this year",
    "说明": "note", "今年所述": "stated this year", "所指指标": "metric it refers to", "去年报告中": "in last year's report",
    "按所述推算的去年值": "implied last year", "去年承诺": "last year's commitment", "落实情况": "follow-through",
    "去年路径": "path last year", "去年标题": "title last year", "今年路径": "path this year",
    "今年标题": "title this year", "去年语句": "sentence last year", "今年语句": "sentence this year",
    # the corpus overview page (reportkit corpus --html)
    "reportkit 语料概览": "reportkit corpus", "报告": "reports", "目标数": "targets", "比较": "comparisons", "缺年": "gaps",
    "失败": "failures", "机构 × 年度": "Organisations × years", "类别": "genre", "已读": "read",
    "重复或未归位": "duplicate or unplaced", "缺年（不跨缺年比较）": "missing year (a gap, not compared across)",
    "重复": "duplicate", "未归位": "unplaced", "读取失败": "failed", "失败的文件": "Failures", "阶段": "stage",
    "错误": "error", "信息": "message", "读取": "read", "比较失败": "comparison failed", "与": "with", "指标序列": "Series",
    "没有哪个指标报告了三年或以上（可用 --chart 指标名 选取）。":
        "No indicator is reported in three years or more (pick one with --chart LABEL).",
    "目标及其结果": "Targets and what became of them",
    "没有哪组比较含有上一年的数字目标可供核对。": "No comparison has a numeric target of the earlier year to follow.",
    "政府工作报告": "government work report", "法治政府建设年度报告": "rule-of-law report",
    "政府信息公开工作年度报告": "government information disclosure report",
}

ZH: dict[str, str] = {"指标名": "指标"}  # where the Chinese shown differs from the key

ENUM_EN: dict[enum.Enum, str] = {
    **{t: t.value for t in Tag}, **{s: s.value.replace("_", " ") for s in MetricStatus},
    **{f: f.value.replace("_", " ") for f in FollowStatus}, **{c: c.value for c in CommitmentType},
    **{p: p.value for p in PartKind},
}
PART_ZH = {PartKind.PREAMBLE: "前言", PartKind.REVIEW: "回顾", PartKind.PROBLEMS: "问题", PartKind.PLAN: "计划",
           PartKind.OTHER: "其他"}


def _merge(*tables: Mapping[Any, str]) -> dict[enum.Enum, str]:
    return {k: v for table in tables for k, v in table.items()}


ENUM_ZH = _merge(_view.TAG_ZH, _view.STATUS_ZH, _view.FOLLOW_ZH, _view.TYPE_ZH, PART_ZH)


# The notes the comparison writes (plain English, stable wording), as a reader of each language sees them.
_QUALIFIER = {
    "exact": ("exact", "精确数"), "approx": ("about", "约数"), "approx_over": ("more than", "余/以上"),
    "at_least": ("at least", "至少"), "at_most": ("at most", "以内"), "range": ("a range", "区间"),
    "target": ("a target", "目标"),
}
_SCOPE_ZH = {"one year": "当年"}
_FRAME_ZH = ((re.compile(r"several years \((.+)\)"), r"多年（\1）"), (re.compile(r"several years"), "多年"),
             (re.compile(r"level at the end \((.+)\)"), r"期末水平（\1）"), (re.compile(r"level at the end"), "期末水平"),
             (re.compile(r"start level \(从…到\)"), "起点（从…到）"), (re.compile(r"one year"), "当年"))


def _frame_zh(s: str) -> str:
    for pattern, say in _FRAME_ZH:
        if pattern.fullmatch(s):
            return pattern.sub(say, s)
    return s


_WARNING_ZH = {
    WarningKind.ORGANISATIONS_DIFFER: "两份报告的机构不同：{old} → {new}",
    WarningKind.YEARS_REVERSED: "年份颠倒：{old} → {new}（旧报告应为去年的报告）",
    WarningKind.YEARS_NOT_CONSECUTIVE: "年份不相邻：{old} → {new}",
    WarningKind.SAME_YEAR: "两份报告是同一年（{old}）的",
    WarningKind.SAME_TEXT: "两份报告的文本相同",
}


def _q(code: str, english: bool) -> str:
    pair = _QUALIFIER.get(code)
    return code if pair is None else pair[0 if english else 1]


_NOTES: list[tuple[re.Pattern[str], Callable[[re.Match[str], bool], str]]] = [
    (re.compile(r"both (\w+)"),
     lambda m, en: f"both {_q(m[1], True)}" if en else f"两年均为{_q(m[1], False)}"),
    (re.compile(r"qualifiers differ \((\w+) → (\w+)\): the change is approximate"),
     lambda m, en: f"{_q(m[1], True)} → {_q(m[2], True)}: the change is approximate" if en
     else f"限定不同（{_q(m[1], False)} → {_q(m[2], False)}），变化为约数"),
    (re.compile(r"scope (.+?) → (.+)"),
     lambda m, en: f"counted over {m[1]} → {m[2]}" if en
     else f"口径不同（{_SCOPE_ZH.get(m[1], m[1])} → {_SCOPE_ZH.get(m[2], m[2])}）"),
    (re.compile(r"unit (.+?) → (.+)"), lambda m, en: m[0] if en else f"单位不同（{m[1]} → {m[2]}）"),
    (re.compile(r"kind (\w+) → (\w+)"), lambda m, en: m[0] if en else f"类型不同（{m[1]} → {m[2]}）"),
    (re.compile(r"target (.+) \((\w+)\), outcome (.+)"),
     lambda m, en: f"target {m[1]} ({_q(m[2], True)}), outcome {m[3]}" if en
     else f"目标 {m[1]}（{_q(m[2], False)}），结果 {m[3]}"),
    (re.compile(r"delta in percentage points"), lambda m, en: m[0] if en else "变化以百分点计"),
    (re.compile(r"(\d+) of (\d+) parts found"), lambda m, en: m[0] if en else f"{m[2]} 项中有 {m[1]} 项见于今年报告"),
    (re.compile(r"frame (.+?) → (.+)"),
     lambda m, en: m[0] if en else f"时段不同（{_frame_zh(m[1])} → {_frame_zh(m[2])}）"),
    (re.compile(r"a flow against a stock \((.+) → (.+)\)"),
     lambda m, en: m[0] if en else f"增量与存量（{m[1]} → {m[2]}）"),
    (re.compile(r"implausible: (\d+) times apart"),
     lambda m, en: m[0] if en else f"相差{m[1]}倍，不可信"),
    (re.compile(r"in real terms"),
     lambda m, en: "growth in real terms: last year's nominal value cannot check it" if en
     else "按可比价格计算的实际增长，不能用去年的名义数值核对"),
    (re.compile(r"stated in words, covered by 等"), lambda m, en: m[0] if en else "文字表述，以“等”涵盖"),
    (re.compile(r"stated in words"), lambda m, en: m[0] if en else "文字表述"),
    (re.compile(r"promised (\S+): (.+) went the (same|other) way"),
     lambda m, en: m[0] if en else f"承诺{m[1]}；{m[2]}变化方向{'一致' if m[3] == 'same' else '相反'}"),
]


class Words:
    """Looks phrases and enum members up in one language: ``zh`` (the default) or ``en``."""

    def __init__(self, language: str) -> None:
        self.english = language.lower().startswith("en")

    def __call__(self, phrase: str) -> str:
        return EN.get(phrase, phrase) if self.english else ZH.get(phrase, phrase)

    def enum(self, member: enum.Enum) -> str:
        table = ENUM_EN if self.english else ENUM_ZH
        return table.get(member, str(member.value))

    def note(self, note: str) -> str:
        """A comparison note (``both approx_over``, ``scope one year → 累计``) in words of this language;
        notes joined by ``; `` are read one by one."""
        parts = []
        for piece in note.split("; "):
            for pattern, say in _NOTES:
                m = pattern.fullmatch(piece)
                if m is not None:
                    piece = say(m, self.english)
                    break
            parts.append(piece)
        return ("; " if self.english else "；").join(parts)

    def reason(self, r: Reason) -> str:
        """One reason of a pair's confidence (``Reason("same_unit", ("次",))``) worded from the message catalogue
        of this language (lang/zh/messages.toml, lang/en/messages.toml); the arguments are filled in, never
        read as a template. A code the catalogue lacks shows as the code and its arguments."""
        table = lang.data("en" if self.english else "zh", "messages")
        entry = table["reasons"].get(r.code)
        if entry is None:
            return " ".join((r.code, *r.args))
        args = list(r.args)
        if r.code in ("frame", "frames"):  # (frame, marker) per side
            args = [self._frame(table, args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]
        elif r.code == "same_kind":
            args = [table["kinds"].get(args[0], args[0])]
        elif r.code == "same_measure":
            args = [table["measures"].get(args[0], args[0]), *args[1:]]
        message: str = entry["message"] if isinstance(entry, dict) else entry
        return message.format(*args)

    @staticmethod
    def _frame(table: Mapping[str, Any], frame: str, marker: str) -> str:
        frames = table["frames"]
        say: str = frames.get(f"{frame}_marked" if marker else frame, frames.get(frame, frame))
        return say.format(marker)

    def reasons(self, rs: tuple[Reason, ...]) -> str:
        """A pair's reasons, each worded in this language, joined as the language joins a list."""
        return ("; " if self.english else "；").join(self.reason(r) for r in rs)

    def warning(self, w: DiffWarning) -> str:
        return w.message if self.english else _WARNING_ZH[w.kind].format(old=w.old, new=w.new)

    def paren(self, s: str) -> str:
        return f" ({s})" if self.english else f"（{s}）"

    def title(self, what: str, cap: int, total: int) -> str:
        """``变化最大的指标（前 10 / 共 32）`` or ``Largest metric changes (first 10 of 32)``."""
        count = f"{self('前')} {cap} / {self('共')} {total}" if total > cap else str(total)
        if self.english:
            count = count.replace(" / ", " ")
        return self(what) + self.paren(count)
