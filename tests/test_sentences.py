"""Sentences: exact spans, Chinese and English punctuation, brackets kept whole, section tags."""

from __future__ import annotations

import itertools
from pathlib import Path

import reportkit
from reportkit.parse.structure.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in reportkit.parse_text(text).sentences]


def test_chinese_splits_after_full_stops_semicolons_and_line_ends() -> None:
    assert texts("开展学习12次。建立机制；完善制度!好吗？\n新的一行") == [
        "开展学习12次。",
        "建立机制；",
        "完善制度!",
        "好吗？",
        "新的一行",
    ]


def test_marks_inside_brackets_and_quotes_do_not_split() -> None:
    text = "他说“办成了。真好。”然后离开。印发《关于A。B的通知》（试行。）等文件。"
    assert texts(text) == ["他说“办成了。真好。”然后离开。", "印发《关于A。B的通知》（试行。）等文件。"]


def test_an_unclosed_bracket_protects_nothing() -> None:
    assert texts("甲（乙。丙。\n丁。") == ["甲（乙。", "丙。", "丁。"]


def test_english_splits_before_a_capital_but_not_after_abbreviations_or_decimals() -> None:
    text = "We spent €2.5 million, e.g. Grants for developers. It went well! Did it? Yes."
    assert texts(text) == [
        "We spent €2.5 million, e.g. Grants for developers.",
        "It went well!",
        "Did it?",
        "Yes.",
    ]


def test_a_section_marker_opens_a_sentence_in_one_line_reports() -> None:
    text = "报告" * 100 + "如下: 一、主要举措 (一)夯实基础。一是提升思维。内容。"
    r = reportkit.parse_text(text)
    assert [(s.text, s.section) for s in r.sentences] == [
        ("报告" * 100 + "如下:", ""),
        ("一、主要举措", "一"),
        ("(一)夯实基础。", "一/(一)"),
        ("一是提升思维。", "一/(一)/一是"),
        ("内容。", "一/(一)/一是"),
    ]


def test_spans_are_exact_and_never_empty_or_overlapping() -> None:
    text = "  第一句。 \n\n第二句；|第三句  "
    spans = split_sentences(text, [])
    assert [text[a:b] for a, b in spans] == ["第一句。", "第二句；", "第三句"]
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


def test_seed_sentences_are_tagged_with_the_deepest_section(seed_path: Path) -> None:
    r = reportkit.read(seed_path)
    by_start = {s.start: s for s in r.sentences}
    assert by_start[238].text == "一是着力提升公职人员法治思维。" and by_start[238].section == "一/(一)/一是"
    problems = next(s for s in r.sentences if s.text.startswith("在看到成绩的同时"))
    assert problems.section == "一"  # the problems paragraph closes (四) and 四是
    for s in r.sentences:
        assert r.text[s.start : s.end] == s.text
        sec = r.section_at(s.start)
        assert s.section == (sec.path if sec else "")
