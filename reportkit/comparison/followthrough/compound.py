"""A compound promise is several promises: ``继续落实领导干部学法制度和领导班子成员旁听法院庭审制度`` is kept when
next year's report says ``继续落实领导干部学法制度``, though it never names the second half.

``parts`` splits a commitment's words at 和 / 及 / 以及 / 与 / 、 where each side is long enough to be a thing of its
own and shares the verb in front. Strategy ``by_parts``: each part of a commitment that no other strategy found
is looked up in next year's review; when some part is, the commitment is ADDRESSED, its note saying how many
(``1 of 2 parts found``).
"""

from __future__ import annotations

import attrs

from ... import lang
from ...model import Commitment
from ..records import FollowStatus, FollowThrough, Note
from .context import Context
from .text import _containment, _squeeze

__all__ = ["by_parts", "parts"]

_MIN_PART = 4  # a side of fewer characters is a word of a name (权责清单), not a thing of its own


def parts(text: str) -> list[str]:
    """The promises a compound names, each with the verb in front: [] when ``text`` is one promise."""
    verb = lang.pattern("zh", "promises", "compound_verb").match(text)
    if verb is None:
        return []
    body = text[verb.end() :]
    sides = lang.pattern("zh", "promises", "compound_join").split(body)
    if len(sides) < 2 or any(len(s) < _MIN_PART for s in sides):
        return []
    return [verb.group(0) + s for s in sides]


def by_parts(c: Commitment, ctx: Context) -> FollowThrough | None:
    """A compound promise (no target) that no other strategy found, ADDRESSED when some of its parts are found."""
    if ctx.english or c.target is not None:
        return None
    return ctx.once(_by_parts).get(ctx.index(c))


def _by_parts(ctx: Context) -> dict[int, FollowThrough]:
    """Each compound no strategy has decided, looked for part by part (the parts are scored against the review
    sentences as the commitments were)."""
    cutoff, sents = ctx.options.evidence_cutoff, ctx.sents
    todo = [(k, ps) for k, c in enumerate(ctx.commits) if k not in ctx.decided and c.target is None
            and (ps := parts(c.text))]
    if not todo or not sents:
        return {}
    flat = [p for _, ps in todo for p in ps]
    scores = _containment([_squeeze(n) for n in flat], ctx.hay, cutoff, min_shared=ctx.options.evidence_bigrams)
    out: dict[int, FollowThrough] = {}
    row = 0
    for k, ps in todo:
        best: list[tuple[int, float]] = []  # (sentence, score) of each part's best sentence
        for r in range(row, row + len(ps)):
            found = scores.row(r)
            if found:
                col = max(found, key=lambda c: (found[c], -c))  # the best, the first of equals
                best.append((col, float(found[col])))
        row += len(ps)
        hit = [col for col, score in best if score >= cutoff]
        if hit:
            evidence = tuple(sents[i] for i in dict.fromkeys(hit))
            not_found = FollowThrough(ctx.commits[k], FollowStatus.NOT_FOUND, (), None, None, ctx.sims[k])
            out[k] = attrs.evolve(not_found, status=FollowStatus.ADDRESSED, evidence=evidence,
                                  similarity=round(max(score for _, score in best), 4),
                                  notes=(Note("parts_found", (str(len(hit)), str(len(ps)))),))
    return out
