"""Stage ``parts``: preamble, review, problems, plan — whatever the numbering.

The plan part opens at a heading that names next year's work (2023年工作思路, 工作计划,
下一步工作, 工作总体部署, Plans for 2024 …) and runs to the end of the body: in a 政府工作报告
the sections after 二、 (三、重点工作, …) are plan too. The problems part is the unnumbered
problems paragraph (text_problems), or a section headed 存在的问题/不足/Challenges.
"""

from __future__ import annotations

import functools
import re

import attrs

from ... import lang
from ...blocks import SourceText
from ...model import Part, PartKind, Report, Section
from ..text.facts import problems_paragraph
from ..text.title import read_head


def _heading(key: str) -> re.Pattern[str]:
    """A heading pattern of lang/*/headings.toml (plan, next_year, review, problems, not_plan)."""
    return lang.union("headings", key, flags=re.IGNORECASE)


_TRIM = " \t\r\n\u3000\xa0|"


def _zh(key: str) -> str:
    """names_year, year_review of lang/zh/headings.toml."""
    source: str = lang.data("zh", "headings")[key]
    return source


@functools.cache
def _plan_opening() -> re.Pattern[str]:
    """A paragraph opening an unnumbered plan: 下一步，…, In the coming year, … (headings.toml plan_paragraph)."""
    alternatives = [a for language in ("zh", "en") for a in lang.alternatives(language, "headings", "plan_paragraph")]
    return re.compile(r"(?m)^[ \t\u3000]*(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")")


