"""Comparison measured against the hand annotations in ../shared/gold (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import reportkit
from reportkit.comparison.records import Tag

pytestmark = pytest.mark.shared


def _measure(capsys: pytest.CaptureFixture[str], fn, *args) -> dict[str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    fn(*args)
    return {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.strip()}


def _f1(line: str) -> float:
    m = re.search(r"F1=([0-9.]+)", line)
    assert m, line
    return float(m.group(1))


@pytest.fixture(scope="module")
def gongzuo(shared: Path) -> dict[int, reportkit.Report]:
    folder = shared / "corpus" / "gongzuo" / "china-state-council"
    return {y: reportkit.read(folder / f"{y}.txt") for y in range(2013, 2017)}


@pytest.mark.parametrize(
    "org, old, new",
    [
        ("taizhou-yuhuan", 2021, 2022),
        ("tianjin-jinghai", 2020, 2023),
        ("tianjin-jinghai", 2024, 2025),
        ("jiangxi-nanchang-county", 2019, 2020),
        ("jiangxi-nanchang-county", 2022, 2023),
    ],
)
def test_metric_pairing_matches_the_gold_pairs(shared: Path, score_diff, capsys, org: str, old: int, new: int) -> None:  # type: ignore[no-untyped-def]
    folder = shared / "corpus" / "fazhi" / org
    diff = reportkit.compare(reportkit.read(folder / f"{old}.txt"), reportkit.read(folder / f"{new}.txt"))
    data = json.loads(diff.to_json())
    gold = json.loads((shared / "gold" / "fazhi" / f"{org}.matching.json").read_text(encoding="utf-8"))
    expected = [p for p in gold["pairs"] if p["a"]["year"] == old and p["b"]["year"] == new]
    predicted = [m for m in data["metrics"] if m["old"] and m["new"]]
    if not expected:
        assert predicted == []  # these fragments share no indicator: any pair is a false one
        return
    out = _measure(
        capsys, score_diff.pairs, data, str(shared / "gold" / "fazhi"), org, str(old), str(new)
    )
    assert _f1(out["pairs"]) >= 0.9


@pytest.mark.parametrize("old", [2013, 2014, 2015])
def test_followthrough_finds_targets_outcomes_and_verdicts(shared: Path, score_diff, gongzuo, capsys, old: int) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(reportkit.compare(gongzuo[old], gongzuo[old + 1]).to_json())
    gold = shared / "gold" / f"gongzuo-followthrough-{old}-{old + 1}.json"
    out = _measure(capsys, score_diff.followthrough, data, str(gold), None)
    assert _f1(out["targets"]) >= 0.85
    assert _f1(out["outcomes"]) >= 0.8
    agree, judged = map(int, re.search(r"(\d+)/(\d+) agree", out["met/missed"]).groups())  # type: ignore[union-attr]
    assert agree >= 0.85 * judged  # 0.9 over the three pairs together; one pair may be a target short


def test_consecutive_state_council_reports_keep_their_section_skeleton(gongzuo) -> None:  # type: ignore[no-untyped-def]
    diff = reportkit.compare(gongzuo[2013], gongzuo[2014])
    top = [p for p in diff.sections if (p.old or p.new).level == 1]
    review = next(p for p in top if p.old is not None and "工作回顾" in p.old.title)
    assert review.new is not None and "工作回顾" in review.new.title  # 2013年工作回顾 ↔ 2014年工作回顾
    assert review.tag is not Tag.RENAMED and review.scores is not None
    assert diff.scores is not None and 0.0 < diff.scores.reuse < 0.5  # a new year's report is mostly new text


def test_every_sentence_of_both_reports_is_accounted_for(gongzuo) -> None:  # type: ignore[no-untyped-def]
    diff = reportkit.compare(gongzuo[2014], gongzuo[2015])
    olds = sorted(p.old.start for p in diff.sentences if p.old is not None)
    news = sorted(p.new.start for p in diff.sentences if p.new is not None)
    assert olds == [s.start for s in gongzuo[2014].sentences]
    assert news == [s.start for s in gongzuo[2015].sentences]


def test_met_and_missed_agree_with_gold_nine_times_in_ten(shared: Path, score_diff, gongzuo, capsys) -> None:  # type: ignore[no-untyped-def]
    agree = judged = 0
    for old in (2013, 2014, 2015):
        data = json.loads(reportkit.compare(gongzuo[old], gongzuo[old + 1]).to_json())
        gold = shared / "gold" / f"gongzuo-followthrough-{old}-{old + 1}.json"
        out = _measure(capsys, score_diff.followthrough, data, str(gold), None)
        a, j = map(int, re.search(r"(\d+)/(\d+) agree", out["met/missed"]).groups())  # type: ignore[union-attr]
        agree, judged = agree + a, judged + j
    assert agree >= 0.9 * judged
