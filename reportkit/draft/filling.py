"""Write next year's report: the draft's text with this year's values, through a Word template.

Numbers go back in the report's own style (402件, 99.82%, 2000余次 keeps its 余, 第二 stays a
Chinese numeral); stated changes are recomputed from the two values (较去年同期下降27.4%). A change
is added only where the drafter ticked the row's 写变化, worded as the genre does (较上年增加26件,
比上年增长8.5%, 提高0.3个百分点). Last year's plan is not presented as new text: a marked placeholder
(yellow, with a Word comment) stands for next year's, with last year's text in grey for reference.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from docxtpl import RichText

from ..errors import PathLike
from ..model import MetricKind, PartKind
from . import _forms, _text
from . import _layout as L
from ._docx import render_docx
from ._readback import read_workbook
from ._records import (
    Block,
    BlockKind,
    DraftReport,
    DraftSentence,
    FilledWorkbook,
    Piece,
    PieceKind,
    ProgressStatus,
    Slot,
)
from ._safety import guard_outputs, refuse_inputs

_PLACEHOLDER = "FFFF00"  # shading of a slot still to fill
_STALE = "FCE4D6"  # shading of a sentence still carrying last year's numbers
_REFERENCE = "D0CECE"  # shading of last year's text kept for reference (the plan)
_MARKS = {ProgressStatus.DONE: "☑", ProgressStatus.ONGOING: "◐", ProgressStatus.NOT_STARTED: "☐"}


def fill(
    workbook_path: PathLike,
    out_path: PathLike,
    *,
    template: PathLike | None = None,
    allow_missing: bool = False,
    force: bool = False,
) -> Path:
    """Read a filled workbook (validated; see read_workbook) and write the report as .docx.

    ``out_path`` must not be the workbook or the template; an existing file there is refused
    unless ``force``, which keeps a dated backup of it first.
    """
    out = Path(os.fspath(out_path))
    refuse_inputs(
        out,
        [
            (Path(os.fspath(workbook_path)), "the workbook"),
            (Path(os.fspath(template)) if template else None, "the template"),
        ],
    )
    filled = read_workbook(workbook_path, allow_missing=allow_missing)
    context = build_context(filled.draft, filled)
    guard_outputs([out], force=force, command="reportkit fill")
    return render_docx(template, filled.draft.language, context, out, comments=comments_for(filled.draft))


def comments_for(draft: DraftReport) -> dict[str, str]:
    """Word comments to attach, by the text their paragraph starts with: the plan placeholder's."""
    lay = L.layout_for(draft.language)
    return {lay.plan_placeholder.split("{title}")[0]: lay.plan_comment}


def build_context(draft: DraftReport, filled: FilledWorkbook | None = None) -> dict[str, Any]:
    """The template context (documented in docs/templates.md). Without ``filled``: the first draft."""
    return _Writer(draft, filled).context()


