"""hop_finditer (try a pattern only where its match can begin) finds exactly what finditer finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.parse.metrics import english as metric_english
from reportkit.parse.metrics import scan as metric_scan
from reportkit.parse.metrics.scan import hop_finditer

ENGLISH = """# FreeCAD FPA 2023
- 1. Budget for 2024: €20,000 (about 1.5k EUR per month), 12 new grants.
See https://example.org/x and [link](https://a.b/c) `v0.21.2`, FreeCAD 1.0, March 3rd, 15 Sept.
Version 0.22 was released on 2023-04-01; 35% of 40 developers.
"""
CHINESE = "2023年3月1日起，〔2022〕12号文件规定新增就业500人，见https://gov.cn/a 。（2021）3号"


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_english_masks_and_facts_are_found_as_finditer_finds_them() -> None:
    for pattern, hop in ((metric_english._MASKS, metric_english._MASK_HOP), (metric_english._FACT, metric_english._FACT_HOP)):
        found = _spans(hop_finditer(pattern, hop, ENGLISH))
        assert found, pattern.pattern  # the sample must exercise the pattern
        assert found == _spans(pattern.finditer(ENGLISH))


def test_chinese_masks_are_found_as_finditer_finds_them() -> None:
    found = _spans(hop_finditer(metric_scan._masks(), metric_scan._mask_hop(), CHINESE))
    assert len(found) >= 3
    assert found == _spans(metric_scan._masks().finditer(CHINESE))


def test_a_zero_width_hop_at_the_end_of_the_text_stops_the_scan() -> None:
    # ^ finds the empty line after a final newline; the scan must end there, not loop
    assert list(hop_finditer(metric_english._MASKS, metric_english._MASK_HOP, "text\n")) == []
    assert [m.group() for m in hop_finditer(metric_english._MASKS, metric_english._MASK_HOP, "v1.2.3\n")] == ["v1.2.3"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 \n-*+.)/:vVhtpw]()`{}<>€$UESDkMJanSeptFrQ%ſ,", max_size=60))
def test_hop_finditer_equals_finditer_on_any_english_like_text(text: str) -> None:
    for pattern, hop in ((metric_english._MASKS, metric_english._MASK_HOP), (metric_english._FACT, metric_english._FACT_HOP)):
        assert _spans(hop_finditer(pattern, hop, text)) == _spans(pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789年月日-/.〔〕[]［］()（）号 htp:/x中一二十百万亿分之半", max_size=60))
def test_next_number_equals_a_number_search_at_every_position(text: str) -> None:
    for pos in range(len(text) + 1):
        a, b = metric_scan._number().search(text, pos), metric_scan._next_number(text, pos)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert _spans(hop_finditer(metric_scan._masks(), metric_scan._mask_hop(), text)) == _spans(
        metric_scan._masks().finditer(text)
    )
