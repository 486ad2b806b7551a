"""Labels: the short phrase that says what a number counts, taken from the clause around it.

The compare stage pairs metrics across years by label, so a label must not depend on
wording that drifts from year to year: time words (全年, 2022年), adverbs (共, 累计) and
the verb that introduces the number (达, 为, 完成) are stripped; what is left is the
noun phrase nearest the number. Deterministic, no dictionary beyond these short lists.
"""

from __future__ import annotations

import re

from ..text.numbers import PLACE_NOUNS

__all__ = ["change_label", "make_label"]

_MAX = 24
_OPENERS = re.compile(
    r"^(?:同时|其中|另外|此外|目前|截至目前|截至\S{0,8}?(?:底|末)|当前|现|并且|并|且|而|又|再|"
    r"全年|今年|去年|当年|年内|年度|上半年|下半年|年末|年底|年初|岁末|"
    r"(?:过去|今后|未来|近)?[一二三四五六七八九十两0-9]+年(?:来|以来|前|间)|(?:过去|今后|未来|近)[一二三四五六七八九十两]+年|\d{4}年(?:度|以来|来)?|[一二三四五六七八九十]+是|"
    r"全区|全县|全市|全省|全国|全镇|全乡|我区|我县|我市|我省|本区|本县|本市|"
    r"力争|确保|争取|力求|已经|已|共计|共|累计|合计|总计|先后|分别|均|都|还|也|再次|对|向|在|为|通过|将|把|"
    r"[0-9]+[.、．)]|[（(][一二三四五六七八九十0-9]+[）)])"
)
_CLOSERS = re.compile(
    r"(?:分别为|分别达|分别|累计达|共计|累计|合计|总计|达到|达|为|是|拥有|具有|有|共|了|已|计|约|近|超过|超|逾|突破|平均|拟按|拟|按|"
    r"(?:上升|提升|提高|增加|增长|下降|降低|减少|扩大|缩小|[降增升减])(?:到|至)|"
    r"至少|不少于|不低于|不超过|以上|其中|占|增至|降至|至|到|由|从|完成|实现|开展|进行|组织|办理|均|的|等|"
    r"扩大|增加|提高|提升|上升|突破|保持|稳定|控制|在|(?:从|由)(?:上年|去年|改革前)?的?)$"
)
# Whitespace, and years: a label must not change because the year did (2022年度重大行政决策事项目录).
_DROP = re.compile(r"[\s|]|[（(]?\d{4}\s*[-—–~至]\s*\d{4}\s*年?[）)]?|\d{4}年度?")
_AFTER_NOUN = re.compile(r"[\u4e00-\u9fff（）()“”A-Za-z]{1,14}")
_AFTER_STOP = re.compile(
    r"开展|进行|参与|实现|签订|完成|通过|提供|参加|办理|接受|获得|入选|覆盖|纳入|上线|列入|达|为|被|在|均|全部|已|共|并|的|和|及|与|等|第"
)
_CLASSIFIERS = frozenset(
    [
        "个",
        "家",
        "名",
        "人",
        "项",
        "件",
        "份",
        "条",
        "处",
        "所",
        "座",
        "台",
        "套",
        "批",
        "支",
        "位",
        "户",
        "张",
        "篇",
        "部",
        "种",
        "类",
        "场",
        "轮",
        "期",
        "卷",
        "笔",
        "例",
        "宗",
        "起",
        "次",
        "批次",
        "台次",
        "班次",
        "大类",
        "幅",
    ]
)


# After a rate or a span the next words are rarely what is counted (7%左右的速度, 三年淘汰…).
# A counted noun (14亿人口, 六部委) is its own label.
_NOT_NOUN_UNITS = frozenset(
    ["%", "‰", "fraction", "个百分点", "百分点", "年", "天", "月", "小时", "分钟", "工作日", *PLACE_NOUNS]
)


def _strip(phrase: str) -> str:
    # A label never starts inside a title: 《…实施方案》和3个配套办法 counts 配套办法, not the 方案.
    # 制发《执法监督通知书》11份 counts the title itself: only a title followed by more words is cut.
    cut = phrase.rfind("》")
    if 0 <= cut < len(phrase.rstrip()) - 1:
        phrase = re.sub(r"^[和及与、]", "", phrase[cut + 1 :])
    phrase = _DROP.sub("", phrase)
    for _ in range(6):
        new = _OPENERS.sub("", phrase)
        new = _CLOSERS.sub("", new)
        if new == phrase:
            break
        phrase = new
    return phrase.strip(" ，,、：:（(")


def _after_noun(text: str, end: int) -> str:
    """The noun right after a classifier: 15家[单位], 9份[重大行政合同]."""
    m = _AFTER_NOUN.match(text, end)
    if m is None:
        return ""
    noun = m.group(0)
    # 公共法律服务中心: a one-character stop word inside the first word is part of that word
    stop = _AFTER_STOP.search(noun, 2)
    return noun[: stop.start()] if stop else noun


_PARTNERS = re.compile(r"\s*(?:新增|累计|先后|已|共|还)?(?:与|同|跟)")
_JOINT_ACT = re.compile(r"[\u4e00-\u9fff“”《》\"]{2,20}")


def make_label(text: str, clause_start: int, number_start: int, end: int, unit: str) -> str:
    """What the number at ``number_start`` counts, from its clause (``clause_start``) and what follows it."""
    # The partners may be listed with 、, which starts a new clause: look back to the clause's punctuation.
    listed = clause_start
    if text[clause_start - 1 : clause_start] == "、":
        stop = max(text.rfind(c, max(0, clause_start - 80), clause_start) for c in "，。；：！？,;:!?\n")
        listed = stop + 1 if stop >= 0 else clause_start
    if _PARTNERS.match(text, listed, number_start):
        # 与叙永县、朝阳区等11地签订“跨省通办”合作协议: the partners are named as examples or not at all, so
        # what the figure counts is what was done with them (签订“跨省通办”合作协议), the same from year to year.
        act = _JOINT_ACT.match(text, end)
        if act is not None:
            return _DROP.sub("", act.group(0))[:_MAX]
    before = _strip(text[clause_start:number_start])
    # With nothing named before it (将2.8万亿元中央财政资金纳入…), the noun after the number is the label.
    noun_follows = unit in _CLASSIFIERS or (not before and unit not in _NOT_NOUN_UNITS)
    after = _after_noun(text, end) if noun_follows else ""
    after = after.removeprefix("的")
    if after and (not before or not before.endswith(after)):
        label = before + after if len(before) <= 8 else after if not before else before[-12:] + after
    else:
        label = before
    label = label or unit
    return label[-_MAX:]


_CHANGE_TAIL = re.compile(
    r"(?:(?:较|比|与)(?:去年同期|上年同期|去年|上年度|上年|上一年|上期|同期|改革前|\d{4}年(?:同期)?)|同比|环比|"
    r"分别|平均|实际|名义|再次|继续|要|将|了|增长|增加|提高|提升|上升|上涨|攀升|前移|前进|下降|降低|减少|压缩|缩短|"
    r"缩减|回落|下滑|后移|后退|增幅|涨幅|增速|升幅|降幅|跌幅|[增减降多少])+$"
)


def change_label(base: str, up: bool) -> str:
    """A stated change is named after what changed: 新发行政诉讼案件 → 新发行政诉讼案件降幅."""
    core = _CHANGE_TAIL.sub("", base) or base
    return f"{core}{'增幅' if up else '降幅'}"
