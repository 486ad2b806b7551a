"""Parse stage: the plan part as data, one ``Commitment`` per clause (issue 3, Commitments).

The plan part comes from the parts stage (``PartKind.PLAN``); without one, a heading
that names next year's work (工作思路, 工作计划, 总体部署, 重点工作, Plans for …) opens it.
Each clause gets a type, a theme, its section and, when it states one, its numeric target
for the plan year (a copy of the metric the metrics stage found there). Clause cutting
is in :mod:`commit_split`, target rules in :mod:`commit_targets`, types in
:mod:`commit_classify`, English plans in :mod:`commit_english`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from ... import lang
from ...blocks import SourceText, TableRow
from ...model import Commitment, PartKind, Report
from ..text.facts import is_english
from ..text.index import SectionIndex, SentenceStops, SpanSet
from .classify import classify
from .compound import compound_parts
from .english import TableItem, budget_regions, english_clauses, table_extents, table_items
from .numbers import Quantity, scan
from .promises import is_context, is_no_promise
from .split import Clause, merge_fragments, split_clauses, split_list, strip_adverbs
from .targets import (
    find_targets,
    is_ceiling,
    is_restatement,
    multi_year_title,
    respective_subjects,
    share_qualifier,
    target_direction,
    to_metric,
)
from .targets_split import split_by_targets

__all__ = ["PER_PERIOD", "add_commitments", "extract_commitments", "plan_regions"]

PER_PERIOD = "per_period"  # Metric.frame of a target stated per month, quarter, week or day



def _re(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/commitments.toml, compiled on first use."""
    return lang.pattern("zh", "commitments", key)


def _text(key: str) -> str:
    return str(lang.data("zh", "commitments")[key])


def add_commitments(report: Report, source: SourceText) -> Report:
    return attrs.evolve(report, commitments=extract_commitments(report, source.table_rows))


def plan_regions(report: Report, english: bool | None = None) -> list[tuple[int, int]]:
    """Spans of the plan: the PLAN part(s), else from a plan heading to the end.

    ``english`` is ``is_english(report.text)``, when the caller has it already.
    """
    spans = [(p.start, p.end) for p in report.parts if p.kind is PartKind.PLAN]
    if not spans:
        m = _re("plan_heading").search(report.text)
        if m is not None:
            spans = [(m.start(), len(report.text))]
    if english is None:
        english = is_english(report.text)
    if english:
        extra = [r for r in budget_regions(report.text, report.meta.year) if not any(a <= r[0] < b for a, b in spans)]
        spans = sorted(spans + extra)
    return spans


def _plan_year(report: Report, regions: Sequence[tuple[int, int]]) -> int | None:
    """The year the plan is for: named in the plan's heading line (二、2023年工作思路), else from the metadata."""
    text = report.text
    if regions:
        start = regions[0][0]
        title = _re("heading_title").match(text, start)
        year = _re("plan_year").search(title.group()) if title is not None else None
        if year is not None:
            return int(year.group(1) or year.group(2))
    meta = report.meta
    if meta.plan_year:
        return meta.plan_year
    return meta.year + 1 if meta.year else None


def _heading_spans(report: Report, start: int, end: int) -> list[tuple[int, int]]:
    """Headings inside the plan: numbered titles are not commitments; lead-in markers (一是) only lose the marker."""
    text = report.text
    out: list[tuple[int, int]] = []
    sections = [s for s in report.walk() if start <= s.start < end or s.start <= start < s.title_end]
    for s in sections:
        lead_in = s.marker.endswith(_text("lead_in_marker_end")) or s.marker.startswith(_text("lead_in_marker_start"))
        # a title with nothing under it is the item itself: （四）新建法治文化公园10个。
        bare = not s.children and not text[s.title_end : s.end].strip(_text("bare_title_rest"))
        stop = s.title_start if lead_in or bare else s.title_end
        if not lead_in and stop < len(text) and text[stop] in _text("heading_stop"):
            stop += 1
        out.append((s.start, max(stop, s.start + len(s.marker))))
    if not sections:
        out = [(m.start(), m.end()) for m in _re("fallback_title").finditer(text, start, end)]
    head = _re("plan_heading").match(text, start)
    if head is not None:  # the plan's own heading, when no section was made of it
        line_end = min(i for i in (text.find("\n", start), text.find(" ", head.end()), end) if i >= 0)
        out.append((start, line_end))
    return out


_SENTENCE_REACH = 2000  # a sentence longer than this is cut: keeps the stage linear on run-on text


