"""Compare two years of a report: ``compare_reports(old, new) -> ReportDiff`` (records in ``records``).

Importing this package does no work; the submodules load on first use.

Why the package is callable: ``reportkit.compare`` is both the front-door function (reportkit.api.compare)
and this subpackage's name.  Once any ``reportkit.compare.*`` module is imported (reportkit.api imports
the records), Python binds the *package* to ``reportkit.compare``, shadowing the lazy export; calling the
package therefore forwards to the front door, so ``reportkit.compare(old, new)`` works whatever was
imported first.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Report
    from .diff import compare_reports
    from .records import ReportDiff

__all__ = ["compare_reports"]


def __getattr__(name: str) -> Any:
    if name == "compare_reports":
        from .diff import compare_reports

        return compare_reports
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _CallablePackage(types.ModuleType):
    def __call__(self, old: "Report", new: "Report") -> "ReportDiff":
        from ..api import compare

        return compare(old, new)


sys.modules[__name__].__class__ = _CallablePackage
