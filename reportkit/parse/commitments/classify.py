"""What kind of commitment a clause is, what it is about, and whether it can be measured.

gold/README.md "Commitments": ``principle`` (以…为引领/为抓手, 坚持…, 践行…思想),
``goal`` (an outcome verb with an abstract object: 提升/提高/增强/降低/实现/避免/为…提供,
or a number to reach with no action verb), otherwise ``action``. A clause is measurable
when it has a numeric target or commits to a direction on a named statistical
indicator (…率, …量, …满意度); generic 水平/效能/质量/效率 are not indicators.
"""

from __future__ import annotations

import functools
import re

import attrs

from ... import lang
from ...model import CommitmentType, Direction
from .split import action_verbs, strip_adverbs

__all__ = ["Classification", "classify", "theme_of"]



def _re(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/commitments.toml, compiled on first use."""
    return lang.pattern("zh", "commitments", key)


def _up_verbs() -> tuple[str, ...]:
    return lang.words_for("zh", "directions", "up", "goal")


def _down_verbs() -> tuple[str, ...]:
    return lang.words_for("zh", "directions", "down", "goal")


@functools.cache
def _goal_verbs() -> tuple[str, ...]:
    """Outcome verbs (lang/zh/directions.toml up, down: those read for goals; lang/zh/commitments.toml goal_verbs)."""
    return _up_verbs() + _down_verbs() + lang.words("zh", "commitments", "goal_verbs")


@functools.cache
def _goal_re() -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(_goal_verbs()) + ")")


def _text(key: str) -> str:
    return str(lang.data("zh", "commitments")[key])


_THEME_MAX = 16


@attrs.frozen
class Classification:
    type: CommitmentType
    theme: str
    measurable: bool
    indicator: str | None = None
    direction: Direction | None = None


@functools.cache
def _head_verb() -> re.Pattern[str]:
    return re.compile("|".join(sorted(_goal_verbs() + action_verbs(), key=len, reverse=True)))


def _object_of(clause: str) -> tuple[str, str]:
    """(verb, object): the clause's head verb after adverbs, and what follows it."""
    rest, _ = strip_adverbs(clause)
    return _object_after(rest)


def _object_after(rest: str) -> tuple[str, str]:
    """``_object_of`` of a clause whose adverbs are already stripped."""
    m = _head_verb().match(rest)
    if m is None:
        return "", rest
    obj = rest[m.end() :]
    dropped = obj.startswith(lang.words("zh", "commitments", "object_drop")) and len(obj) > 3  # 实施好…
    return m.group(), obj[1:] if dropped else obj


_ENGLISH_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def theme_of(clause: str) -> str:
    """A short noun phrase: the object of the clause, quotes and 的 dropped.

    English: the bold lead of a bullet, else its first words.
    """
    return _theme(clause, None)


def _theme(clause: str, obj_of_clause: str | None) -> str:
    """``theme_of``; ``obj_of_clause`` is ``_object_of(clause)[1]`` when the caller has it already."""
    if not _CJK.search(clause):
        bold = _ENGLISH_BOLD.search(clause)
        words = (bold.group(1) if bold else clause).split()
        return " ".join(words[:6]).strip(".,:;")
    stripped = clause.strip()
    clause = stripped
    if clause.startswith(lang.words("zh", "commitments", "frame_openers")) or _text("frame_join") in clause:
        frame = _re("principle_frame")
        clause = frame.sub("", frame.sub("", clause))
    if obj_of_clause is not None and clause is stripped:
        obj = obj_of_clause  # no frame was cut: the object is the one the caller found
    else:
        _verb, obj = _object_of(clause.strip())
    if _re("provide").match(obj or clause):
        obj = obj or clause
    theme = _re("theme_drop").sub("", obj).strip(_text("theme_strip"))
    return (theme or clause)[:_THEME_MAX]


def _indicator(obj: str) -> str | None:
    if not _re("indicator_end").search(obj):  # a character every indicator match ends with
        return None  # the lazy _INDICATOR would try every start to the end of the clause for nothing
    found = [m.group() for m in _re("indicator").finditer(obj.replace(_text("indicator_drop"), ""))]
    found = [f.lstrip(_text("indicator_lead")) for f in found]
    found = [f for f in found if len(f) >= 3 and not _re("generic_end").search(f)]
    return "; ".join(found) if found else None


def classify(clause: str, *, has_target: bool, direction: Direction | None = None) -> Classification:
    text = clause.strip()
    rest, _ = strip_adverbs(text)
    verb, obj = _object_after(rest)
    theme = _theme(text, obj)
    if _re("principle").match(rest) or _re("principle").match(text):  # every branch is anchored at ^: match is search
        return Classification(CommitmentType.PRINCIPLE, theme, has_target, direction=direction if has_target else None)
    goal = (bool(_goal_re().match(rest)) or bool(_re("provide").match(rest))
            or (has_target and verb not in action_verbs()))
    ctype = CommitmentType.GOAL if goal else CommitmentType.ACTION
    indicator: str | None = None
    if goal and verb:
        indicator = _indicator(obj)
        if indicator is not None and direction is None:
            direction = Direction.DOWN if verb in _down_verbs() else Direction.UP if verb in _up_verbs() else None
            if direction is None:
                indicator = None
    measurable = has_target or indicator is not None
    return Classification(ctype, theme, measurable, indicator, direction if measurable else None)
