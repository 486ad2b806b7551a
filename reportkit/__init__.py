"""reportkit: parse, compare and draft reports that come out every year.

    >>> import reportkit
    >>> r = reportkit.read("examples/liandu-2022.txt")      # doctest: +SKIP
    >>> d = reportkit.compare(old, new)                       # doctest: +SKIP

Importing does no work: the submodules load when a name is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0.dev0"  # the one place the version is written (pyproject.toml reads it)

_EXPORTS = {
    "read": "reportkit.api",
    "parse_text": "reportkit.api",
    "compare": "reportkit.api",
    "CompareOptions": "reportkit.comparison.options",
    "corpus": "reportkit.corpus",
    "roll_forward": "reportkit.draft",
    "collection_workbook": "reportkit.draft",
    "read_workbook": "reportkit.draft",
    "fill": "reportkit.draft",
    "Report": "reportkit.model",
    "ReportMeta": "reportkit.model",
    "Section": "reportkit.model",
    "Sentence": "reportkit.model",
    "Metric": "reportkit.model",
    "Commitment": "reportkit.model",
    "Problem": "reportkit.model",
    "ReportDiff": "reportkit.comparison.records",
    "Limits": "reportkit.limits",
    "ReportkitError": "reportkit.errors",
}

__all__ = [
    "Commitment", "CompareOptions", "Limits", "Metric", "Problem", "Report", "ReportDiff", "ReportMeta",
    "ReportkitError", "Section", "Sentence", "collection_workbook", "compare", "corpus", "fill", "parse_text", "read",
    "read_workbook", "roll_forward",
]
assert sorted(__all__) == sorted(_EXPORTS)

if TYPE_CHECKING:
    from .api import compare, parse_text, read
    from .comparison.options import CompareOptions
    from .comparison.records import ReportDiff
    from .corpus import corpus
    from .draft import collection_workbook, fill, read_workbook, roll_forward
    from .errors import ReportkitError
    from .limits import Limits
    from .model import Commitment, Metric, Problem, Report, ReportMeta, Section, Sentence


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reportkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
