"""The parse pipeline: a visible list of pure stages, each ``(Report, SourceText) -> Report``.

Stage order matters: sections before parts (the plan part is found from headings),
sentences before metrics (a metric records its sentence), metrics before commitments
(a commitment's numeric target is a metric).
"""

from __future__ import annotations

from collections.abc import Callable

from ..blocks import SourceText
from ..model import Report, ReportMeta
from . import problems
from .commitments import extract as commitments
from .metrics import extract as metrics
from .structure import meta, parts, sentences
from .structure import sections as structure
from .text import body as text_body

Stage = Callable[[Report, SourceText], Report]

PIPELINE: tuple[tuple[str, Stage], ...] = (
    ("body", text_body.add_body),
    ("meta", meta.add_meta),
    ("sections", structure.add_sections),
    ("parts", parts.add_parts),
    ("sentences", sentences.add_sentences),
    ("metrics", metrics.add_metrics),
    ("commitments", commitments.add_commitments),
    ("problems", problems.add_problems),
)


def parse_source(source: SourceText) -> Report:
    report = Report(meta=ReportMeta(source_path=source.path, source_format=source.format), text=source.text)
    for _name, stage in PIPELINE:
        report = stage(report, source)
    return report