def top_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The top of the tree; a lone Markdown H1 (the document title) is looked through."""
    if len(sections) == 1 and sections[0].marker == "#" and sections[0].children:
        return sections[0].children
    return sections


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _names_year(title: str, year: int | None) -> bool:
    """2024年 or, in texts that pad numbers with spaces, 2024 年."""
    return year is not None and re.search(_zh("names_year").replace("{year}", str(year)), title) is not None


def _is_plan(title: str, plan_year: int | None, year: int | None) -> bool:
    if _heading("problems").search(title):
        return False
    if _heading("next_year").search(title):
        return True  # 2023年工作思路, 下一步工作计划: next year's work, whatever else is named
    if _names_year(title, plan_year) and not _names_year(title, year):
        return True  # 四、2023年推进法治政府建设的主要安排, 二、2025年目标任务和主要工作
    if _heading("review").search(title):
        return False  # 2019年和今年以来工作回顾, 主要举措和工作成效: looking back, not ahead
    if year is not None and re.search(_zh("year_review").replace("{year}", str(year)), title):
        return False  # the reported year's review (2023年推进法治政府建设的主要举措), whatever words follow
    return _heading("plan").search(title) is not None


def find_plan(
    sections: tuple[Section, ...], plan_year: int | None = None, year: int | None = None, *, speech_from: int = -1
) -> tuple[Section, int] | None:
    """The section that opens the plan and the index of the first top section after the plan.

    A speech (``speech_from`` ≥ 0: where its body starts) whose headings name no plan
    (一、牢记殷殷嘱托…取得新成效 / 二、牢记历史使命…) plans from its first top section that is
    not review or problems; the first top section is the review unless an unnumbered review
    runs before it (the State Council of 2002: 首先报告2001年的工作 …)."""
    tops = top_sections(sections)
    for i, s in enumerate(tops):
        if i == 0 and len(tops) > 1 and not _is_plan(s.title, plan_year, year):
            continue
        if _is_plan(s.title, plan_year, year):
            return s, _plan_stop(tops, i)
    if speech_from < 0 or not tops:
        return None
    first = 0 if tops[0].start - speech_from > _UNNUMBERED_REVIEW else 1
    for i in range(first, len(tops)):
        if not _heading("review").search(tops[i].title) and not _heading("problems").search(tops[i].title):
            return tops[i], _plan_stop(tops, i)
    return None


_UNNUMBERED_REVIEW = 2000  # characters of unnumbered text before the first heading of a speech


def _plan_stop(tops: tuple[Section, ...], i: int) -> int:
    return next((j for j in range(i + 1, len(tops)) if _heading("not_plan").search(tops[j].title)), len(tops))


def find_problems_section(sections: tuple[Section, ...]) -> Section | None:
    for top in top_sections(sections):
        for s in top.walk():
            if s.level <= top.level + 1 and _heading("problems").search(s.title) and len(s.title) <= 40:
                return s
    return None


def _plan_paragraph(text: str, after: int, plan_year: int | None) -> int | None:
    found = [m.start() for m in (_plan_opening().search(text, after),) if m is not None]
    if plan_year is not None:  # 2023年，我区将… at a paragraph start
        year_will = lang.pattern("zh", "headings", "year_will")
        found.extend(m.start() for m in year_will.finditer(text, after) if int(m.group(1)) == plan_year)
    if not found:
        return None
    start = min(found)
    while text[start] in " \t\u3000":
        start += 1
    return start


def _preamble(report: Report, tops: tuple[Section, ...], body_start: int, body_end: int) -> tuple[int, Part | None]:
    """Where the first part after the preamble starts, and the preamble (None when empty)."""
    text = report.text
    if tops:
        first = tops[0].start
    else:  # no numbering at all: the first paragraph is the preamble, the rest is review
        nl = text.find("\n", body_start, body_end)
        first = nl if nl >= 0 else body_end
    if report.sections and report.sections[0] is not (tops[0] if tops else None):
        h1 = report.sections[0]  # Markdown: the preamble follows the H1 title line
        pre_start = max(body_start, h1.title_end)
    else:
        pre_start = max(body_start, report.body_start)  # a speech opens at 各位代表：
    a, b = _strip(text, pre_start, first)
    return first, (Part(PartKind.PREAMBLE, a, b) if b > a else None)


def _unnumbered_plan(report: Report, first: int) -> int | None:
    """Where an unnumbered plan paragraph starts (下一步…), unless it closes one numbered item."""
    start = _plan_paragraph(report.text, first, report.meta.plan_year)
    if start is None:
        return None
    holder = report.section_at(start)
    if holder is not None and (holder.level > 1 or any(c.start > start for c in holder.children)):
        return None  # 下一步… closing one numbered item is that item's, not the plan
    return start


def _problems(report: Report, first: int, plan_start: int) -> Part | None:
    """The problems part: a section headed so, or else the problems paragraph, before the plan."""
    text = report.text
    sec = find_problems_section(report.sections)
    if sec is not None and sec.start < plan_start:
        return Part(PartKind.PROBLEMS, sec.start, sec.end, sec.path)
    para = problems_paragraph(text)
    if para is None or not first <= para.start < plan_start:
        return None
    later = [s.start for s in report.walk() if s.start > para.start]
    pa, pb = _strip(text, para.start, min([para.end] + later))
    return Part(PartKind.PROBLEMS, pa, pb)


def _plan_parts(text: str, tops: tuple[Section, ...], plan: tuple[Section, int], body_end: int) -> list[Part]:
    """The plan from its opening section, and what follows it (附件) as other."""
    opener, stop = plan
    end = tops[stop].start if stop < len(tops) else body_end
    pa, pb = _strip(text, opener.start, end)
    out = [Part(PartKind.PLAN, pa, pb, opener.path)]
    if stop < len(tops):
        oa, ob = _strip(text, tops[stop].start, body_end)
        out.append(Part(PartKind.OTHER, oa, ob, tops[stop].path))
    return out


def build_parts(report: Report) -> tuple[Part, ...]:
    text = report.text
    tops = top_sections(report.sections)
    body_end = _strip(text, 0, len(text) if report.body_end is None else report.body_end)[1]
    first, preamble = _preamble(report, tops, read_head(text).body_start, body_end)
    parts = [preamble] if preamble is not None else []

    speech_from = report.body_start if report.meta.genre == "gongzuo" else -1
    plan = find_plan(report.sections, report.meta.plan_year, report.meta.year, speech_from=speech_from)
    plan_paragraph = None if plan else _unnumbered_plan(report, first)
    plan_start = plan[0].start if plan else body_end
    if plan_paragraph is not None:
        plan_start = plan_paragraph
    problems = _problems(report, first, plan_start)
    if first < plan_start:
        review_end = plan_start
        if problems is not None and problems.end >= review_end - 2:
            review_end = problems.start  # problems closing the review are not review
        ra, rb = _strip(text, first, review_end)
        if rb > ra:
            parts.append(Part(PartKind.REVIEW, ra, rb, tops[0].path if tops else None))
    if problems is not None:
        parts.append(problems)
    if plan_paragraph is not None:
        parts.append(Part(PartKind.PLAN, plan_paragraph, body_end))
    if plan is not None:
        parts.extend(_plan_parts(text, tops, plan, body_end))
    appended = _appendix(report, body_end)
    if appended is not None:
        parts.append(appended)
    return tuple(parts)


def _appendix(report: Report, body_end: int) -> Part | None:
    """What follows the report proper and is not page furniture: 附件 lists, 名词解释, 注释."""
    text = report.text
    a, b = _strip(text, body_end, len(text))
    # trailing furniture (相关报道：, a licence notice) is not part of it
    while b > a and (last := next((f for f in report.furniture if f.start <= b - 1 < f.end), None)) is not None:
        b = _strip(text, a, last.start)[1]
    return Part(PartKind.OTHER, a, b, "appendix") if b > a else None


def add_parts(report: Report, source: SourceText) -> Report:
    return attrs.evolve(report, parts=build_parts(report))
