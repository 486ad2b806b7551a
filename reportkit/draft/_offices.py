"""The office responsible for a figure, where its sentence names one (由区司法局牵头…, 区财政局负责…,
市场监管部门查处…, 会同区市场监管局…): what the workbook's 责任单位 column starts with.

The words are in lang/zh/offices.toml. A sentence that names no office leaves the column blank:
the drafter knows who answers better than a guess does.
"""

from __future__ import annotations

import functools
import re

from .. import lang


def _fill(template: str, fields: dict[str, str]) -> str:
    for key, value in fields.items():
        template = template.replace("{" + key + "}", value)
    return template


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    table = lang.data("zh", "offices")
    fields = {key: "|".join(lang.alternatives("zh", "offices", key)) for key in ("lead", "acts", "partner")}
    fields["break"] = str(table["break"])
    suffix = "|".join(lang.alternatives("zh", "offices", "suffixes"))
    fields["name"] = _fill(str(table["name"]), {"barred": re.escape(str(table["not_in_name"])), "suffix": suffix})
    return tuple(re.compile(_fill(str(table[key]), fields)) for key in ("leads", "subject", "partners"))


def office_for(sentence: str, position: int) -> str:
    """The office the sentence names for the figure at ``position`` (the last named before it), or ""."""
    generic = lang.words("zh", "offices", "generic")
    separator = str(lang.data("zh", "offices")["separator"])
    found: list[tuple[int, str]] = []
    for pattern in _patterns():
        for m in pattern.finditer(sentence, 0, position):
            names = [n for n in m.group("name").split(separator) if n and not n.endswith(generic)]
            if names:
                found.append((m.start("name"), separator.join(names)))
    return max(found)[1] if found else ""
