"""Properties that hold for any text: no exception, spans inside the text and nested, a lossless JSON round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportkit
from reportkit.model import Report, Section

PIECES = [
    "一、",
    "二、",
    "三、",
    "(一)",
    "（二）",
    "(三)",
    "1.",
    "2、",
    "３．",
    "(1)",
    "（2）",
    "①",
    "②",
    "一是",
    "二是",
    "三是",
    "第一，",
    "第二,",
    "# ",
    "## ",
    "1.1 ",
    "I. ",
    "II. ",
    "。",
    "；",
    "，",
    ",",
    ":",
    "：",
    "！",
    "？",
    ". ",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "|",
    "“",
    "”",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "四统一",
    "(街道)",
    "(2021-2025年)",
    "3.5%",
    "2022年",
    "莲都区政府",
    "工作思路",
    "存在的问题和不足",
    "在看到成绩的同时",
    "我们也清醒地认识到",
    "如",
    "等问题",
    "这些问题",
    "各位代表！",
    "Plans for 2024",
    "We did it",
    "---\ntitle: x\n---\n",
    "索引号 | 1/2 | 发布机构 | 局 | ||\n",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)


def check_tree(nodes: tuple[Section, ...], lo: int, hi: int, text: str) -> None:
    prev_end = lo
    for s in nodes:
        assert lo <= s.start <= s.title_start <= s.title_end <= s.end <= hi
        assert s.start >= prev_end, "siblings overlap"
        assert text[s.title_start : s.title_end] == s.title
        assert s.level >= 1 and all(c.level == s.level + 1 for c in s.children)
        check_tree(s.children, s.start, s.end, text)
        prev_end = s.end


def check_report(r: Report) -> None:
    text = r.text
    check_tree(r.sections, 0, len(text), text)
    prev = 0
    for s in r.sentences:
        assert prev <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end]
        prev = s.end
    for p in r.parts:
        assert 0 <= p.start <= p.end <= len(text)
    for pr in r.problems:
        assert pr.text == text[pr.start : pr.end]
    assert Report.from_json(r.to_json()) == r


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_parses_into_consistent_spans(text: str) -> None:
    check_report(reportkit.parse_text(text))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_parses(text: str) -> None:
    check_report(reportkit.parse_text(text))


def test_a_long_single_line_parses_linearly() -> None:
    # many inline markers on one line: the candidate scan must not look back to the line start each time
    unit = "(一)标题。一是内容12.5%。二是内容。 (二)标题。一是内容。 "
    r = reportkit.parse_text("一、总体 " + unit * 3000)
    assert len(r.sections) == 1 and len(r.sections[0].children) == 2  # (三)… never come: (一) repeats


def corpus_files() -> list[Path]:
    root = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    return sorted(root.rglob("*.txt")) + [
        Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_181ea02df9ec367e.txt"
    ]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_report_round_trips_through_json(shared: Path, path: Path) -> None:
    check_report(reportkit.read(path))
