"""PLACEHOLDER until its owner replaces it: returns the report unchanged."""

from __future__ import annotations

from ..blocks import SourceText
from ..model import Report


def add_commitments(report: Report, source: SourceText) -> Report:
    return report
