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

SOURCE_ZH = {"table": "信息表", "front_matter": "文件头", "title": "标题", "text": "正文", "filename": "文件名"}


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
    fields = (("标题", "title", meta.title), ("机构", "organisation", meta.organisation),
              ("年度", "year", meta.year), ("计划年度", "plan_year", meta.plan_year),
              ("发布机构", "issuer", meta.issuer), ("成文日期", "date", meta.date))
    t = out.t
    for zh, key, value in fields:
        shown = one_line(str(value)) if value is not None else DASH
        where = meta.sources.get(key)
        source = t("来自") + t(SOURCE_ZH.get(where, where)) if where else ""
        note = out.paint(t.paren(source), _DIM) if where and value is not None else ""
        out.add(f"  {pad(t(zh), 14)}{fit(shown, WIDTH - 30)}  {note}")
    src = ", ".join(x for x in (meta.source_path, meta.source_format) if x)
    if src:
        out.add(f"  {pad(t('文件'), 14)}{one_line(src)}")


def render_report(report: Report, *, color: bool = False) -> str:
    """The outline ``reportkit parse FILE`` prints: meta and where it came from, sections, parts, counts."""
    out = _Out(color, report.meta.language)
    t = out.t
    out.head(one_line(report.meta.title or report.meta.source_path or t("（无标题）")))
    _meta_lines(out, report.meta)
    out.add(f"  {pad(t('长度'), 14)}{len(report.text):,} {t('字符')}")

    sections = list(report.walk())
    out.add()
    out.head(t("章节") + t.paren(str(len(sections))))
    for s in sections[:MAX_SECTIONS]:
        indent = "  " * s.level
        name = fit(section_name(s), WIDTH - len(indent) - 26)
        out.add(f"{indent}{name}  {out.paint(fit(s.path, 22), _DIM)}")
    if len(sections) > MAX_SECTIONS:
        out.add(f"  … {t('另有')} {len(sections) - MAX_SECTIONS} {t('个章节')}")
    if not sections:
        out.add("  " + t("（未识别出章节）"))

    out.add()
    out.head(t("组成部分"))
    for p in report.parts:
        span = f"{p.start}–{p.end}"
        out.add(f"  {pad(t.enum(p.kind), 10)}{pad(p.heading or '', 14)}{pad(span, 12)}"
                f"{out.paint(fit(one_line(report.text[p.start:p.end]), 50), _DIM)}")
    if not report.parts:
        out.add("  " + t("（未识别出）"))

    out.add()
    out.head(" · ".join(f"{t(what)} {n}" for what, n in (
        ("语句", len(report.sentences)), ("指标", len(report.metrics)), ("承诺", len(report.commitments)),
        ("问题", len(report.problems)))))
    show = number if t.english else amount  # 90万亿, not 90,000,000,000,000
    _sample(out, "指标", len(report.metrics),
            (f"{pad(one_line(m.text), 14)}{pad(show(m.value) + ' ' + m.unit, 16, right=True)}  "
             f"{pad(metric_name(m), 29)} {out.paint(m.section, _DIM)}" for m in report.metrics[:5]))
    _sample(out, "承诺", len(report.commitments),
            (f"· {fit(one_line(c.text), 70)}  {out.paint(t.enum(c.type), _DIM)}" for c in report.commitments[:3]))
    _sample(out, "问题", len(report.problems), (f"· {fit(one_line(p.text), 76)}" for p in report.problems[:3]))
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
    return " · ".join(shown) if shown else t("无")


def _label(meta: ReportMeta, t: Words) -> str:
    path = f"  ({one_line(meta.source_path)})" if meta.source_path and meta.title else ""
    return (report_label(meta) or t("（无标题）")) + path


