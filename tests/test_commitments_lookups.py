"""The per-report lookups and fast scans of the commitments stage answer what the direct scans answer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import reportkit
from reportkit.model import Report, ReportMeta, Section
from reportkit.parse.commitments.split import split_clauses as fast_split_clauses
from reportkit.parse.commitments.split import top_level_commas
from reportkit.parse.text.index import SectionIndex, SentenceStops, SpanSet

NESTED = """2022年工作报告
一、2022年工作回顾
（一）依法行政。全年新增就业500人。
1.完善制度。出台规范性文件3件。
（二）执法监督。办理案件12件。
二、2023年工作计划
（一）加强安全生产。持续开展危化品专项检查、隐患排查治理等行动。
（二）保障民生。城乡低保标准提高到650元。
"""


def test_section_index_finds_the_section_section_at_finds_at_every_offset() -> None:
    report = reportkit.parse_text(NESTED)
    assert any(s.children for s in report.sections)  # the text must make nested sections
    index = SectionIndex(report)
    for offset in range(-1, len(report.text) + 2):
        assert index.at(offset) == report.section_at(offset), offset


def test_section_index_on_the_seed_report(seed_path: Path) -> None:
    report = reportkit.read(seed_path)
    index = SectionIndex(report)
    for offset in range(0, len(report.text), 7):
        assert index.at(offset) == report.section_at(offset), offset


def _section(start: int, end: int, path: str, *children: Section) -> Section:
    return Section(1, "一、", path, start, end, start, start + 2, path, tuple(children))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12), st.booleans()), max_size=6))
def test_section_index_agrees_even_on_overlapping_sections(raw: list[tuple[int, int, bool]]) -> None:
    # hand-made trees (the sections stage never overlaps siblings): the index must still agree
    nodes: list[Section] = []
    for n, (start, length, nest) in enumerate(raw):
        node = _section(start, start + length, str(n))
        if nest and nodes:
            parent = nodes.pop()
            node = attrs.evolve(parent, children=(*parent.children, node))
        nodes.append(node)
    report = Report(meta=ReportMeta(), text="甲" * 50, sections=tuple(nodes))
    index = SectionIndex(report)
    for offset in range(-1, 52):
        assert index.at(offset) == report.section_at(offset), offset


def test_section_index_is_quick_on_thousands_of_headings() -> None:
    sections = tuple(_section(i * 10, i * 10 + 10, str(i), _section(i * 10 + 3, i * 10 + 6, f"{i}.1")) for i in range(3000))
    report = Report(meta=ReportMeta(), text="甲" * 30_000, sections=sections)
    index = SectionIndex(report)  # one bisection per boundary: a walk per boundary would take seconds here
    assert index.at(12_345) is not None and index.at(12_345).path == "1234.1"  # type: ignore[union-attr]
    assert index.at(12_347).path == "1234"  # type: ignore[union-attr]


def test_section_index_without_sections_finds_none() -> None:
    report = reportkit.parse_text("没有标题的一段话。")
    assert SectionIndex(report).at(3) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6))
def test_span_set_holds_what_some_span_holds(spans: list[tuple[int, int]]) -> None:
    held = SpanSet(spans)
    for offset in range(-1, 32):
        assert (offset in held) == any(a <= offset < b for a, b in spans), offset


def _around_directly(text: str, stops: str, reach: int, start: int, end: int) -> tuple[int, int]:
    floor = max(0, start - reach)
    ceiling = min(len(text), end + reach)
    lo = max(floor - 1, *(text.rfind(c, floor, start) for c in stops)) + 1
    his = [i for i in (text.find(c, end, ceiling) for c in stops) if i >= 0]
    return lo, min(his) if his else ceiling


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="。！?\n甲乙丙", max_size=40), st.integers(0, 40), st.integers(0, 40), st.integers(1, 8))
def test_sentence_stops_match_a_window_scan(text: str, a: int, b: int, reach: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    stops = SentenceStops(text, "。！？!?\n", reach)
    assert stops.around(start, end) == _around_directly(text, "。！？!?\n", reach, start, end)


# The plain character-by-character definition split_clauses must keep to.
_BREAKS = frozenset("，,；;。！？!?：:\n\r|")
_PAIR = dict(zip("（(《“‘「『【〔", "）)》”’」』】〕"))


def _split_directly(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    def emit(s: int, e: int) -> Iterator[tuple[int, int]]:
        while s < e and (text[s].isspace() or text[s] in "|*-•·>#"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 2 and any(ch.isalnum() for ch in text[s:e]):
            yield s, e

    depth: list[str] = []
    skips = sorted(skip)
    lo = i = start
    k = 0
    while i < end:
        while k < len(skips) and skips[k][1] <= i:
            k += 1
        if k < len(skips) and skips[k][0] <= i < skips[k][1]:
            yield from emit(lo, i)
            i = lo = skips[k][1]
            depth.clear()
            continue
        ch = text[i]
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in _PAIR and _PAIR[ch] in text[i + 1 : min(end, i + 120)]:
            depth.append(_PAIR[ch])
        elif ch == "\n":
            depth.clear()
            yield from emit(lo, i)
            lo = i + 1
        elif ch in _BREAKS and not depth or ch == " " and i + 1 < end and text[i + 1] == " " and not depth:
            yield from emit(lo, i)
            lo = i + 1
        i += 1
    yield from emit(lo, end)


_CLAUSE_TEXT = st.text(alphabet="，；。：\n|（）《》“”  甲乙丙a1、", max_size=50)


@settings(max_examples=300, deadline=None)
@given(
    _CLAUSE_TEXT,
    st.integers(0, 50),
    st.integers(0, 50),
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 8)), max_size=3),
)
def test_split_clauses_cuts_where_the_character_scan_cuts(
    text: str, a: int, b: int, raw_skips: list[tuple[int, int]]
) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    skips = [(s, s + n) for s, n in raw_skips]
    assert list(fast_split_clauses(text, start, end, skip=skips)) == list(_split_directly(text, start, end, skips))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="、（）《》“”甲乙", max_size=30))
def test_top_level_commas_skip_bracketed_ones(text: str) -> None:
    expected: list[int] = []
    depth: list[str] = []
    for i, ch in enumerate(text):
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in _PAIR:
            depth.append(_PAIR[ch])
        elif ch == "、" and not depth:
            expected.append(i)
    assert top_level_commas(text, 0, len(text)) == expected
