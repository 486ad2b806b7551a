"""Commitments against the hand annotations in ../shared/gold (skipped where ../shared is absent).

* liandu-2022: clause F1 with character IoU >= 0.5, as tools/score.py counts it;
* gongzuo 2013-2015: numeric targets as tools/score_diff.py followthrough counts them: a gold
  target is found when some commitment's target overlaps it or one of its restatements, each
  commitment used once; every commitment with a target is a prediction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import reportkit
from reportkit.model import Commitment

DEV_YEARS = (2013, 2014, 2015)


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _iou(a: Commitment, g: dict[str, Any]) -> float:
    inter = max(0, min(a.end, g["end"]) - max(a.start, g["start"]))
    union = max(a.end, g["end"]) - min(a.start, g["start"])
    return inter / union if union else 0.0


def target_counts(report: reportkit.Report, gold: list[dict[str, Any]],
                  tiers: set[str] | None = None) -> tuple[int, int, int]:
    """(found, predicted, gold) for one followthrough gold file, as score_diff.py counts them."""
    golds = [g for g in gold if tiers is None or g["tier"] in tiers]
    preds = [c for c in report.commitments if c.target is not None]
    used: set[int] = set()
    for g in golds:
        mentions = [g["target"], *[m for m in g.get("target_alt_mentions", []) if "end" in m]]
        for i, c in enumerate(preds):
            t = c.target
            assert t is not None
            if i not in used and any(min(t.end, m["end"]) > max(t.start, m["start"]) for m in mentions):
                used.add(i)
                break
    return len(used), len(preds), len(golds)


@pytest.fixture(scope="module")
def gongzuo(shared: Path) -> dict[int, tuple[reportkit.Report, list[dict[str, Any]]]]:
    out = {}
    for y in DEV_YEARS:
        report = reportkit.read(shared / "corpus" / "gongzuo" / "china-state-council" / f"{y}.txt")
        gold = json.loads((shared / "gold" / f"gongzuo-followthrough-{y}-{y + 1}.json").read_text(encoding="utf-8"))
        out[y] = (report, gold)
    return out


def test_seed_commitment_clauses_match_the_gold(seed_path: Path, shared: Path) -> None:
    report = reportkit.read(seed_path)
    gold = json.loads((shared / "gold" / "liandu-2022.commitments.json").read_text(encoding="utf-8"))
    used: set[int] = set()
    for g in gold:
        for i, c in enumerate(report.commitments):
            if i not in used and _iou(c, g) >= 0.5:
                used.add(i)
                break
    _p, _r, f1 = _prf(len(used), len(report.commitments), len(gold))
    assert f1 >= 0.85, f"commitments F1 {f1:.3f}"


def test_seed_the_one_numeric_commitment_has_its_target(seed_path: Path) -> None:
    report = reportkit.read(seed_path)
    targets = [c for c in report.commitments if c.target is not None]
    assert [(c.target.value, c.target.unit) for c in targets if c.target] == [(1, "名")]
    assert targets[0].text.startswith("力争") and targets[0].measurable


def test_main_and_macro_targets_are_found(gongzuo: dict[int, Any]) -> None:
    found = gold = 0
    for report, g in gongzuo.values():
        f, _p, n = target_counts(report, g, {"main", "macro"})
        found, gold = found + f, gold + n
    assert found / gold >= 0.9, f"main+macro recall {found}/{gold}"


def test_targets_of_all_tiers_reach_f1(gongzuo: dict[int, Any]) -> None:
    found = predicted = gold = 0
    for report, g in gongzuo.values():
        f, p, n = target_counts(report, g)
        found, predicted, gold = found + f, predicted + p, gold + n
    _p, _r, f1 = _prf(found, predicted, gold)
    assert f1 >= 0.85, f"all-tier target F1 {f1:.3f} ({found} found, {predicted} predicted, {gold} gold)"


def test_each_year_has_its_headline_growth_target_once(gongzuo: dict[int, Any]) -> None:
    for report, _g in gongzuo.values():
        growth = [c for c in report.commitments if c.target is not None and "国内生产总值增长" in c.text]
        assert len(growth) == 1, [c.text for c in growth]


if __name__ == "__main__":  # python tests/test_commitments_gold.py: print the measurements
    SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

    totals: dict[str, list[int]] = {}
    for y in DEV_YEARS:
        rep = reportkit.read(SHARED / "corpus" / "gongzuo" / "china-state-council" / f"{y}.txt")
        g = json.loads((SHARED / "gold" / f"gongzuo-followthrough-{y}-{y + 1}.json").read_text(encoding="utf-8"))
        for name, tiers in (("all tiers", None), ("main+macro", {"main", "macro"})):
            counts = target_counts(rep, g, tiers)
            totals.setdefault(name, [0, 0, 0])
            totals[name] = [a + b for a, b in zip(totals[name], counts)]
            print(f"{y}-{y + 1} {name:10s} found {counts[0]}/{counts[2]}, {counts[1]} predicted")
    for name, (f, p, n) in totals.items():
        pr, rc, f1 = _prf(f, p, n)
        print(f"total {name:10s} P={pr:.3f} R={rc:.3f} F1={f1:.3f} ({f} found, {p} predicted, {n} gold)")