def render_diff(diff: ReportDiff, *, color: bool = False, top: int = 10) -> str:
    """What changed between the two years, in well under sixty lines."""
    out = _Out(color, diff.new.meta.language)
    t = out.t
    lw = 16 if t.english else 12  # the label column
    s = _view.summarise(diff)
    out.head(t("reportkit 年度比较"))
    out.add(f"  {pad(t('旧'), 4)}{fit(_label(diff.old.meta, t), WIDTH - 6)}")
    out.add(f"  {pad(t('新'), 4)}{fit(_label(diff.new.meta, t), WIDTH - 6)}")
    for w in diff.warnings:  # before any figure: they say how far the figures can be read
        out.add(out.paint(fit(f"  {t('警告')}{': ' if t.english else '：'}{t.warning(w)}", WIDTH), _YELLOW))
    if diff.scores is not None:
        sc = diff.scores
        out.add(f"  {pad(t('相似度'), lw)}{t('余弦')} {sc.cosine:.2f} · Jaccard {sc.jaccard:.2f} · "
                f"{t('编辑')} {sc.edit:.2f} · {t('沿用')} {sc.reuse:.2f}  {out.paint(t('(1 = 完全相同)'), _DIM)}")
    out.add(f"  {pad(t('章节'), lw)}{_counts_line(s.sections, t)}")
    for tag, side in ((Tag.ADDED, "new"), (Tag.REMOVED, "old")):
        names = [section_name(getattr(p, side)) for p in diff.sections if p.tag is tag]
        if names:
            listed = "; ".join(names) if t.english else "；".join(names)
            out.add(out.paint(fit(f"  {'':{lw}}{t.enum(tag)}{': ' if t.english else '：'}{listed}", WIDTH), _DIM))
    out.add(f"  {pad(t('语句'), lw)}{_counts_line(s.sentences, t)}")
    out.add(f"  {pad(t('指标'), lw)}{_counts_line(s.metrics, t)}")
    out.add(f"  {pad(t('承诺'), lw)}{_counts_line(s.commitments, t)}")
    stated = (f"{s.stated_changes} found, {s.inconsistent} disagree with last year's figures" if t.english
              else f"{s.stated_changes} 处，其中与去年数字不符 {s.inconsistent} 处")
    out.add(f"  {pad(t('所述变化'), lw)}{stated}")

    zh = not t.english
    show = amount if zh else number
    moved = _view.largest_changes(diff)
    if moved:
        out.add()
        out.head(t.title("变化最大的指标", top, len(moved)))
        out.add(out.paint(f"  {pad(t('指标名'), 30)}{pad(t('单位'), 6)}{pad(t('去年'), 12, right=True)} → "
                          f"{pad(t('今年'), 12)}{pad(t('变化'), 11, right=True)}{pad(t('幅度'), 9, right=True)}", _DIM))
        for p in moved[:top]:
            assert p.old is not None and p.new is not None
            code = _GREEN if p.status is MetricStatus.UP else _RED
            rel = t("个百分点") if in_points(p) else percent(p.pct_change)
            line = (f"  {pad(pair_name(p), 29)} {pad(pair_unit(p), 6)}{pad(show(value_of(p.old)), 12, right=True)}"
                    f" → {pad(show(value_of(p.new)), 12)}{pad(pair_delta(p, zh=zh), 11, right=True)}"
                    f"{pad(rel, 9, right=True)}")
            out.add(out.paint(line, code))

    gone = _view.dropped(diff)
    if gone:
        out.add()
        out.head(t.title("去年报告、今年未再报告的指标", 6, len(gone)))
        for p in gone[:6]:
            assert p.old is not None
            out.add(f"  {pad(pair_name(p), 29)} {pad(one_line(p.old.text), 15)} {out.paint(fit(p.old.section, 40), _DIM)}")

    bad = _view.inconsistent(diff)
    if bad:
        out.add()
        out.head(out.paint(t.title("所述变化与去年数字不符", 5, len(bad)), _YELLOW))
        for c in bad[:5]:
            said = one_line(diff.new.text[c.start:c.end])
            prior = show(c.prior.value) if c.prior is not None else DASH
            sep = ", " if t.english else "，"
            out.add(fit(f"  {pad('“' + said + '”', 24)}{t('去年实为')} {prior}{sep}{t('按此推算应为')} "
                        f"{show(c.implied_prior)}"
                        + (f"{sep}{t('实际变化')} {signed(c.actual_change, zh=zh)}"
                           if c.actual_change is not None else ""), WIDTH))

    missing = _view.not_found(diff)
    if missing:
        out.add()
        out.head(t.title("去年的承诺，今年报告中未见落实", 6, len(missing)))
        for f in missing[:6]:
            out.add(f"  · {fit(one_line(f.commitment.text), WIDTH - 6)}")
    return out.text()


def columns(line: str) -> int:
    """Display width of a rendered line without its colour codes (used by tests and callers that wrap)."""
    return text_width(re.sub(r"\x1b\[[0-9;]*m", "", line))


__all__ = ["columns", "render_diff", "render_report"]
