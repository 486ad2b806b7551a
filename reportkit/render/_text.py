"""Formatting every renderer shares: numbers, names of things, the display width of Chinese text.

Renderers only read the records; nothing here changes a value, it only decides how a value is written.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import Decimal

from .._markup import plain
from ..comparison.records import MetricPair, SectionPair, SentencePair, TextOp
from ..model import Direction, Metric, MetricKind, ReportMeta, Section, Sentence

DASH = "—"  # shown where a value is absent, so an empty cell is never mistaken for zero


def char_width(ch: str) -> int:
    """Columns a terminal gives ``ch``: wide and full-width characters take two, combining marks none."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s: str) -> int:
    return sum(char_width(c) for c in s)


def fit(s: str, width: int) -> str:
    """``s`` cut to at most ``width`` columns, with an ellipsis when something was cut."""
    if text_width(s) <= width:
        return s
    out, used = [], 0
    for c in s:
        w = char_width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def pad(s: str, width: int, *, right: bool = False) -> str:
    """``s`` fitted and padded to exactly ``width`` columns (aligned right for numbers)."""
    s = fit(s, width)
    gap = " " * (width - text_width(s))
    return gap + s if right else s + gap


# Control characters (Unicode category Cc, all below U+00A0) that are not whitespace; whitespace ones fold.
_CONTROL = re.compile("[" + "".join(
    re.escape(chr(i)) for i in range(0xA0) if unicodedata.category(chr(i)) == "Cc" and not chr(i).isspace()
) + "]")


def one_line(s: str) -> str:
    """Whitespace folded to single spaces and control characters dropped, for tables and summaries; Markdown's
    inline markup (``**bold**``, ``[a link](…)``, ``![an image](…)``, ``\\`` escapes, ``###``) read as markup.

    Control characters go because report text must never drive a terminal (ANSI escapes) or break XML.
    """
    return " ".join(_CONTROL.sub("", plain(s)).split())


def number(d: Decimal | None) -> str:
    """A value as a person writes it: no exponent, no trailing zeros, thousands grouped."""
    if d is None:
        return DASH
    d = d.normalize()
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return f"{d:,f}"


def signed(d: Decimal | None, *, zh: bool = False, like: Decimal | None = None) -> str:
    """A change with its sign; in Chinese, in the scale of the values it is the change of (``like``): 27.24万 →
    21.7万 is −5.54万, not −55,400."""
    if d is None:
        return DASH
    return ("+" if d > 0 else "") + (amount(d, like=like) if zh else number(d))


_YI, _WAN = Decimal(100_000_000), Decimal(10_000)


def amount(d: Decimal | None, *, like: Decimal | None = None) -> str:
    """A value as a Chinese reader scans it: 亿 and 万 for large ones (``1.62万亿`` stays readable in a column);
    with ``like``, in the scale ``like`` would take (a change beside the values it changes)."""
    if d is None:
        return DASH
    size = max(abs(d), abs(like)) if like is not None else abs(d)
    # 万 only from 100,000 up: 16,000 reads better as it is than as 1.6万.
    for scale, floor, word in ((_YI * _WAN, _YI * _WAN, "万亿"), (_YI, _YI, "亿"), (_WAN, _WAN * 10, "万")):
        if size >= floor:
            scaled = (d / scale).quantize(Decimal("0.01")).normalize()
            return number(scaled).replace(",", "") + word  # 1322万, as a Chinese text writes it
    return number(d)


def pair_delta(p: MetricPair, *, zh: bool) -> str:
    """A pair's change, written in the scale of its two values."""
    values = [abs(m.value) for m in (p.old, p.new) if m is not None]
    return signed(p.delta, zh=zh, like=max(values) if values else None)


def percent(d: Decimal | None) -> str:
    """A change already in per cent (``MetricPair.pct_change``) to one decimal place."""
    if d is None:
        return DASH
    return f"{'+' if d > 0 else ''}{d.quantize(Decimal('0.1'))}%"


def metric_name(m: Metric | None) -> str:
    if m is None:
        return ""
    return one_line(m.label) or one_line(m.text)


def pair_name(p: MetricPair) -> str:
    return metric_name(p.new) or metric_name(p.old)


def pair_unit(p: MetricPair) -> str:
    m = p.new or p.old
    return m.unit if m is not None else ""


