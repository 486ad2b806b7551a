"""The words of the outputs, Chinese first, with the English used for English reports.

Every label, heading and sentence a renderer shows is looked up by a stable ASCII id in the UI catalogue of the
report's language (reportkit/lang/zh/ui.toml, reportkit/lang/en/ui.toml: ``Words("zh")("sections")`` → 章节);
the explanations of findings are worded from the message catalogue (lang/*/messages.toml). Both are read once,
on first use (``lang.data`` caches them).
"""

from __future__ import annotations

import enum
from typing import Any

from .. import lang
from ..comparison.records import DiffWarning, FollowStatus, MetricStatus, Note, Reason, Tag
from ..model import CommitmentType, PartKind

_ENUM_TABLES: dict[type[enum.Enum], str] = {
    Tag: "tags", MetricStatus: "metric_status", FollowStatus: "follow_status", CommitmentType: "commitment_types",
    PartKind: "parts",
}


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

    def note(self, n: Note) -> str:
        """One note of a finding (``Note("parts_found", ("1", "2"))``) worded from the message catalogue of this
        language (lang/*/messages.toml, ``[notes]``): 2 项中有 1 项见于今年报告. A code the catalogue lacks shows
        as the code and its arguments."""
        return lang.message(self.language, "notes", n.code, n.args) or " ".join((n.code, *n.args))

    def notes(self, ns: tuple[Note, ...]) -> str:
        """A finding's notes, each worded in this language, joined as the language joins a list."""
        return self("list_sep").join(self.note(n) for n in ns)

    def reason(self, r: Reason) -> str:
        """One reason of a pair's confidence (``Reason("same_unit", ("次",))``) worded from the message catalogue
        of this language (lang/zh/messages.toml, lang/en/messages.toml, ``[reasons]``); the arguments are filled
        in, never read as a template. A code the catalogue lacks shows as the code and its arguments."""
        return lang.message(self.language, "reasons", r.code, r.args) or " ".join((r.code, *r.args))

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
