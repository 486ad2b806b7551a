"""One self-contained HTML page for a comparison: side by side, sections aligned, redlines, tables.

The page is ``templates/diff.html`` rendered by Jinja2 with autoescaping on; CSS and script come from
``diff.css`` and ``diff.js`` beside it and are inlined, so the file opens anywhere, offline, with no request
leaving the machine. Report text only ever reaches the template as data (never as template source), so
``{{ 7*7 }}`` or ``<script>`` in a report shows as the characters it is.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import types
from collections.abc import Sequence

import attrs
import jinja2
from markupsafe import Markup, escape

from .._io import atomic_open
from ..comparison.records import MetricPair, MetricStatus, ReportDiff, SentencePair, StatedChange, TextOp
from ..errors import PathLike
from ..model import Metric, Sentence
from . import _view
from ._text import (
    DASH,
    amount,
    changed_mask,
    heading_redline,
    in_points,
    number,
    one_line,
    pair_delta,
    pair_name,
    pair_unit,
    percent,
    redline,
    report_label,
    section_name,
    signed,
    value_of,
)
from ._words import Words

_TEMPLATES = "reportkit.templates"
# A table row for the template. Jinja looks a field up as an attribute before trying it as a key, so a dict would
# cost a failed lookup for every field of every row of a long report.
Fields = types.SimpleNamespace


@attrs.frozen
class Segment:
    """A run of text with one look: ``cls`` names CSS classes, ``title`` is the hover text."""

    text: str
    cls: str = ""
    title: str = ""


@attrs.frozen
class Row:
    new_id: str  # anchors other tables link to: "n<offset>" / "o<offset>" of the row's sentences
    old_id: str
    tag: str
    tag_zh: str
    similarity: str
    old: tuple[Segment, ...]
    new: tuple[Segment, ...]
    unified: tuple[Segment, ...]


@attrs.frozen
class Group:
    anchor: str
    level: int
    tag: str
    tag_zh: str
    old_title: str
    new_title: str
    old_heading: tuple[Segment, ...]
    new_heading: tuple[Segment, ...]
    similarity: str
    rows: tuple[Row, ...]
    in_toc: bool = True

    @property
    def toc_title(self) -> str:
        return self.new_title or self.old_title


class _Marks:
    """The metric pairs that changed, found by offset in one report, to highlight them in its sentences."""

    def __init__(self, spans: list[tuple[int, int, MetricPair]]) -> None:
        spans.sort(key=lambda s: s[0])
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def within(self, sentence: Sentence) -> list[tuple[int, int, MetricPair]]:
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        return [s for s in self.spans[lo:hi] if s[1] <= sentence.end]


def _marks(diff: ReportDiff, side: str) -> _Marks:
    spans = []
    for p in diff.metrics:
        m: Metric | None = p.old if side == "old" else p.new
        if m is not None and p.status is not MetricStatus.UNCHANGED:
            spans.append((m.start, m.end, p))
    return _Marks(spans)


def change_note(p: MetricPair, diff: ReportDiff, t: Words) -> str:
    """``2022: 40件 → 2023: 32件（-8，-20.0%）``: the hover text of a highlighted number."""
    a = f"{diff.old.meta.year or t('last_year')}: {one_line(p.old.text) if p.old else DASH}"
    b = f"{diff.new.meta.year or t('this_year')}: {one_line(p.new.text) if p.new else DASH}"
    rel = t("points") if in_points(p) else percent(p.pct_change)
    delta = pair_delta(p, zh=not t.english)
    tail = t.paren(f"{delta}{t('comma')}{rel}") if p.delta is not None else ""
    return f"{pair_name(p)}  {a} → {b}{tail}  [{t.enum(p.status)}]"


def stated_note(c: StatedChange, diff: ReportDiff, t: Words) -> str:
    """The hover text of a stated change: what it says, what last year's report had, whether they agree."""
    said = one_line(diff.new.text[c.start:c.end])
    prior = f"{t('last_years_report')} {one_line(c.prior.text)}" if c.prior is not None else t("not_in_last_year")
    comma = t("comma")
    show = number if t.english else amount
    implied = f"{comma}{t('implied_last_year_value')} {show(c.implied_prior)}" if c.implied_prior is not None else ""
    why = f"{comma}{t.notes(c.notes)}" if c.notes else ""
    verdict = t(_VERDICT[c.consistent][0])
    return f"{t('stated_change_open')}{said}{t('stated_change_close')}{prior}{implied}{why}  [{verdict}]"


