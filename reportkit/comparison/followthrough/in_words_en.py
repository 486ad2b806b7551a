"""Strategy for English reports: a target said in words to be missed or met (``we did not reach our target``,
``Donations exceeded our expectations``) when no figure of this year is its outcome: MISSED / MET when a review
sentence names the indicator's words and says so (lang/en/targets.toml ``missed_in_words``, ``met_in_words``)."""

from __future__ import annotations

import re

from ... import lang
from ...model import Commitment
from ..records import FollowStatus, FollowThrough, Note
from .context import Context

__all__ = ["stated_in_english"]

_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
NAMED_WORDS = 0.5  # share of the indicator's words a sentence must hold to name it


def _words(text: str) -> set[str]:
    stop = set(lang.words("en", "targets", "indicator_stopwords"))
    return {w.lower() for w in _WORD.findall(text)} - stop


def said_in_english(sentence: str) -> bool | None:
    """False when the sentence says a target was missed, True when met, None when it says neither."""
    if lang.union("targets", "missed_in_words", ("en",), re.IGNORECASE).search(sentence):
        return False
    if lang.union("targets", "met_in_words", ("en",), re.IGNORECASE).search(sentence):
        return True
    return None


def stated_in_english(c: Commitment, ctx: Context) -> FollowThrough | None:
    """An English numeric target's verdict in words; None when no review sentence naming its indicator says one."""
    if not ctx.english or c.target is None:
        return None
    own = _words(c.indicator or c.target.label or "")
    if not own:
        return None
    for s in ctx.sents:
        shared = own & _words(s.text)
        if len(shared) < max(1.0, NAMED_WORDS * len(own)):
            continue
        said = said_in_english(s.text)
        if said is not None:
            status = FollowStatus.MET if said else FollowStatus.MISSED
            share = round(len(shared) / len(own), 4)
            return FollowThrough(c, status, (s,), None, said, share, (Note("stated_in_words"),))
    return None
