"""Strategies of last resort: a commitment whose words stand in this year's review is ADDRESSED (the sentences
that hold most of it are its evidence: an LCS containment, ``LCS(commitment, sentence) / len(commitment)``);
one that no strategy found is NOT_FOUND."""

from __future__ import annotations

from ...model import Commitment
from ..records import FollowStatus, FollowThrough
from .context import Context

__all__ = ["addressed", "not_found"]


def addressed(c: Commitment, ctx: Context) -> FollowThrough | None:
    k = ctx.index(c)
    if k not in ctx.top:
        return None
    ev = tuple(ctx.sents[x] for x in ctx.top[k])
    return FollowThrough(c, FollowStatus.ADDRESSED, ev, None, None, ctx.sims[k])


def not_found(c: Commitment, ctx: Context) -> FollowThrough:
    return FollowThrough(c, FollowStatus.NOT_FOUND, (), None, None, ctx.sims[ctx.index(c)])