_VERDICT = {True: ("agrees", "ok"), False: ("disagrees", "bad"), None: ("cannot_check", "unknown")}
Mark = MetricPair | StatedChange


def _side(sentence: Sentence | None, ops: tuple[TextOp, ...], side: str, marks: _Marks,
          diff: ReportDiff, t: Words) -> tuple[Segment, ...]:
    if sentence is None:
        return ()
    text = sentence.text
    changed = changed_mask(ops, side)
    if len(changed) != len(text):  # ops for other text: show it plain rather than mark the wrong characters
        changed = [False] * len(text)
    within = marks.within(sentence)
    stated = [c for c in diff.stated_changes if c.start < sentence.end and c.end > sentence.start] \
        if side == "new" else []
    edit = "del" if side == "old" else "ins"
    if not within and not stated and text:  # most sentences: no number to mark, one look throughout
        if not any(changed):
            return (Segment(text),)
        if all(changed):
            return (Segment(text, edit),)
    owner = _owners(sentence, within, stated, side)
    out: list[Segment] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and changed[j] == changed[i] and owner[j] is owner[i]:
            j += 1
        mark = owner[i]
        look, title = "", ""
        if isinstance(mark, MetricPair):
            look, title = f"m {mark.status.value}", change_note(mark, diff, t)
        elif isinstance(mark, StatedChange):
            look, title = f"sc {_VERDICT[mark.consistent][1]}", stated_note(mark, diff, t)
        out.append(Segment(text[i:j], " ".join(c for c in (edit if changed[i] else "", look) if c), title))
        if (isinstance(mark, MetricPair) and side == "new" and mark.old is not None
                and (j == len(text) or owner[j] is not mark)):
            out.append(Segment(t("was") + one_line(mark.old.text), "was"))
        i = j
    return tuple(out)


def _owners(sentence: Sentence, within: list[tuple[int, int, MetricPair]], stated: list[StatedChange],
            side: str) -> list[Mark | None]:
    """Which changed metric or stated change each character of the sentence belongs to, if any."""
    text = sentence.text
    owner: list[Mark | None] = [None] * len(text)
    for start, end, pair in within:
        lo, hi = start - sentence.start, end - sentence.start
        metric = pair.old if side == "old" else pair.new
        if metric is None or text[lo:hi] != metric.text:
            continue  # a sentence whose text is not the report's slice: better no mark than a wrong one
        for i in range(lo, hi):
            owner[i] = pair
    for c in stated:
        lo, hi = max(c.start - sentence.start, 0), min(c.end - sentence.start, len(text))
        for i in range(lo, hi):
            owner[i] = owner[i] or c  # a changed number inside the phrase keeps its own mark
    return owner


def _plain_side(text: str, ops: tuple[TextOp, ...], side: str) -> tuple[Segment, ...]:
    """A heading's text with its changed characters marked (no numbers to highlight in a heading)."""
    changed = changed_mask(ops, side)
    if len(changed) != len(text) or not any(changed):
        return (Segment(text),)
    cls = "del" if side == "old" else "ins"
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and changed[j] == changed[i]:
            j += 1
        out.append(Segment(text[i:j], cls if changed[i] else ""))
        i = j
    return tuple(out)