def value_of(m: Metric) -> Decimal:
    """A figure with its sign: a stated fall (下降12.8%) is −12.8, as ``MetricPair.delta`` counts it."""
    return -m.value if m.kind is MetricKind.CHANGE and m.direction is Direction.DOWN and m.value > 0 else m.value


def in_points(p: MetricPair) -> bool:
    """Whether the pair's delta is in percentage points (a rate or a change: no relative change is given)."""
    m = p.old or p.new
    return m is not None and p.delta is not None and p.pct_change is None and (
        m.kind in (MetricKind.RATE, MetricKind.CHANGE) or m.unit in ("%", "％", "‰", "个百分点")
    )


def section_name(s: Section | None) -> str:
    if s is None:
        return ""
    # Chinese markers run into the title (一、总体要求); Markdown and numbered ones take a space (## Plans, 1. Aims).
    sep = " " if s.marker and s.marker[-1] in "#." and s.title else ""
    return one_line(f"{s.marker}{sep}{s.title}") or s.path


def report_label(meta: ReportMeta) -> str:
    """What a heading calls a report: its title, with the year it reviews where the title names none.

    ``莲都区2022年法治政府建设年度报告`` · ``2025年安徽省政府工作报告`` (a title's year is its own: a 政府工作报告's is
    the year it is delivered, so no second year is put before it) · ``政府工作报告（回顾2025年）`` · untitled:
    ``国务院 政府工作报告（回顾2015年，2015.txt）``; English: ``2023 Annual report``.
    """
    file = meta.source_path.replace("\\", "/").rsplit("/", 1)[-1] if meta.source_path else ""
    year = meta.year
    if meta.language == "en":
        name = meta.title or " ".join(x for x in (meta.organisation, f"({file})" if file else "") if x)
        shown = str(year) if year and str(year) not in name else ""
        return one_line(" ".join(x for x in (shown, name) if x))
    if meta.title and _YEAR.search(meta.title):
        return one_line(meta.title)
    genre = _genre_name(meta)
    notes = "，".join(x for x in (f"回顾{year}年" if year else "", "" if meta.title else file) if x)
    name = meta.title or " ".join(x for x in (meta.organisation, genre) if x) or file
    return one_line(f"{name}（{notes}）" if notes else name)


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _genre_name(meta: ReportMeta) -> str:
    from ..parse.structure.genre import by_id

    known = by_id(meta.genre) if meta.genre else None
    return known.name if known is not None else ""


def redline(pair: SentencePair) -> tuple[TextOp, ...]:
    """The pair's text ops, or ops computed here when the comparison gave none that spell both sentences.

    Renderers place marks by character offset, so ops that do not reproduce the two texts exactly would put
    every later mark in the wrong place; a character diff of the two texts is the safe fallback.
    """
    old = pair.old.text if pair.old is not None else ""
    new = pair.new.text if pair.new is not None else ""
    ops = pair.ops
    if ops and "".join(o.old for o in ops) == old and "".join(o.new for o in ops) == new:
        return ops
    if old == new:  # the alignment gives an unchanged pair no ops: nothing to diff
        return (TextOp("equal", old, new),) if old else ()
    if not old or not new:
        return (TextOp("delete", old, ""),) if old else ((TextOp("insert", "", new),) if new else ())
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return tuple(TextOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2])) for tag, i1, i2, j1, j2 in sm.get_opcodes())


# Latin words and numbers change as wholes (a redline of "re|p|ort" helps nobody); every other character,
# Chinese above all, is its own token, since Chinese has no spaces to find words by.
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+(?:[.,][0-9]+)*|\s+|.", re.DOTALL)


def heading_redline(pair: SectionPair) -> tuple[TextOp, ...]:
    """Ops from the old heading (marker and title) to the new one; headings follow the sentences' rule."""
    old, new = section_name(pair.old), section_name(pair.new)
    return redline(SentencePair(pair.tag, Sentence(0, len(old), old) if old else None,
                                Sentence(0, len(new), new) if new else None, pair.similarity))


def changed_mask(ops: tuple[TextOp, ...], side: str) -> list[bool]:
    """For each character of one side (``old`` or ``new``), whether the redline marks it as changed."""
    mask: list[bool] = []
    for op in ops:
        text = op.old if side == "old" else op.new
        mask.extend([op.op != "equal"] * len(text))
    return mask
