"""What in a plan is no promise (lang/zh/promises.toml): context sentences, descriptions, forecasts, attitudes and
purpose clauses. A clause holding a target is a promise whatever its words; these rules judge the others.
"""

from __future__ import annotations

from ... import lang

__all__ = ["is_context", "is_no_promise"]

_SPACE = " \t\u3000"


def is_context(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence that says what the year is or how the world stands (今年是…之年, 从国际看…), a closing call
    (让我们…), conditional rhetoric (只要…) or why the targets are what they are."""
    start = sentence[0]
    while start < sentence[1] and text[start] in _SPACE:
        start += 1
    return lang.union("promises", "context_sentences", ("zh",)).match(text, start, sentence[1]) is not None


def is_no_promise(text: str, clause: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """A clause that describes (编制了…), forecasts (必将…), aspires (为…作出新的更大贡献), states an attitude
    (咬定青山不放松) or, after another clause of its sentence, names that work's purpose (…，让美丽江苏建设行稳致远)."""
    words = text[clause[0] : clause[1]]
    if lang.union("promises", "not_promise_clauses", ("zh",)).search(words) is not None:
        return True
    head = sentence[0]
    while head < sentence[1] and text[head] in _SPACE:
        head += 1
    return clause[0] > head and lang.union("promises", "purpose_clauses", ("zh",)).match(words) is not None
