"""The report model: immutable records with exact spans into the source text.

Every element (section, sentence, metric, commitment, problem) carries ``start``
and ``end``: 0-based, end-exclusive offsets into ``Report.text``, so that
``report.text[e.start:e.end]`` is the element's exact surface (for sections the
span runs from the marker to the end of the section's content).

This module imports nothing else of reportkit's.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:  # cattrs loads when something is first written or read as JSON, not with the model
    import cattrs

from ._io import json_text

__all__ = [
    "Commitment",
    "CommitmentType",
    "Direction",
    "Furniture",
    "Metric",
    "MetricKind",
    "Part",
    "PartKind",
    "Problem",
    "Qualifier",
    "Report",
    "ReportMeta",
    "Section",
    "Sentence",
]


class Qualifier(enum.StrEnum):
    """How a number is hedged by the words around it."""

    EXACT = "exact"
    APPROX = "approx"  # 约 近 左右
    APPROX_OVER = "approx_over"  # 余 多 超 以上 (after a count)
    AT_LEAST = "at_least"  # 至少 不少于 不低于
    AT_MOST = "at_most"  # 以内 以下 不超过
    RANGE = "range"  # 6.5%－7%
    TARGET = "target"  # no modifier, but governed by 力争/确保/目标


class MetricKind(enum.StrEnum):
    COUNT = "count"
    RATE = "rate"
    MONEY = "money"
    CHANGE = "change"
    DURATION = "duration"
    RANK = "rank"


class Direction(enum.StrEnum):
    UP = "up"
    DOWN = "down"
    NEUTRAL = "neutral"


class CommitmentType(enum.StrEnum):
    ACTION = "action"
    GOAL = "goal"
    PRINCIPLE = "principle"


class PartKind(enum.StrEnum):
    """The parts every annual report has, whatever its numbering."""

    PREAMBLE = "preamble"
    REVIEW = "review"
    PROBLEMS = "problems"
    PLAN = "plan"
    OTHER = "other"


@attrs.frozen
class Section:
    """A numbered (or Markdown) heading and everything under it.

    ``level`` is the depth in the tree (1 at the top), whatever the marker;
    ``marker`` is the numbering as written (``一、`` ``（一）`` ``1.`` ``一是`` ``##``).
    """

    level: int
    marker: str
    title: str
    start: int
    end: int
    title_start: int
    title_end: int
    path: str
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class Part:
    """A functional part of the report: preamble, review, problems, plan."""

    kind: PartKind
    start: int
    end: int
    heading: str | None = None  # path of the section that opens it, if any


@attrs.frozen
class Furniture:
    """A stretch of the page that is not the report: a menu line, 来源, 相关报道, a page jump, a licence."""

    start: int
    end: int
    kind: str  # "menu", "label", "page_jump", "licence"


@attrs.frozen
class Sentence:
    start: int
    end: int
    text: str
    section: str = ""  # path of the deepest section holding it ("" outside any)


@attrs.frozen
class Metric:
    """A quantitative fact: a number with its unit, as written in the text.

    ``value`` has 万/亿 multiplied out (``40万余名`` → 400000, unit ``名``); the unit
    as written is kept in ``surface_unit`` when it differs (``万元``).
    """

    id: str
    text: str
    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    kind: MetricKind = MetricKind.COUNT
    label: str = ""
    section: str = ""
    value_high: Decimal | None = None  # upper end of a range
    surface_unit: str | None = None
    qualifier_word: str | None = None  # 约 近 超 至少 … standing before the number
    numeral: str = "arabic"  # or "chinese"
    is_target: bool = False
    direction: Direction | None = None  # for changes (and targets: which side meets)
    baseline: str | None = None  # 去年同期, 上年 …
    refers_to: str | None = None  # id of the metric a stated change describes
    same_fact_as: str | None = None
    sentence: int | None = None  # index into Report.sentences
    # what the figure is about (parse/metrics/frames.py): "year", "period" (五年来, 年均, 累计 …), "start" / "end"
    # (从A增加到B; a level stated as current in a five-year review), "other_year" (a table's other column),
    # "per_period" (an English target per month, quarter, week or day: €2,000 per quarter)
    frame: str | None = None
    measure: str | None = None  # "flow" (新增5地), "stock" (累计16地) or "other"
    # the clause holding the figure, as offsets into Report.text: bounded by ，。；：！？ (and their ASCII twins) or a
    # line end (lang/zh/punctuation.toml figure_clause_breaks); computed once in parse, read by comparison
    clause_start: int | None = None
    clause_end: int | None = None

    @property
    def key(self) -> str:
        """A stable matching key: the label and unit with whitespace and width folded."""
        return fold(self.label) + "|" + self.unit


@attrs.frozen
class CommitmentPart:
    """One promise of a compound commitment (``继续落实A和B`` → ``继续落实A``, ``继续落实B``).

    ``text`` is the part as it would be written alone: the verb the parts share, then the part's own words;
    ``start``/``end`` span the part's own words in the report (the verb is the commitment's)."""

    text: str
    start: int
    end: int


@attrs.frozen
class Commitment:
    """A clause of the plan part: what the organisation says it will do.

    ``parts``: the promises of a compound (``继续落实领导干部学法制度和领导班子成员旁听法院庭审制度``), each
    followed on its own; ``()`` when the commitment is one promise."""

    id: str
    text: str
    start: int
    end: int
    type: CommitmentType = CommitmentType.ACTION
    theme: str = ""
    section: str = ""
    target: Metric | None = None
    governing_verb: str | None = None
    measurable: bool = False
    indicator: str | None = None
    direction: Direction | None = None
    stretch: bool = False  # a stretch target beside another (5.5%以上、力争达到6%): the same indicator, raised
    parts: tuple[CommitmentPart, ...] = ()
    # a ceiling (控制在3%左右, 涨幅, 失业率, 赤字率): met at or below the target, not above; computed by the parser
    ceiling: bool = False


@attrs.frozen
class Problem:
    """A clause of the problems paragraph, framing phrases left out."""

    id: str
    text: str
    start: int
    end: int
    type: str = "specific"  # or "general"
    aspects: tuple[str, ...] = ()


@attrs.frozen
class ReportMeta:
    """What the report is: who, which year, when published.

    ``sources`` says where each field came from: ``table`` (the page's metadata
    table), ``front_matter``, ``title``, ``text`` (first sentence), ``filename``.
    """

    title: str | None = None
    organisation: str | None = None
    genre: str | None = None  # an id of lang/<language>/genres.toml: gongzuo, fazhi, xinxi, annual-en; "other"
    speaker: str | None = None  # a speech's speaker as the delivery line names them (省人民政府省长 王清宪)
    year: int | None = None
    plan_year: int | None = None
    issuer: str | None = None
    date: _dt.date | None = None
    index_number: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    language: str = "zh"
    sources: Mapping[str, str] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class Report:
    meta: ReportMeta
    text: str
    sections: tuple[Section, ...] = ()
    parts: tuple[Part, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    metrics: tuple[Metric, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    problems: tuple[Problem, ...] = ()
    furniture: tuple[Furniture, ...] = ()  # page lines kept in text but not read as the report
    body_start: int = 0  # the report proper (a speech: from 各位代表： to its closing paragraph)
    body_end: int | None = None  # None: to the end of the text

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        for s in self.sections:
            yield from s.walk()

    def part(self, kind: PartKind) -> Part | None:
        return next((p for p in self.parts if p.kind is kind), None)

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span holds ``offset``."""
        found: Section | None = None
        nodes = self.sections
        while True:
            inner = next((s for s in nodes if s.start <= offset < s.end), None)
            if inner is None:
                return found
            found, nodes = inner, inner.children

    def surface(self, element: Any) -> str:
        return self.text[element.start : element.end]

    # JSON -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return converter().unstructure(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return converter().structure(dict(data), cls)

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text: one line per entry of each list, or indented at every level with ``indent``."""
        return json_text(self.to_dict(), indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes | Mapping[str, Any]) -> Report:
        if isinstance(data, (str, bytes)):
            data = json.loads(data)
        return cls.from_dict(data)  # type: ignore[arg-type]


_FOLD = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "}
)


def fold(s: str) -> str:
    """Full-width to half-width, whitespace removed: for matching only, never for offsets."""
    return "".join(s.translate(_FOLD).split())


@cache
def converter() -> cattrs.Converter:
    """The cattrs converter used for JSON; other records (the diff) reuse it."""
    import cattrs

    conv = cattrs.Converter(omit_if_default=False)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _: Decimal(str(v)))
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, lambda v, _: _dt.date.fromisoformat(v))
    return conv
