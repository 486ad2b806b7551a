"""What a comparison of two years returns: small frozen records tagged with enums.

Old spans index ``ReportDiff.old.text``; new spans and outcomes index ``ReportDiff.new.text``.
Renderers (reportkit.render) read these and nothing else.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from .. import lang
from .._io import json_text
from ..model import Commitment, Metric, Report, Section, Sentence, converter


class Tag(enum.StrEnum):
    """How an element of last year's report relates to this year's."""

    SAME = "same"
    EDITED = "edited"
    RENAMED = "renamed"  # sections: title changed, content mostly kept
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


class MetricStatus(enum.StrEnum):
    UP = "up"
    DOWN = "down"
    UNCHANGED = "unchanged"
    NOT_COMPARABLE = "not_comparable"  # same indicator, different unit or scope
    DROPPED = "dropped"  # reported last year, silent this year
    NEW = "new"


class FollowStatus(enum.StrEnum):
    MET = "met"
    MISSED = "missed"
    ADDRESSED = "addressed"  # evidence found, no number to judge
    NOT_FOUND = "not_found"


@attrs.frozen
class Scores:
    """Change measures in [0, 1] (1 = identical), after Lazy Prices (Cohen, Malloy, Nguyen)."""

    cosine: float
    jaccard: float
    edit: float  # normalised Indel similarity
    reuse: float  # share of this year's text found in last year's


@attrs.frozen
class TextOp:
    """One step of an inline redline: ``equal``, ``insert``, ``delete`` or ``replace``."""

    op: str
    old: str
    new: str


@attrs.frozen
class SectionPair:
    tag: Tag
    old: Section | None
    new: Section | None
    similarity: float
    scores: Scores | None = None


@attrs.frozen
class SentencePair:
    tag: Tag
    old: Sentence | None
    new: Sentence | None
    similarity: float
    ops: tuple[TextOp, ...] = ()


@attrs.frozen
class Reason:
    """One thing a pair's confidence rests on, as a code and its arguments (``Reason("same_unit", ("次",))``);
    each renderer words it from the message catalogue of the report's language (reportkit/lang/*/messages.toml)."""

    code: str
    args: tuple[str, ...] = ()


@attrs.frozen
class Note:
    """One thing the comparison says about a finding, as a code and its arguments
    (``Note("qualifiers_differ", ("approx", "exact"))``, ``Note("parts_found", ("1", "2"))``); each renderer words
    it from the message catalogue of the report's language (reportkit/lang/*/messages.toml, ``[notes]``), and the
    JSON keeps the codes beside the English wording."""

    code: str
    args: tuple[str, ...] = ()


@attrs.frozen
class MetricPair:
    status: MetricStatus
    old: Metric | None
    new: Metric | None
    similarity: float = 0.0
    delta: Decimal | None = None  # new − old, in the metric's unit
    pct_change: Decimal | None = None  # (new − old) / old × 100
    notes: tuple[Note, ...] = ()  # why it is not comparable, or how to read the change (qualifiers, points)
    confidence: float = 0.0  # how sure the pairing is, in [0, 1]; headline lists show those ≥ 0.75
    reasons: tuple[Reason, ...] = ()  # what the confidence rests on, and any doubt (comparison/pair_confidence.py)


@attrs.frozen
class StatedChange:
    """A change the new report states (较去年同期下降27.4%), checked against the old report."""

    start: int
    end: int
    change: Metric  # the change metric in NEW
    metric: Metric | None  # the metric in NEW it describes (53件)
    prior: Metric | None  # that indicator in OLD, when found
    consistent: bool | None  # None when last year's value is unknown
    implied_prior: Decimal | None  # what the stated change implies last year's value was
    actual_change: Decimal | None = None  # the change computed from OLD and NEW
    notes: tuple[Note, ...] = ()  # why it cannot be checked, when that is known (growth in real terms)


@attrs.frozen
class FollowThrough:
    """One of last year's commitments followed into this year's report."""

    commitment: Commitment  # in OLD
    status: FollowStatus
    evidence: tuple[Sentence, ...] = ()  # in NEW
    outcome: Metric | None = None  # in NEW
    met: bool | None = None
    similarity: float = 0.0
    notes: tuple[Note, ...] = ()  # how it was judged (the target and its outcome, stated in words, parts found)


class WarningKind(enum.StrEnum):
    """What makes a comparison doubtful before anything is compared (comparison/warnings.py)."""

    ORGANISATIONS_DIFFER = "organisations_differ"  # 莲都区 against 玉环市
    YEARS_REVERSED = "years_reversed"  # this year's report given as last year's
    YEARS_NOT_CONSECUTIVE = "years_not_consecutive"  # 2021 against 2023
    SAME_YEAR = "same_year"  # two reports about one year
    SAME_TEXT = "same_text"  # the same file (or the same text) twice


@attrs.frozen
class DiffWarning:
    """One warning about the pair compared: ``old`` and ``new`` are what was found on each side."""

    kind: WarningKind
    old: str
    new: str
    message: str


def note_text(notes: tuple[Note, ...], language: str = "en") -> str:
    """Notes in words of ``language`` (lang/<language>/messages.toml), joined by ``; ``: the ``note`` of the JSON
    and of the corpus tables. A code the catalogue lacks shows as the code and its arguments."""
    return "; ".join(lang.message(language, "notes", n.code, n.args) or " ".join((n.code, *n.args)) for n in notes)


@attrs.frozen
class ReportDiff:
    old: Report
    new: Report
    sections: tuple[SectionPair, ...] = ()
    sentences: tuple[SentencePair, ...] = ()
    metrics: tuple[MetricPair, ...] = ()
    stated_changes: tuple[StatedChange, ...] = ()
    commitments: tuple[FollowThrough, ...] = ()
    scores: Scores | None = None
    warnings: tuple[DiffWarning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape read by ``../shared/tools/score_diff.py``; the two reports appear by meta only."""
        conv = converter()
        out: dict[str, Any] = {
            "old": {"meta": conv.unstructure(self.old.meta)},
            "new": {"meta": conv.unstructure(self.new.meta)},
        }
        for f in attrs.fields(ReportDiff):
            if f.name not in ("old", "new"):
                out[f.name] = conv.unstructure(getattr(self, f.name))
        for name in ("metrics", "stated_changes", "commitments"):  # the notes in words too, for a reader
            for record, entry in zip(getattr(self, name), out[name], strict=True):
                entry["note"] = note_text(record.notes)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text: one line per entry of each list, or indented at every level with ``indent``."""
        return json_text(self.to_dict(), indent=indent)
