"""Metric extraction against the hand annotations in ../shared/gold, scored by ../shared/tools/score.py."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from reportkit.model import Report, ReportMeta
from reportkit.parse.metrics.extract import extract_metrics


def _predict(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    report = Report(meta=ReportMeta(), text=text)
    return attrs.evolve(report, metrics=extract_metrics(report)).to_dict()


def test_seed_metrics_meet_the_bar(shared: Path, seed_path: Path, score: ModuleType) -> None:
    result = score.score(_predict(seed_path), str(shared / "gold" / "liandu-2022"))["metrics"]
    assert result["f1"] >= 0.98
    assert result["qualifier_accuracy"] >= 0.95 and result["kind_accuracy"] >= 0.95


def test_fazhi_dev_files_meet_the_bar_micro_averaged(shared: Path, score: ModuleType) -> None:
    results = []
    for gold in sorted((shared / "gold" / "fazhi").glob("*.metrics.json")):
        stem = gold.name[: -len(".metrics.json")]
        org, year = stem.rsplit("-", 1)
        source = shared / "corpus" / "fazhi" / org / f"{year}.txt"
        results.append(score.score(_predict(source), str(gold.parent / stem)))
    assert len(results) == 12
    total = score.total(results)["metrics"]
    assert total["f1"] >= 0.95
    assert total["qualifier_accuracy"] >= 0.95 and total["kind_accuracy"] >= 0.95


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016])
def test_gongzuo_numbers_are_read_without_chinese_slogans(shared: Path, year: int) -> None:
    text = (shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt").read_text(encoding="utf-8")
    found = extract_metrics(Report(meta=ReportMeta(), text=text))
    assert len(found) > 50
    surfaces = {m.text for m in found}
    assert not surfaces & {"八项", "零部", "二元", "三公"}
    assert all(text[m.start : m.end] == m.text for m in found)


def test_gongzuo_target_conventions_are_followed(shared: Path) -> None:
    text = (shared / "corpus" / "gongzuo" / "china-state-council" / "2015.txt").read_text(encoding="utf-8")
    by_text = {m.text: m for m in extract_metrics(Report(meta=ReportMeta(), text=text))}
    growth = by_text["6.5%－7%"]
    assert (growth.qualifier.value, str(growth.value), str(growth.value_high)) == ("range", "6.5", "7")
    jobs = by_text["1000万人以上"]
    assert (jobs.value, jobs.unit, jobs.qualifier.value) == (10_000_000, "人", "approx_over")
