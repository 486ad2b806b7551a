"""Strategy: a target said in words to be done or not (钢铁…淘汰…如期完成, 涨幅未达年初预期), when no figure of
this year is its outcome: MET / MISSED when a review sentence naming the indicator says it was done (完成, 实现)
or not (未能实现)."""

from __future__ import annotations

from ... import lang
from ...model import Commitment
from ..records import FollowStatus, FollowThrough, Note
from .context import Context, _Sentences
from .outcomes import _object
from .text import _bigram_share, _squeeze

__all__ = ["stated_in_words"]



def stated_in_words(c: Commitment, ctx: Context) -> FollowThrough | None:
    """A numeric target's verdict in words; None when no sentence naming its indicator says one.

    ``named``: how much of the indicator each review sentence holds, where it is not 0.
    """
    if c.target is None:
        return None
    k = ctx.index(c)
    indicator, named, sents, ev_idx = ctx.indicator(k), ctx.named(k), ctx.sents, ctx.evidence_of(k)
    named_cutoff, named_bigrams = ctx.options.named_cutoff, ctx.options.named_bigrams
    # no number: a sentence that names the indicator may still say it was done or not
    thing = _object(indicator)
    # the indicator's characters in order, and mostly side by side: 新建学校 is not named by 新能源…建设…学校
    naming_it = {x for x, v in named.items() if v >= named_cutoff
                 and _bigram_share(indicator, _squeeze(sents[x].text)) >= named_bigrams
                 } if len(indicator) >= 4 else set()
    verb = indicator[: len(indicator) - len(thing)]
    if len(thing) >= 3:
        naming_it.update(_naming(thing, sents))
    elif len(thing) == 2 and verb:
        # two characters (钢铁, 学校) name too many things: the sentence must say the deed as well
        # (淘汰钢铁 → 钢铁、水泥等…淘汰落后产能…完成, but 新建学校 is not 学校食堂…培训完成)
        naming_it.update(x for x in _naming(thing, sents) if verb in sents[x].text)
    for x in sorted(naming_it):
        said = _explicit(sents[x].text)
        if said is not None:
            ev = (sents[x],) + tuple(sents[i] for i in ev_idx if i != x)
            status = FollowStatus.MET if said else FollowStatus.MISSED
            return FollowThrough(c, status, ev, None, said, round(float(named.get(x, 0.0)), 4),
                                 (Note("stated_in_words"),))
    return None


def _naming(thing: str, sents: _Sentences) -> list[int]:
    """The sentences that name ``thing``: as written, or its own part with its general noun after it."""
    # a thing named by what it is and a general noun (钢铁产能): a review may say the second once for all
    m = lang.pattern("zh", "indicators", "general_tail").match(thing)
    if m is None:
        return [x for x in sents.maybe_holding(thing) if thing in sents[x].text]
    own, general = m.groups()
    return [x for x in sents.maybe_holding(thing, own)
            if thing in sents[x].text or _named_apart(sents[x].text, own, general)]


def _named_apart(text: str, own: str, general: str) -> bool:
    """``own`` and, later in the same clause, ``general``: 钢铁、煤炭年度去产能任务 names 钢铁产能."""
    at = text.find(own)
    if at < 0:
        return False
    end = lang.pattern("zh", "followthrough", "clause_end").search(text, at)
    return general in text[at + len(own) : end.start() if end else len(text)]


def _explicit(sentence: str) -> bool | None:
    if lang.pattern("zh", "followthrough", "missed").search(sentence):
        return False
    if lang.pattern("zh", "followthrough", "done").search(sentence):
        return True
    return None