def _blocked_spans(report: Report, region: tuple[int, int], plan_year: int | None) -> list[tuple[int, int]]:
    """Sections of the plan about several years (十三五, 2021-2025): no targets for the plan year there.

    Only sections that open inside the plan count: a document title above it names the review year.
    Without sections, top-level ``一、`` lines stand in for them.
    """
    start, end = region
    if report.sections:
        return [(s.start, s.end) for s in report.walk()
                if start <= s.start < end and multi_year_title(s.title, plan_year)]
    heads = list(_re("top_heading").finditer(report.text, start, end))
    bounds = [m.start() for m in heads] + [end]
    return [(m.start(), bounds[i + 1]) for i, m in enumerate(heads) if multi_year_title(m.group(1), plan_year)]


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    m = _re("lead_marker").match(text, start, end)
    if m is not None and end - m.end() >= 2:
        start = m.end()
    while start < end and text[start] in _text("lead_trim"):
        start += 1
    return start, end


def _chinese_clauses(report: Report, region: tuple[int, int]) -> Iterator[tuple[int, int]]:
    text = report.text
    skip = _heading_spans(report, *region)
    spans = merge_fragments(text, split_clauses(text, *region, skip=skip))
    for s, e in spans:
        s, e = _clean(text, s, e)
        if e - s >= 2 and not _re("lead_marker").fullmatch(text[s:e]) and not _re("frame_only").fullmatch(text[s:e]):
            yield s, e


@functools.cache
def _glossary() -> re.Pattern[str]:
    """A heading line opening the notes on terms (lang/zh/promises.toml ``glossary_headings``)."""
    heads = lang.union("promises", "glossary_headings", ("zh",)).pattern
    return re.compile(r"(?m)^[ \t\u3000]*(?:" + heads + r")[ \t\u3000]*$")


def _before_glossary(text: str, region: tuple[int, int]) -> tuple[int, int]:
    """A plan part stops at the notes explaining its terms (附件2 名词解释)."""
    hit = _glossary().search(text, *region)
    return (region[0], hit.start()) if hit is not None else region


def _english_clauses(
    report: Report, region: tuple[int, int], rows: Sequence[TableRow], plan_year: int | None
) -> tuple[list[tuple[int, int]], dict[int, TableItem]]:
    """An English plan's sentences and list items, and its tables' rows for the plan year (label to figure),
    in text order; the rows by their start."""
    items = {item.label.start: item for item in table_items(rows, region, plan_year)}
    clauses = list(english_clauses(report, region, table_extents(rows)))
    return sorted(clauses + [(i.label.start, i.figure.end) for i in items.values()]), items


def _row_commitment(c: Commitment, item: TableItem) -> Commitment:
    """A table row's commitment is named by its label cell, markup gone (``FPADF \\| grants`` → ``FPADF | grants``)."""
    target = attrs.evolve(c.target, label=item.label.text) if c.target is not None else None
    return attrs.evolve(c, indicator=item.label.text, theme=item.label.text, target=target)


def extract_commitments(report: Report, rows: Sequence[TableRow] = ()) -> tuple[Commitment, ...]:
    """The plan's commitments; ``rows`` are the Markdown tables' rows (``SourceText.table_rows``)."""
    text = report.text
    english = is_english(text)
    regions = [_before_glossary(text, r) for r in plan_regions(report, english)]
    plan_year = _plan_year(report, regions)
    stops = SentenceStops(text, str(lang.data("zh", "punctuation")["sentence_stops"]), _SENTENCE_REACH)
    sections = SectionIndex(report)
    out: list[Commitment] = []
    said: dict[str, list[tuple[Quantity, int]]] = {}  # targets so far, with their clause start, by their text
    for region in regions:
        items: dict[int, TableItem] = {}
        if english:
            clauses, items = _english_clauses(report, region, rows, plan_year)
        else:
            clauses = list(_chinese_clauses(report, region))
        prev_sentence, prev_target = (-1, -1), False
        blocked = SpanSet(_blocked_spans(report, region, plan_year))
        for start, end in clauses:
            sentence = stops.around(start, end)
            targets: list[Quantity] = []
            item = items.get(start)
            if item is not None:  # a table row: its figure in the plan year's column
                targets = scan(text, item.figure.start, item.figure.end)[:1]
            elif start not in blocked:
                after_target = prev_target and sentence == prev_sentence
                targets = find_targets(text, (start, end), sentence, plan_year, after_target, english=english)
                targets = [q for q in targets if not is_restatement(text, q, start, said)]
                targets = share_qualifier(text, start, targets)
            for said_q in targets:
                said.setdefault(said_q.text, []).append((said_q, start))
            prev_sentence, prev_target = sentence, bool(targets)
            if english:
                targets = targets[:1]  # "€2,000 or €2,500": one sentence, one commitment
            elif not targets and (is_context(text, sentence) or is_no_promise(text, (start, end), sentence)):
                continue  # context, a description, a forecast, an attitude, a purpose: no promise
            pieces: list[tuple[Clause, Quantity | None]]
            subjects = respective_subjects(text, start, targets) if targets and not english else None
            if targets:
                pieces = list(split_by_targets(text, start, end, targets))
            elif english:
                pieces = [(Clause(start, end), None)]
            else:
                pieces = [(c, None) for c in split_list(text, start, end)]
            for i, (clause, q) in enumerate(pieces):
                made = _commitment(report, sections, clause, q, len(out) + 1)
                if item is not None:
                    made = _row_commitment(made, item)
                if subjects is not None and len(subjects) == len(pieces):
                    made = _member(made, subjects, i, text[start : targets[0].start])
                out.append(_ceiling(text, _stretch(text, made, out[-1] if out else None, stops)))
    return tuple(out)


