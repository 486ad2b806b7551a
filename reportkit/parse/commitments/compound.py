"""A compound promise is several promises: ``继续落实领导干部学法制度和领导班子成员旁听法院庭审制度`` names two, each
to be followed on its own (``Commitment.parts``).

A commitment opens with a work verb (lang/zh/promises.toml ``compound_verb``: adverbs, then 落实, 推进, …); its
words after the verb are cut at the joining words (``compound_join``: 和, 及, 以及, 与, 、). When every side is long
enough to be a thing of its own (``compound_min_part`` characters; a shorter one is a word of a name, 权责清单), each
side is a part: its text is the shared verb then the side, its span the side's own characters in the report.
"""

from __future__ import annotations

from ... import lang
from ...model import CommitmentPart

__all__ = ["compound_parts"]


def compound_parts(text: str, start: int = 0) -> tuple[CommitmentPart, ...]:
    """The promises a compound names, each with the verb in front; ``()`` when ``text`` is one promise.

    ``start`` is where ``text`` begins in the report, so each part's span is the report's."""
    verb = lang.pattern("zh", "promises", "compound_verb").match(text)
    if verb is None:
        return ()
    joins = lang.pattern("zh", "promises", "compound_join")
    cuts = [(m.start(), m.end()) for m in joins.finditer(text, verb.end())]
    if not cuts:
        return ()
    bounds = [verb.end(), *(e for _, e in cuts)]
    ends = [*(s for s, _ in cuts), len(text)]
    sides = list(zip(bounds, ends, strict=True))
    shortest = int(lang.data("zh", "promises")["compound_min_part"])
    if any(e - s < shortest for s, e in sides):
        return ()
    return tuple(CommitmentPart(text=verb.group() + text[s:e], start=start + s, end=start + e) for s, e in sides)
