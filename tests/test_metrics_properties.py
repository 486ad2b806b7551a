"""Properties of metric extraction that hold for any text (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.model import Report, ReportMeta
from reportkit.parse.metrics.extract import extract_metrics

# Text built from the pieces metrics are made of, so that examples hit the interesting paths.
_PIECES = st.sampled_from(
    [
        "1789", "97.68", "2,000", "０９", "6.5", "－", "-", "至", "%", "％", "万", "亿", "余", "多", "以上", "左右",
        "以内", "项", "件", "个", "个百分点", "名", "元", "年", "月", "日", "第", "约", "近", "超", "至少", "力争",
        "较去年同期", "下降", "增长", "前移", "位", "“", "”", "、", "，", ",", "。", "\n", " ", "一", "二", "两", "三",
        "十", "百", "千", "〇", "零", "四统一", "分之", "一半", "街道", "1/3", "€", "$", "k", "EUR", " grants",
        "2022", "〔2021〕23号", "该", "统一", "号", "S", "+",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=200))


def _extract(text: str) -> Report:
    report = Report(meta=ReportMeta(), text=text)
    return attrs.evolve(report, metrics=extract_metrics(report))


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_any_text_gives_metrics_with_exact_spans_and_finite_values(text: str) -> None:
    report = _extract(text)
    previous_start = -1
    for m in report.metrics:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert isinstance(m.value, Decimal) and m.value.is_finite()
        assert m.value_high is None or (m.value_high.is_finite() and m.value_high > m.value)
        assert m.start >= previous_start
        previous_start = m.start
    assert [m.id for m in report.metrics] == [f"m{i:03d}" for i in range(1, len(report.metrics) + 1)]
    ids = {m.id for m in report.metrics}
    assert all(m.refers_to in ids for m in report.metrics if m.refers_to)
    assert all(m.same_fact_as in ids for m in report.metrics if m.same_fact_as)


@settings(max_examples=60, deadline=None)
@given(_TEXTS)
def test_metrics_round_trip_through_json_exactly(text: str) -> None:
    report = _extract(text)
    again = Report.from_json(report.to_json())
    assert again.metrics == report.metrics
    assert [str(m.value) for m in again.metrics] == [str(m.value) for m in report.metrics]


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_extraction_is_deterministic(text: str) -> None:
    assert extract_metrics(Report(meta=ReportMeta(), text=text)) == extract_metrics(
        Report(meta=ReportMeta(), text=text)
    )