def _ceiling(text: str, c: Commitment) -> Commitment:
    """The commitment with ``ceiling`` set when its target is one (targets.is_ceiling)."""
    if c.target is None or not is_ceiling(text, c.text, c.target.start, c.target.end):
        return c
    return attrs.evolve(c, ceiling=True)


def _member(c: Commitment, subjects: list[str], i: int, lead: str) -> Commitment:
    """One member of a 分别 list names its own subject: 农村居民人均可支配收入增幅, not the list's 城乡….

    The shared label's tail (增幅, 降幅) is kept."""
    label = c.indicator or (c.target.label if c.target is not None else "") or ""
    directions = lang.data("zh", "directions")
    shared = lead.split(lang.words("zh", "directions", "respective")[0])[0].strip(str(directions["respective_trim"]))
    tail = label[len(shared) :] if shared and label.startswith(shared) else ""
    indicator = subjects[i] + tail
    target = attrs.evolve(c.target, label=indicator) if c.target is not None else None
    return attrs.evolve(c, indicator=indicator, target=target)


def _stretch(text: str, c: Commitment, prev: Commitment | None, stops: SentenceStops) -> Commitment:
    """增长5.5%以上、力争达到6%: a stretch target names no indicator of its own; it is the previous
    target's, raised (lang/zh/directions.toml ``stretch``)."""
    if c.target is None or prev is None or prev.target is None:
        return c
    lead = text[c.start : c.target.start]
    if not lang.pattern("zh", "directions", "stretch").search(lead) or stops.around(
        c.start, c.end
    ) != stops.around(prev.start, prev.end):
        return c
    if _own_indicator(lead):
        return c
    target = attrs.evolve(c.target, label=prev.target.label, direction=prev.target.direction)
    return attrs.evolve(
        c, target=target, indicator=prev.indicator, theme=prev.theme, direction=prev.direction, stretch=True
    )


def _own_indicator(lead: str) -> bool:
    """Words of an indicator left once the stretch and verb words are gone (力争达到 → nothing)."""
    rest = lang.pattern("zh", "directions", "stretch").sub("", lead)
    rest = _re("stretch_verbs").sub("", rest)
    return len(rest) >= 2


def _commitment(report: Report, sections: SectionIndex, clause: Clause, q: Quantity | None, n: int) -> Commitment:
    text = report.text
    surface = text[clause.start : clause.end]
    section = sections.at(clause.start)
    path = section.path if section is not None else ""
    target = None
    direction = None
    if q is not None:
        direction = target_direction(surface, q)
        label = text[clause.start : q.start].strip()
        target = to_metric(q, report.metrics, ident=f"c{n:03d}.t", section=path, label=label, direction=direction)
        if lang.union("targets", "per_period", ("en",)).match(text, q.end) is not None:
            target = attrs.evolve(target, frame=PER_PERIOD)  # €2,000 per quarter: not a year's amount
    kind = classify(surface, has_target=target is not None, direction=direction)
    theme = kind.theme
    if q is not None and clause.start < q.start < clause.end and not is_english(surface):
        # what the number measures: 城镇新增就业, not 城镇新增就业1100万人以上
        lead, _ = strip_adverbs(text[clause.start : q.start].strip())
        lead = _re("theme_tail").sub("", lead)
        theme = lead if len(lead) >= 2 else theme
    return Commitment(
        id=f"c{n:03d}",
        text=surface,
        start=clause.start,
        end=clause.end,
        type=kind.type,
        theme=theme,
        section=path,
        target=target,
        governing_verb=clause.governing_verb,
        measurable=kind.measurable,
        indicator=kind.indicator or (target.label or None if target is not None else None),
        direction=kind.direction,
        parts=compound_parts(surface, clause.start) if target is None and not is_english(surface) else (),
    )
