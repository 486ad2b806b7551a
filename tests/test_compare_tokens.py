"""Tokens, redlines and change scores: numbers keep their units, scores behave like similarities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process

from reportkit.comparison import scores
from reportkit.comparison.tokens import redline, tokenize


@pytest.mark.parametrize(
    "text, atom",
    [
        ("全年受理402件，", "402件"),
        ("增长7.5%左右", "7.5%"),
        ("财政赤字1.62万亿元", "1.62万亿元"),
        ("水利投资700多亿元", "700多亿元"),
        ("减少三分之一", "三分之一"),
        ("听取报告两次，", "两次"),
        ("改造5万台锅炉", "5万台"),
    ],
)
def test_a_number_and_its_unit_are_one_token(text: str, atom: str) -> None:
    assert atom in tokenize(text)


def test_latin_words_stay_whole_and_chinese_splits_by_character() -> None:
    assert tokenize("M2增长13%") == ("M2", "增", "长", "13%")
    assert tokenize("Legal aid cases") == ("Legal", " ", "aid", " ", "cases")


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="法治政府年件次个%.,0123456789万亿元 ，。abc\n", max_size=40))
def test_tokens_partition_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_redline_never_cuts_through_a_number() -> None:
    ops = redline("受理案件402件。", "受理案件450件。")
    assert [(o.op, o.old, o.new) for o in ops if o.op != "equal"] == [("replace", "402件", "450件")]


def test_redline_joins_stray_single_characters_into_one_phrase() -> None:
    ops = redline("同比增长7.5%", "同比下降3%")
    assert [(o.op, o.old, o.new) for o in ops] == [
        ("equal", "同比", "同比"),
        ("replace", "增长7.5%", "下降3%"),
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet="法治政府年件次12345%，。 ab", max_size=30),
    st.text(alphabet="法治政府年件次12345%，。 ab", max_size=30),
)
def test_redline_ops_rebuild_both_texts(a: str, b: str) -> None:
    ops = redline(a, b)
    assert "".join(o.old for o in ops) == a
    assert "".join(o.new for o in ops) == b


@pytest.mark.parametrize("scorer", [scores.cosine, scores.jaccard, scores.edit, scores.reuse])
def test_every_score_is_one_for_identical_text_and_lower_for_other_text(scorer) -> None:  # type: ignore[no-untyped-def]
    a = "全面推进依法行政，加快建设法治政府，全年受理行政复议案件402件。"
    b = "深化放管服改革，优化营商环境，新增市场主体一万户。"
    assert scorer(a, a) == 1.0
    assert scorer(a, b) < 0.5
    assert scorer(a, b, score_cutoff=0.99) == 0.0


def test_scores_have_rapidfuzz_form_and_work_in_cdist() -> None:
    grid = process.cdist(["依法行政", "法治政府"], ["依法行政", "营商环境"], scorer=scores.jaccard)
    assert grid[0][0] == 1.0 and grid[1][1] == 0.0


def test_reuse_is_the_share_of_this_years_text_taken_from_last_year() -> None:
    old = "全面推进依法行政加快建设法治政府。"
    assert scores.reuse(old, old + "今年新增的一段完全不同的文字内容。") == pytest.approx(0.5, abs=0.05)
    assert scores.reuse(old, "今年新增的一段完全不同的文字内容。") == 0.0


def test_span_scores_agree_with_the_string_scorers() -> None:
    a = "全面推进依法行政，加快建设法治政府，全年受理行政复议案件402件。"
    b = "全面推进依法行政，持续建设法治政府，全年受理行政复议案件450件。"
    po, pn = scores.TextProfile.pair(a, b)
    s = scores.span_scores(po, pn, (0, len(a)), (0, len(b)), 0.5)
    assert s.reuse == pytest.approx(scores.reuse(a, b), abs=1e-3)
    assert 0.5 < s.cosine < 1.0 and 0.3 < s.jaccard < 1.0 and s.edit == 0.5
