"""Which kind of report this is, and which years it reviews and plans: what a draft's title and years follow.

A 政府工作报告 is titled for the year it is delivered (2025年北京市政府工作报告 reviews 2024, plans 2025), so
its draft is 2026年…政府工作报告, reviewing 2025. A 法治政府建设年度报告 is titled for the year it reviews.
"""

from __future__ import annotations

import re

from ..model import Report
from . import _forms

GONGZUO = "政府工作报告"
NATION = ("", "国务院", "中国", "中华人民共和国", "全国")  # a national report's title names no organisation
_YEAR_IN_TITLE = re.compile(r"((?:19|20)[0-9]{2})\s*年")


def genre_of(report: Report) -> str:
    """The report's genre: ``ReportMeta.genre`` where the parser gives one, else from its title and opening."""
    if report.meta.language == "en":
        return ""
    given = getattr(report.meta, "genre", None)
    given = getattr(given, "value", given)
    if isinstance(given, str) and given:
        found = _forms.genre_of(given, "")
        if found:
            return found
        if "gongzuo" in given or "work" in given:
            return GONGZUO
        if "fazhi" in given or "rule" in given:
            return "法治政府建设年度报告"
    return _forms.genre_of(report.meta.title or "", report.text[:2000])


def reviewed_years(report: Report, genre: str) -> tuple[int | None, int | None]:
    """(the year a report reviews, the year it plans for).

    A 政府工作报告 is titled for the year it is delivered: 2025年北京市政府工作报告 reviews 2024 and
    plans 2025. A parse that took the title's year for the year reviewed (year == title year) is read so.
    """
    meta = report.meta
    year, plan = meta.year, meta.plan_year
    if genre == GONGZUO and year:
        m = _YEAR_IN_TITLE.search(meta.title or "")
        if m and int(m.group(1)) == year:
            return year - 1, year
    return year, plan or (year + 1 if year else None)
