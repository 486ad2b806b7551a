"""The model: frozen records, exact spans, a JSON round trip that loses nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pytest

from reportkit.model import (
    Commitment,
    CommitmentType,
    Direction,
    Metric,
    MetricKind,
    Part,
    PartKind,
    Problem,
    Qualifier,
    Report,
    ReportMeta,
    Section,
    Sentence,
    fold,
)

TEXT = "一、工作成效\n(一)办理案件402件,较去年同期下降27.4%。\n二、2023年工作思路\n力争办件率达到99%以上。"


def sample_report() -> Report:
    child = Section(2, "(一)", "办理案件402件,较去年同期下降27.4%", 7, 32, 10, 31, "一/(一)")
    sections = (
        Section(1, "一、", "工作成效", 0, 32, 2, 6, "一", (child,)),
        Section(1, "二、", "2023年工作思路", 33, len(TEXT), 35, 44, "二"),
    )
    m1 = Metric("m001", "402件", 14, 18, Decimal(402), "件", label="办理案件", section="一/(一)")
    m2 = Metric(
        "m002", "27.4%", 26, 31, Decimal("27.4"), "%", kind=MetricKind.CHANGE,
        direction=Direction.DOWN, baseline="去年同期", refers_to="m001",
    )
    target = Metric("m003", "99%以上", 52, 57, Decimal(99), "%", qualifier=Qualifier.APPROX_OVER,
                    kind=MetricKind.RATE, is_target=True)
    return Report(
        meta=ReportMeta(title="t", organisation="莲都区", year=2022, plan_year=2023,
                        date=datetime.date(2023, 2, 1), sources={"year": "text"}),
        text=TEXT,
        sections=sections,
        parts=(Part(PartKind.REVIEW, 0, 32, "一"), Part(PartKind.PLAN, 33, len(TEXT), "二")),
        sentences=(Sentence(10, 32, TEXT[10:32], "一/(一)"),),
        metrics=(m1, m2, target),
        commitments=(Commitment("c001", "力争办件率达到99%以上", 45, 57, CommitmentType.GOAL, target=target),),
        problems=(Problem("p001", "工作成效", 2, 6, aspects=("成效",)),),
    )


def test_sample_spans_are_exact_surfaces() -> None:
    r = sample_report()
    for e in r.metrics + r.commitments + r.sentences:
        assert r.text[e.start:e.end] == e.text
    assert all(r.text[s.start:].startswith(s.marker) for s in r.walk())


def test_json_round_trip_is_exact() -> None:
    r = sample_report()
    again = Report.from_json(r.to_json())
    assert again == r
    assert isinstance(again.metrics[0].value, Decimal)
    assert again.commitments[0].target == r.metrics[2]
    assert again.meta.date == datetime.date(2023, 2, 1)


def test_json_uses_the_documented_field_names() -> None:
    d = sample_report().to_dict()
    assert {"meta", "text", "sections", "metrics", "commitments", "problems"} <= set(d)
    assert {"level", "marker", "title", "start", "end", "children"} <= set(d["sections"][0])
    m = d["metrics"][1]
    assert m["value"] == "27.4" and m["kind"] == "change" and m["direction"] == "down" and m["refers_to"] == "m001"
    assert d["commitments"][0]["target"]["value"] == "99"


def test_records_are_frozen() -> None:
    r = sample_report()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.text = "x"  # type: ignore[misc]


def test_section_at_finds_the_deepest_section() -> None:
    r = sample_report()
    s = r.section_at(20)
    assert s is not None and s.path == "一/(一)"
    assert r.section_at(40) is not None and r.section_at(40).path == "二"  # type: ignore[union-attr]
    assert [s.path for s in r.walk()] == ["一", "一/(一)", "二"]
    assert r.part(PartKind.PLAN) == r.parts[1]


def test_fold_is_for_matching_only() -> None:
    assert fold("（一） １２３　ａ") == "(一)123a"
