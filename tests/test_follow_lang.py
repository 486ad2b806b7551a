"""The comparison's words are data (reportkit/lang/zh/*.toml): each entry's example shows it, and the patterns
built from them find what the examples say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from reportkit import lang
from reportkit.comparison import metrics, tokens
from reportkit.comparison.followthrough import in_words, outcomes


@pytest.mark.parametrize(
    ("concept", "key"),
    [("indicators", "rate_suffixes"), ("followthrough", "list_ends")],
)
def test_each_entry_shows_its_word_in_its_example(concept: str, key: str) -> None:
    for entry in lang.data("zh", concept)[key]:
        assert entry["word"] in entry["example"], entry


def test_each_synonym_rewrites_its_example_as_it_says() -> None:
    for entry in lang.data("zh", "indicators")["synonyms"]:
        before, after = entry["example"].split(" → ")
        assert after in metrics.fold(before), entry


def test_an_indicator_loses_its_plan_words_and_reads_its_rate_noun_as_a_verb() -> None:
    assert outcomes._core("单位国内生产总值能耗要降低") == "能耗强度降低"
    assert outcomes._core("城镇居民收入增幅") == "城镇居民收入增长"
    assert outcomes._object("淘汰钢铁") == "钢铁"


def test_a_review_sentence_says_done_or_not_in_words() -> None:
    assert in_words._explicit("钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成") is True
    assert in_words._explicit("居民消费价格涨幅未达年初预期") is False
    assert in_words._explicit("继续推进钢铁行业改革") is None


def test_numbers_keep_their_units_and_scales_from_the_units_data() -> None:
    found = tokens.tokenize("减少300多亿元，培训5万人次，三分之一")
    assert found == ("减", "少", "300多亿元", "，", "培", "训", "5万人次", "，", "三分之一")


def test_a_user_adds_a_word_of_a_done_verdict_without_touching_code(tmp_path: Path) -> None:
    words = tmp_path / "words" / "zh"
    words.mkdir(parents=True)
    (words / "followthrough.toml").write_text("done = '大功告成'\n", encoding="utf-8")
    code = "from reportkit.comparison.followthrough import in_words; print(in_words._explicit('淘汰任务大功告成'))"
    env = {**os.environ, "REPORTKIT_LANG_PATH": str(tmp_path / "words")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=EXAMPLES)
    assert out.stdout.strip() == "True"
