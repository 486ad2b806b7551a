"""Model → table rows: plain tuples in the column order of ``schema.TABLES``, built in the worker process.

Values are floats for SQL (the exact decimal of a metric is kept as text in ``metrics.value_exact``); enums are
their string values; spans index the text reportkit read from the file.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Any

from ..comparison.records import ReportDiff, note_text
from ..model import Metric, Report, Sentence
from .schema import TABLES

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]

__all__ = ["Place", "Row", "Rows", "diff_rows", "metric_rows", "row"]


def row(table: str, **values: Any) -> Row:
    """One row of ``table``: every column named, in order (a missing or extra name is a bug, so it raises)."""
    names = [c for c, _ in TABLES[table]]
    if set(values) != set(names):
        raise KeyError(f"{table}: columns {sorted(set(names) ^ set(values))} do not match the schema")
    return tuple(values[n] for n in names)


def _f(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


def _e(v: Any) -> Any:
    return None if v is None else getattr(v, "value", v)


class Place:
    """Where elements of one report sit: their sentence and their part (review, plan …)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._starts = [s.start for s in report.sentences]
        self._parts = sorted((p.start, p.end, p.kind.value) for p in report.parts)

    def sentence(self, offset: int, index: int | None = None) -> Sentence | None:
        sents = self.report.sentences
        if index is not None and 0 <= index < len(sents):
            return sents[index]
        i = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= i < len(sents) and sents[i].start <= offset < max(sents[i].end, sents[i].start + 1):
            return sents[i]
        return None

    def frame(self, offset: int) -> str | None:
        return next((k for s, e, k in self._parts if s <= offset < e), None)


def metric_rows(report: Report, path: str, who: dict[str, Any]) -> list[Row]:
    place = Place(report)
    out = []
    for m in report.metrics:
        s = place.sentence(m.start, m.sentence)
        out.append(row(
            "metrics", path=path, **who, metric_id=m.id, indicator=m.key, label=m.label, value=_f(m.value),
            value_high=_f(m.value_high), value_exact=str(m.value), unit=m.unit, surface_unit=m.surface_unit,
            qualifier=_e(m.qualifier), kind=_e(m.kind), is_target=m.is_target, direction=_e(m.direction),
            frame=place.frame(m.start), section=m.section, start=m.start, end=m.end, text=m.text,
            sentence_start=s.start if s else None, sentence_end=s.end if s else None, sentence=s.text if s else None,
        ))
    return out


def _span(prefix: str, m: Metric | None) -> dict[str, Any]:
    return {f"{prefix}start": m.start if m else None, f"{prefix}end": m.end if m else None,
            f"{prefix}text": m.text if m else None}


def diff_rows(diff: ReportDiff, pair: dict[str, Any]) -> Rows:
    """Rows of every pair table for one comparison; ``pair`` holds the columns that name it."""
    keys = {k: pair[k] for k in ("organisation", "genre", "old_year", "new_year", "old_path", "new_path")}
    old, new = Place(diff.old), Place(diff.new)

    def text_of(place: Place, m: Metric | None) -> str | None:
        s = place.sentence(m.start, m.sentence) if m else None
        return s.text if s else None

    out: Rows = {t: [] for t in ("comparisons", "pairs", "stated_changes", "targets", "commitments")}
    for p in diff.metrics:
        m = p.new or p.old
        assert m is not None
        out["pairs"].append(row(
            "pairs", **keys, status=_e(p.status), indicator=m.key, old_value=_f(p.old.value) if p.old else None,
            new_value=_f(p.new.value) if p.new else None, unit=m.unit, delta=_f(p.delta), percent=_f(p.pct_change),
            confidence=p.similarity, note=note_text(p.notes), **_span("old_", p.old), old_sentence=text_of(old, p.old),
            **_span("new_", p.new), new_sentence=text_of(new, p.new),
        ))
    for sc in diff.stated_changes:
        out["stated_changes"].append(row(
            "stated_changes", **keys, indicator=(sc.metric or sc.change).key, change_value=_f(sc.change.value),
            unit=sc.change.unit, direction=_e(sc.change.direction), start=sc.start, end=sc.end,
            text=diff.new.text[sc.start:sc.end], sentence=text_of(new, sc.change),
            metric_value=_f(sc.metric.value) if sc.metric else None,
            prior_value=_f(sc.prior.value) if sc.prior else None,
            prior_start=sc.prior.start if sc.prior else None, prior_end=sc.prior.end if sc.prior else None,
            prior_text=sc.prior.text if sc.prior else None, consistent=sc.consistent,
            implied_prior=_f(sc.implied_prior), actual_change=_f(sc.actual_change), note=note_text(sc.notes),
        ))
    targets = 0
    for f in diff.commitments:
        c, ev = f.commitment, f.evidence[0] if f.evidence else None
        out["commitments"].append(row(
            "commitments", **keys, commitment_id=c.id, type=_e(c.type), theme=c.theme, section=c.section,
            measurable=c.measurable, start=c.start, end=c.end, text=c.text, status=_e(f.status),
            similarity=f.similarity, evidence_count=len(f.evidence), evidence_start=ev.start if ev else None,
            evidence_end=ev.end if ev else None, evidence=ev.text if ev else None, note=note_text(f.notes),
        ))
        t = c.target
        if t is None:
            continue
        targets += 1
        out["targets"].append(row(
            "targets", **keys, plan_year=pair["plan_year"], indicator=c.indicator or t.label or t.key,
            target_value=_f(t.value), target_high=_f(t.value_high), unit=t.unit, qualifier=_e(t.qualifier),
            direction=_e(c.direction or t.direction), target_start=t.start, target_end=t.end, target_text=t.text,
            commitment_start=c.start, commitment_end=c.end, commitment=c.text, target_sentence=text_of(old, t),
            outcome_value=_f(f.outcome.value) if f.outcome else None, **_span("outcome_", f.outcome),
            outcome_sentence=text_of(new, f.outcome), verdict=_e(f.status), met=f.met, note=note_text(f.notes),
        ))
    s = diff.scores
    out["comparisons"].append(row(
        "comparisons", **keys, old_sha256=pair["old_sha256"], new_sha256=pair["new_sha256"],
        cosine=s.cosine if s else None, jaccard=s.jaccard if s else None, edit=s.edit if s else None,
        reuse=s.reuse if s else None, metric_pairs=len(diff.metrics), stated_changes=len(diff.stated_changes),
        targets=targets,
    ))
    return out
