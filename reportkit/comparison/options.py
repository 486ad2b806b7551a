"""The thresholds of a comparison, in one frozen record: ``compare(old, new, options=CompareOptions(...))``.

The defaults are the values the dev scores were tuned with (benchmarks/dev_scores.py); docs/api.md lists each
option with its meaning. Values are checked here, where the public API receives them, and a value out of its
range raises :class:`~reportkit.errors.UsageError` naming the option.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..errors import UsageError

__all__ = ["DEFAULT_OPTIONS", "CompareOptions"]

_INF = math.inf


def _range(low: float, high: float, *, integer: bool = False) -> dict[str, Any]:
    return {"range": (low, high), "integer": integer}


def _option(default: Any, low: float, high: float, *, integer: bool = False) -> Any:
    """A field whose value must lie in ``[low, high]``."""
    return attrs.field(default=default, metadata=_range(low, high, integer=integer))


def _to_decimal(value: Any) -> Any:
    """Any number, or a string of one, as a Decimal (a float by its shortest repr: 0.05 is 0.05)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return value  # __attrs_post_init__ says what was expected
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return value


@attrs.frozen(kw_only=True)
class CompareOptions:
    """Every threshold of :func:`reportkit.compare`; see docs/api.md ("Comparison options") for each one."""

    # sentences and sections
    sentence_cutoff: float = _option(0.5, 0, 1)  # two sentences pair at or above this similarity
    section_title_cutoff: float = _option(0.65, 0, 1)  # a title this alike (years taken out) may pair two sections
    section_content_cutoff: float = _option(0.35, 0, 1)  # so may this share of their text carried by sentence pairs
    # metric pairs
    pair_cutoff: float = _option(0.62, 0, 1)  # below this two indicators are different things (tuned on gold/fazhi)
    not_comparable_cutoff: float = _option(0.8, 0, 1)  # a pair across units must look like one indicator beyond doubt
    min_confidence: float = _option(0.0, 0, 1)  # a metric pair less confident than this is not kept
    doubtful_confidence: float = _option(0.6, 0, 1)  # the most a doubtful pair is trusted (a start level, 3× apart)
    incompatible_penalty: float = _option(0.3, 0, 1)  # taken off a candidate whose frames, measures or stages differ
    doubt_penalty: float = _option(0.1, 0, 1)  # taken off a candidate of levels three to ten times apart
    # stated changes
    stated_hedge: float = _option(0.05, 0, 1)  # slack on a stated change's implied prior (rounding of 约, 左右)
    # follow-through
    evidence_cutoff: float = _option(0.7, 0, 1)  # share of a commitment a review sentence holds to be its evidence
    evidence_bigrams: int = _option(2, 0, _INF, integer=True)  # bigrams a Chinese commitment must share with it
    named_cutoff: float = _option(0.9, 0, 1)  # share of an indicator a sentence holds, in order, to name it
    named_bigrams: float = _option(0.5, 0, 1)  # share of its bigrams that sentence must hold side by side
    outcome_cutoff: float = _option(0.75, 0, 1)  # how well a review figure must name a target's indicator
    support_cutoff: float = _option(0.7, 0, 1)  # share of the indicator's bigrams found near that figure
    directed_support: float = _option(0.6, 0, 1)  # share of a promised direction's indicator in a moving figure
    level_spread: Decimal = attrs.field(  # a level outcome within 1/x … x times its target is the same quantity
        default=Decimal(3), converter=_to_decimal, metadata=_range(1, _INF)
    )
    growth_spread: Decimal = attrs.field(  # a growth outcome within 1/x … x times
        default=Decimal(10), converter=_to_decimal, metadata=_range(1, _INF)
    )
    tolerance: Decimal = attrs.field(  # 左右: relative slack on the unfavourable side
        default=Decimal("0.05"), converter=_to_decimal, metadata=_range(0, 1)
    )
    indicator_min: int = _option(2, 1, _INF, integer=True)  # characters an indicator needs to be told from noise

    def __attrs_post_init__(self) -> None:
        for f in attrs.fields(CompareOptions):
            value = getattr(self, f.name)
            low, high = f.metadata["range"]
            if not _in_range(value, low, high, integer=f.metadata["integer"]):
                kind = "a whole number" if f.metadata["integer"] else "a number"
                span = f"from {low:g} to {high:g}" if high != _INF else f"of at least {low:g}"
                raise UsageError(f"compare option {f.name} must be {kind} {span} (got {value!r})")


def _in_range(value: Any, low: float, high: float, *, integer: bool) -> bool:
    if isinstance(value, bool) or not isinstance(value, int if integer else (int, float, Decimal)):
        return False
    if isinstance(value, Decimal) and not value.is_finite() or isinstance(value, float) and math.isnan(value):
        return False
    return bool(low <= value <= high)


DEFAULT_OPTIONS = CompareOptions()
