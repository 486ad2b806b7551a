"""Plain-text output for the terminal: the outline of one report, the summary of a comparison.

Columns are counted in display cells (a Chinese character takes two), so tables line up in a terminal.
Colour is ANSI and only when asked for; report text is cleaned of control characters before it is shown,
so a report cannot move the cursor or recolour the screen.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import TypeVar

from ..comparison.records import MetricStatus, ReportDiff, Tag
from ..model import Report, ReportMeta
from . import _view
from ._text import (
    DASH,
    amount,
    fit,
    in_points,
    metric_name,
    number,
    one_line,
    pad,
    pair_delta,
    pair_name,
    pair_unit,
    percent,
    report_label,
    section_name,
    signed,
    text_width,
    value_of,
)
from ._words import Words

K = TypeVar("K", bound=enum.Enum)

WIDTH = 100  # the summary is meant to fit a common terminal without wrapping
MAX_SECTIONS = 80  # lines of the section tree before the outline elides the rest

_BOLD, _DIM, _RED, _GREEN, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"

class _Out:
    """Lines being written, with colour codes added only when colour is on."""

    def __init__(self, color: bool, language: str) -> None:
        self.color = color
        self.lines: list[str] = []
        self.t = Words(language)

    def paint(self, s: str, code: str) -> str:
        return f"{code}{s}{_RESET}" if self.color and s else s

    def head(self, s: str) -> None:
        self.lines.append(self.paint(s, _BOLD))

    def add(self, s: str = "") -> None:
        self.lines.append(s.rstrip())

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _meta_lines(out: _Out, meta: ReportMeta) -> None:
    fields = (("title", "title", meta.title), ("organisation", "organisation", meta.organisation),
              ("year", "year", meta.year), ("plan_year", "plan_year", meta.plan_year),
              ("issuer", "issuer", meta.issuer), ("date", "date", meta.date))
    t = out.t
    for zh, key, value in fields:
        shown = one_line(str(value)) if value is not None else DASH
        where = meta.sources.get(key)
        source = t("from") + t.table("sources", where) if where else ""
        note = out.paint(t.paren(source), _DIM) if where and value is not None else ""
        out.add(f"  {pad(t(zh), 14)}{fit(shown, WIDTH - 30)}  {note}")
    src = ", ".join(x for x in (meta.source_path, meta.source_format) if x)
    if src:
        out.add(f"  {pad(t('file'), 14)}{one_line(src)}")


def render_report(report: Report, *, color: bool = False) -> str:
    """The outline ``reportkit parse FILE`` prints: meta and where it came from, sections, parts, counts."""
    out = _Out(color, report.meta.language)
    t = out.t
    out.head(one_line(report.meta.title or report.meta.source_path or t("untitled")))
    _meta_lines(out, report.meta)
    out.add(f"  {pad(t('length'), 14)}{len(report.text):,} {t('characters')}")

    sections = list(report.walk())
    out.add()
    out.head(t("sections") + t.paren(str(len(sections))))
    for s in sections[:MAX_SECTIONS]:
        indent = "  " * s.level
        name = fit(section_name(s), WIDTH - len(indent) - 26)
        out.add(f"{indent}{name}  {out.paint(fit(s.path, 22), _DIM)}")
    if len(sections) > MAX_SECTIONS:
        out.add(f"  … {t('and_more')} {len(sections) - MAX_SECTIONS} {t('more_sections')}")
    if not sections:
        out.add("  " + t("no_sections_found"))

    out.add()
    out.head(t("parts"))
    for p in report.parts:
        span = f"{p.start}–{p.end}"
        out.add(f"  {pad(t.enum(p.kind), 10)}{pad(p.heading or '', 14)}{pad(span, 12)}"
                f"{out.paint(fit(one_line(report.text[p.start:p.end]), 50), _DIM)}")
    if not report.parts:
        out.add("  " + t("none_found"))

    out.add()
    out.head(" · ".join(f"{t(what)} {n}" for what, n in (
        ("sentences", len(report.sentences)), ("metrics", len(report.metrics)),
        ("commitments", len(report.commitments)), ("problems", len(report.problems)))))
    show = number if t.english else amount  # 90万亿, not 90,000,000,000,000
    _sample(out, "metrics", len(report.metrics),
            (f"{pad(one_line(m.text), 14)}{pad(show(m.value) + ' ' + m.unit, 16, right=True)}  "
             f"{pad(metric_name(m), 29)} {out.paint(m.section, _DIM)}" for m in report.metrics[:5]))
    _sample(out, "commitments", len(report.commitments),
            (f"· {fit(one_line(c.text), 70)}  {out.paint(t.enum(c.type), _DIM)}" for c in report.commitments[:3]))
    _sample(out, "problems", len(report.problems), (f"· {fit(one_line(p.text), 76)}" for p in report.problems[:3]))
    return out.text()


def _sample(out: _Out, what: str, total: int, lines: Iterable[str]) -> None:
    shown = list(lines)
    if not shown:
        return
    out.add()
    out.head(out.t.title(what, len(shown), total))
    for line in shown:
        out.add("  " + line)


def _counts_line(pairs: Iterable[tuple[K, int]], t: Words) -> str:
    shown = [f"{t.enum(k)} {n}" for k, n in pairs if n]
    return " · ".join(shown) if shown else t("none")


def _label(meta: ReportMeta, t: Words) -> str:
    path = f"  ({one_line(meta.source_path)})" if meta.source_path and meta.title else ""
    return (report_label(meta) or t("untitled")) + path


def render_diff(diff: ReportDiff, *, color: bool = False, top: int = 10) -> str:
    """What changed between the two years, in well under sixty lines."""
    out = _Out(color, diff.new.meta.language)
    t = out.t
    lw = 16 if t.english else 12  # the label column
    s = _view.summarise(diff)
    out.head(t("diff_heading"))
    out.add(f"  {pad(t('old'), 4)}{fit(_label(diff.old.meta, t), WIDTH - 6)}")
    out.add(f"  {pad(t('new'), 4)}{fit(_label(diff.new.meta, t), WIDTH - 6)}")
    for w in diff.warnings:  # before any figure: they say how far the figures can be read
        out.add(out.paint(fit(f"  {t('warning')}{t('colon')}{t.warning(w)}", WIDTH), _YELLOW))
    if diff.scores is not None:
        sc = diff.scores
        out.add(f"  {pad(t('similarity'), lw)}{t('cosine')} {sc.cosine:.2f} · Jaccard {sc.jaccard:.2f} · "
                f"{t('edit')} {sc.edit:.2f} · {t('reuse')} {sc.reuse:.2f}  {out.paint(t('one_is_identical'), _DIM)}")
    out.add(f"  {pad(t('sections'), lw)}{_counts_line(s.sections, t)}")
    for tag, side in ((Tag.ADDED, "new"), (Tag.REMOVED, "old")):
        names = [section_name(getattr(p, side)) for p in diff.sections if p.tag is tag]
        if names:
            listed = t("list_sep").join(names)
            out.add(out.paint(fit(f"  {'':{lw}}{t.enum(tag)}{t('colon')}{listed}", WIDTH), _DIM))
    out.add(f"  {pad(t('sentences'), lw)}{_counts_line(s.sentences, t)}")
    out.add(f"  {pad(t('metrics'), lw)}{_counts_line(s.metrics, t)}")
    out.add(f"  {pad(t('commitments'), lw)}{_counts_line(s.commitments, t)}")
    stated = t("stated_count", s.stated_changes, s.inconsistent)
    out.add(f"  {pad(t('stated_changes'), lw)}{stated}")

    zh = not t.english
    show = amount if zh else number
    moved = _view.largest_changes(diff)
    if moved:
        out.add()
        out.head(t.title("largest_changes", top, len(moved)))
        head = (f"  {pad(t('metric'), 30)}{pad(t('unit'), 6)}{pad(t('last_year'), 12, right=True)} → "
                f"{pad(t('this_year'), 12)}{pad(t('change'), 11, right=True)}{pad(t('pct'), 9, right=True)}")
        out.add(out.paint(head, _DIM))
        for p in moved[:top]:
            assert p.old is not None and p.new is not None
            code = _GREEN if p.status is MetricStatus.UP else _RED
            rel = t("points") if in_points(p) else percent(p.pct_change)
            line = (f"  {pad(pair_name(p), 29)} {pad(pair_unit(p), 6)}{pad(show(value_of(p.old)), 12, right=True)}"
                    f" → {pad(show(value_of(p.new)), 12)}{pad(pair_delta(p, zh=zh), 11, right=True)}"
                    f"{pad(rel, 9, right=True)}")
            out.add(out.paint(line, code))

    gone = _view.dropped(diff)
    if gone:
        out.add()
        out.head(t.title("dropped_metrics", 6, len(gone)))
        for p in gone[:6]:
            assert p.old is not None
            section = out.paint(fit(p.old.section, 40), _DIM)
            out.add(f"  {pad(pair_name(p), 29)} {pad(one_line(p.old.text), 15)} {section}")

    bad = _view.inconsistent(diff)
    if bad:
        out.add()
        out.head(out.paint(t.title("stated_disagree", 5, len(bad)), _YELLOW))
        for c in bad[:5]:
            said = one_line(diff.new.text[c.start:c.end])
            prior = show(c.prior.value) if c.prior is not None else DASH
            sep = t("comma")
            out.add(fit(f"  {pad('“' + said + '”', 24)}{t('last_year_was')} {prior}{sep}{t('implied')} "
                        f"{show(c.implied_prior)}"
                        + (f"{sep}{t('actual_change')} {signed(c.actual_change, zh=zh)}"
                           if c.actual_change is not None else ""), WIDTH))

    missing = _view.not_found(diff)
    if missing:
        out.add()
        out.head(t.title("commitments_not_found", 6, len(missing)))
        for f in missing[:6]:
            out.add(f"  · {fit(one_line(f.commitment.text), WIDTH - 6)}")
    return out.text()


def columns(line: str) -> int:
    """Display width of a rendered line without its colour codes (used by tests and callers that wrap)."""
    return text_width(re.sub(r"\x1b\[[0-9;]*m", "", line))


__all__ = ["columns", "render_diff", "render_report"]
