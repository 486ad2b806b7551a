"""Warnings about the two reports before they are compared: two organisations, years out of order, one text twice.

A comparison of 莲都区 with 玉环市, or of 2023 with 2022, runs as any other and its figures mean little; these
checks say so in the output (``ReportDiff.warnings``) and the CLI on stderr, and ``reportkit diff --strict``
makes them an error (errors.ComparisonWarningError).
"""

from __future__ import annotations

from .. import lang
from ..model import Report, fold
from .records import DiffWarning, WarningKind

__all__ = ["check_pair", "same_organisation"]



def _core(name: str) -> str:
    # what a name of a government may end in without naming another one (莲都区人民政府 is 莲都区)
    return lang.pattern("zh", "metadata", "org_strip").sub("", fold(name).replace(" ", ""))


def same_organisation(a: str, b: str) -> bool:
    """One organisation however it is written: 莲都区 and 丽水市莲都区人民政府 are one, 莲都区 and 玉环市 two."""
    x, y = _core(a), _core(b)
    return bool(x and y) and (x in y or y in x)


def check_pair(old: Report, new: Report) -> tuple[DiffWarning, ...]:
    """What is doubtful about comparing ``old`` (last year) with ``new`` (this year)."""
    out: list[DiffWarning] = []
    a, b = old.meta.organisation, new.meta.organisation
    if a and b and not same_organisation(a, b):
        out.append(DiffWarning(WarningKind.ORGANISATIONS_DIFFER, a, b, f"the organisations differ: {a} → {b}"))
    ya, yb = old.meta.year, new.meta.year
    if ya is not None and yb is not None:
        if yb < ya:
            out.append(DiffWarning(WarningKind.YEARS_REVERSED, str(ya), str(yb),
                                   f"the years are reversed: {ya} → {yb} (OLD should be last year's report)"))
        elif yb == ya:
            out.append(DiffWarning(WarningKind.SAME_YEAR, str(ya), str(yb), f"both reports are about {ya}"))
        elif yb - ya != 1:
            out.append(DiffWarning(WarningKind.YEARS_NOT_CONSECUTIVE, str(ya), str(yb),
                                   f"the years are not consecutive: {ya} → {yb}"))
    if old.text == new.text:
        where = old.meta.source_path or "OLD"
        out.append(DiffWarning(WarningKind.SAME_TEXT, where, new.meta.source_path or "NEW",
                               "the two reports are the same text"))
    return tuple(out)
