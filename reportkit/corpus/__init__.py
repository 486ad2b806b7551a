"""A whole corpus in one run: every organisation, every year, into one DuckDB database (``reportkit corpus``).

discover (names, layout) → read and compare in worker processes (tasks, executors) → rows → store (DuckDB) →
overview (HTML). See docs/corpus.md for the tables and the queries a researcher runs first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from .api import corpus
from .run import CorpusSummary

__all__ = ["CorpusSummary", "corpus"]


class _CallableModule(types.ModuleType):
    """Importing ``reportkit.corpus.x`` binds the name ``reportkit.corpus`` to this package, where users expect
    the function ``reportkit.corpus(...)``; calling the package calls the function."""

    def __call__(self, *args: Any, **kwargs: Any) -> CorpusSummary:
        return corpus(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