class _Writer:
    def __init__(self, draft: DraftReport, filled: FilledWorkbook | None) -> None:
        self.d = draft
        self.filled = filled
        self.lay = L.layout_for(draft.language)
        self.values: Mapping[str, Decimal | None] = filled.as_dict() if filled else {}
        self.ticked = {v.slot for v in filled.values if v.write_change} if filled else set()
        self.met = {v.slot: v.met for v in filled.values} if filled else {}
        self.slots = {s.id: s for s in draft.slots}
        self.en = draft.language == "en"

    def context(self) -> dict[str, Any]:
        d = self.d
        progress = {p.item: p for p in self.filled.progress} if self.filled else {}
        checklist = []
        for n, item in enumerate(d.checklist, 1):
            p = progress.get(item.id)
            status = p.status if p else None
            checklist.append(
                {
                    "number": n,
                    "id": item.id,
                    "section": item.section,
                    "text": item.text,
                    "type": item.type.value,
                    "status": self.lay.label_of(status) if status else "",
                    "mark": _MARKS.get(status, "☐") if status else "☐",
                    "done": p.done if p else "",
                    "evidence": p.evidence if p else "",
                }
            )
        blocks = self._blocks()
        metrics = [self._metric(s.id) for s in d.input_slots]
        last_plan = d.year
        return {
            "signoff": d.signoff,
            "legend": self._legend(),
            "targets": [self._target(s) for s in d.targets],
            "targets_title": self.lay.targets_title.format(year=d.year) if d.targets and d.year else "",
            "title": d.title,
            "organisation": d.organisation,
            "issuer": d.issuer,
            "year": d.year or "",
            "plan_year": d.plan_year or "",
            "last_year": d.source.year or "",
            "language": d.language,
            "blocks": blocks,
            "checklist": checklist,
            "checklist_title": (
                L.say(d.language, "checklist_title").format(year=last_plan)
            )
            if last_plan
            else "",
            "metrics": metrics,
            "date_line": self._date_line(),
            "stale_count": sum(1 for b in blocks for s in b["sentences"] if s["stale"]),
            "missing_count": sum(1 for m in metrics if m["value"] in ("", self.lay.missing)),
            "is_first_draft": self.filled is None,
        }

    def _date_line(self) -> str:
        d = self.d
        if self.en or not d.signoff or not d.year:
            return ""
        return str(L.say("zh", "date_line").format(year=d.year + 1))

    # -- blocks --------------------------------------------------------------------
    def _blocks(self) -> list[dict[str, Any]]:
        """The report's blocks; last year's plan becomes a marked placeholder and grey reference text."""
        out: list[dict[str, Any]] = []
        placed = False
        year = self.d.plan_year or ""
        title = L.say(self.d.language, "plan_title").format(year=year)
        for b in self.d.blocks:
            if b.part is not PartKind.PLAN:
                out.append(self._block(b))
                continue
            if not placed:
                placed = True
                if b.kind is BlockKind.HEADING:
                    out.append(self._block(b))  # 二、2024年工作思路: the heading is next year's
                    title = L.pattern("heading_number").sub("", b.heading).strip() or title
                out.append(self._plain(self.lay.plan_placeholder.format(title=title), _PLACEHOLDER))
                if b.kind is BlockKind.HEADING:
                    continue
            out.append(self._plain(b.reference or (b.heading + b.text), _REFERENCE))
        return out

    def _plain(self, text: str, shade: str) -> dict[str, Any]:
        rich = RichText()
        rich.add(text, highlight=shade)
        return {
            "kind": BlockKind.PARAGRAPH.value,
            "level": 0,
            "part": PartKind.PLAN.value,
            "heading": "",
            "is_heading": False,
            "is_bullet": False,
            "text": text,
            "rich": rich,
            "sentences": [{"text": text, "stale": False, "narrative": False}],
        }

    def _legend(self) -> RichText:
        lead, yellow, orange, grey = self.lay.legend
        sep = L.say(self.d.language, "list_separator")
        rich = RichText()
        rich.add(lead)
        rich.add(yellow, highlight=_PLACEHOLDER)
        rich.add(sep)
        rich.add(orange, highlight=_STALE)
        rich.add(sep)
        rich.add(grey, highlight=_REFERENCE)
        rich.add(L.say(self.d.language, "full_stop"))
        return rich

    def _target(self, slot: Slot) -> dict[str, Any]:
        value = self.values.get(slot.id)
        return {
            "label": slot.label,
            "target": slot.target,
            "value": f"{_text.format_decimal(value)}{slot.unit}" if value is not None else self.lay.missing,
            "met": self.met.get(slot.id, ""),
        }

    def _block(self, b: Block) -> dict[str, Any]:
        rich = RichText()
        sentences: list[dict[str, Any]] = []
        texts: list[str] = []
        for s in b.sentences:
            texts.append(self._sentence(s, rich))
            sentences.append({"text": texts[-1], "stale": s.stale, "narrative": s.narrative})
        return {
            "kind": b.kind.value,
            "level": b.level,
            "part": b.part.value,
            "heading": b.heading,
            "is_heading": b.kind is BlockKind.HEADING,
            "is_bullet": b.kind is BlockKind.BULLET,
            "text": "".join(texts),
            "rich": rich,
            "sentences": sentences,
        }

    def _sentence(self, s: DraftSentence, rich: RichText) -> str:
        out = []
        for piece in s.pieces:
            text, pending = self._piece(piece)
            if not text:
                continue
            out.append(text)
            shade = _PLACEHOLDER if pending or s.narrative else (_STALE if s.stale else None)
            rich.add(text, highlight=shade) if shade else rich.add(text)
        return "".join(out)

    def _piece(self, piece: Piece) -> tuple[str, bool]:
        """The text of a piece and whether it is still a placeholder."""
        if piece.kind is PieceKind.TEXT:
            return piece.text, False
        slot = self.slots[piece.slot or ""]
        if piece.kind is PieceKind.VALUE:
            value = self.values.get(slot.id)
            if value is None:
                return self._placeholder(slot.last_text), True
            new = _text.write_number(value, slot.number_text, slot.numeral)
            return _text.replace_number(slot.last_text, slot.number_text, new), False
        base = self.slots.get(slot.base or "") if piece.kind is PieceKind.CHANGE else slot
        new_base = self.values.get(base.id) if base else None
        if piece.kind is PieceKind.ADDED_CHANGE:
            if new_base is None or base is None or base.id not in self.ticked:
                return "", False
            phrase = _forms.change_phrase(
                self.d.genre, self.d.language, _family(base), base.last_value, new_base, base.unit
            )
            return (self.d.comma + phrase, False) if phrase else ("", False)
        if base is None or new_base is None:
            return self._placeholder(piece.text), True
        pct = _text.percent_change(base.last_value, new_base)
        if pct is None:
            return self._placeholder(piece.text), True
        prefix = (
            piece.text[: len(piece.text) - len(slot.last_text)] if piece.text.endswith(slot.last_text) else ""
        )
        if pct == 0:
            return L.say(self.d.language, "unchanged_short"), False
        word = _text.direction_word(piece.direction_word, pct > 0, self.d.language)
        body, dw = slot.last_text, piece.direction_word
        if dw and body.startswith(dw):
            body, prefix = body[len(dw) :], prefix + dw
        number = _text.replace_number(body, slot.number_text, _text.format_decimal(abs(pct)))
        if dw and dw in prefix:
            cut = prefix.rfind(dw)
            prefix = prefix[:cut] + word + prefix[cut + len(dw) :]
        else:
            number = f"{word} {number}" if self.en else word + number
        return prefix + number, False

    def _placeholder(self, last_text: str) -> str:
        if self.filled is None:
            return self.lay.to_fill.format(last=last_text)
        return self.lay.missing

    def _metric(self, slot_id: str) -> dict[str, Any]:
        slot = self.slots[slot_id]
        value = self.values.get(slot_id)
        pct = _text.percent_change(slot.last_value, value) if value is not None else None
        return {
            "id": slot.id,
            "section": slot.section,
            "label": slot.label,
            "unit": slot.unit,
            "last": _text.format_decimal(slot.last_value),
            "value": _text.format_decimal(value)
            if value is not None
            else ("" if self.filled is None else self.lay.missing),
            "change": _text.format_decimal(value - slot.last_value) if value is not None else "",
            "change_pct": f"{_text.format_decimal(pct)}%" if pct is not None else "",
            "text": self._piece(Piece(PieceKind.VALUE, slot.last_text, slot.id))[0],
        }


def _family(slot: Slot) -> str:
    """How a change of this figure is worded: a rate in points, money in %, a count by its difference."""
    if slot.unit.strip() in L.say("zh", "percent_units") or slot.kind is MetricKind.RATE:
        return "rate"
    money = any(u in slot.unit for u in L.say("zh", "money_units")) or "€" in slot.last_text or "$" in slot.last_text
    if slot.kind is MetricKind.MONEY or money:
        return "money"
    return "count"
