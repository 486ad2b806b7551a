"""The records of a draft: next year's report as pieces of text and slots, and a filled workbook.

A ``DraftReport`` is everything ``fill`` needs to write the report, so the data-collection
workbook carries it (as JSON in its metadata sheet) and ``reportkit fill`` needs no other input.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..model import CommitmentType, MetricKind, PartKind, Qualifier, converter

FORMAT = "reportkit-draft/1"


class PieceKind(enum.StrEnum):
    """What a piece of a draft sentence is."""

    TEXT = "text"  # report text as written (years already rolled)
    VALUE = "value"  # a metric's number: this year's value goes here
    CHANGE = "change"  # a stated change (较去年同期下降27.4%): recomputed from the two values
    ADDED_CHANGE = "added_change"  # 较上年增长12.2% added after a count that had no stated change


class BlockKind(enum.StrEnum):
    HEADING = "heading"  # a heading on its own line
    PARAGRAPH = "paragraph"  # body text, maybe opening with a run-in heading
    BULLET = "bullet"  # an item of a bulleted list (Markdown reports)


class ProgressStatus(enum.StrEnum):
    DONE = "done"
    ONGOING = "ongoing"
    NOT_STARTED = "not_started"


@attrs.frozen
class Piece:
    kind: PieceKind
    text: str  # the surface as written last year (for slots: the metric's text)
    slot: str | None = None  # Slot.id for VALUE / CHANGE / ADDED_CHANGE
    direction_word: str = ""  # for CHANGE: the word before the number as written (下降, up …)


@attrs.frozen
class DraftSentence:
    pieces: tuple[Piece, ...]
    # still carries last year's numbers outside any slot: the drafter must update it by hand
    stale: bool = False
    # says what the year is (2025年是“十四五”规划收官之年): rolled, but shaded for the drafter to rewrite
    narrative: bool = False

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@attrs.frozen
class Block:
    kind: BlockKind
    part: PartKind
    level: int = 0  # heading depth (1 = top); 0 for paragraphs without a heading
    heading: str = ""  # the heading (for PARAGRAPH: a run-in heading such as （一）…), rolled
    sentences: tuple[DraftSentence, ...] = ()
    reference: str = ""  # a block of last year's plan: its text as written, shown for reference only

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


@attrs.frozen
class Slot:
    """One metric of last year's report that needs this year's value.

    Values are in display units: ``40万余名`` is ``last_value`` 40 with ``unit`` 万名, so the
    drafter types 45 and the report reads 45万余名.
    """

    id: str
    metric_id: str
    section: str
    label: str
    unit: str
    kind: MetricKind
    qualifier: Qualifier
    last_value: Decimal
    last_text: str  # the metric as written: 2000余次
    number_text: str  # the number inside last_text that the new value replaces: 2000
    numeral: str = "arabic"
    context: str = ""  # last year's sentence, for the drafter
    input: bool = True  # False for stated changes, which are computed, not asked for
    base: str | None = None  # for a stated change: the slot whose change it states
    target: str = ""  # for a main target of a 政府工作报告: the target as written (5%左右)
    answer: str = "decimal"  # what the cell takes: whole / decimal / share (0–100) / signed (a growth rate)
    office: str = ""  # the office the sentence names as responsible (由区司法局牵头…): 责任单位, else ""


@attrs.frozen
class ChecklistItem:
    """A commitment of last year's plan, with room for what was done."""

    id: str
    section: str
    text: str
    type: CommitmentType = CommitmentType.ACTION


@attrs.frozen
class SourceIdentity:
    """Which report a draft was made from, so a workbook made for another report is detected."""

    organisation: str
    year: int | None
    plan_year: int | None
    title: str
    sha256: str
    language: str = "zh"


@attrs.frozen
class DraftReport:
    """Next year's report: last year's structure, rolled forward, with slots for new values."""

    source: SourceIdentity
    title: str
    year: int | None  # the new report year (last year's + 1)
    plan_year: int | None
    organisation: str
    issuer: str
    language: str
    blocks: tuple[Block, ...]
    slots: tuple[Slot, ...]
    checklist: tuple[ChecklistItem, ...]
    comma: str = "，"  # the clause comma the report writes with (some use ASCII ",")
    genre: str = ""  # 法治政府建设年度报告, 政府工作报告 … ("" for English and unknown)
    signoff: str = ""  # the organ that signs the report (莲都区人民政府); "" where the genre has none
    title_year: int | None = None  # the year in the title and file names (2026年政府工作报告 reviews 2025)

    @property
    def input_slots(self) -> tuple[Slot, ...]:
        """The rows of the workbook: main targets first, then every figure in the order of the text."""
        rows = [s for s in self.slots if s.input]
        return tuple([s for s in rows if s.target] + [s for s in rows if not s.target])

    @property
    def stale_sentences(self) -> tuple[DraftSentence, ...]:
        return tuple(s for b in self.blocks for s in b.sentences if s.stale)

    @property
    def changeable(self) -> frozenset[str]:
        """Slots whose change the draft can write when the drafter ticks 写变化."""
        return frozenset(
            p.slot or ""
            for b in self.blocks
            for s in b.sentences
            for p in s.pieces
            if p.kind is PieceKind.ADDED_CHANGE
        )

    @property
    def targets(self) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.input and s.target)

    def slot(self, slot_id: str) -> Slot:
        return self._slot_index()[slot_id]

    def _slot_index(self) -> Mapping[str, Slot]:
        return {s.id: s for s in self.slots}

    def to_json(self) -> str:
        return json.dumps(converter().unstructure(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> DraftReport:
        return converter().structure(json.loads(data), cls)

    def digest(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


@attrs.frozen
class FilledValue:
    slot: str
    cell: str  # where it was read, e.g. 数据填报!E5
    value: Decimal | None  # None: not filled (only with allow_missing)
    responsible: str = ""
    note: str = ""
    write_change: bool = False  # the drafter ticked 写变化: write 较上年… after the figure
    met: str = ""  # for a main target: the drop-down answer (完成 / 未完成)


@attrs.frozen
class Progress:
    item: str
    cell: str
    status: ProgressStatus | None = None
    done: str = ""
    evidence: str = ""


@attrs.frozen
class FilledWorkbook:
    """What ``read_workbook`` found: the draft it was made for and every value, validated."""

    path: str
    draft: DraftReport
    values: tuple[FilledValue, ...]
    progress: tuple[Progress, ...]
    missing: tuple[str, ...] = ()  # cells left empty (allowed only with allow_missing)

    def value_of(self, slot_id: str) -> Decimal | None:
        return next((v.value for v in self.values if v.slot == slot_id), None)

    def as_dict(self) -> dict[str, Any]:
        return {v.slot: v.value for v in self.values}
