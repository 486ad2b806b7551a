"""The office responsible for a figure, where its sentence names one (由区司法局牵头…, 区财政局负责…,
市场监管部门查处…, 会同区市场监管局…): what the workbook's 责任单位 column starts with.

The words are in lang/zh/offices.toml. A sentence that names no office leaves the column blank:
the drafter knows who answers better than a guess does.
"""

from __future__ import annotations

import functools
import re

from .. import lang

_BREAK = r"(?:^|[，。；：,;:\s])"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = lang.data("zh", "offices")
    barred = re.escape(str(table["not_in_name"]))
    suffix = "|".join(lang.alternatives("zh", "offices", "suffixes"))
    name = rf"[^\s\d{barred}，。；：、,;:！？!?（）()“”《》\"'A-Za-z]{{0,12}}(?:{suffix})"
    lead = "|".join(lang.alternatives("zh", "offices", "lead"))
    acts = "|".join(lang.alternatives("zh", "offices", "acts"))
    partner = "|".join(lang.alternatives("zh", "offices", "partner"))
    return (
        # 由区司法局牵头 / 区财政局负责: the office leads
        re.compile(rf"(?:{_BREAK}|由)(?P<name>{name})(?:{lead})(?!的)"),  # 牵头的机制: no office at work
        # 市场监管部门查处…: an office opening its clause does what the clause counts
        re.compile(rf"{_BREAK}(?P<name>{name})(?:{acts})"),
        # 会同区市场监管局 / 联合区纪委监委、区委政法委: the offices it works with
        re.compile(rf"(?:{partner})(?P<name>{name}(?:、{name})*)"),
    )


def office_for(sentence: str, position: int) -> str:
    """The office the sentence names for the figure at ``position`` (the last named before it), or ""."""
    generic = lang.words("zh", "offices", "generic")
    found: list[tuple[int, str]] = []
    for pattern in _patterns():
        for m in pattern.finditer(sentence, 0, position):
            names = [n for n in m.group("name").split("、") if n and not n.endswith(generic)]
            if names:
                found.append((m.start("name"), "、".join(names)))
    return max(found)[1] if found else ""
