"""Last year's plan in the draft: the main targets of a 政府工作报告 (first rows of the workbook) and the checklist.

Functions of the roll-forward (``rollforward._Roller``), apart so neither module grows past a few hundred lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..model import Commitment, PartKind
from . import _forms, _text
from . import _layout as L
from ._genre import gongzuo
from ._records import ChecklistItem, Slot

if TYPE_CHECKING:
    from .rollforward import _Roller



def main_targets(ro: _Roller) -> None:
    """Rows first in the workbook for each main target (地区生产总值增长5%左右): target, outcome, met.

    A target whose figure last year's review also states (地区生产总值增长5.2%) is that row;
    the others get a row of their own, with no place in the text (they go to the appendix).
    """
    if ro.genre != gongzuo():
        return
    plan = ro.r.part(PartKind.PLAN)
    sentences = [
        s for s in ro.r.sentences
        if plan is not None and plan.start <= s.start < plan.end and _forms.is_target_sentence(s.text)
    ]
    if not sentences:
        return
    s0 = sentences[0]
    # The targets run to the end of their paragraph (… ；全员劳动生产率16.8万元/人左右，…).
    nl = ro.r.text.find("\n", s0.start)
    end = max(s0.end, nl if nl >= 0 else len(ro.r.text))
    targets = [m for m in ro.r.metrics if s0.start <= m.start < end and m.numeral == "arabic"]
    review = [s for s in ro.slots if s.input and ro._part_of_slot(s) is PartKind.REVIEW]
    section = L.say("zh", "targets_section_bare")
    if ro.plan_year:
        section = L.say("zh", "targets_section").format(year=ro.plan_year)
    out: list[Slot] = []
    for i, m in enumerate(targets, 1):
        label = _target_label(ro.r.text[ro._clause_start(m.start, s0.start) : m.start]) or m.label
        key = _fold_label(label)
        unit, last_value = ro._display(m)
        answer = _forms.answer_kind(label, unit, m.kind)
        match = next(
            (s for s in review if s.unit == unit and key and _ends_alike(_fold_label(s.label), key)), None
        )
        if match is not None and not match.target and match not in out:
            # the row reads as the plan words the target (地区生产总值增长), not as the review's clause
            out.append(
                attrs.evolve(match, section=section, label=label or match.label, target=m.text, answer=answer)
            )
            continue
        out.append(
            Slot(
                id=f"T{i:02d}",
                metric_id=m.id,
                section=section,
                label=label,
                unit=unit,
                kind=m.kind,
                qualifier=m.qualifier,
                last_value=last_value,
                last_text="",
                number_text=_text.number_text(m.text, m.numeral),
                context=ro._clean(ro.r.text[s0.start : end].strip()),
                target=m.text,
                answer=answer,
            )
        )
    chosen = {s.id for s in out}
    ro.slots = out + [s for s in ro.slots if s.id not in chosen]

def checklist(ro: _Roller) -> Iterable[ChecklistItem]:
    plan = ro.r.part(PartKind.PLAN)
    items = [c for c in ro.r.commitments if plan is None or plan.start <= c.start < plan.end]
    if items and ro.genre == gongzuo():
        yield from _tasks_by_paragraph(ro, items)
        return
    if items:
        for i, c in enumerate(items, 1):
            text = ro._clean(c.text.strip())
            if c.governing_verb and not text.startswith(c.governing_verb):
                # a bare item of a shared-verb list (…、行政执法“三项制度”质效提升) reads with its verb
                text = c.governing_verb + ("" if ro.language != "en" else " ") + text
            yield ChecklistItem(f"C{i:03d}", ro._section_label(c.section), text, c.type)
        return
    if plan is None:
        return
    # No commitments parsed: every sentence of the plan part is an item.
    n = 0
    for s in ro.r.sentences:
        if plan.start <= s.start < plan.end and not any(
            sec.start == s.start and sec.title_end >= s.end for sec in ro.r.walk()
        ):
            n += 1
            yield ChecklistItem(f"C{n:03d}", ro._section_label(s.section), ro._clean(s.text.strip()))


def _tasks_by_paragraph(ro: _Roller, items: list[Commitment]) -> Iterable[ChecklistItem]:
    """A 政府工作报告 plans in paragraphs led by a task (健全经济高质量发展体制机制。…): one item each.

    Its plan holds a thousand clauses; a department reports on the task, as the 分工 does.
    """
    text = ro.r.text
    n = 0
    done: set[int] = set()
    for c in items:
        start = text.rfind("\n", 0, c.start) + 1
        if start in done:
            continue
        done.add(start)
        nl = text.find("\n", c.start)
        line = text[start : nl if nl >= 0 else len(text)].strip()
        lead = L.pattern("sentence_end").split(line, maxsplit=1)[0].strip()
        if any(w in lead for w in _forms.words("not_tasks")):
            continue
        if len(lead) > 60:
            lead = lead[:59] + "…"
        n += 1
        yield ChecklistItem(f"C{n:03d}", ro._section_label(c.section), ro._clean(lead), c.type)


def _ends_alike(a: str, b: str) -> bool:
    return len(min(a, b, key=len)) >= 2 and (a.endswith(b) or b.endswith(a))


def _fold_label(label: str) -> str:
    return L.pattern("target_fold_end").sub("", re.sub(r"\s+", "", label))


def _target_label(clause_head: str) -> str:
    """城镇调查失业率控制在 → 城镇调查失业率: a target row names the figure as the plan words it."""
    head = L.pattern("target_clause").split(clause_head)[-1]
    return L.pattern("target_label_end").sub("", head.strip())
