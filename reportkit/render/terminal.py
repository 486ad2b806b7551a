"""Plain-text output for the terminal: the outline of one report, the summary of a comparison.

Columns are counted in display cells (a Chinese character takes two), so tables line up in a terminal.
Colour is ANSI and only when asked for; report text is cleaned of control characters before it is shown,
so a report cannot move the cursor or recolour the screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..compare.records import MetricStatus, ReportDiff, Tag
from ..model import PartKind, Report, ReportMeta
from . import _view
from ._text import (
    DASH,
    amount,
    fit,
    metric_name,
    number,
    one_line,
    pad,
    pair_name,
    pair_unit,
    percent,
    report_label,
    section_name,
    signed,
    text_width,
)

K = TypeVar("K")

WIDTH = 100  # the summary is meant to fit a common terminal without wrapping
MAX_SECTIONS = 80  # lines of the section tree before the outline elides the rest

_BOLD, _DIM, _RED, _GREEN, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"

PART_ZH = {PartKind.PREAMBLE: "前言", PartKind.REVIEW: "回顾", PartKind.PROBLEMS: "问题", PartKind.PLAN: "计划",
           PartKind.OTHER: "其他"}
SOURCE_ZH = {"table": "信息表", "front_matter": "文件头", "title": "标题", "text": "正文", "filename": "文件名"}


class _Out:
    """Lines being written, with colour codes added only when colour is on."""

    def __init__(self, color: bool) -> None:
        self.color = color
        self.lines: list[str] = []

    def paint(self, s: str, code: str) -> str:
        return f"{code}{s}{_RESET}" if self.color and s else s

    def head(self, s: str) -> None:
        self.lines.append(self.paint(s, _BOLD))

    def add(self, s: str = "") -> None:
        self.lines.append(s.rstrip())

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _meta_lines(out: _Out, meta: ReportMeta) -> None:
    fields = (("标题", "title", meta.title), ("机构", "organisation", meta.organisation),
              ("年度", "year", meta.year), ("计划年度", "plan_year", meta.plan_year),
              ("发布机构", "issuer", meta.issuer), ("成文日期", "date", meta.date))
    for zh, key, value in fields:
        shown = one_line(str(value)) if value is not None else DASH
        where = meta.sources.get(key)
        note = out.paint(f"（来自{SOURCE_ZH.get(where, where)}）", _DIM) if where and value is not None else ""
        out.add(f"  {pad(zh, 10)}{fit(shown, WIDTH - 30)}  {note}")
    src = ", ".join(x for x in (meta.source_path, meta.source_format) if x)
    if src:
        out.add(f"  {pad('文件', 10)}{one_line(src)}")


def render_report(report: Report, *, color: bool = False) -> str:
    """The outline ``reportkit parse FILE`` prints: meta and where it came from, sections, parts, counts."""
    out = _Out(color)
    out.head(one_line(report.meta.title or report.meta.source_path or "（无标题）"))
    _meta_lines(out, report.meta)
    out.add(f"  {pad('长度', 10)}{len(report.text):,} 字符")

    sections = list(report.walk())
    out.add()
    out.head(f"章节（{len(sections)}）")
    for s in sections[:MAX_SECTIONS]:
        indent = "  " * s.level
        name = fit(section_name(s), WIDTH - len(indent) - 26)
        out.add(f"{indent}{name}  {out.paint(fit(s.path, 22), _DIM)}")
    if len(sections) > MAX_SECTIONS:
        out.add(f"  … 另有 {len(sections) - MAX_SECTIONS} 个章节")
    if not sections:
        out.add("  （未识别出章节）")

    out.add()
    out.head("组成部分")
    for p in report.parts:
        span = f"{p.start}–{p.end}"
        out.add(f"  {pad(PART_ZH[p.kind], 6)}{pad(p.heading or '', 14)}{span}  "
                f"{out.paint(fit(one_line(report.text[p.start:p.end]), 50), _DIM)}")
    if not report.parts:
        out.add("  （未识别出）")

    out.add()
    out.head(f"语句 {len(report.sentences)} · 指标 {len(report.metrics)} · 承诺 {len(report.commitments)}"
             f" · 问题 {len(report.problems)}")
    _sample(out, "指标", len(report.metrics),
            (f"{pad(one_line(m.text), 14)}{pad(number(m.value) + ' ' + m.unit, 16, right=True)}  "
             f"{pad(metric_name(m), 30)}{out.paint(m.section, _DIM)}" for m in report.metrics[:5]))
    _sample(out, "承诺", len(report.commitments),
            (f"· {fit(one_line(c.text), 70)}  {out.paint(_view.TYPE_ZH[c.type], _DIM)}" for c in report.commitments[:3]))
    _sample(out, "问题", len(report.problems), (f"· {fit(one_line(p.text), 76)}" for p in report.problems[:3]))
    return out.text()


def _sample(out: _Out, what: str, total: int, lines: Iterable[str]) -> None:
    shown = list(lines)
    if not shown:
        return
    out.add()
    out.head(f"{what}（前 {len(shown)} / 共 {total}）" if total > len(shown) else f"{what}（{total}）")
    for line in shown:
        out.add("  " + line)


def _counts_line(pairs: Iterable[tuple[K, int]], names: Mapping[K, str], empty: str = "无") -> str:
    shown = [f"{names[k]} {n}" for k, n in pairs if n]
    return " · ".join(shown) if shown else empty


def _label(meta: ReportMeta) -> str:
    path = f"  ({one_line(meta.source_path)})" if meta.source_path and meta.title else ""
    return (report_label(meta) or "（无标题）") + path


def render_diff(diff: ReportDiff, *, color: bool = False, top: int = 10) -> str:
    """What changed between the two years, in well under sixty lines."""
    out = _Out(color)
    s = _view.summarise(diff)
    out.head("reportkit 年度比较")
    out.add(f"  旧  {fit(_label(diff.old.meta), WIDTH - 6)}")
    out.add(f"  新  {fit(_label(diff.new.meta), WIDTH - 6)}")
    if diff.scores is not None:
        sc = diff.scores
        out.add(f"  {pad('相似度', 10)}余弦 {sc.cosine:.2f} · Jaccard {sc.jaccard:.2f} · 编辑 {sc.edit:.2f}"
                f" · 沿用 {sc.reuse:.2f}  {out.paint('(1 = 完全相同)', _DIM)}")
    out.add(f"  {pad('章节', 10)}{_counts_line(s.sections, _view.TAG_ZH)}")
    for tag, side in ((Tag.ADDED, "new"), (Tag.REMOVED, "old")):
        names = [section_name(getattr(p, side)) for p in diff.sections if p.tag is tag]
        if names:
            out.add(out.paint(fit(f"  {'':10}{_view.TAG_ZH[tag]}：{'；'.join(names)}", WIDTH), _DIM))
    out.add(f"  {pad('语句', 10)}{_counts_line(s.sentences, _view.TAG_ZH)}")
    out.add(f"  {pad('指标', 10)}{_counts_line(s.metrics, _view.STATUS_ZH)}")
    out.add(f"  {pad('承诺', 10)}{_counts_line(s.commitments, _view.FOLLOW_ZH)}")
    out.add(f"  {pad('所述变化', 10)}{s.stated_changes} 处，其中与去年数字不符 {s.inconsistent} 处")

    zh = diff.new.meta.language.startswith("zh")
    show = amount if zh else number
    moved = _view.largest_changes(diff)
    if moved:
        out.add()
        out.head(_title("变化最大的指标", top, len(moved)))
        out.add(out.paint(f"  {pad('指标', 30)}{pad('单位', 6)}{pad('去年', 12, right=True)} → "
                          f"{pad('今年', 12)}{pad('变化', 11, right=True)}{pad('幅度', 9, right=True)}", _DIM))
        for p in moved[:top]:
            assert p.old is not None and p.new is not None
            code = _GREEN if p.status is MetricStatus.UP else _RED
            line = (f"  {pad(pair_name(p), 30)}{pad(pair_unit(p), 6)}{pad(show(p.old.value), 12, right=True)}"
                    f" → {pad(show(p.new.value), 12)}{pad(signed(p.delta, zh=zh), 11, right=True)}"
                    f"{pad(percent(p.pct_change), 9, right=True)}")
            out.add(out.paint(line, code))

    gone = _view.dropped(diff)
    if gone:
        out.add()
        out.head(_title("去年报告、今年未再报告的指标", 6, len(gone)))
        for p in gone[:6]:
            assert p.old is not None
            out.add(f"  {pad(pair_name(p), 30)}{pad(one_line(p.old.text), 16)}{out.paint(p.old.section, _DIM)}")

    bad = _view.inconsistent(diff)
    if bad:
        out.add()
        out.head(out.paint(_title("所述变化与去年数字不符", 5, len(bad)), _YELLOW))
        for c in bad[:5]:
            said = one_line(diff.new.text[c.start:c.end])
            prior = show(c.prior.value) if c.prior is not None else DASH
            out.add(fit(f"  {pad('“' + said + '”', 24)}去年实为 {prior}，按此推算应为 {show(c.implied_prior)}"
                        + (f"，实际变化 {signed(c.actual_change, zh=zh)}" if c.actual_change is not None else ""),
                        WIDTH))

    missing = _view.not_found(diff)
    if missing:
        out.add()
        out.head(_title("去年的承诺，今年报告中未见落实", 6, len(missing)))
        for f in missing[:6]:
            out.add(f"  · {fit(one_line(f.commitment.text), WIDTH - 6)}")
    return out.text()


def _title(what: str, cap: int, total: int) -> str:
    return f"{what}（前 {cap} / 共 {total}）" if total > cap else f"{what}（{total}）"


def columns(line: str) -> int:
    """Display width of a rendered line without its colour codes (used by tests and callers that wrap)."""
    return text_width(re.sub(r"\x1b\[[0-9;]*m", "", line))


__all__ = ["columns", "render_diff", "render_report"]
