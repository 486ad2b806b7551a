"""What kind of commitment a clause is, what it is about, and whether it can be measured.

gold/README.md "Commitments": ``principle`` (以…为引领/为抓手, 坚持…, 践行…思想),
``goal`` (an outcome verb with an abstract object: 提升/提高/增强/降低/实现/避免/为…提供,
or a number to reach with no action verb), otherwise ``action``. A clause is measurable
when it has a numeric target or commits to a direction on a named statistical
indicator (…率, …量, …满意度); generic 水平/效能/质量/效率 are not indicators.
"""

from __future__ import annotations

import re

import attrs

from ..model import CommitmentType, Direction
from .commit_split import ACTION_VERBS, strip_adverbs

__all__ = ["Classification", "classify", "theme_of"]

_PRINCIPLE = re.compile(
    r"^(?:始终|一直)?坚持|^以.+为(?:引领|抓手|指导|主线|重点|核心|统领|牵引|导向|根本|目标|载体|依托|突破口|着力点|支撑)"
    r"|^(?:笃学|学习|深入学习|认真学习)?(?:践行|贯彻|贯彻落实|学习贯彻).*(?:思想|精神|理念|方针)$|^高举|^牢固树立|^树牢"
)
_UP_VERBS = ("提升", "提高", "增强", "增加", "扩大", "增长", "加快", "改善", "保持", "稳定")
_DOWN_VERBS = ("降低", "减少", "下降", "压减", "压缩", "控制", "遏制")
_GOAL_VERBS = _UP_VERBS + _DOWN_VERBS + ("实现", "避免", "确保", "达到", "力争", "推动形成", "形成", "让", "使")
_GOAL_RE = re.compile("^(?:" + "|".join(_GOAL_VERBS) + ")")
_PROVIDE = re.compile(r"^为.+(?:提供|作出|营造|奠定|贡献)")
_INDICATOR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”\"]*?(?:率|量|满意度|获得感|幸福感|安全感|指数|比重|占比|人数)")
_GENERIC_END = re.compile(r"(?:质量|效率|力量|能量|数量|容量|分量)$")
_THEME_DROP = re.compile(r"[（(][^）)]*[）)]|[“”\"《》‘’]|的|工作$|力度$|行动$")
_THEME_MAX = 16


@attrs.frozen
class Classification:
    type: CommitmentType
    theme: str
    measurable: bool
    indicator: str | None = None
    direction: Direction | None = None


_HEAD_VERB = re.compile("|".join(sorted(_GOAL_VERBS + ACTION_VERBS, key=len, reverse=True)))


def _object_of(clause: str) -> tuple[str, str]:
    """(verb, object): the clause's head verb after adverbs, and what follows it."""
    rest, _ = strip_adverbs(clause)
    return _object_after(rest)


def _object_after(rest: str) -> tuple[str, str]:
    """``_object_of`` of a clause whose adverbs are already stripped."""
    m = _HEAD_VERB.match(rest)
    if m is None:
        return "", rest
    obj = rest[m.end() :]
    return m.group(), obj[1:] if obj.startswith(("好", "足")) and len(obj) > 3 else obj  # 实施好…


_PRINCIPLE_FRAME = re.compile(r"^(?:始终|一直)?坚持|^以|为(?:引领|抓手|指导|主线|重点|核心|统领|牵引|导向|根本|目标|载体|依托|突破口|着力点|支撑)$")
_ENGLISH_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CJK = re.compile("[\u4e00-\u9fff]")
# what a _PRINCIPLE_FRAME match needs: a clause with neither is left as it is
_FRAME_OPENERS = ("始终", "一直", "坚持", "以")


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
    if clause.startswith(_FRAME_OPENERS) or "为" in clause:
        clause = _PRINCIPLE_FRAME.sub("", _PRINCIPLE_FRAME.sub("", clause))
    if obj_of_clause is not None and clause is stripped:
        obj = obj_of_clause  # no frame was cut: the object is the one the caller found
    else:
        _verb, obj = _object_of(clause.strip())
    if _PROVIDE.match(obj or clause):
        obj = obj or clause
    theme = _THEME_DROP.sub("", obj).strip(" 等")
    return (theme or clause)[:_THEME_MAX]


# a character every _INDICATOR match ends with (率 量 满意度 …感 指数 比重 占比 人数)
_INDICATOR_END = re.compile("[率量度感数重比]")


def _indicator(obj: str) -> str | None:
    if not _INDICATOR_END.search(obj):
        return None  # the lazy _INDICATOR would try every start to the end of the clause for nothing
    found = [m.group() for m in _INDICATOR.finditer(obj.replace("的", ""))]
    found = [f.lstrip("和及与、") for f in found]
    found = [f for f in found if len(f) >= 3 and not _GENERIC_END.search(f)]
    return "; ".join(found) if found else None


def classify(clause: str, *, has_target: bool, direction: Direction | None = None) -> Classification:
    text = clause.strip()
    rest, _ = strip_adverbs(text)
    verb, obj = _object_after(rest)
    theme = _theme(text, obj)
    if _PRINCIPLE.match(rest) or _PRINCIPLE.match(text):  # every branch is anchored at ^: match is search
        return Classification(CommitmentType.PRINCIPLE, theme, has_target, direction=direction if has_target else None)
    goal = bool(_GOAL_RE.match(rest)) or bool(_PROVIDE.match(rest)) or (has_target and verb not in ACTION_VERBS)
    ctype = CommitmentType.GOAL if goal else CommitmentType.ACTION
    indicator: str | None = None
    if goal and verb:
        indicator = _indicator(obj)
        if indicator is not None and direction is None:
            direction = Direction.DOWN if verb in _DOWN_VERBS else Direction.UP if verb in _UP_VERBS else None
            if direction is None:
                indicator = None
    measurable = has_target or indicator is not None
    return Classification(ctype, theme, measurable, indicator, direction if measurable else None)
