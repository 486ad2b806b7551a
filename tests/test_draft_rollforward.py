"""Rolling a report forward: years move, structure stays, metrics become slots, the plan a checklist.

The reports here are built by hand (``make_report``), so these tests do not depend on the parser.
Other draft tests import ``make_report`` and ``make_english_report`` from this module.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.draft import BlockKind, PieceKind, roll_forward
from reportkit.draft._text import carries_numbers, int_to_chinese, roll_years, write_number
from reportkit.errors import UsageError
from reportkit.model import (
    Commitment,
    Metric,
    MetricKind,
    Part,
    PartKind,
    Qualifier,
    Report,
    ReportMeta,
    Section,
    Sentence,
)

ZH_TEXT = (
    "2022年,某区政府坚持依法行政,法治政府建设取得积极成效。现将有关情况报告如下: "
    "一、推进法治政府建设的主要举措和成效 "
    "(一)全面履行政府职能。一是持续提升政务服务水平。全区共计1789项政务服务事项进驻浙江政务服务网。"
    "“一网通办”办件率达97.68%,与11地签订合作协议。二是化解行政争议。"
    "全区新发行政诉讼案件53件,较去年同期下降27.4%。开展普法活动2000余场,覆盖全区40万余名群众。"
    "严重失信名单主体数量排名全市第二。以《法治政府建设实施纲要(2021-2025年)》为主线,2022年以来成效明显。 "
    "二、2023年工作思路 (一)持续深化法治政府建设。持续开展行政争议实质性化解,努力提升法治建设群众满意度。 "
    "(二)进一步加强法治力量建设。力争每个乡镇至少具有1 名法学本科以上学历工作人员。 |"
)


def _find(text: str, needle: str, after: int = 0) -> int:
    i = text.find(needle, after)
    assert i >= 0, needle
    return i


def _sections(text: str, spec: list[tuple[str, str, int, str]]) -> tuple[Section, ...]:
    """Build the section tree from (marker, title, level, path), in document order."""
    flat: list[tuple[int, int, str, str, int, str]] = []
    pos = 0
    for marker, title, level, path in spec:
        start = _find(text, marker + title, pos)
        flat.append((start, start + len(marker) + len(title), marker, title, level, path))
        pos = start + 1

    def build(i: int) -> tuple[Section, int]:
        start, tend, marker, title, level, path = flat[i]
        j = i + 1
        children = []
        while j < len(flat) and flat[j][4] > level:
            child, j = build(j)
            children.append(child)
        end = flat[j][0] if j < len(flat) else len(text)
        return Section(level, marker, title, start, end, start + len(marker), tend, path, tuple(children)), j

    out, i = [], 0
    while i < len(flat):
        sec, i = build(i)
        out.append(sec)
    return tuple(out)


def _metric(
    text: str,
    mid: str,
    surface: str,
    value: str,
    unit: str,
    *,
    after: int = 0,
    kind: MetricKind = MetricKind.COUNT,
    qualifier: Qualifier = Qualifier.EXACT,
    label: str = "",
    numeral: str = "arabic",
    refers_to: str | None = None,
    is_target: bool = False,
) -> Metric:
    start = _find(text, surface, after)
    return Metric(
        id=mid,
        text=surface,
        start=start,
        end=start + len(surface),
        value=Decimal(value),
        unit=unit,
        qualifier=qualifier,
        kind=kind,
        label=label,
        numeral=numeral,
        refers_to=refers_to,
        is_target=is_target,
    )


def _sentences(text: str, start: int) -> tuple[Sentence, ...]:
    out, cur = [], start
    for i, ch in enumerate(text):
        if i >= start and ch == "。":
            out.append(Sentence(cur, i + 1, text[cur : i + 1]))
            cur = i + 1
            while cur < len(text) and text[cur] == " ":
                cur += 1
    return tuple(out)


def make_report(text: str = ZH_TEXT) -> Report:
    plan = _find(text, "二、2023年工作思路")
    problems = len(text)
    metrics = (
        _metric(text, "m1", "1789项", "1789", "项", label="政务服务事项进驻数"),
        _metric(text, "m2", "97.68%", "97.68", "%", kind=MetricKind.RATE, label="一网通办办件率"),
        _metric(text, "m3", "11地", "11", "地"),
        _metric(text, "m4", "53件", "53", "件", label="新发行政诉讼案件数"),
        _metric(text, "m5", "27.4%", "27.4", "%", kind=MetricKind.CHANGE, refers_to="m4"),
        _metric(text, "m6", "2000余场", "2000", "场", qualifier=Qualifier.APPROX_OVER, label="普法活动场次"),
        _metric(text, "m7", "40万余名", "400000", "名", qualifier=Qualifier.APPROX_OVER, label="覆盖群众"),
        _metric(text, "m8", "第二", "2", "名", kind=MetricKind.RANK, numeral="chinese", label="失信主体排名"),
        _metric(text, "m9", "1 名", "1", "名", qualifier=Qualifier.AT_LEAST, is_target=True),
    )
    commitments = tuple(
        Commitment(id=f"c{i}", text=t, start=_find(text, t), end=_find(text, t) + len(t), section=path)
        for i, (t, path) in enumerate(
            [
                ("持续开展行政争议实质性化解", "二/(一)"),
                ("努力提升法治建设群众满意度", "二/(一)"),
                ("力争每个乡镇至少具有1 名法学本科以上学历工作人员", "二/(二)"),
            ],
            1,
        )
    )
    sections = _sections(
        text,
        [
            ("一、", "推进法治政府建设的主要举措和成效", 1, "一"),
            ("(一)", "全面履行政府职能", 2, "一/(一)"),
            ("一是", "持续提升政务服务水平", 3, "一/(一)/一是"),
            ("二是", "化解行政争议", 3, "一/(一)/二是"),
            ("二、", "2023年工作思路", 1, "二"),
            ("(一)", "持续深化法治政府建设", 2, "二/(一)"),
            ("(二)", "进一步加强法治力量建设", 2, "二/(二)"),
        ],
    )
    parts = (
        Part(PartKind.PREAMBLE, 0, sections[0].start),
        Part(PartKind.REVIEW, sections[0].start, plan),
        Part(PartKind.PLAN, plan, problems, heading="二"),
    )
    return Report(
        meta=ReportMeta(
            title="某区2022年法治政府建设年度报告",
            organisation="某区人民政府",
            year=2022,
            plan_year=2023,
            language="zh",
        ),
        text=text,
        sections=sections,
        parts=parts,
        sentences=_sentences(text, 0),
        metrics=metrics,
        commitments=commitments,
    )


EN_TEXT = (
    "# 2023 Annual report and 2024 plans\n\n"
    "## 2023 report\n\n"
    "In 2023, the FPA received donations of just over **€100,000**. The FPA spent approximately €26,000 in 2023.\n\n"
    "* We held 2 meetings, see [the blog](https://blog.freecad.org/2023/05/24/x/).\n\n"
    "## Plans for 2024\n\n"
    "We will launch a new grants program in 2024.\n"
)


def make_english_report(text: str = EN_TEXT) -> Report:
    sections = _sections(
        text,
        [
            ("# ", "2023 Annual report and 2024 plans", 1, "1"),
            ("## ", "2023 report", 2, "1/1"),
            ("## ", "Plans for 2024", 2, "1/2"),
        ],
    )
    plan = _find(text, "## Plans for 2024")
    metrics = (
        _metric(
            text,
            "m1",
            "€100,000",
            "100000",
            "€",
            kind=MetricKind.MONEY,
            qualifier=Qualifier.APPROX_OVER,
            label="donations received",
        ),
        _metric(
            text,
            "m2",
            "€26,000",
            "26000",
            "€",
            kind=MetricKind.MONEY,
            qualifier=Qualifier.APPROX,
            label="money spent",
        ),
        _metric(text, "m3", "2 meetings", "2", "meetings", label="in-person meetings"),
    )
    commitments = (
        Commitment(
            id="c1",
            text="We will launch a new grants program in 2024",
            start=_find(text, "We will"),
            end=_find(text, "We will") + 43,
            section="1/2",
        ),
    )
    parts = (Part(PartKind.REVIEW, _find(text, "## 2023 report"), plan), Part(PartKind.PLAN, plan, len(text)))
    return Report(
        meta=ReportMeta(
            title="2023 Annual report and 2024 plans",
            organisation="FreeCAD project association",
            year=2023,
            plan_year=2024,
            language="en",
            source_format="markdown",
        ),
        text=text,
        sections=sections,
        parts=parts,
        metrics=metrics,
        commitments=commitments,
    )


# -- years ------------------------------------------------------------------------------
def test_report_and_plan_years_move_on_by_one_in_a_single_pass() -> None:
    assert roll_years("2022年成效;2023年工作思路", {2022: 2023, 2023: 2024}) == "2023年成效;2024年工作思路"


@pytest.mark.parametrize(
    "text",
    [
        "《法治政府建设实施纲要(2021-2025年)》",
        "《2022年工作要点》",
        "2022-2023年",
        "2022—2023",
        "https://blog.freecad.org/2022/05/24/",
        "成文日期 2022-02-01",
        "2022_09_27.md",
        "20223件",
    ],
)
def test_ranges_titles_links_and_longer_numbers_do_not_move(text: str) -> None:
    assert roll_years(text, {2022: 2023}) == text


def test_other_years_stay_as_written() -> None:
    assert roll_years("2021年以来,2022年", {2022: 2023}) == "2021年以来,2023年"


def test_numbers_that_are_not_years_or_dates_are_what_makes_a_sentence_stale() -> None:
    assert carries_numbers("与11地签订协议")
    assert not carries_numbers("2023年11月,成功创成示范市")
    assert not carries_numbers("以《纲要(2021-2025年)》为主线")


def test_chinese_numerals_are_written_as_reports_write_them() -> None:
    assert [int_to_chinese(n) for n in (2, 10, 12, 20, 105, 1000)] == [
        "二",
        "十",
        "十二",
        "二十",
        "一百零五",
        "一千",
    ]
    assert write_number(Decimal(1234567), "100,000", "arabic") == "1,234,567"
    assert write_number(Decimal("99.80"), "99.82", "arabic") == "99.8"


# -- the draft --------------------------------------------------------------------------------
def test_the_draft_is_for_the_next_year_with_the_plan_heading_rolled() -> None:
    d = roll_forward(make_report())
    assert (d.year, d.plan_year) == (2023, 2024)
    assert d.title == "某区2023年法治政府建设年度报告"
    headings = [b.heading for b in d.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["一、推进法治政府建设的主要举措和成效", "二、2024年工作思路"]
    text = "".join(b.heading + b.text for b in d.blocks)
    assert text.startswith("2023年,某区政府坚持依法行政")
    assert "《法治政府建设实施纲要(2021-2025年)》为主线,2023年以来" in text
    assert "|" not in text


def test_every_review_metric_gets_a_slot_and_plan_targets_stay_as_written() -> None:
    d = roll_forward(make_report())
    inputs = {s.label: s for s in d.input_slots}
    assert set(inputs) == {
        "政务服务事项进驻数",
        "一网通办办件率",
        "与11地签订合作协议",
        "新发行政诉讼案件数",
        "普法活动场次",
        "覆盖群众",
        "失信主体排名",
    }
    assert inputs["覆盖群众"].last_value == 40 and inputs["覆盖群众"].unit == "万名"
    assert inputs["失信主体排名"].numeral == "chinese"
    plan_text = "".join(b.text for b in d.blocks if b.part is PartKind.PLAN)
    assert "至少具有1 名法学本科" in plan_text
    assert not any(s.last_text == "1 名" for s in d.slots)


def test_a_stated_change_becomes_a_computed_slot_tied_to_its_base() -> None:
    d = roll_forward(make_report())
    change = next(s for s in d.slots if s.kind is MetricKind.CHANGE)
    base = d.slot(change.base or "")
    assert not change.input and base.last_text == "53件"
    pieces = [p for b in d.blocks for s in b.sentences for p in s.pieces if p.kind is PieceKind.CHANGE]
    assert [(p.text, p.direction_word) for p in pieces] == [("下降27.4%", "下降")]


def test_a_lone_exact_count_gets_a_change_phrase_at_its_clause_end() -> None:
    d = roll_forward(make_report())
    sentence = next(s for b in d.blocks for s in b.sentences if "1789项" in s.text)
    kinds = [p.kind for p in sentence.pieces]
    assert kinds[-2:] == [PieceKind.ADDED_CHANGE, PieceKind.TEXT] and sentence.pieces[-1].text == "。"
    # 53件 has a stated change already: no second one is added.
    s53 = next(s for b in d.blocks for s in b.sentences if "53件" in s.text)
    assert PieceKind.ADDED_CHANGE not in [p.kind for p in s53.pieces]


def test_sentences_left_with_numbers_outside_slots_are_flagged_stale() -> None:
    report = make_report()
    report = Report(
        meta=report.meta,
        text=report.text,
        sections=report.sections,
        parts=report.parts,
        sentences=report.sentences,
        metrics=tuple(m for m in report.metrics if m.id != "m3"),
        commitments=report.commitments,
    )
    stale = [s.text for s in roll_forward(report).stale_sentences]
    assert stale == ["“一网通办”办件率达97.68%,与11地签订合作协议。"]
    assert not roll_forward(make_report()).stale_sentences


def test_the_plan_commitments_become_the_checklist() -> None:
    d = roll_forward(make_report())
    assert [c.text for c in d.checklist] == [
        "持续开展行政争议实质性化解",
        "努力提升法治建设群众满意度",
        "力争每个乡镇至少具有1 名法学本科以上学历工作人员",
    ]
    assert d.checklist[0].section.startswith("(一)")


def test_the_draft_round_trips_through_json() -> None:
    d = roll_forward(make_report())
    from reportkit.draft import DraftReport

    assert DraftReport.from_json(d.to_json()) == d


def test_an_english_markdown_report_rolls_to_next_year_without_markup() -> None:
    d = roll_forward(make_english_report())
    assert d.title == "2024 Annual report and 2025 plans"
    headings = [b.heading for b in d.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["2024 report", "Plans for 2025"]
    text = "\n".join(b.text for b in d.blocks)
    assert "**" not in text and "](" not in text and "the blog" in text
    assert "We will launch a new grants program in 2025." in text
    assert [b.kind for b in d.blocks].count(BlockKind.BULLET) == 1


def test_roll_forward_refuses_what_is_not_a_report() -> None:
    with pytest.raises(UsageError, match="expects a Report"):
        roll_forward("2022年报告")  # type: ignore[arg-type]


def test_the_draft_covers_the_body_text_exactly_when_no_year_moves() -> None:
    report = make_report()
    report = attrs.evolve(report, meta=attrs.evolve(report.meta, year=None, plan_year=None))
    d = roll_forward(report)
    drafted = "".join(b.heading + "".join(p.text for s in b.sentences for p in s.pieces) for b in d.blocks)
    assert "".join(drafted.split()) == "".join(report.text.replace("|", "").split())


@given(st.text(alphabet="2023年至-《》0123456789 ,。abc/", max_size=40))
def test_rolling_years_only_ever_changes_report_year_tokens(text: str) -> None:
    rolled = roll_years(text, {2022: 2023})
    assert len(rolled) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, rolled, strict=True)) if a != b]
    years = [range(i, i + 4) for i in range(len(text)) if text.startswith("2022", i)]
    assert all(any(i in r for r in years) for i in changed)
