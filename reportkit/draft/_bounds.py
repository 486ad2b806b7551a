"""What makes a draft unusable: too big, a piece naming no slot, a figure out of range.

``draft`` checks the draft it made; ``fill`` checks the one a workbook carries (its digest is no signature).
"""

from __future__ import annotations

from decimal import Decimal

from ..limits import Limits
from ._records import DraftReport, PieceKind

# Excel keeps 15 significant digits; no report states a figure of a thousand trillion.
MAX_VALUE = Decimal(10) ** 15


def draft_problem(draft: DraftReport, limits: Limits) -> str:
    """What makes a draft unusable (too big, a piece naming no slot, a figure out of range), or ""."""
    size = len(draft.to_json())
    if size > limits.max_chars:
        return f"{size} characters of draft, over the limit of {limits.max_chars} (Limits.max_chars)"
    if len(draft.blocks) > limits.max_draft_blocks:
        return f"{len(draft.blocks)} blocks, over the limit of {limits.max_draft_blocks} (Limits.max_draft_blocks)"
    for name, n in (("slots", len(draft.slots)), ("checklist items", len(draft.checklist))):
        if n > limits.max_draft_slots:
            return f"{n} {name}, over the limit of {limits.max_draft_slots} (Limits.max_draft_slots)"
    ids = [s.id for s in draft.slots]
    if len(set(ids)) != len(ids) or len({c.id for c in draft.checklist}) != len(draft.checklist):
        return "two rows share an id"
    known = set(ids)
    for slot in draft.slots:
        if slot.base is not None and slot.base not in known:
            return f"slot {slot.id} refers to slot {slot.base!r}, which the draft does not have"
        if not slot.last_value.is_finite() or abs(slot.last_value) >= MAX_VALUE:
            return f"slot {slot.id} has last year's value {slot.last_value}, out of range"
    for block in draft.blocks:
        for sentence in block.sentences:
            for piece in sentence.pieces:
                if piece.kind is not PieceKind.TEXT and piece.slot not in known:
                    return f"the text refers to slot {piece.slot!r}, which the draft does not have"
    return ""
