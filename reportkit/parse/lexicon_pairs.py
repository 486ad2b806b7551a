"""Word lists that say what kind of figure a number is, for pairing figures across two years.

Data, not code: each entry is ``(pattern, example)``, the example a phrase the pattern is written for
(tests/test_pair_confidence.py checks that every pattern matches its own example). The lists are read by
reportkit.comparison.pair_confidence; they move to ``reportkit/lang/zh/pairs.toml`` once that folder is on main.

* ``PERIOD_OPENINGS`` open a paragraph (or heading) about several years: what follows, until a paragraph
  opens on one year, is a five-year review or a five-year plan.
* ``YEAR_OPENINGS`` open a paragraph about one year, ending such a stretch.
* ``PERIOD_CLAUSE`` make a figure a several-year figure wherever it stands (年均增长5.7%).
* ``FLOW`` make a figure what happened in its period (新增就业121.7万人: a flow).
* ``STOCK`` make it a level or running total at the period's end (累计16地, 总数186家, 增至3022家).
* ``ACTIVITY`` make a figure inside a five-year review a five-year total rather than the level reached.
* ``NOT_AN_INDICATOR`` mark numbers that name something rather than measure it (十一届七次全会, 二轮).
"""

from __future__ import annotations

__all__ = [
    "ACTIVITY",
    "FLOW",
    "NOT_AN_INDICATOR",
    "PERIOD_CLAUSE",
    "PERIOD_OPENINGS",
    "RESPECTIVE_HEADS",
    "STAGES",
    "STOCK",
    "YEAR_OPENINGS",
]

_PLAN = r"[“\"]?十[一二三四五六]五[”\"]?"  # “十四五”, 十三五

PERIOD_OPENINGS: tuple[tuple[str, str], ...] = (
    (r"过去的?五年", "过去的五年极不寻常"),
    (r"这五年|五年来|五年间|近五年", "——这五年，综合实力大幅跃升"),
    (r"的五年", "“十四五”时期是江苏发展历程中极不平凡的五年"),
    (r"经过五年", "经过五年接续奋斗"),
    (r"今后五年|未来五年", "今后五年的发展目标"),
    (_PLAN + r"(?:时期|期间)", "二、“十五五”时期主要目标任务"),
    (r"回望" + _PLAN + r"|回顾" + _PLAN, "透过2025回望“十四五”"),
)

YEAR_OPENINGS: tuple[tuple[str, str], ...] = (
    (r"(?:刚刚)?过去的?一年", "刚刚过去的一年"),
    (r"一年来", "一年来，我们全面正确履行政府职能"),
    (r"刚刚过去的\d{4}年", "刚刚过去的2025年很不平凡"),
    (r"^\D{0,8}\d{4}年", "三、2026年重点工作"),
    (r"今年|明年", "今年是“十五五”开局之年"),
)

PERIOD_CLAUSE: tuple[tuple[str, str], ...] = (
    (r"年均|平均每年|每年平均", "地区生产总值年均增长5.7%"),
    (r"(?:比|较|与)(?:“?十[一二三四五]五”?末|20[0-2]\d年)", "死亡人数比2020年下降65.3%"),
    (r"五年累计|累计\d+年", "五年累计新增就业603.7万人"),
)

FLOW: tuple[tuple[str, str], ...] = (
    (r"新增|净增", "新增与江西省上饶市广丰区等5地签订"),
    (
        r"新(?:建|开工|设|获批|认定|培育|引进|筹集|改造|创|签约|落地|招引|发展|登记|注册|办|上市|入选|吸纳|转移)",
        "新开工老旧小区改造1114个",
    ),
)

STOCK: tuple[tuple[str, str], ...] = (
    (r"累计|总数|总量|总计|总规模|共有|拥有|保有量|余额|存量", "累计与16地签订“跨省通办”合作协议"),
    (r"(?:增|升|提高|提升|增加|扩大|达)(?:至|到)", "国家级专精特新“小巨人”企业增至3022家"),
)

# Inside a five-year review a figure with one of these is what was done over the five years (新建改造高标准农田
# 3167万亩); one without is the level reached (生产总值6.66万亿元, 经营主体1160.5万户).
ACTIVITY: tuple[tuple[str, str], ...] = (
    (r"建成|建设|新建|实施|完成|改造|治理|推出|培育|引进|创建|开工|筹集|带动|吸引|举办|开展", "建成宜居宜业和美乡村3000多个"),
    (r"培训|认定|获批|出台|制定|修订|落地|签约|解决|帮助|救助|打造|办理|累计|新增|净增|新设", "累计推出259项制度创新成果"),
    (r"增长#倍|提高#倍|翻番", "科技型企业贷款余额增长4.5倍"),
    (r"关停|淘汰|压减|化解|造林|植树|搬迁|安置|减少|降低|下降|节约", "关停小火电机组7210万千瓦"),
)

# Two stages of one kind of work are two figures: what was started is not what was finished (老旧小区改造开工742个
# against 老旧小区改造完工1225个).
STAGES: tuple[tuple[str, str], ...] = (
    (r"开工|启动|开建", "老旧小区改造开工742个"),
    (r"完工|竣工|建成|投运|投产|交付", "老旧小区改造完工1225个"),
)

NOT_AN_INDICATOR: tuple[tuple[str, str], ...] = (
    # the clause around the figure, the figure written as ``#`` and its unit: 省委十一届#次全会
    (r"届#次|#次(?:全会|全体会议)", "按照省委十一届七次全会部署"),
    (r"#轮(?:土地|承包)", "高质量推进二轮土地承包到期延包整省试点"),
    (r"延长#年", "第二轮土地承包到期后再延长30年"),
    (r"(?:工程|水道|项目|线)#期", "抓好淮河入海水道二期工程"),
    (r"#个方面", "重点做好十个方面工作"),
    (r"#位数", "制造业投资保持两位数增长"),
    (r"连续[^#]{1,4}年(?:稳定|保持)在?#", "粮食产量连续9年稳定在1300亿斤以上"),
)

# 工业战略性新兴产业、高新技术产业产值占规上工业比重分别达42.1%、52.1%: the names listed before 分别 share what
# follows the last one's own name. A shared part starts at one of these words (产值占规上工业比重), and a name that
# already ends in one (规上工业增加值、规上服务业营收) shares nothing.
RESPECTIVE_HEADS: tuple[tuple[str, str], ...] = (
    (r"常住居民|居民|人均", "城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%"),
    (r"产值|营收|营业收入|增加值|零售额|贷款|存款|投资|数量|人次|领域|比重|占比", "制造业、普惠小微贷款余额分别增长10.7%、13.3%"),
    (r"产量|吞吐量|合格率|面积|规模|人数|起数", "原煤、原油、天然气产量分别增长3.1%、2.4%、6.2%"),
)
