"""The front door: read a file, parse text, compare two reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blocks import SourceText
from .comparison.records import ReportDiff
from .errors import PathLike, UsageError
from .limits import Limits
from .model import Report
from .parse.pipeline import parse_source
from .readers import read_source

if TYPE_CHECKING:
    from .comparison.options import CompareOptions


def read(path: PathLike, *, limits: Limits | None = None) -> Report:
    """Read and parse a report: .txt (UTF-8, GB18030/GBK, UTF-16), .html/.htm, .docx or .md."""
    return parse_source(read_source(path, limits=limits))


def parse_text(text: str, *, format: str = "text", path: str | None = None) -> Report:
    """Parse text already in memory (as a plain-text report)."""
    if not isinstance(text, str):
        raise UsageError(f"parse_text expects str (got {type(text).__name__})")
    return parse_source(SourceText(text=text, format=format, path=path))


def compare(old: Report, new: Report, *, options: CompareOptions | None = None) -> ReportDiff:
    """Compare last year's report with this year's, by the thresholds of ``options`` (``CompareOptions``;
    the defaults when None: docs/api.md lists them)."""
    if not isinstance(old, Report) or not isinstance(new, Report):
        raise UsageError("compare expects two Reports (use reportkit.read first)")
    from .comparison.diff import compare_reports
    from .comparison.options import DEFAULT_OPTIONS, CompareOptions

    if options is not None and not isinstance(options, CompareOptions):
        raise UsageError(f"compare expects options=CompareOptions(...) (got {type(options).__name__})")
    return compare_reports(old, new, options or DEFAULT_OPTIONS)
