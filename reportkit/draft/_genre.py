"""Which kind of report this is, and which years it reviews and plans: what a draft's title and years follow.

A 政府工作报告 is titled for the year it is delivered (2025年北京市政府工作报告 reviews 2024, plans 2025), so
its draft is 2026年…政府工作报告, reviewing 2025. A 法治政府建设年度报告 is titled for the year it reviews.
"""

from __future__ import annotations

from ..model import Report
from ..parse.structure.genre import OTHER, by_id
from . import _forms


def gongzuo() -> str:
    """The name of the genre of a 政府工作报告 (lang/zh/genres.toml, id ``gongzuo``)."""
    known = by_id("gongzuo")
    return known.name if known is not None else ""


def genre_of(report: Report) -> str:
    """The report's genre by name (政府工作报告 …): ``ReportMeta.genre`` as the parser decided it
    (lang/zh/genres.toml), else from the title and opening (a Report built by hand); "" for English
    and for a genre the draft has no wording for."""
    if report.meta.language == "en":
        return ""
    known = by_id(report.meta.genre) if report.meta.genre else None
    if known is not None:
        return known.name
    if report.meta.genre == OTHER:
        return ""
    return _forms.genre_of(report.meta.title or "", report.text[:2000])


def reviewed_years(report: Report, genre: str) -> tuple[int | None, int | None]:
    """(the year a report reviews, the year it plans for), as the parser read them for the genre
    (2025年北京市政府工作报告 reviews 2024 and plans 2025)."""
    year, plan = report.meta.year, report.meta.plan_year
    return year, plan or (year + 1 if year else None)
