"""Strategy: a target listed with others in one plan sentence, covered by a review sentence that names a sibling
said in words to be done and closes its list with 等: the list stands for the plan's whole list.

淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱 → 钢铁、水泥等15个重点行业…任务如期完成 covers 平板玻璃.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ... import lang
from ...model import Commitment, Report
from ..align import sentences_of
from ..records import FollowThrough, Note
from .context import Context
from .outcomes import _object, target_indicator

__all__ = ["covered_by_list"]



def covered_by_list(c: Commitment, ctx: Context) -> FollowThrough | None:
    """A target whose sibling was said in words to be done, in a list the review closes with 等."""
    if c.target is None:
        return None
    return ctx.once(_covered).get(ctx.index(c))


def _covered(ctx: Context) -> dict[int, FollowThrough]:
    return _covered_by_list(ctx.old, ctx.commits, list(ctx.numeric), ctx.decided, ctx.options.indicator_min)


def _covered_by_list(
    old: Report,
    commits: Sequence[Commitment],
    numeric: Sequence[int],
    found: dict[int, FollowThrough],
    indicator_min: int,
) -> dict[int, FollowThrough]:
    """Targets listed with one said in words to be done, where that sentence closes its list (with 等).

    淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱 → 钢铁、水泥等15个重点行业…任务如期完成: the 等 covers
    平板玻璃 too.  Only a verdict in words is carried over, never a number.
    """

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    starts = [s.start for s in sentences_of(old)]
    same_sentence: dict[int, list[int]] = {}  # the targets of one sentence, in order: only they can be siblings
    for j in numeric:
        sibling = commits[j].target
        if sibling is not None:
            same_sentence.setdefault(sentence_of(sibling.start), []).append(j)
    out: dict[int, FollowThrough] = {}
    for k in numeric:
        if k in found:
            continue
        target = commits[k].target
        assert target is not None
        for j in same_sentence.get(sentence_of(target.start), []):
            done = found.get(j)
            sibling = commits[j].target
            if (
                done is None
                or done.outcome is not None
                or done.met is None
                or not done.evidence
                or sibling is None
            ):
                continue
            if sentence_of(sibling.start) != sentence_of(target.start):
                continue
            words = done.evidence[0].text
            thing = _object(target_indicator(old, commits[j], indicator_min))
            at = words.find(thing) if len(thing) >= 2 else -1
            reach = words[at : at + len(thing) + int(lang.data("zh", "followthrough")["list_reach"])]
            if at >= 0 and any(end in reach for end in lang.words("zh", "followthrough", "list_ends")):
                out[k] = FollowThrough(
                    commits[k],
                    done.status,
                    done.evidence[:1],
                    None,
                    done.met,
                    done.similarity,
                    (Note("covered_by_deng"),),
                )
                break
    return out
