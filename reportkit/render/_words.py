"""The words of the outputs, Chinese first, with the English used for English reports.

Every label, heading and sentence a renderer shows is looked up by a stable ASCII id in the UI catalogue of the
report's language (reportkit/lang/zh/ui.toml, reportkit/lang/en/ui.toml: ``Words("zh")("sections")`` → 章节);
the explanations of findings are worded from the message catalogue (lang/*/messages.toml). Both are read once,
on first use (``lang.data`` caches them).
"""


from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

from .. import lang
from ..comparison.records import DiffWarning, FollowStatus, MetricStatus, Reason, Tag
from ..model import CommitmentType, PartKind

_ENUM_TABLES: dict[type[enum.Enum], str] = {
    Tag: "tags", MetricStatus: "metric_status", FollowStatus: "follow_status", CommitmentType: "commitment_types",
    PartKind: "parts",
}


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
    """The words of one language, ``zh`` (the default) or ``en``: labels by id, enum members, notes, reasons."""

    def __init__(self, language: str) -> None:
        self.english = language.lower().startswith("en")
        self.language = "en" if self.english else "zh"

    def _ui(self) -> dict[str, Any]:
        return lang.data(self.language, "ui")

    def __call__(self, key: str, *args: object) -> str:
        """The label ``key`` of lang/<language>/ui.toml (``sections`` → 章节); with ``args``, the [formats]
        sentence ``key`` with them filled in as text (``stated_count``, 2, 1 → 2 处，其中与去年数字不符 1 处)."""
        ui = self._ui()
        if args:
            entry = ui["formats"][key]
            message: str = entry["message"] if isinstance(entry, dict) else entry
            return message.format(*args)
        if key in ui["formats"]:
            entry = ui["formats"][key]
            return str(entry["message"] if isinstance(entry, dict) else entry)
        label: str = ui["labels"][key]
        return label

    def knows(self, key: str) -> bool:
        """Whether the catalogue has a label ``key`` (for ids made from data, such as ``genre_<id>``)."""
        return key in self._ui()["labels"]

    def table(self, name: str, key: str) -> str:
        """An entry of one of the catalogue's other tables (``sheets``, ``sources``), ``key`` itself if absent."""
        value: str = self._ui()[name].get(key, key)
        return value

    def enum(self, member: enum.Enum) -> str:
        table = _ENUM_TABLES.get(type(member))
        if table is None:
            return str(member.value)
        return self.table(table, str(member.value))

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
        return self("list_sep").join(self.reason(r) for r in rs)

    def warning(self, w: DiffWarning) -> str:
        """A warning about the pair, worded from lang/<language>/messages.toml ([warnings])."""
        message: str = lang.data(self.language, "messages")["warnings"][w.kind.value]["message"]
        return message.format(old=w.old, new=w.new)

    def paren(self, s: str) -> str:
        return self("paren", s)

    def title(self, what: str, cap: int, total: int) -> str:
        """``变化最大的指标（前 10 / 共 32）`` or ``Largest metric changes (first 10 of 32)``."""
        count = f"{self('first')} {cap} / {self('of')} {total}" if total > cap else str(total)
        if self.english:
            count = count.replace(" / ", " ")
        return self(what) + self.paren(count)