def _unified(ops: tuple[TextOp, ...]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for op in ops:
        if op.op == "equal":
            out.append(Segment(op.new))
            continue
        if op.old:
            out.append(Segment(op.old, "del"))
        if op.new:
            out.append(Segment(op.new, "ins"))
    return tuple(out)


def _row(sp: SentencePair, diff: ReportDiff, old_marks: _Marks, new_marks: _Marks, t: Words) -> Row:
    ops = redline(sp)
    return Row(
        new_id=f"n{sp.new.start}" if sp.new is not None else "",
        old_id=f"o{sp.old.start}" if sp.old is not None else "",
        tag=sp.tag.value,
        tag_zh=t.enum(sp.tag),
        similarity=f"{sp.similarity:.2f}",
        old=_side(sp.old, ops, "old", old_marks, diff, t),
        new=_side(sp.new, ops, "new", new_marks, diff, t),
        unified=_unified(ops),
    )


def _groups(diff: ReportDiff, t: Words) -> list[Group]:
    old_marks, new_marks = _marks(diff, "old"), _marks(diff, "new")
    out = []
    for g in _view.group_by_section(diff):
        if g.pair is None and not g.sentences:
            continue
        old_title = section_name(g.pair.old) if g.pair else t("before_sections")
        new_title = section_name(g.pair.new) if g.pair else t("before_sections")
        ops = heading_redline(g.pair) if g.pair and not g.continued else ()
        more = t("continued") if g.continued else ""
        out.append(Group(
            anchor=g.anchor, level=g.level, tag=g.tag.value if g.pair and not g.continued else "outside",
            tag_zh=t.enum(g.tag) if g.pair and not g.continued else "",
            old_title=old_title, new_title=new_title,
            old_heading=_plain_side(old_title + more, ops, "old") if old_title else (),
            new_heading=_plain_side(new_title + more, ops, "new") if new_title else (),
            similarity=f"{g.pair.similarity:.2f}" if g.pair else "",
            in_toc=not g.continued,
            rows=tuple(_row(sp, diff, old_marks, new_marks, t) for sp in g.sentences),
        ))
    return out


class _Links:
    """Where in the side-by-side text a sentence of either report is shown, for links from the tables."""

    def __init__(self, diff: ReportDiff, groups: list[Group]) -> None:
        self.shown = {i for g in groups for r in g.rows for i in (r.new_id, r.old_id) if i}
        self.starts = {"n": [s.start for s in diff.new.sentences], "o": [s.start for s in diff.old.sentences]}

    def at(self, offset: int, side: str) -> str:
        """``#n123``: the shown sentence holding ``offset`` in the new (``n``) or old (``o``) report, or ""."""
        starts = self.starts[side]
        i = bisect.bisect_right(starts, offset) - 1
        anchor = f"{side}{starts[i]}" if i >= 0 else ""
        return "#" + anchor if anchor in self.shown else ""


def _metric_rows(diff: ReportDiff, links: _Links, t: Words, pairs: Sequence[MetricPair] | None = None) -> list[Fields]:
    rows = []
    show = number if t.english else amount  # a Chinese reader scans 90万亿, not 90,000,000,000,000
    for p in diff.metrics if pairs is None else pairs:
        m = p.new or p.old
        points = in_points(p)
        rows.append(Fields(
            href=links.at(p.new.start, "n") if p.new else (links.at(p.old.start, "o") if p.old else ""),
            name=pair_name(p), unit=pair_unit(p), status=p.status.value,
            status_zh=t.enum(p.status),
            old_text=one_line(p.old.text) if p.old else DASH, new_text=one_line(p.new.text) if p.new else DASH,
            old_value=show(value_of(p.old)) if p.old else DASH, new_value=show(value_of(p.new)) if p.new else DASH,
            old_sort=str(value_of(p.old)) if p.old else "", new_sort=str(value_of(p.new)) if p.new else "",
            delta=pair_delta(p, zh=not t.english) + (t("points") if points else ""),
            delta_sort=str(p.delta) if p.delta is not None else "",
            pct=percent(p.pct_change), pct_sort=str(p.pct_change) if p.pct_change is not None else "",
            confidence=f"{p.confidence:.2f}" if p.old and p.new else "",
            reasons=t.reasons(p.reasons),
            section=m.section if m else "", note=one_line(t.notes(p.notes)),
        ))
    return rows


def _evidence(sentences: tuple[Sentence, ...], links: _Links) -> list[Fields]:
    return [Fields(text=one_line(s.text), href=links.at(s.start, "n")) for s in sentences[:2]]


def _context(diff: ReportDiff) -> dict[str, object]:
    t = Words(diff.new.meta.language)
    summary = _view.summarise(diff)
    scores = []
    if diff.scores is not None:
        for name, value in (("cosine", diff.scores.cosine), ("jaccard", diff.scores.jaccard),
                            ("edit", diff.scores.edit), ("reuse", diff.scores.reuse)):
            scores.append(Fields(name=t(name), value=f"{value:.2f}", width=f"{max(0.0, min(value, 1.0)) * 100:.0f}"))
    chips = [
        (t("sections"), [(t.enum(k), n, k.value) for k, n in summary.sections if n]),
        (t("sentences"), [(t.enum(k), n, k.value) for k, n in summary.sentences if n]),
        (t("metrics"), [(t.enum(k), n, k.value) for k, n in summary.metrics if n]),
        (t("commitments"), [(t.enum(k), n, k.value) for k, n in summary.commitments if n]),
    ]
    groups = _groups(diff, t)
    links = _Links(diff, groups)
    stated = [Fields(
        href=links.at(c.start, "n"),
        said=one_line(diff.new.text[c.start:c.end]),
        metric=one_line(c.metric.text) if c.metric else DASH,
        prior=one_line(c.prior.text) if c.prior else DASH,
        implied=number(c.implied_prior) if t.english else amount(c.implied_prior),
        actual=signed(c.actual_change, zh=not t.english)
        + ("%" if c.actual_change is not None and c.change.unit in ("%", "％") else ""),
        verdict=t(_VERDICT[c.consistent][0]),
        cls=_VERDICT[c.consistent][1],
        note=one_line(t.notes(c.notes)),
    ) for c in diff.stated_changes]
    commitments = [Fields(
        href=links.at(f.commitment.start, "o"),
        text=one_line(f.commitment.text), type=t.enum(f.commitment.type), section=f.commitment.section,
        target=one_line(f.commitment.target.text) if f.commitment.target else "",
        status=f.status.value, status_zh=t.enum(f.status),
        outcome=one_line(f.outcome.text) if f.outcome else "", evidence=_evidence(f.evidence, links),
        similarity=f"{f.similarity:.2f}", note=one_line(t.notes(f.notes)),
    ) for f in diff.commitments]
    return {
        "old_label": report_label(diff.old.meta), "new_label": report_label(diff.new.meta),
        "old_year": str(diff.old.meta.year or t("last_year")), "new_year": str(diff.new.meta.year or t("this_year")),
        "w": t, "lang": "en" if t.english else "zh-CN",
        "scores": scores, "chips": chips, "inconsistent": summary.inconsistent,
        "groups": groups, "metrics": _metric_rows(diff, links, t), "stated": stated, "commitments": commitments,
        "top": _metric_rows(diff, links, t, _view.largest_changes(diff, 10)),
        "warnings": [t.warning(w) for w in diff.warnings],
        "css": _resource("diff.css"), "js": _resource("diff.js"),
    }


def _resource(name: str) -> str:
    return importlib.resources.files(_TEMPLATES).joinpath(name).read_text(encoding="utf-8")


def segments_html(items: tuple[Segment, ...]) -> Markup:
    """The template's ``segs`` filter: each marked run a ``<span>`` with its classes and hover text, plain runs
    as they are, every piece of text escaped. (A filter, not a template macro: a long report has thousands of
    runs, and a macro call costs Jinja many times a function call.)"""
    out = []
    for s in items:
        if s.cls or s.title:
            title = f' title="{escape(s.title)}"' if s.title else ""
            out.append(f'<span class="{escape(s.cls)}"{title}>{escape(s.text)}</span>')
        else:
            out.append(str(escape(s.text)))
    return Markup("".join(out))


@functools.cache
def _template() -> jinja2.Template:
    """The page template, compiled once per process (compiling costs as much as rendering a short report)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["segs"] = segments_html
    return env.from_string(_resource("diff.html"))


def render_html(diff: ReportDiff) -> str:
    """The page as a string (``write_html`` writes it)."""
    template = _template()
    ctx = _context(diff)
    # Our own CSS and script are trusted, so they go in unescaped; they must still not end their element.
    for key in ("css", "js"):
        if "</" in str(ctx[key]):
            raise RuntimeError(f"templates/diff.{key} must not contain '</' (it is inlined in the page)")
        ctx[key] = Markup(ctx[key])
    return template.render(**ctx)


def write_html(diff: ReportDiff, path: PathLike) -> None:
    """Write the page to ``path`` whole or not at all."""
    page = render_html(diff)
    with atomic_open(path) as f:
        f.write(page)
