"""Compare two years of a report: ``compare_reports(old, new) -> ReportDiff`` (records in ``records``).

The front door is ``reportkit.compare``; this package is named ``comparison`` so that importing it never
shadows that function. Importing this package does no work; the submodules load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diff import compare_reports

__all__ = ["compare_reports"]


def __getattr__(name: str) -> Any:
    if name == "compare_reports":
        from .diff import compare_reports

        return compare_reports
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
